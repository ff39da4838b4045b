// The counter's matter search as a clerk types it: part of the name, initials, whole syllables, short forms.
import { describe, expect, it } from 'vitest';
import { matterMatches } from '../../src/renderer/src/pages/counter/matter-search';

const m = (name: string) => ({ name });

describe('matter search', () => {
  it('finds a matter by part of its name, its initials, whole syllables and the short forms clerks use', () => {
    expect(matterMatches(m('高龄津贴申领'), '津贴')).toBe(true);
    expect(matterMatches(m('高龄津贴申领'), 'gljt')).toBe(true);
    expect(matterMatches(m('高龄津贴申领'), 'gaoling')).toBe(true);
    expect(matterMatches(m('高龄津贴申领'), 'GaoLingJT')).toBe(true);
    expect(matterMatches(m('最低生活保障申请'), 'dibao')).toBe(true);
    expect(matterMatches(m('社会保障卡挂失、补换代办'), 'shebao')).toBe(true);
    expect(matterMatches(m('城乡居民基本养老保险参保登记'), 'yanglao')).toBe(true);
  });

  it('does not find what the name does not spell', () => {
    expect(matterMatches(m('高龄津贴申领'), 'dibao')).toBe(false);
    expect(matterMatches(m('高龄津贴申领'), 'gaolingx')).toBe(false);
    expect(matterMatches(m('居住情况证明出具'), '养老')).toBe(false);
  });
});

// The pinyin a member's name is searched by: initials and full syllables, surnames read as surnames
// (单 shan, 曾 zeng), ü written v, anything that is not a letter left out.
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { namePinyin } from '../../../src/core/services/pinyin';

describe('namePinyin', () => {
  it.each([
    ['张三丰', 'zsf', 'zhangsanfeng'],
    ['单田芳', 'stf', 'shantianfang'],
    ['曾国藩', 'zgf', 'zengguofan'],
    ['欧阳修', 'oyx', 'ouyangxiu'],
    ['吕布', 'lb', 'lvbu'],
    ['阿依古丽·买买提', 'aygl' + 'mmt', 'ayiguli' + 'maimaiti'],
    ['张 三', 'zs', 'zhangsan'],
    ['李A', 'la', 'lia'],
  ])('%s → %s, %s', (name, initials, full) => {
    expect(namePinyin(name)).toEqual({ initials, full });
  });

  it('gives the same initials as pinyin-pro’s own first-letter pattern, for every kind of character', () => {
    const names = Array.from({ length: 3000 }, (_, i) =>
      [7919, 104729, 1299709].map((step) => String.fromCharCode(0x4e00 + ((i * step) % 20902))).join(''),
    );
    for (const name of [...names, '长孙无忌', '尉迟恭', '万俟卨', '解缙', '仇英', '朴树', '区伟', '查良镛', 'Tom Li', '王2号']) {
      const first = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true, pattern: 'first' });
      expect(namePinyin(name).initials, name).toBe(first.join('').toLowerCase().replace(/[^a-z]/g, ''));
    }
  });
});

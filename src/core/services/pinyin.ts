// Pinyin of a member's name for search: typing `zsf` or `zhangsanfeng` finds 张三丰 (ü written v).
import { pinyin } from 'pinyin-pro';

const OPTIONS = { toneType: 'none', type: 'array', surname: 'head', v: true } as const;
const clean = (parts: string[]) => parts.join('').toLowerCase().replace(/[^a-z]/g, '');

/**
 * One conversion gives both: the initials are the syllables' first letters (pinyin-pro's `pattern: 'first'`
 * gives the same, at the price of a second pass over the name — felt in a 50,000-row import).
 */
export function namePinyin(name: string): { initials: string; full: string } {
  const syllables = pinyin(name, OPTIONS);
  return { initials: clean(syllables.map((s) => s.charAt(0))), full: clean(syllables) };
}

// Pinyin of a member's name for search: typing `zsf` or `zhangsanfeng` finds 张三丰 (ü written v).
import { pinyin } from 'pinyin-pro';

const OPTIONS = { toneType: 'none', type: 'array', surname: 'head', v: true } as const;
const clean = (parts: string[]) => parts.join('').toLowerCase().replace(/[^a-z]/g, '');

/**
 * One conversion gives both: the initials are the syllables' first letters (pinyin-pro's `pattern: 'first'`
 * gives the same, at the price of a second pass over the name — felt in a 50,000-row import).
 */
export function namePinyin(name: string): { initials: string; full: string } {
  let known = seen.get(name);
  if (!known) {
    const syllables = pinyin(name, OPTIONS);
    known = { initials: clean(syllables.map((s) => s.charAt(0))), full: clean(syllables) };
    // Names repeat (a street's roster has many 王伟 and 李娜): a large import converts each once.
    if (seen.size >= MAX_REMEMBERED) seen.clear();
    seen.set(name, known);
  }
  return known;
}

const MAX_REMEMBERED = 50_000;
const seen = new Map<string, { initials: string; full: string }>();

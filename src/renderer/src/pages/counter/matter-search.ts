// The matter search of the counter and the catalog: by any part of the name, or by pinyin as clerks type it.
import { pinyin } from 'pinyin-pro';
import type { ServiceMatterInfo } from '../../../../shared/api/contract-counter';

/** The lower-case pinyin syllables of a matter's name: 高龄津贴申领 → gao ling jin tie shen ling. */
function syllables(name: string): string[] {
  return pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed' }).map((s) => s.toLowerCase());
}

const syllablesCache = new Map<string, string[]>();

/**
 * Whether the typed letters spell the start of some of the syllables, in order: initials (`gljt`), whole
 * syllables (`gaoling`), clerks' short forms (`dibao` for 最低生活保障, `shebao` for 社会保障卡) and any mix.
 */
function spells(words: readonly string[], q: string): boolean {
  const memo = new Map<number, boolean>();
  const from = (word: number, at: number): boolean => {
    if (at === q.length) return true;
    if (word === words.length) return false;
    const key = word * 64 + at;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let found = from(word + 1, at);
    const w = words[word];
    for (let k = 1; !found && k <= w.length && at + k <= q.length && w[k - 1] === q[at + k - 1]; k++) found = from(word + 1, at + k);
    memo.set(key, found);
    return found;
  };
  return from(0, 0);
}

/** True when `query` is in the matter's name, or its letters spell the start of the name's syllables in order. */
export function matterMatches(matter: Pick<ServiceMatterInfo, 'name'>, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  if (matter.name.toLowerCase().includes(q)) return true;
  if (!/^[a-z]+$/.test(q) || q.length > 60) return false;
  let words = syllablesCache.get(matter.name);
  if (words === undefined) {
    words = syllables(matter.name);
    syllablesCache.set(matter.name, words);
  }
  return spells(words, q);
}

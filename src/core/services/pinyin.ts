// Pinyin of a member's name for search: typing `zsf` or `zhangsanfeng` finds 张三丰 (ü written v).
import { pinyin } from 'pinyin-pro';

export function namePinyin(name: string): { initials: string; full: string } {
  const options = { toneType: 'none', type: 'array', surname: 'head', v: true } as const;
  const clean = (parts: string[]) => parts.join('').toLowerCase().replace(/[^a-z]/g, '');
  return {
    initials: clean(pinyin(name, { ...options, pattern: 'first' })),
    full: clean(pinyin(name, options)),
  };
}

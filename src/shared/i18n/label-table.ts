// A table of texts in both languages whose English side must have exactly the Chinese side's keys:
// a label added in one language only fails the type check.
import type { Language } from '../api/schemas';

export type LabelTable<K extends string = string> = Readonly<Record<Language, Readonly<Record<K, string>>>>;

export function labelTable<const Z extends Record<string, string>>(table: {
  'zh-CN': Z;
  en: { [K in keyof Z]: string };
}): LabelTable<Extract<keyof Z, string>> {
  return table;
}

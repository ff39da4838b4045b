// Readable names of audit actions and entities. Action names contain dots, so they are looked up
// directly rather than through i18next's dotted keys; unknown names are shown as they are.
import type { Language } from '../../../shared/api/schemas';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';

const TABLES = { 'zh-CN': zhCN, en } as const;

export function auditActionLabel(action: string, lang: Language): string {
  return (TABLES[lang].auditActions as Record<string, string>)[action] ?? action;
}

export function auditEntityLabel(entity: string, lang: Language): string {
  return (TABLES[lang].auditEntities as Record<string, string>)[entity] ?? entity;
}

export const AUDIT_ACTIONS = Object.keys(zhCN.auditActions);
export const AUDIT_ENTITIES = Object.keys(zhCN.auditEntities);

// Readable names of audit actions and entities. Action names contain dots, so they are looked up
// directly rather than through i18next's dotted keys; unknown names are shown as they are.
import type { WriteMethod } from '../../../shared/api/contract';
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

/** Audit actions that are not a method of their own: refused or failed attempts. */
type AuditEvent = 'auth.loginFailed' | 'auth.loginRefused' | 'auth.unlockFailed';
/** Every action the audit log can hold: each write method, and the events above. */
export type AuditAction = WriteMethod | AuditEvent;

// A write method without a label in both catalogs fails the type check here.
const zhActionLabels: Record<AuditAction, string> = zhCN.auditActions;
const enActionLabels: Record<AuditAction, string> = en.auditActions;
void enActionLabels;

export const AUDIT_ACTIONS = Object.keys(zhActionLabels) as AuditAction[];
export const AUDIT_ENTITIES = Object.keys(zhCN.auditEntities);

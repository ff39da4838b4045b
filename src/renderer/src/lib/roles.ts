// Role checks the UI uses to hide what the core would refuse anyway (the core remains the judge).
import { ROLE_RANK } from '../../../shared/api/contract';
import type { Language, Role } from '../../../shared/api/schemas';
import { ROLE_LABELS } from '../../../shared/i18n/messages';

export function hasRole(role: Role, min: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[min];
}

export function roleLabel(role: Role, lang: Language): string {
  return ROLE_LABELS[lang][role] ?? role;
}

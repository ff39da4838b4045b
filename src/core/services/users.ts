// User accounts: rows ↔ UserInfo, creation and updates with the rules an administrator relies on.
import type { Db } from '../db/connection';
import type { UserInfo } from '../../shared/api/contract';
import type { ApiParsedInput } from '../../shared/api/contract';
import { checkCommunityCode } from '../../shared/division-code';
import { AppError } from '../../shared/result';
import { all, first, qb, run } from '../db/query';
import type { User } from '../db/schema';
import { streetCodeOf } from './street';

export function toUserInfo(row: User): UserInfo {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    scopeCommunityCode: row.scope_community_code,
    disabled: row.disabled === 1,
    lockedUntil: row.locked_until,
    language: row.language,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

/** What an audit entry shows of a user: never the password hash. */
export function auditView(row: User): Record<string, unknown> {
  const { password_hash: _hash, ...rest } = row;
  return rest;
}

export function getUser(db: Db, id: number): User {
  const row = first(db, qb.selectFrom('users').selectAll().where('id', '=', id));
  if (!row) throw new AppError('NOT_FOUND', `user ${id} not found`, { entity: 'user', id });
  return row;
}

export function findUserByName(db: Db, username: string): User | undefined {
  return first(db, qb.selectFrom('users').selectAll().where('username', '=', username));
}

export function listUsers(db: Db): User[] {
  return all(db, qb.selectFrom('users').selectAll().orderBy('id'));
}

function assertUsernameFree(db: Db, username: string): void {
  if (findUserByName(db, username)) {
    throw new AppError('USERNAME_TAKEN', `user name ${username} is taken`, { username });
  }
}

/** A scope must be a community of this street. */
function assertScope(db: Db, code: string | null | undefined): void {
  if (!code) return;
  const street = streetCodeOf(db);
  const problem = checkCommunityCode(code, street ?? undefined);
  if (problem) {
    throw new AppError('VALIDATION', 'scope is not a community of this street', {
      issues: [
        { field: 'scopeCommunityCode', problem, value: code, params: { street: (street ?? '').slice(0, 9) } },
      ],
    });
  }
}

export function insertUser(
  db: Db,
  input: Omit<ApiParsedInput<'users.create'>, 'password'> & { language?: UserInfo['language'] },
  passwordHash: string,
  now: Date,
): User {
  assertUsernameFree(db, input.username);
  assertScope(db, input.scopeCommunityCode);
  const at = now.toISOString();
  const { lastInsertRowid } = run(
    db,
    qb.insertInto('users').values({
      username: input.username,
      display_name: input.displayName,
      role: input.role,
      scope_community_code: input.scopeCommunityCode ?? null,
      password_hash: passwordHash,
      language: input.language ?? 'zh-CN',
      created_at: at,
      updated_at: at,
      password_changed_at: at,
    }),
  );
  return getUser(db, lastInsertRowid);
}

function activeAdminCount(db: Db, exceptId: number): number {
  const row = first(
    db,
    qb
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .where('disabled', '=', 0)
      .where('id', '!=', exceptId),
  );
  return row?.n ?? 0;
}

export function updateUser(db: Db, input: ApiParsedInput<'users.update'>, now: Date): { before: User; after: User } {
  const before = getUser(db, input.id);
  const losesAdmin =
    before.role === 'admin' &&
    before.disabled === 0 &&
    ((input.role !== undefined && input.role !== 'admin') || input.disabled === true);
  if (losesAdmin && activeAdminCount(db, before.id) === 0) {
    throw new AppError('LAST_ADMIN', 'the last active administrator cannot be demoted or disabled');
  }
  if (input.scopeCommunityCode !== undefined) assertScope(db, input.scopeCommunityCode);
  run(
    db,
    qb
      .updateTable('users')
      .set({
        ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.scopeCommunityCode !== undefined ? { scope_community_code: input.scopeCommunityCode } : {}),
        ...(input.disabled !== undefined ? { disabled: input.disabled ? 1 : 0 } : {}),
        updated_at: now.toISOString(),
      })
      .where('id', '=', input.id),
  );
  return { before, after: getUser(db, input.id) };
}

export function setPasswordHash(db: Db, id: number, passwordHash: string, now: Date): void {
  run(
    db,
    qb
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        password_changed_at: now.toISOString(),
        updated_at: now.toISOString(),
        failed_attempts: 0,
        locked_until: null,
      })
      .where('id', '=', id),
  );
}

// Five wrong passwords in a row lock an account for five minutes; every failed attempt is in the audit log.
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/shared/api/contract';
import { MINUTE, SECOND, USER_PASSWORD, expectError, type TestApp, appsForEachTest } from '../support/factory';

const app = appsForEachTest();

async function appWithClerk(): Promise<TestApp & { clerkId: number }> {
  const t = await app();
  const clerk = await t.app.invoke(
    'users.create',
    { username: 'lihua', displayName: '李华', role: 'clerk', password: USER_PASSWORD },
    t.adminToken,
  );
  return { ...t, clerkId: clerk.id };
}

const wrong = { username: 'lihua', password: 'Wrong2026pass' };
const right = { username: 'lihua', password: USER_PASSWORD };

async function auditEntries(t: TestApp, action: string): Promise<AuditEntry[]> {
  return (await t.app.invoke('audit.list', { action, limit: 500 }, t.adminToken)).entries.filter((e) => e.action === action);
}

describe('wrong passwords', () => {
  it('lock the account on the fifth, until five minutes later; the right password is refused meanwhile', async () => {
    const t = await appWithClerk();
    for (let i = 1; i <= 4; i++) {
      await expectError(t.app, 'auth.login', wrong, null, 'INVALID_CREDENTIALS');
      t.clock.advance(10 * SECOND);
    }
    const lockedAt = t.clock.now();
    const error = await expectError(t.app, 'auth.login', wrong, null, 'ACCOUNT_LOCKED');
    const until = new Date(lockedAt.getTime() + 5 * MINUTE);
    expect(error.details?.until).toBe(until.toISOString());
    // The message names the local time the clerk may try again: 09:05:40 → "09:05".
    expect(error.message).toContain('2026-03-10 09:05');

    await expectError(t.app, 'auth.login', right, null, 'ACCOUNT_LOCKED');
    t.clock.advance(5 * MINUTE - SECOND);
    await expectError(t.app, 'auth.login', right, null, 'ACCOUNT_LOCKED');

    const [listed] = (await t.app.invoke('users.list', {}, t.adminToken)).filter((u) => u.id === t.clerkId);
    expect(listed.lockedUntil).toBe(until.toISOString());
  });

  it('after five minutes and a second the right password works and the count starts again', async () => {
    const t = await appWithClerk();
    for (let i = 1; i <= 4; i++) await expectError(t.app, 'auth.login', wrong, null, 'INVALID_CREDENTIALS');
    await expectError(t.app, 'auth.login', wrong, null, 'ACCOUNT_LOCKED');

    t.clock.advance(5 * MINUTE + SECOND);
    const login = await t.app.invoke('auth.login', right);
    expect(login.user.lockedUntil).toBeNull();

    // The counter was reset: four more wrong passwords do not lock, and the right one still works
    // (and resets it again).
    for (let i = 1; i <= 4; i++) await expectError(t.app, 'auth.login', wrong, null, 'INVALID_CREDENTIALS');
    await t.app.invoke('auth.login', right);
  });

  it('an unknown user name gets the same answer as a wrong password', async () => {
    const t = await appWithClerk();
    const unknown = await expectError(t.app, 'auth.login', { username: 'nosuchuser', password: USER_PASSWORD }, null, 'INVALID_CREDENTIALS');
    const wrongPassword = await expectError(t.app, 'auth.login', wrong, null, 'INVALID_CREDENTIALS');
    expect(unknown).toEqual(wrongPassword);
  });

  it('a user name longer than any account is refused, naming the field, and nothing goes into the audit log', async () => {
    const t = await appWithClerk();
    const before = (await auditEntries(t, 'auth.loginFailed')).length;
    const e = await expectError(t.app, 'auth.login', { username: 'x'.repeat(12_000), password: USER_PASSWORD }, null, 'VALIDATION');
    expect(e.details?.issues?.[0]).toMatchObject({ field: 'username', problem: 'tooLong' });
    expect(e.message).toContain('最多 64 个字');
    expect(await auditEntries(t, 'auth.loginFailed')).toHaveLength(before);
  });

  it('each failed attempt is in the audit log as auth.loginFailed', async () => {
    const t = await appWithClerk();
    t.clock.advance(MINUTE);
    const attemptsAt: string[] = [];
    for (let i = 1; i <= 5; i++) {
      attemptsAt.push(t.clock.now().toISOString());
      await t.app.call('auth.login', wrong, null);
      t.clock.advance(SECOND);
    }
    attemptsAt.push(t.clock.now().toISOString());
    await t.app.call('auth.login', { username: 'nosuchuser', password: 'x' }, null);

    const failed = (await auditEntries(t, 'auth.loginFailed')).reverse();
    expect(failed.map((e) => e.username)).toEqual(['lihua', 'lihua', 'lihua', 'lihua', 'lihua', 'nosuchuser']);
    expect(failed.map((e) => e.at)).toEqual(attemptsAt);
    expect(failed[4].after).toMatchObject({ failedAttempts: 5, lockedUntil: expect.any(String) });
    expect(JSON.stringify(failed)).not.toContain('Wrong2026pass');

    // The refused right password during the lock is recorded too.
    await t.app.call('auth.login', right, null);
    expect(await auditEntries(t, 'auth.loginRefused')).toHaveLength(1);
  });

  it('sent all at once still lock the account', async () => {
    const t = await appWithClerk();
    const results = await Promise.all(Array.from({ length: 8 }, () => t.app.call('auth.login', wrong, null)));
    const codes = results.map((r) => (r.ok ? 'OK' : r.error.code));
    expect(codes).toContain('ACCOUNT_LOCKED');
    await expectError(t.app, 'auth.login', right, null, 'ACCOUNT_LOCKED');
  });
});

describe('users.unlock', () => {
  it('lets an administrator clear the lock at once', async () => {
    const t = await appWithClerk();
    for (let i = 1; i <= 5; i++) await t.app.call('auth.login', wrong, null);
    await expectError(t.app, 'auth.login', right, null, 'ACCOUNT_LOCKED');

    const unlocked = await t.app.invoke('users.unlock', { id: t.clerkId }, t.adminToken);
    expect(unlocked.lockedUntil).toBeNull();
    const [entry] = await auditEntries(t, 'users.unlock');
    expect(entry).toMatchObject({ username: 'admin', entityId: String(t.clerkId), after: { lockedUntil: null, failedAttempts: 0 } });

    const login = await t.app.invoke('auth.login', right);
    expect(login.user.username).toBe('lihua');
  });
});

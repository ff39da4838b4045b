// The desk locks itself after the idle time the administrator set, and on request; only the user's
// password opens it again.
import { describe, expect, it } from 'vitest';
import { ADMIN, MINUTE, SECOND, count, expectError, tableSnapshot, type TestApp, appsForEachTest } from '../support/factory';

const app = appsForEachTest();

async function appWithIdleLock(minutes = 3): Promise<TestApp> {
  const t = await app();
  const settings = await t.app.invoke('settings.update', { idleLockMinutes: minutes }, t.adminToken);
  expect(settings.idleLockMinutes).toBe(minutes);
  return t;
}

describe('the idle lock', () => {
  it('is 10 minutes on a new database', async () => {
    const t = await app();
    expect(await t.app.invoke('settings.get', {}, t.adminToken)).toEqual({ idleLockMinutes: 10 });
    expect((await t.app.invoke('auth.session', {}, t.adminToken))?.idleLockMinutes).toBe(10);
  });

  it('locks the session after the set minutes without activity', async () => {
    const t = await appWithIdleLock(3);
    t.clock.advance(3 * MINUTE + SECOND);

    await expectError(t.app, 'street.get', {}, t.adminToken, 'SESSION_LOCKED');
    const session = await t.app.invoke('auth.session', {}, t.adminToken);
    expect(session).toMatchObject({ locked: true, idleLockMinutes: 3, user: { username: ADMIN.username } });
    expect(await t.app.invoke('auth.ping', {}, t.adminToken)).toEqual({ locked: true });
  });

  it('does not lock while the user keeps working', async () => {
    const t = await appWithIdleLock(3);
    for (let i = 0; i < 3; i++) {
      t.clock.advance(3 * MINUTE - SECOND);
      await t.app.invoke('street.get', {}, t.adminToken);
    }
    t.clock.advance(3 * MINUTE);
    expect((await t.app.invoke('auth.session', {}, t.adminToken))?.locked).toBe(false);
  });

  it('is held off by the pings the window sends while the mouse and keyboard are used', async () => {
    const t = await appWithIdleLock(3);
    for (let i = 0; i < 4; i++) {
      t.clock.advance(2 * MINUTE);
      expect(await t.app.invoke('auth.ping', {}, t.adminToken)).toEqual({ locked: false });
    }
    await t.app.invoke('street.get', {}, t.adminToken);
  });

  it('is not held off by the window polling auth.session', async () => {
    const t = await appWithIdleLock(3);
    t.clock.advance(2 * MINUTE);
    expect((await t.app.invoke('auth.session', {}, t.adminToken))?.locked).toBe(false);
    t.clock.advance(MINUTE + SECOND);
    await expectError(t.app, 'street.get', {}, t.adminToken, 'SESSION_LOCKED');
  });

  it('refuses writes on a locked session and changes nothing', async () => {
    const t = await appWithIdleLock(3);
    t.clock.advance(3 * MINUTE + SECOND);
    const before = tableSnapshot(t.app.sqlite);
    await expectError(t.app, 'settings.update', { idleLockMinutes: 60 }, t.adminToken, 'SESSION_LOCKED');
    await expectError(
      t.app,
      'users.create',
      { username: 'sneaky', displayName: '偷偷', role: 'admin', password: 'Sneaky2026pass' },
      t.adminToken,
      'SESSION_LOCKED',
    );
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
  });
});

describe('auth.unlock', () => {
  it('refuses a wrong password with WRONG_PASSWORD and stays locked; the right one unlocks', async () => {
    const t = await appWithIdleLock(3);
    t.clock.advance(3 * MINUTE + SECOND);
    await expectError(t.app, 'street.get', {}, t.adminToken, 'SESSION_LOCKED');

    await expectError(t.app, 'auth.unlock', { password: 'Wrong2026pass' }, t.adminToken, 'WRONG_PASSWORD');
    await expectError(t.app, 'street.get', {}, t.adminToken, 'SESSION_LOCKED');
    expect((await t.app.invoke('auth.session', {}, t.adminToken))?.locked).toBe(true);

    const unlocked = await t.app.invoke('auth.unlock', { password: ADMIN.password }, t.adminToken);
    expect(unlocked.locked).toBe(false);
    expect((await t.app.invoke('street.get', {}, t.adminToken)).name).toBeTruthy();
    await t.app.invoke('settings.update', { idleLockMinutes: 5 }, t.adminToken);
  });

  it('five wrong passwords lock the account and end the session', async () => {
    const t = await appWithIdleLock(3);
    await t.app.invoke('auth.lock', {}, t.adminToken);
    for (let i = 1; i <= 4; i++) await expectError(t.app, 'auth.unlock', { password: 'Wrong2026pass' }, t.adminToken, 'WRONG_PASSWORD');
    await expectError(t.app, 'auth.unlock', { password: 'Wrong2026pass' }, t.adminToken, 'ACCOUNT_LOCKED');
    await expectError(t.app, 'auth.unlock', { password: ADMIN.password }, t.adminToken, 'UNAUTHENTICATED');
    await expectError(t.app, 'auth.login', { username: ADMIN.username, password: ADMIN.password }, null, 'ACCOUNT_LOCKED');
    expect(count(t.app.database, 'audit_log', "action = 'auth.unlockFailed'")).toBe(5);
  });
});

describe('auth.lock', () => {
  it('locks the session at once, and only that session', async () => {
    const t = await appWithIdleLock(30);
    const other = await t.app.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });

    expect(await t.app.invoke('auth.lock', {}, t.adminToken)).toBeNull();
    await expectError(t.app, 'street.get', {}, t.adminToken, 'SESSION_LOCKED');
    expect((await t.app.invoke('auth.session', {}, t.adminToken))?.locked).toBe(true);
    expect((await t.app.invoke('street.get', {}, other.token)).code).toBe('110101001000');

    await t.app.invoke('auth.unlock', { password: ADMIN.password }, t.adminToken);
    await t.app.invoke('street.get', {}, t.adminToken);
  });
});

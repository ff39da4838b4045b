// The street profile, settings and user administration.
import type { Handlers } from '../context';
import { hashPassword } from '../services/passwords';
import { getSettings, requireStreet, saveSettings, saveStreet } from '../services/street';
import { auditView, getUser, insertUser, listUsers, setPasswordHash, toUserInfo, updateUser } from '../services/users';
import { qb, run } from '../db/query';

export const adminHandlers: Pick<
  Handlers,
  | 'street.get'
  | 'street.update'
  | 'settings.get'
  | 'settings.update'
  | 'users.list'
  | 'users.create'
  | 'users.update'
  | 'users.resetPassword'
  | 'users.unlock'
> = {
  'street.get'(ctx) {
    return requireStreet(ctx.db);
  },

  'street.update'(ctx, input) {
    return ctx.tx(() => {
      const before = requireStreet(ctx.db);
      const after = saveStreet(ctx.db, input, ctx.now());
      ctx.audit({ action: 'street.update', entity: 'street', entityId: after.code, before, after });
      return after;
    });
  },

  'settings.get'(ctx) {
    return getSettings(ctx.db);
  },

  'settings.update'(ctx, input) {
    return ctx.tx(() => {
      const before = getSettings(ctx.db);
      const after = saveSettings(ctx.db, input);
      ctx.audit({ action: 'settings.update', entity: 'settings', before, after });
      return after;
    });
  },

  'users.list'(ctx) {
    return listUsers(ctx.db).map(toUserInfo);
  },

  async 'users.create'(ctx, input) {
    const passwordHash = await hashPassword(input.password);
    return ctx.tx(() => {
      const user = insertUser(ctx.db, input, passwordHash, ctx.now());
      ctx.audit({ action: 'users.create', entity: 'user', entityId: user.id, after: auditView(user) });
      return toUserInfo(user);
    });
  },

  'users.update'(ctx, input) {
    const result = ctx.tx(() => {
      const { before, after } = updateUser(ctx.db, input, ctx.now());
      ctx.audit({ action: 'users.update', entity: 'user', entityId: after.id, before: auditView(before), after: auditView(after) });
      return after;
    });
    if (result.disabled) ctx.sessions.endForUser(result.id, 'logged-out');
    return toUserInfo(result);
  },

  async 'users.resetPassword'(ctx, input) {
    getUser(ctx.db, input.id);
    const passwordHash = await hashPassword(input.newPassword);
    const user = ctx.tx(() => {
      setPasswordHash(ctx.db, input.id, passwordHash, ctx.now());
      ctx.audit({ action: 'users.resetPassword', entity: 'user', entityId: input.id, after: { passwordReset: true } });
      return getUser(ctx.db, input.id);
    });
    if (user.id !== ctx.user?.id) ctx.sessions.endForUser(user.id, 'logged-out');
    return toUserInfo(user);
  },

  'users.unlock'(ctx, input) {
    return ctx.tx(() => {
      const before = getUser(ctx.db, input.id);
      if (before.locked_until === null && before.failed_attempts === 0) return toUserInfo(before);
      run(ctx.db, qb.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', input.id));
      ctx.audit({
        action: 'users.unlock',
        entity: 'user',
        entityId: input.id,
        before: { lockedUntil: before.locked_until, failedAttempts: before.failed_attempts },
        after: { lockedUntil: null, failedAttempts: 0 },
      });
      return toUserInfo(getUser(ctx.db, input.id));
    });
  },
};

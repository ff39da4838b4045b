// First-run setup, login with lockout, the idle lock, and a user's own account.
import type { Db } from '../db/connection';
import type { SessionInfo } from '../../shared/api/contract';
import { AppError } from '../../shared/result';
import type { CallContext, Handlers, Session } from '../context';
import { qb, run } from '../db/query';
import type { User } from '../db/schema';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../services/passwords';
import { createStreetCommittee } from '../services/organizations';
import { getSettings, getStreet, saveStreet } from '../services/street';
import { auditView, findUserByName, getUser, insertUser, setPasswordHash, toUserInfo } from '../services/users';
import { ensureKey } from '../exchange/keys';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 5;

function sessionInfo(db: Db, session: Session, user: User): SessionInfo {
  return { user: toUserInfo(user), locked: session.locked, idleLockMinutes: getSettings(db).idleLockMinutes };
}

function requireSession(ctx: CallContext): { session: Session; user: User } {
  if (!ctx.session || !ctx.user) throw new AppError('UNAUTHENTICATED', 'not logged in');
  return { session: ctx.session, user: ctx.user };
}

function isLocked(user: User, now: Date): boolean {
  return user.locked_until !== null && new Date(user.locked_until) > now;
}

/**
 * Counts a wrong password. The fifth in a row locks the account for five minutes. The row is read again
 * inside the transaction, so attempts sent at the same moment are all counted. Returns the lock's end when
 * the account is locked after this attempt.
 */
function recordFailure(ctx: CallContext, userId: number, action: string): string | null {
  return ctx.tx(() => {
    const now = ctx.now();
    const user = getUser(ctx.db, userId);
    if (isLocked(user, now)) return user.locked_until;
    const expiredLock = user.locked_until !== null;
    const attempts = (expiredLock ? 0 : user.failed_attempts) + 1;
    const lockedUntil = attempts >= MAX_FAILED_ATTEMPTS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
    run(
      ctx.db,
      qb
        .updateTable('users')
        .set({ failed_attempts: lockedUntil ? 0 : attempts, locked_until: lockedUntil })
        .where('id', '=', user.id),
    );
    ctx.audit(
      { action, entity: 'user', entityId: user.id, after: { failedAttempts: attempts, lockedUntil } },
      { userId: user.id, username: user.username },
    );
    return lockedUntil;
  });
}

function clearFailures(ctx: CallContext, user: User, extra: { last_login_at?: string } = {}): void {
  run(ctx.db, qb.updateTable('users').set({ failed_attempts: 0, locked_until: null, ...extra }).where('id', '=', user.id));
}

export const authHandlers: Pick<
  Handlers,
  | 'setup.initialize'
  | 'auth.login'
  | 'auth.session'
  | 'auth.logout'
  | 'auth.lock'
  | 'auth.unlock'
  | 'auth.ping'
  | 'auth.changePassword'
  | 'account.setLanguage'
> = {
  async 'setup.initialize'(ctx, input) {
    if (getStreet(ctx.db)) throw new AppError('ALREADY_INITIALIZED', 'the street profile is already set up');
    const passwordHash = await hashPassword(input.admin.password);
    const admin = ctx.tx(() => {
      if (getStreet(ctx.db)) throw new AppError('ALREADY_INITIALIZED', 'the street profile is already set up');
      const street = saveStreet(ctx.db, input.street, ctx.now());
      createStreetCommittee(ctx.db, street.name, ctx.now());
      ensureKey(ctx.db, 'sign', ctx.now()); // the street's package signing key (returns and exchange)
      const user = insertUser(
        ctx.db,
        { ...input.admin, role: 'admin', scopeCommunityCode: null, language: input.language },
        passwordHash,
        ctx.now(),
      );
      const actor = { userId: user.id, username: user.username };
      ctx.audit({ action: 'setup.initialize', entity: 'street', entityId: street.code, after: street }, actor);
      ctx.audit({ action: 'users.create', entity: 'user', entityId: user.id, after: auditView(user) }, actor);
      clearFailures(ctx, user, { last_login_at: ctx.now().toISOString() });
      return getUser(ctx.db, user.id);
    });
    const session = ctx.sessions.open(admin.id);
    return { ...sessionInfo(ctx.db, session, admin), token: session.token };
  },

  async 'auth.login'(ctx, input) {
    const user = findUserByName(ctx.db, input.username);
    if (!user) {
      await burnPasswordCheck(input.password);
      ctx.tx(() =>
        ctx.audit(
          { action: 'auth.loginFailed', entity: 'user', after: { reason: 'unknownUser' } },
          { userId: null, username: input.username },
        ),
      );
      throw new AppError('INVALID_CREDENTIALS', 'wrong user name or password');
    }
    if (isLocked(user, ctx.now())) {
      ctx.tx(() =>
        ctx.audit(
          { action: 'auth.loginRefused', entity: 'user', entityId: user.id, after: { lockedUntil: user.locked_until } },
          { userId: user.id, username: user.username },
        ),
      );
      throw new AppError('ACCOUNT_LOCKED', 'account locked', { until: user.locked_until });
    }
    if (!(await verifyPassword(input.password, user.password_hash))) {
      const lockedUntil = recordFailure(ctx, user.id, 'auth.loginFailed');
      if (lockedUntil) throw new AppError('ACCOUNT_LOCKED', 'account locked', { until: lockedUntil });
      throw new AppError('INVALID_CREDENTIALS', 'wrong user name or password');
    }
    if (user.disabled) throw new AppError('ACCOUNT_DISABLED', 'account disabled');
    const at = ctx.now().toISOString();
    ctx.tx(() => {
      const fresh = getUser(ctx.db, user.id);
      if (isLocked(fresh, ctx.now())) throw new AppError('ACCOUNT_LOCKED', 'account locked', { until: fresh.locked_until });
      clearFailures(ctx, user, { last_login_at: at });
      ctx.audit({ action: 'auth.login', entity: 'user', entityId: user.id }, { userId: user.id, username: user.username });
    });
    const session = ctx.sessions.open(user.id);
    return { ...sessionInfo(ctx.db, session, getUser(ctx.db, user.id)), token: session.token };
  },

  'auth.session'(ctx) {
    if (!ctx.session || !ctx.user) return null;
    return sessionInfo(ctx.db, ctx.session, ctx.user);
  },

  'auth.logout'(ctx) {
    if (ctx.session) ctx.sessions.end(ctx.session.token);
    return null;
  },

  'auth.lock'(ctx) {
    requireSession(ctx).session.locked = true;
    return null;
  },

  async 'auth.unlock'(ctx, input) {
    const { session, user } = requireSession(ctx);
    if (isLocked(user, ctx.now())) {
      ctx.sessions.endForUser(user.id, 'account-locked');
      throw new AppError('ACCOUNT_LOCKED', 'account locked', { until: user.locked_until });
    }
    if (!(await verifyPassword(input.password, user.password_hash))) {
      const lockedUntil = recordFailure(ctx, user.id, 'auth.unlockFailed');
      if (lockedUntil) {
        ctx.sessions.endForUser(user.id, 'account-locked');
        throw new AppError('ACCOUNT_LOCKED', 'account locked', { until: lockedUntil });
      }
      throw new AppError('WRONG_PASSWORD', 'wrong password');
    }
    ctx.tx(() => {
      clearFailures(ctx, user);
      ctx.audit({ action: 'auth.unlock', entity: 'user', entityId: user.id });
    });
    session.locked = false;
    session.lastActivity = ctx.now().getTime();
    return sessionInfo(ctx.db, session, getUser(ctx.db, user.id));
  },

  'auth.ping'(ctx) {
    return { locked: requireSession(ctx).session.locked };
  },

  async 'auth.changePassword'(ctx, input) {
    const { user } = requireSession(ctx);
    if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
      throw new AppError('WRONG_PASSWORD', 'the current password is wrong', {
        issues: [{ field: 'currentPassword', problem: 'wrongPassword' }],
      });
    }
    const passwordHash = await hashPassword(input.newPassword);
    ctx.tx(() => {
      setPasswordHash(ctx.db, user.id, passwordHash, ctx.now());
      ctx.audit({ action: 'auth.changePassword', entity: 'user', entityId: user.id, after: { passwordChanged: true } });
    });
    return null;
  },

  'account.setLanguage'(ctx, input) {
    const { user } = requireSession(ctx);
    return ctx.tx(() => {
      run(ctx.db, qb.updateTable('users').set({ language: input.language }).where('id', '=', user.id));
      ctx.audit({
        action: 'account.setLanguage',
        entity: 'user',
        entityId: user.id,
        before: { language: user.language },
        after: { language: input.language },
      });
      return toUserInfo(getUser(ctx.db, user.id));
    });
  },
};

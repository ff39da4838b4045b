// The one place that knows where the user stands: first-run setup, login, working, or locked.
// It also answers the errors every call may bring back (SESSION_LOCKED, UNAUTHENTICATED) and the
// core's `session-ended` event, so pages never have to.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AppStatus, SessionInfo, SiteMode, StreetProfile, UserInfo } from '../../../shared/api/contract';
import { api, setGlobalErrorHandler } from '../api/client';
import { rememberLanguage, setUiLanguage } from '../i18n';
import { homePath, navigate } from './router';

export type Phase = 'starting' | 'unreachable' | 'setup' | 'login' | 'ready';
export type LoginNotice = 'restored' | 'logged-out' | 'account-locked' | 'expired';

interface SessionState {
  phase: Phase;
  status: AppStatus | null;
  session: SessionInfo | null;
  locked: boolean;
  /** Why the user is back at the login page, when it was not their own doing. */
  notice: LoginNotice | null;
  /** Why the start failed (phase 'unreachable'): the host is gone, or the core refused the database. */
  startError: unknown;
}

interface SessionActions {
  refresh(): Promise<void>;
  signedIn(session: SessionInfo): Promise<void>;
  logout(): Promise<void>;
  lockNow(): Promise<void>;
  markLocked(): void;
  unlocked(session: SessionInfo): void;
  endSession(notice: LoginNotice | null): void;
  setUser(user: UserInfo): void;
  setStreet(street: StreetProfile): void;
  setIdleLockMinutes(minutes: number): void;
}

export type SessionContextValue = SessionState & SessionActions;

const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The logged-in session; only for components rendered inside the app shell. */
export function useCurrentSession(): SessionInfo & Pick<SessionContextValue, 'status'> {
  const { session, status } = useSession();
  if (!session) throw new Error('useCurrentSession without a session');
  return { ...session, status };
}

/** A street's or a district's database, as app.status said (a street's until it has answered). */
export function useSiteMode(): SiteMode {
  return useSession().status?.mode ?? 'street';
}

const INITIAL: SessionState = { phase: 'starting', status: null, session: null, locked: false, notice: null, startError: null };

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(INITIAL);
  const stateRef = useRef(state);
  stateRef.current = state;

  const applyUserLanguage = useCallback(async (user: UserInfo) => {
    rememberLanguage(user.language);
    await setUiLanguage(user.language);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const status = await api.call('app.status');
      if (!status.initialized) {
        setState({ ...INITIAL, phase: 'setup', status });
        return;
      }
      const session = await api.call('auth.session');
      if (session) {
        await applyUserLanguage(session.user);
        setState({ ...INITIAL, phase: 'ready', status, session, locked: session.locked });
      } else {
        setState((prev) => ({ ...INITIAL, phase: 'login', status, notice: prev.notice }));
      }
    } catch (error) {
      setState((prev) => ({ ...prev, phase: 'unreachable', startError: error }));
    }
  }, [applyUserLanguage]);

  const endSession = useCallback((notice: LoginNotice | null) => {
    setState((prev) => ({ ...prev, phase: prev.status?.initialized === false ? 'setup' : 'login', session: null, locked: false, notice }));
  }, []);

  const signedIn = useCallback(
    async (session: SessionInfo) => {
      await applyUserLanguage(session.user);
      let status = stateRef.current.status;
      try {
        status = await api.call('app.status');
      } catch {
        // The shell still works with the status it had; the overview reloads its own.
      }
      // A new login starts at home (the overview, or a district's returns), not on the page the previous user left open.
      navigate(homePath(status?.mode ?? 'street'));
      setState({ ...INITIAL, phase: 'ready', status, session, locked: session.locked });
    },
    [applyUserLanguage],
  );

  const logout = useCallback(async () => {
    try {
      await api.call('auth.logout');
    } catch {
      // Whatever the core says, the user asked to leave: the login page is the honest place to be.
    }
    endSession(null);
  }, [endSession]);

  const lockNow = useCallback(async () => {
    setState((prev) => ({ ...prev, locked: true }));
    try {
      await api.call('auth.lock');
    } catch {
      // Already locked or logged out: the global handler has moved us where we belong.
    }
  }, []);

  const markLocked = useCallback(() => setState((prev) => (prev.locked ? prev : { ...prev, locked: true })), []);

  const unlocked = useCallback((session: SessionInfo) => {
    setState((prev) => ({ ...prev, session, locked: false }));
  }, []);

  const setUser = useCallback((user: UserInfo) => {
    setState((prev) => (prev.session && prev.session.user.id === user.id ? { ...prev, session: { ...prev.session, user } } : prev));
  }, []);

  const setStreet = useCallback((street: StreetProfile) => {
    setState((prev) => (prev.status ? { ...prev, status: { ...prev.status, street } } : prev));
  }, []);

  const setIdleLockMinutes = useCallback((minutes: number) => {
    setState((prev) => (prev.session ? { ...prev, session: { ...prev.session, idleLockMinutes: minutes } } : prev));
  }, []);

  // Errors any call can bring back: the session is locked, or gone.
  useEffect(() => {
    setGlobalErrorHandler((error) => {
      if (stateRef.current.phase !== 'ready') return;
      if (error.code === 'SESSION_LOCKED') markLocked();
      else if (error.code === 'UNAUTHENTICATED') endSession('expired');
    });
    return () => setGlobalErrorHandler(null);
  }, [markLocked, endSession]);

  // The event stream belongs to a session: listen only while there is one.
  const ready = state.phase === 'ready';
  const sessionId = state.session?.user.id;
  useEffect(() => {
    if (!ready) return;
    const unsubscribe = api.onEvent((event) => {
      if (event.type === 'session-ended') endSession(event.reason);
    });
    return unsubscribe;
  }, [ready, sessionId, endSession]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo<SessionContextValue>(
    () => ({
      ...state,
      refresh,
      signedIn,
      logout,
      lockNow,
      markLocked,
      unlocked,
      endSession,
      setUser,
      setStreet,
      setIdleLockMinutes,
    }),
    [state, refresh, signedIn, logout, lockNow, markLocked, unlocked, endSession, setUser, setStreet, setIdleLockMinutes],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

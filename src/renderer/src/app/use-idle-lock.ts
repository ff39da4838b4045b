// Locks the workbench after the configured idle time, and keeps the core's idle clock in step by
// pinging at most once a minute while the user is active.
import { useEffect, useRef } from 'react';
import { api } from '../api/client';

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;
const PING_INTERVAL_MS = 60_000;
const CHECK_INTERVAL_MS = 5_000;

export function useIdleLock(options: {
  idleLockMinutes: number;
  locked: boolean;
  onIdle: () => void;
  onCoreLocked: () => void;
}): void {
  const { idleLockMinutes, locked, onIdle, onCoreLocked } = options;
  const lastActivity = useRef(Date.now());
  const lastPing = useRef(Date.now());
  const callbacks = useRef({ onIdle, onCoreLocked });
  callbacks.current = { onIdle, onCoreLocked };

  useEffect(() => {
    if (locked) return;
    lastActivity.current = Date.now();
    lastPing.current = Date.now();

    const onActivity = () => {
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastPing.current < PING_INTERVAL_MS) return;
      lastPing.current = now;
      api.call('auth.ping').then(
        (answer) => {
          if (answer.locked) callbacks.current.onCoreLocked();
        },
        () => undefined, // lock and logout answers are handled globally
      );
    };

    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current >= idleLockMinutes * 60_000) callbacks.current.onIdle();
    }, CHECK_INTERVAL_MS);

    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [idleLockMinutes, locked]);
}

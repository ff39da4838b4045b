// Loads one contract call for a component and reloads it on demand; errors stay in state for the page.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, ApiOutputs, Method } from '../../../shared/api/contract';
import { api } from './client';

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => Promise<void>;
}

/** `enabled: false` holds the call back (e.g. until something more urgent has loaded); it runs once enabled. */
export function useApi<M extends Method>(
  method: M,
  input?: ApiInput<M>,
  deps: readonly unknown[] = [],
  { enabled = true }: { enabled?: boolean } = {},
): ApiState<ApiOutputs[M]> {
  const [data, setData] = useState<ApiOutputs[M]>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const inputRef = useRef(input);
  inputRef.current = input;
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const value = await (api.call as (m: Method, i?: unknown) => Promise<ApiOutputs[M]>)(method, inputRef.current);
      if (mine === generation.current) {
        setData(value);
        setError(null);
      }
    } catch (cause) {
      if (mine === generation.current) setError(cause);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [method, ...deps]);

  useEffect(() => {
    if (enabled) void reload();
  }, [reload, enabled]);

  return { data, error, loading, reload };
}

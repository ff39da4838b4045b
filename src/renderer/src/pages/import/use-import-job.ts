// Runs the import calls one at a time with their progress: a newer call supersedes an older one, whose
// late answer is then dropped, so the wizard always shows the answer to what is on screen.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, ImportReport } from '../../../../shared/api/contract';
import { api } from '../../api/client';

export type ImportMethod = 'members.importPreview' | 'members.importCommit';

export type ImportOutcome = { ok: true; report: ImportReport } | { ok: false; error: unknown };

export interface ImportJob {
  /** The call under way, if any. */
  running: ImportMethod | null;
  /** Its last progress event (the core reports the share done: read, then checked and written rows). */
  progress: { done: number; total: number } | null;
  /** The outcome, or null when a newer call took its place. */
  run: (method: ImportMethod, input: ApiInput<ImportMethod>) => Promise<ImportOutcome | null>;
  /** Asks the core to stop the call under way; it stops before anything is written, or not at all once writing began. */
  cancel: () => void;
}

export function useImportJob(): ImportJob {
  const [running, setRunning] = useState<ImportMethod | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const current = useRef<ImportMethod | null>(null);
  const jobId = useRef<string | null>(null);
  const generation = useRef(0);

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'progress' || event.method !== current.current) return;
        jobId.current = event.jobId;
        setProgress({ done: event.done, total: event.total });
      }),
    [],
  );

  const run = useCallback(async (method: ImportMethod, input: ApiInput<ImportMethod>): Promise<ImportOutcome | null> => {
    const mine = ++generation.current;
    current.current = method;
    jobId.current = null;
    setRunning(method);
    setProgress(null);
    try {
      const report = await api.call(method, input);
      return mine === generation.current ? { ok: true, report } : null;
    } catch (error) {
      return mine === generation.current ? { ok: false, error } : null;
    } finally {
      if (mine === generation.current) {
        current.current = null;
        setRunning(null);
        setProgress(null);
      }
    }
  }, []);

  const cancel = useCallback(() => {
    if (jobId.current) void api.call('jobs.cancel', { jobId: jobId.current }).catch(() => undefined);
  }, []);

  return { running, progress, run, cancel };
}

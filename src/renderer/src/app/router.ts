// A small hash router: works the same from file:// inside Electron and from the browser host.
import { useCallback, useEffect, useState } from 'react';
import type { SiteMode } from '../../../shared/api/contract';

function readHash(): string {
  const raw = window.location.hash.replace(/^#/, '');
  return raw.startsWith('/') ? raw : '/';
}

/** Where a fresh login lands: a street's overview, or a district's page of the streets' returns. */
export function homePath(mode: SiteMode): string {
  return mode === 'street' ? '/overview' : '/returns';
}

export function navigate(path: string): void {
  if (readHash() !== path) window.location.hash = path;
}

export function useHashPath(): [string, (path: string) => void] {
  const [path, setPath] = useState(readHash);
  useEffect(() => {
    const onChange = () => setPath(readHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [path, useCallback((next: string) => navigate(next), [])];
}

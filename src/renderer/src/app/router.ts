// A small hash router: works the same from file:// inside Electron and from the browser host.
import { useCallback, useEffect, useState } from 'react';

function readHash(): string {
  const raw = window.location.hash.replace(/^#/, '');
  return raw.startsWith('/') ? raw : '/';
}

/** Where a fresh login lands. */
export const HOME_PATH = '/overview';

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

// Pages loaded on demand, so the first screen does not carry their code (the members grid is large).
// Once the shell is idle they are fetched in the background, so opening them later is quick.
import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';
import type { PageProps } from './routes';

type PageModule = { default: ComponentType<PageProps> };

const loaders: (() => Promise<PageModule>)[] = [];

export function lazyPage(load: () => Promise<PageModule>): ComponentType<PageProps> {
  let pending: Promise<PageModule> | null = null;
  const loadOnce = () =>
    (pending ??= load().catch((error: unknown) => {
      pending = null; // try again next time (e.g. after a network hiccup)
      throw error;
    }));
  loaders.push(loadOnce);
  const Lazy = lazy(loadOnce);
  return function LazyPage(props: PageProps) {
    return (
      <Suspense
        fallback={
          <div className="page-loading">
            <Spin />
          </div>
        }
      >
        <Lazy {...props} />
      </Suspense>
    );
  };
}

/** Fetches every on-demand page's code; a failure is left for the moment the page is opened. */
export function prefetchPages(): void {
  for (const load of loaders) load().catch(() => undefined);
}

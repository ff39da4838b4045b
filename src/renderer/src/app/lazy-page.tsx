// Pages loaded on demand, so the first screen does not carry their code (the members grid is large).
// Once the shell is idle they are fetched in the background, so opening them later is quick.
import { Spin } from 'antd';
import { lazy, Suspense, useState, type ComponentType } from 'react';
import type { PageProps } from './routes';

type PageModule = { default: ComponentType<PageProps> };

const loaders: (() => Promise<PageModule>)[] = [];

/** A page component whose code can be fetched ahead of its first render. */
export type LazyPage = ComponentType<PageProps> & { preload: () => Promise<unknown> };

export function lazyPage(load: () => Promise<PageModule>): LazyPage {
  let pending: Promise<PageModule> | null = null;
  let loaded: ComponentType<PageProps> | null = null;
  const loadOnce = () =>
    (pending ??= load().then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (error: unknown) => {
        pending = null; // try again next time (e.g. after a network hiccup)
        throw error;
      },
    ));
  loaders.push(loadOnce);
  const Lazy = lazy(loadOnce);
  const Page = function LazyPage(props: PageProps) {
    // Code already here (prefetched) renders at once: suspending would make React hold the page back
    // behind its fallback for a while (React throttles revealing suspended content).
    const [ready] = useState(() => loaded);
    if (ready) {
      const Page = ready;
      return <Page {...props} />;
    }
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
  return Object.assign(Page, { preload: loadOnce });
}

/** Starts fetching a page's code when it is one loaded on demand; a failure waits for the page to be opened. */
export function preloadPage(page: ComponentType<PageProps>): void {
  (page as Partial<LazyPage>).preload?.().catch(() => undefined);
}

/** Fetches every on-demand page's code; a failure is left for the moment the page is opened. */
export function prefetchPages(): void {
  for (const load of loaders) load().catch(() => undefined);
}

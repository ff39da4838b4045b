// A host whose "today" is the browser's. The browser runs in the clerk's time zone (playwright.config:
// Asia/Shanghai) while the test machine may run in UTC; in the evening (UTC) the two calendars differ by a
// day, and a letter "issued today" by the page would be "in the future" for the core. On a clerk's PC both
// are the same machine, so the host is started in the browser's time zone.
import { test } from '@playwright/test';
import { useHost, type Host, type HostOptions } from './fixtures';

export function useHostInTimeZone(timeZone: string, options: HostOptions = {}): Host {
  let saved: string | undefined;
  // Hooks run in the order they are registered: set TZ, start the host (it inherits the environment), restore.
  test.beforeAll(() => {
    saved = process.env.TZ;
    process.env.TZ = timeZone;
  });
  const host = useHost(options);
  test.beforeAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });
  return host;
}

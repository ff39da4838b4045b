// Shared set-up for the counter tests: a street with one or two communities and the default catalog.
import type { ServiceMatterInfo } from '../../../src/shared/api/contract-counter';
import { ADMIN, type TestApp } from '../../support/factory';

export async function addCommunity(t: TestApp, name = '幸福社区', divisionCode = '110101001001'): Promise<number> {
  return (await t.app.invoke('communities.save', { name, divisionCode }, t.adminToken)).id;
}

export async function matterNamed(t: TestApp, name: string): Promise<ServiceMatterInfo> {
  const matter = (await t.app.invoke('matters.list', { includeRetired: true }, t.adminToken)).find((m) => m.name === name);
  if (!matter) throw new Error(`no matter ${name} in the catalog`);
  return matter;
}

/** A matter of the default catalog with the given limit (5 working days: 城乡居民基本养老保险参保登记). */
export const FIVE_DAY_MATTER = '城乡居民基本养老保险参保登记';
export const ON_THE_SPOT_MATTER = '居住情况证明出具';
export const TEN_DAY_MATTER = '高龄津贴申领';

export async function accept(t: TestApp, communityId: number, matterName = FIVE_DAY_MATTER, extra: Record<string, unknown> = {}) {
  const matter = await matterNamed(t, matterName);
  return t.app.invoke('requests.accept', { communityId, matterId: matter.id, residentName: '周桂兰', residentPhone: '13912345678', ...extra }, t.adminToken);
}

/** 09:00 local time on the given day. */
export function at(day: string, hour = 9): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, hour, 0, 0);
}

/** Moves the clock to 09:00 on `day` and logs the administrator in again (the idle lock closed the session). */
export async function jumpTo(t: TestApp, day: string, hour = 9): Promise<void> {
  t.clock.set(at(day, hour));
  t.adminToken = (await t.app.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password })).token;
}

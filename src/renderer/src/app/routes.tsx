// The pages of the shell. A later module adds its page with one entry here; the navigation, the
// role check and the routing all follow from this table.
import type { ComponentType, ReactNode } from 'react';
import { ApartmentOutlined, DashboardOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import type { SiteMode } from '../../../shared/api/contract';
import type { Role } from '../../../shared/api/schemas';
import { OrganizationPage } from '../pages/organization/OrganizationPage';
import { OverviewPage } from '../pages/OverviewPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { lazyPage, preloadPage } from './lazy-page';
import { FileDoneOutlined, ImportOutlined, SwapOutlined } from '@ant-design/icons';
import { BarChartOutlined, HeartOutlined, ProfileOutlined, ShopOutlined, SolutionOutlined } from '@ant-design/icons';
import { FlagOutlined, InboxOutlined } from '@ant-design/icons';
import { CalendarOutlined } from '@ant-design/icons';
import { AccountBookOutlined, FundOutlined } from '@ant-design/icons';
import { RiseOutlined } from '@ant-design/icons';
import { AuditOutlined } from '@ant-design/icons';

export interface PageProps {
  /** What follows the route's path, e.g. "users" for /settings/users. */
  subPath: string;
}

export interface PageRoute {
  path: string;
  /** i18n key of the navigation label and page title. */
  labelKey: string;
  icon: ReactNode;
  /** The lowest role that sees the page. */
  minRole: Role;
  /** The kinds of database the page belongs to; a street's only when not given. */
  modes?: readonly SiteMode[];
  page: ComponentType<PageProps>;
}

const ReturnsPage = lazyPage(() => import('../pages/returns/ReturnsPage'));

export const ROUTES: readonly PageRoute[] = [
  { path: '/overview', labelKey: 'nav.overview', icon: <DashboardOutlined />, minRole: 'viewer', page: OverviewPage },
  { path: '/organization', labelKey: 'nav.organization', icon: <ApartmentOutlined />, minRole: 'viewer', page: OrganizationPage },
  { path: '/members', labelKey: 'nav.members', icon: <TeamOutlined />, minRole: 'viewer', page: lazyPage(() => import('../pages/members/MembersPage')) },
  { path: '/import', labelKey: 'importMembers.nav', icon: <ImportOutlined />, minRole: 'clerk', page: lazyPage(() => import('../pages/import/ImportMembersPage')) },
  { path: '/transfers', labelKey: 'transfers.nav', icon: <SwapOutlined />, minRole: 'viewer', page: lazyPage(() => import('../pages/transfers/TransfersPage')) },
  { path: '/counter', labelKey: 'counter.nav.counter', icon: <SolutionOutlined />, minRole: 'viewer', page: lazyPage(() => import('../pages/counter/CounterPage')) },
  { path: '/matters', labelKey: 'counter.nav.matters', icon: <ProfileOutlined />, minRole: 'viewer', page: lazyPage(() => import('../pages/counter/MattersPage')) },
  { path: '/volunteers', labelKey: 'counter.nav.volunteers', icon: <HeartOutlined />, minRole: 'viewer', page: lazyPage(() => import('../pages/counter/VolunteersPage')) },
  { path: '/merchants', labelKey: 'counter.nav.merchants', icon: <ShopOutlined />, minRole: 'viewer', page: lazyPage(() => import('../pages/counter/MerchantsPage')) },
  { path: '/service-stats', labelKey: 'counter.nav.stats', icon: <BarChartOutlined />, minRole: 'viewer', page: lazyPage(() => import('../pages/counter/ServiceStatsPage')) },
  { path: '/returns', labelKey: 'returns.nav', icon: <FileDoneOutlined />, minRole: 'viewer', page: ReturnsPage },
  // The district's one working page: the same address, where the streets' packages are received and consolidated.
  { path: '/returns', labelKey: 'district.nav', icon: <InboxOutlined />, minRole: 'viewer', modes: ['district'], page: ReturnsPage },
  // The city's: the districts' packages, the city's tables and each district down to its streets.
  { path: '/returns', labelKey: 'city.nav', icon: <InboxOutlined />, minRole: 'viewer', modes: ['city'], page: ReturnsPage },
  // The district's and the city's overview over the consolidated returns (issue 18): the key figures, who has not reported, each street (district) in a row.
  { path: '/overview', labelKey: 'level.nav.district', icon: <DashboardOutlined />, minRole: 'viewer', modes: ['district'], page: lazyPage(() => import('../pages/overview/LevelOverview')) },
  { path: '/overview', labelKey: 'level.nav.city', icon: <DashboardOutlined />, minRole: 'viewer', modes: ['city'], page: lazyPage(() => import('../pages/overview/LevelOverview')) },
  { path: '/commitments', labelKey: 'print.commitments.nav', icon: <FlagOutlined />, minRole: 'viewer', page: lazyPage(() => import('../pages/print/CommitmentsPage')) },
  { path: '/develop', labelKey: 'develop.nav', icon: <RiseOutlined />, minRole: 'viewer', page: lazyPage(() => import('../pages/develop/DevelopPage')) },
  { path: '/settings', labelKey: 'nav.settings', icon: <SettingOutlined />, minRole: 'viewer', modes: ['street', 'district', 'city'], page: SettingsPage },
  { path: '/life', labelKey: 'life.nav', icon: <CalendarOutlined />, minRole: 'viewer', page: lazyPage(() => import('../pages/life/LifePage')) },
  { path: '/dues', labelKey: 'dues.nav', icon: <AccountBookOutlined />, minRole: 'viewer', page: lazyPage(() => import('../pages/dues/DuesPage')) },
  { path: '/funds', labelKey: 'funds.nav', icon: <FundOutlined />, minRole: 'viewer', page: lazyPage(() => import('../pages/dues/FundsPage')) },
  { path: '/gov', labelKey: 'gov.nav', icon: <AuditOutlined />, minRole: 'viewer', page: lazyPage(() => import('../pages/gov/GovPage')) },
];

export { homePath } from './router';

/** The pages of a street's or a district's database; any other address is not found there. */
export function routesFor(mode: SiteMode): readonly PageRoute[] {
  return ROUTES.filter((route) => (route.modes ?? ['street']).includes(mode));
}

export function matchRoute(path: string, routes: readonly PageRoute[] = ROUTES): { route: PageRoute; subPath: string } | null {
  for (const route of routes) {
    if (path === route.path) return { route, subPath: '' };
    if (path.startsWith(`${route.path}/`)) return { route, subPath: path.slice(route.path.length + 1) };
  }
  return null;
}

// A page opened directly (a reload, a bookmark) starts fetching its code now, while the session is checked.
const opened = matchRoute(window.location.hash.replace(/^#/, ''));
if (opened) preloadPage(opened.route.page);

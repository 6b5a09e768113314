import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { MessageKey } from '../shared/i18n';
import type { Permission } from './auth';

/**
 * Each screen is its own chunk, loaded when first opened: the sign-in page and the dashboard do not wait for the
 * charts (ECharts) and the wizards of the other screens.
 */
function screen(load: () => Promise<ComponentType>): ReactNode {
  const Page = lazy(async () => ({ default: await load() }));
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>
      <Page />
    </Suspense>
  );
}

const AnalyticsPage = screen(async () => (await import('./analytics/AnalyticsPage')).AnalyticsPage);
const CategoriesPage = screen(async () => (await import('./categories/CategoriesPage')).CategoriesPage);
const CampaignsPage = screen(async () => (await import('./campaigns/CampaignsPage')).CampaignsPage);
const ClubsPage = screen(async () => (await import('./clubs/ClubsPage')).ClubsPage);
const DashboardPage = screen(async () => (await import('./dashboard/DashboardPage')).DashboardPage);
const MembersPage = screen(async () => (await import('./members/MembersPage')).MembersPage);
const OperationsPage = screen(async () => (await import('./operations/OperationsPage')).OperationsPage);
const RewardsPage = screen(async () => (await import('./rewards/RewardsPage')).RewardsPage);
const CouponLookupPage = screen(async () => (await import('./rewards/CouponLookupPage')).CouponLookupPage);
const TiersPage = screen(async () => (await import('./tiers/TiersPage')).TiersPage);

export interface Screen {
  path: string;
  label: MessageKey;
  /** The screen shows when the role has any of these (the server's table, GET auth/me). */
  anyOf: Permission[];
  element: ReactNode;
}

/** The console's screens and who sees them. The server checks every route again. */
export const SCREENS: Screen[] = [
  { path: 'dashboard', label: 'nav.dashboard', anyOf: ['members.read'], element: DashboardPage },
  { path: 'members', label: 'nav.members', anyOf: ['members.read'], element: MembersPage },
  { path: 'tiers', label: 'nav.tiers', anyOf: ['clubs.manage', 'users.manage'], element: TiersPage },
  { path: 'clubs', label: 'nav.clubs', anyOf: ['clubs.manage'], element: ClubsPage },
  { path: 'campaigns', label: 'nav.campaigns', anyOf: ['campaigns.manage'], element: CampaignsPage },
  { path: 'rewards', label: 'nav.rewards', anyOf: ['rewards.manage'], element: RewardsPage },
  { path: 'coupons', label: 'nav.coupons', anyOf: ['coupons.void'], element: CouponLookupPage },
  { path: 'categories', label: 'nav.categories', anyOf: ['categories.manage', 'analytics.read'], element: CategoriesPage },
  { path: 'analytics', label: 'nav.analytics', anyOf: ['analytics.read'], element: AnalyticsPage },
  { path: 'operations', label: 'nav.operations', anyOf: ['stores.manage', 'users.manage', 'audit.read'], element: OperationsPage },
];

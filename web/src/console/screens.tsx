import type { ReactNode } from 'react';
import type { MessageKey } from '../shared/i18n';
import type { Permission } from './auth';
import { AnalyticsPage } from './pages/AnalyticsPage';
import { CampaignsPage } from './pages/CampaignsPage';
import { ClubsPage } from './pages/ClubsPage';
import { DashboardPage } from './pages/DashboardPage';
import { MembersPage } from './pages/MembersPage';
import { OperationsPage } from './pages/OperationsPage';
import { TiersPage } from './pages/TiersPage';

export interface Screen {
  path: string;
  label: MessageKey;
  /** The screen shows when the role has any of these (the server's table, GET auth/me). */
  anyOf: Permission[];
  element: ReactNode;
}

/** The console's screens and who sees them. The server checks every route again. */
export const SCREENS: Screen[] = [
  { path: 'dashboard', label: 'nav.dashboard', anyOf: ['members.read'], element: <DashboardPage /> },
  { path: 'members', label: 'nav.members', anyOf: ['members.read'], element: <MembersPage /> },
  { path: 'tiers', label: 'nav.tiers', anyOf: ['clubs.manage', 'users.manage'], element: <TiersPage /> },
  { path: 'clubs', label: 'nav.clubs', anyOf: ['clubs.manage'], element: <ClubsPage /> },
  { path: 'campaigns', label: 'nav.campaigns', anyOf: ['campaigns.manage'], element: <CampaignsPage /> },
  { path: 'analytics', label: 'nav.analytics', anyOf: ['analytics.read'], element: <AnalyticsPage /> },
  { path: 'operations', label: 'nav.operations', anyOf: ['stores.manage', 'users.manage', 'audit.read'], element: <OperationsPage /> },
];

import { SafeArea, Skeleton } from 'antd-mobile';
import { BankcardOutline, GiftOutline, PayCircleOutline, TeamOutline, UnorderedListOutline, UserOutline } from 'antd-mobile-icons';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { useI18n, type MessageKey } from '../shared/i18n';
import { HomeScreen } from './screens/HomeScreen';

/** The tabs after sign-in; Home comes with this chunk, each other tab's screen is loaded when first opened. */
const HistoryScreen = lazy(async () => ({ default: (await import('./screens/HistoryScreen')).HistoryScreen }));
const ClubsScreen = lazy(async () => ({ default: (await import('./screens/ClubsScreen')).ClubsScreen }));
const CardScreen = lazy(async () => ({ default: (await import('./screens/CardScreen')).CardScreen }));
const MeScreen = lazy(async () => ({ default: (await import('./screens/MeScreen')).MeScreen }));
const TierScreen = lazy(async () => ({ default: (await import('./screens/TierScreen')).TierScreen }));
const RewardsScreen = lazy(async () => ({ default: (await import('./screens/RewardsScreen')).RewardsScreen }));
const RewardScreen = lazy(async () => ({ default: (await import('./screens/RewardScreen')).RewardScreen }));
const CouponsScreen = lazy(async () => ({ default: (await import('./screens/CouponsScreen')).CouponsScreen }));
const CouponScreen = lazy(async () => ({ default: (await import('./screens/CouponScreen')).CouponScreen }));
const PrivacyScreen = lazy(async () => ({ default: (await import('./screens/PrivacyScreen')).PrivacyScreen }));

const TABS: Array<{ path: string; label: MessageKey; icon: ReactNode; also?: string }> = [
  { path: '/', label: 'member.tab.home', icon: <PayCircleOutline /> },
  { path: '/rewards', label: 'member.tab.rewards', icon: <GiftOutline />, also: '/coupons' },
  { path: '/history', label: 'member.tab.history', icon: <UnorderedListOutline /> },
  { path: '/clubs', label: 'member.tab.clubs', icon: <TeamOutline /> },
  { path: '/card', label: 'member.tab.card', icon: <BankcardOutline /> },
  { path: '/me', label: 'member.tab.me', icon: <UserOutline /> },
];

/** A signed-in member's page: the tab's screen and the tab bar, under /m. */
export function SignedIn() {
  return (
    <BrowserRouter basename="/m">
      <main className="m-main">
        <Suspense fallback={<Skeleton.Paragraph lineCount={4} animated />}>
          <Routes>
            <Route index element={<HomeScreen />} />
            <Route path="tier" element={<TierScreen />} />
            <Route path="rewards" element={<RewardsScreen />} />
            <Route path="rewards/:rewardId" element={<RewardScreen />} />
            <Route path="coupons" element={<CouponsScreen />} />
            <Route path="coupons/:couponId" element={<CouponScreen />} />
            <Route path="history" element={<HistoryScreen />} />
            <Route path="clubs" element={<ClubsScreen />} />
            <Route path="card" element={<CardScreen />} />
            <Route path="me" element={<MeScreen />} />
            <Route path="me/privacy" element={<PrivacyScreen />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </main>
      <TabBar />
      <SafeArea position="bottom" />
    </BrowserRouter>
  );
}

/** The tab bar; a tab is lit on its own screens and on those it leads to (Rewards: a reward, My coupons, a coupon). */
function TabBar() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const under = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  return (
    <nav className="m-tabbar" aria-label={t('member.tabs')}>
      {TABS.map((tab) => (
        <NavLink
          key={tab.path}
          to={tab.path}
          end={tab.path === '/'}
          className={({ isActive }) => (isActive || (tab.also && under(tab.also)) ? 'm-tab m-tab-active' : 'm-tab')}
        >
          <span aria-hidden="true" className="m-tab-icon">
            {tab.icon}
          </span>
          <span>{t(tab.label)}</span>
        </NavLink>
      ))}
    </nav>
  );
}

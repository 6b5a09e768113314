import {
  AppstoreOutlined,
  BarChartOutlined,
  BarcodeOutlined,
  CommentOutlined,
  CrownOutlined,
  DashboardOutlined,
  FormOutlined,
  GiftOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuOutlined,
  MenuUnfoldOutlined,
  NotificationOutlined,
  SettingOutlined,
  TagsOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Breadcrumb, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorBoundary } from './ErrorBoundary';
import { useI18n } from '../shared/i18n';
import { useAuth } from './auth';
import { LanguageSwitch } from './LanguageSwitch';
import type { Screen } from './screens';

/** Each screen's menu icon, by path (a screen not listed gets the generic one), so adding a screen needs no change here. */
const ICONS: Record<string, ReactNode> = {
  dashboard: <DashboardOutlined aria-hidden />,
  members: <TeamOutlined aria-hidden />,
  tiers: <CrownOutlined aria-hidden />,
  clubs: <AppstoreOutlined aria-hidden />,
  campaigns: <NotificationOutlined aria-hidden />,
  rewards: <GiftOutlined aria-hidden />,
  coupons: <BarcodeOutlined aria-hidden />,
  categories: <TagsOutlined aria-hidden />,
  complaints: <CommentOutlined aria-hidden />,
  surveys: <FormOutlined aria-hidden />,
  analytics: <BarChartOutlined aria-hidden />,
  operations: <SettingOutlined aria-hidden />,
};

const SIDER_WIDTH = 208;
const SIDER_COLLAPSED = 64;

/** The console's mark: a points star in the brand colour, drawn inline (no image request). */
function Logo({ title, compact, padding = '0 20px' }: { title: string; compact: boolean; padding?: string }) {
  return (
    <Link
      to="/"
      aria-label={title}
      data-testid="console-logo"
      style={{ display: 'flex', alignItems: 'center', gap: 10, height: 56, padding, overflow: 'hidden' }}
    >
      <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" style={{ flex: 'none' }}>
        <rect width="24" height="24" rx="6" fill="#1677ff" />
        <path d="M12 4.8l2.1 4.4 4.8.6-3.5 3.3.9 4.8L12 15.6l-4.3 2.3.9-4.8-3.5-3.3 4.8-.6z" fill="#fff" />
      </svg>
      {!compact && (
        <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
          {title}
        </Typography.Text>
      )}
    </Link>
  );
}

/**
 * The frame, in Ant Design Pro's shape: a side menu with icons under the logo (collapsible; a drawer on phones),
 * a header with the user, language and sign-out, and breadcrumbs above each screen.
 */
export function Shell({ screens }: { screens: Screen[] }) {
  const { t } = useI18n();
  const { me, signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const narrow = !Grid.useBreakpoint().lg;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const segments = location.pathname.split('/').filter(Boolean);
  const current = screens.find((s) => s.path === segments[0]);
  const home = screens[0];

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={current ? [current.path] : []}
      items={screens.map((s) => ({ key: s.path, icon: ICONS[s.path] ?? <AppstoreOutlined aria-hidden />, label: t(s.label) }))}
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate(`/${key}`);
      }}
      role="navigation"
      aria-label={t('nav.menu')}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  const crumbs = [
    ...(home && current !== home ? [{ title: <Link to={`/${home.path}`}>{t(home.label)}</Link> }] : []),
    ...(current ? [{ title: segments.length > 1 ? <Link to={`/${current.path}`}>{t(current.label)}</Link> : t(current.label) }] : []),
    ...(segments.length > 1 ? [{ title: t('frame.details') }] : []),
  ];

  const signedInAs = t('console.signedInAs', { email: me.email, role: t(`role.${me.role}` as const) });
  // Phones: the user and sign-out behind one button; wider screens show them.
  const account = narrow ? (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', label: signedInAs, disabled: true },
          { type: 'divider' },
          { key: 'out', icon: <LogoutOutlined aria-hidden />, label: t('console.signOut'), onClick: () => void signOut() },
        ],
      }}
    >
      <Button type="text" icon={<UserOutlined aria-hidden />} aria-label={t('frame.account')} data-testid="account-menu" />
    </Dropdown>
  ) : (
    <>
      <Typography.Text type="secondary" data-testid="signed-in-as">
        <UserOutlined aria-hidden /> {signedInAs}
      </Typography.Text>
      <Button size="small" icon={<LogoutOutlined aria-hidden />} onClick={() => void signOut()}>
        {t('console.signOut')}
      </Button>
    </>
  );

  return (
    <Layout style={{ minHeight: '100vh', background: '#fff' }}>
      {!narrow && (
        <Layout.Sider
          theme="light"
          width={SIDER_WIDTH}
          collapsedWidth={SIDER_COLLAPSED}
          collapsed={collapsed}
          trigger={null}
          aria-label={t('nav.menu')}
          style={{ borderInlineEnd: '1px solid rgba(5,5,5,0.06)', position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Logo title={t('console.title')} compact={collapsed} />
          {menu}
        </Layout.Sider>
      )}
      {narrow && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={SIDER_WIDTH + 32}
          title={<Logo title={t('console.title')} compact={false} padding="0 4px" />}
          styles={{ body: { padding: 0 }, header: { padding: '0 8px' } }}
        >
          {menu}
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            height: 56,
            lineHeight: '56px',
            padding: '0 12px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            borderBottom: '1px solid rgba(5,5,5,0.06)',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          {narrow ? (
            <>
              <Button
                type="text"
                icon={<MenuOutlined aria-hidden />}
                aria-label={t('nav.menu')}
                data-testid="open-menu"
                onClick={() => setDrawerOpen(true)}
              />
              <Logo title={t('console.title')} compact={false} padding="0 4px" />
            </>
          ) : (
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined aria-hidden /> : <MenuFoldOutlined aria-hidden />}
              aria-label={collapsed ? t('frame.expandMenu') : t('frame.collapseMenu')}
              onClick={() => setCollapsed(!collapsed)}
            />
          )}
          <div style={{ flex: 1 }} />
          <Space size={narrow ? 4 : 12}>
            {!narrow && account}
            <LanguageSwitch />
            {narrow && account}
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          {crumbs.length > 1 && <Breadcrumb items={crumbs} style={{ marginBottom: 12 }} data-testid="breadcrumbs" />}
          <ErrorBoundary key={location.pathname} title={t('common.error', { message: '' })}>
            <Outlet />
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

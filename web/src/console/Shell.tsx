import { Button, Layout, Menu, Space, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorBoundary } from './ErrorBoundary';
import { useI18n } from '../shared/i18n';
import { useAuth } from './auth';
import { LanguageSwitch } from './LanguageSwitch';
import type { Screen } from './screens';

/** The frame: a menu of the screens this role may open (collapses on narrow screens), the user, language and sign-out. */
export function Shell({ screens }: { screens: Screen[] }) {
  const { t } = useI18n();
  const { me, signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const current = location.pathname.split('/')[1] ?? '';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" aria-label={t('nav.menu')}>
        <div style={{ padding: 16, fontWeight: 600 }}>{t('console.title')}</div>
        <Menu
          mode="inline"
          selectedKeys={[current]}
          items={screens.map((s) => ({ key: s.path, label: t(s.label) }))}
          onClick={({ key }) => void navigate(`/${key}`)}
          role="navigation"
          aria-label={t('nav.menu')}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            height: 'auto',
            lineHeight: 1.5,
            padding: '8px 16px 8px 56px',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
          }}
        >
          <Space wrap>
            <Typography.Text type="secondary" data-testid="signed-in-as">
              {t('console.signedInAs', { email: me.email, role: t(`role.${me.role}` as const) })}
            </Typography.Text>
            <LanguageSwitch />
            <Button size="small" onClick={() => void signOut()}>
              {t('console.signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 16 }}>
          <ErrorBoundary key={location.pathname} title={t('common.error', { message: '' })}>
            <Outlet />
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

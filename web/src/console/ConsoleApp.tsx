import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { I18nProvider, useI18n } from '../shared/i18n';
import { AuthGate, useAuth } from './auth';
import { LoginPage } from './LoginPage';
import { NotAllowed } from './NotAllowed';
import { SCREENS } from './screens';
import { Shell } from './Shell';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

export function ConsoleApp() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Localised />
      </I18nProvider>
    </QueryClientProvider>
  );
}

function Localised() {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'zh-CN' ? zhCN : enUS}>
      <AntApp>
        <BrowserRouter basename="/console">
          <AuthGate signIn={(done) => <LoginPage onSignedIn={done} />}>
            <ConsoleRoutes />
          </AuthGate>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

function ConsoleRoutes() {
  const { can } = useAuth();
  const visible = SCREENS.filter((s) => s.anyOf.some(can));
  return (
    <Routes>
      <Route element={<Shell screens={visible} />}>
        <Route index element={<Navigate to={visible[0]?.path ?? 'none'} replace />} />
        {visible.map((s) => (
          <Route key={s.path} path={`${s.path}/*`} element={s.element} />
        ))}
        <Route path="*" element={<NotAllowed />} />
      </Route>
    </Routes>
  );
}

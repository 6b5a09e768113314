import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { I18nProvider, useI18n } from '../shared/i18n';
import { session } from './api';
import { AuthGate } from './auth';
import { speakErrorsIn } from './error-messages';
import { LoginPage } from './LoginPage';

/**
 * The sign-in page comes with the console; the signed-in frame (menu, router, the screens' table) is a chunk of its own,
 * loaded after sign-in or when the console opens signed in, and each screen again its own chunk (./screens).
 */
const loadSignedInConsole = () => import('./SignedInConsole');
const SignedInConsole = lazy(async () => ({ default: (await loadSignedInConsole()).SignedInConsole }));
if (session.tokens !== null) {
  void loadSignedInConsole(); // opened signed in: the frame loads alongside GET auth/me, not after it
}

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
  speakErrorsIn(lang); // before any request of this render: errors say what the console says, in this language
  return (
    <ConfigProvider locale={lang === 'zh-CN' ? zhCN : enUS}>
      <AntApp>
        <AuthGate signIn={(done) => <LoginPage onSignedIn={done} />}>
          <Suspense fallback={null}>
            <SignedInConsole />
          </Suspense>
        </AuthGate>
      </AntApp>
    </ConfigProvider>
  );
}

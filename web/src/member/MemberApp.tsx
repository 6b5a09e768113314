import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { Button, ConfigProvider, Skeleton } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { I18nProvider, useI18n } from '../shared/i18n';
import { SignInScreen } from './screens/SignInScreen';
import { memberSession } from './session';
import './member.css';

/**
 * The sign-in screen comes with the page; what a signed-in member sees (the tabs, their router and screens) is a chunk
 * of its own, loaded at sign-in or when the page opens signed in. Each tab but the first is again its own chunk.
 */
const SignedIn = lazy(async () => ({ default: (await import('./SignedIn')).SignedIn }));
/** A survey invitation's link (/m/survey/<token>) opens its survey without sign-in. */
const SurveyScreen = lazy(async () => ({ default: (await import('./screens/SurveyScreen')).SurveyScreen }));

function surveyToken(pathname: string): string | null {
  const m = /^\/m\/survey\/([^/]+)$/.exec(pathname);
  return m ? decodeURIComponent(m[1]) : null;
}

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

/** The member page (/m): sign-in with a phone code, then points, history, clubs, card and my data in five tabs. */
export function MemberApp() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Localised />
      </I18nProvider>
    </QueryClientProvider>
  );
}

function subscribe(onChange: () => void) {
  window.addEventListener('loyalty:member-session', onChange);
  return () => window.removeEventListener('loyalty:member-session', onChange);
}

/** Whether a member is signed in (tokens present); follows sign-in, refresh failures and sign-out. */
export function useSignedIn(): boolean {
  return useSyncExternalStore(subscribe, () => memberSession.tokens !== null);
}

function Localised() {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'zh-CN' ? zhCN : enUS}>
      <Frame />
    </ConfigProvider>
  );
}

function LanguageButton() {
  const { t, lang, setLang } = useI18n();
  return (
    <Button size="mini" fill="outline" aria-label={t('common.switchLanguage')} onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
      {t('common.otherLanguage')}
    </Button>
  );
}

function Frame() {
  const { t } = useI18n();
  const signedIn = useSignedIn();
  const client = useQueryClient();
  const [wasSignedIn, setWasSignedIn] = useState(signedIn);
  useEffect(() => {
    if (!signedIn && wasSignedIn) {
      client.clear(); // nothing of the last member stays in the cache
    }
    setWasSignedIn(signedIn);
  }, [signedIn, wasSignedIn, client]);
  return (
    <div className="m-frame">
      <header>
        {/* Not antd-mobile's NavBar: its empty left slot is an unnamed role=button. */}
        <div className="m-header">
          <span />
          <h1 className="m-title">{t('member.title')}</h1>
          <LanguageButton />
        </div>
      </header>
      {surveyToken(window.location.pathname) !== null ? (
        <Suspense fallback={<Skeleton.Paragraph lineCount={4} animated />}>
          <SurveyScreen token={surveyToken(window.location.pathname) as string} />
        </Suspense>
      ) : signedIn ? (
        <Suspense fallback={<Skeleton.Paragraph lineCount={4} animated />}>
          <SignedIn />
        </Suspense>
      ) : (
        <SignInScreen />
      )}
    </div>
  );
}

import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { Button, ConfigProvider, SafeArea, Skeleton } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { BrowserRouter, Navigate, NavLink, Route, Routes } from 'react-router';
import { I18nProvider, useI18n, type MessageKey } from '../shared/i18n';
import { SignInScreen } from './screens/SignInScreen';
import { memberSession } from './session';
import './member.css';

/**
 * The sign-in screen comes with the page; each tab's screen is its own chunk, loaded when first opened (the card's
 * barcode library only with the card).
 */
const HomeScreen = lazy(async () => ({ default: (await import('./screens/HomeScreen')).HomeScreen }));
const HistoryScreen = lazy(async () => ({ default: (await import('./screens/HistoryScreen')).HistoryScreen }));
const ClubsScreen = lazy(async () => ({ default: (await import('./screens/ClubsScreen')).ClubsScreen }));
const CardScreen = lazy(async () => ({ default: (await import('./screens/CardScreen')).CardScreen }));
const MeScreen = lazy(async () => ({ default: (await import('./screens/MeScreen')).MeScreen }));

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
      <BrowserRouter basename="/m">
        <Frame />
      </BrowserRouter>
    </ConfigProvider>
  );
}

const TABS: Array<{ path: string; label: MessageKey; icon: string }> = [
  { path: '/', label: 'member.tab.home', icon: '◎' },
  { path: '/history', label: 'member.tab.history', icon: '☰' },
  { path: '/clubs', label: 'member.tab.clubs', icon: '♧' },
  { path: '/card', label: 'member.tab.card', icon: '▥' },
  { path: '/me', label: 'member.tab.me', icon: '☺' },
];

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
      {signedIn ? <SignedIn /> : <SignInScreen />}
    </div>
  );
}

function SignedIn() {
  const { t } = useI18n();
  return (
    <>
      <main className="m-main">
        <Suspense fallback={<Skeleton.Paragraph lineCount={4} animated />}>
          <Routes>
            <Route index element={<HomeScreen />} />
            <Route path="history" element={<HistoryScreen />} />
            <Route path="clubs" element={<ClubsScreen />} />
            <Route path="card" element={<CardScreen />} />
            <Route path="me" element={<MeScreen />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </main>
      <nav className="m-tabbar" aria-label={t('member.tabs')}>
        {TABS.map((tab) => (
          <NavLink
            key={tab.path}
            to={tab.path}
            end={tab.path === '/'}
            className={({ isActive }) => (isActive ? 'm-tab m-tab-active' : 'm-tab')}
          >
            <span aria-hidden="true" className="m-tab-icon">
              {tab.icon}
            </span>
            <span>{t(tab.label)}</span>
          </NavLink>
        ))}
      </nav>
      <SafeArea position="bottom" />
    </>
  );
}

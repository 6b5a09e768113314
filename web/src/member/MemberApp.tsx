import { Button, NavBar, Result } from 'antd-mobile';
import { useI18n, I18nProvider } from '../shared/i18n';

/** The member page (/m). A placeholder: the portal screens (sign-in with a code, balance, history, tier, clubs, card) come next. */
export function MemberApp() {
  return (
    <I18nProvider>
      <MemberHome />
    </I18nProvider>
  );
}

function MemberHome() {
  const { t, lang, setLang } = useI18n();
  return (
    <div>
      <NavBar
        back={null}
        right={
          <Button size="mini" aria-label={t('common.switchLanguage')} onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
            {t('common.otherLanguage')}
          </Button>
        }
      >
        {t('member.title')}
      </NavBar>
      <Result status="waiting" title={t('member.comingSoon')} description={t('member.comingSoonDetail')} />
    </div>
  );
}

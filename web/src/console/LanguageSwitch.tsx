import { Button } from 'antd';
import { useI18n } from '../shared/i18n';

/** Shows the other language's name; one click switches and remembers the choice. */
export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <Button size="small" aria-label={t('common.switchLanguage')} onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
      {t('common.otherLanguage')}
    </Button>
  );
}

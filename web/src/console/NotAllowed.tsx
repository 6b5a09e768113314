import { Result } from 'antd';
import { useI18n } from '../shared/i18n';

export function NotAllowed() {
  const { t } = useI18n();
  return <Result status="404" title={t('notFound.title')} />;
}

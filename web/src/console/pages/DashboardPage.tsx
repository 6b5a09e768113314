import { Empty, Typography } from 'antd';
import { useI18n } from '../../shared/i18n';

export function DashboardPage() {
  const { t } = useI18n();
  return (
    <section>
      <Typography.Title level={3}>{t('nav.dashboard')}</Typography.Title>
      <Empty description={t('common.noData')} />
    </section>
  );
}

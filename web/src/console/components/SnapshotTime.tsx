import { Typography } from 'antd';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';

/**
 * "As of …" of an analytics snapshot, or "no snapshot yet". Its own file (not the analytics screen's), so the
 * dashboard that shows it does not load the analytics screen and its charts (ECharts).
 */
export function SnapshotTime({ at }: { at: string | null | undefined }) {
  const { t, lang } = useI18n();
  return (
    <Typography.Text type="secondary" data-testid="snapshot-at">
      {at ? t('analytics.asOf', { time: formatDateTime(at, lang) }) : t('analytics.noSnapshot')}
    </Typography.Text>
  );
}

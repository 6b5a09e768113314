import { Tag } from 'antd';
import { useI18n } from '../../shared/i18n';
import type { Campaign } from './queries';

const COLOR: Record<Campaign['state'], string> = {
  draft: 'default',
  pending_approval: 'gold',
  scheduled: 'blue',
  running: 'processing',
  completed: 'success',
  paused: 'warning',
  cancelled: 'default',
  failed: 'error',
  active: 'green',
  ended: 'default',
};

export function StateTag({ state }: { state: Campaign['state'] }) {
  const { t } = useI18n();
  return (
    <Tag color={COLOR[state]} data-testid="campaign-state">
      {t(`campaigns.state.${state}`)}
    </Tag>
  );
}

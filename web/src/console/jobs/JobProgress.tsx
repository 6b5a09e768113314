import { Progress, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../shared/i18n';
import { useJob } from './queries';

/** Live progress of a long job (GET jobs/{id}), polled every half second until it ends. */
export function JobProgress({ jobId, label, onDone }: { jobId: string; label: string; onDone?: (state: string) => void }) {
  const { t } = useI18n();
  const job = useJob(jobId);
  const data = job.data;
  const ended = data && data.state !== 'running' ? data.state : null;
  useEffect(() => {
    if (ended) {
      onDone?.(ended);
    }
  }, [ended]);
  const percent = data?.percent ?? 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text>{t('job.labelled', { label, state: data ? t(`job.${data.state}`) : t('common.loading') })}</Typography.Text>
      <Progress
        percent={percent}
        status={data?.state === 'failed' ? 'exception' : data?.state === 'completed' ? 'success' : 'active'}
        aria-label={label}
        data-testid="job-progress"
        data-percent={percent}
      />
    </Space>
  );
}

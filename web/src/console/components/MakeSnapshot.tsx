import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n';
import { useTakeSnapshot } from '../analytics/queries';
import { JobProgress } from '../jobs/JobProgress';

/** POST analytics/snapshots, then the job's progress; when it ends every analytics figure (dashboard included) is read again. */
export function MakeSnapshot({ label, primary = false }: { label: string; primary?: boolean }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useTakeSnapshot(setJobId);
  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 420 }}>
      <Button
        type={primary ? 'primary' : 'default'}
        onClick={() => start.mutate()}
        loading={start.isPending || (jobId !== null && !start.isError)}
        disabled={jobId !== null}
        data-testid="make-snapshot"
      >
        {label}
      </Button>
      {start.error && <Alert type="error" role="alert" title={t('common.error', { message: start.error.message })} />}
      {jobId && (
        <JobProgress
          jobId={jobId}
          label={t('analytics.refreshing')}
          onDone={() => {
            void client.invalidateQueries({ queryKey: ['analytics'] });
            setJobId(null);
          }}
        />
      )}
    </Space>
  );
}

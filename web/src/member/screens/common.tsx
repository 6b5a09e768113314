import { Button, ErrorBlock, Skeleton } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useI18n } from '../../shared/i18n';

/** Loading skeleton, error with a retry, or the content of one query. */
export function Loaded<T>({
  query,
  children,
  label,
}: {
  query: { data: T | undefined; error: Error | null; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
  label: string;
}) {
  const { t } = useI18n();
  if (query.isPending) {
    return <Skeleton.Paragraph lineCount={3} animated aria-label={t('common.loading')} />;
  }
  if (query.error || query.data === undefined) {
    return (
      <ErrorBlock status="default" title={label} description={t('member.error', { message: query.error?.message ?? '' })}>
        <Button size="small" onClick={() => void query.refetch()} aria-label={t('member.retry')}>
          {t('member.retry')}
        </Button>
      </ErrorBlock>
    );
  }
  return <>{children(query.data)}</>;
}

import { Alert, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../../shared/api';
import { useI18n } from '../../shared/i18n';

/** Loading, error (with the API's message), "no data" (also when the route is not there yet: 404), or the content. */
export function QueryState<T>({
  query,
  empty,
  children,
}: {
  query: { isPending: boolean; error: Error | null; data: T | undefined };
  empty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (query.isPending) {
    return <Spin aria-label={t('common.loading')} />;
  }
  if (query.error) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return <Empty description={t('common.noData')} />;
    }
    return <Alert type="error" role="alert" title={t('common.error', { message: query.error.message })} />;
  }
  if (query.data === undefined || (empty && empty(query.data))) {
    return <Empty description={t('common.noData')} />;
  }
  return <>{children(query.data)}</>;
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap, type Schemas } from '../../shared/api';
import { api } from '../api';

export type Overview = Schemas['OverviewResponse'];
export type Kpi = Schemas['KpiResponse'];

/** The dashboard's period: a preset (7, 30, 90 days to the snapshot) or a custom range of business days. */
export type Period = { days: 7 | 30 | 90 } | { from: string; to: string };

/** GET analytics/overview; the key starts with "analytics", so a new snapshot reloads it. The last answer stays on screen while the next loads. */
export const useOverview = (period: Period, enabled = true) =>
  useQuery({
    queryKey: ['analytics', 'overview', period],
    enabled,
    retry: false,
    placeholderData: keepPreviousData,
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/analytics/overview', { params: { query: period } })),
  });

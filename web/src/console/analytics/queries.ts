import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { unwrap, type Schemas } from '../../shared/api';
import { api, authorizedFetch } from '../api';
import type { Period } from '../dashboard/queries';

/**
 * The analytics screen's calls (admin/analytics, from the newest snapshot); every key starts with "analytics". The
 * reports take the page's period (?days= or ?from=&to=), and the last answer stays on screen while the next loads.
 */
export type Churn = Schemas['ChurnResponse'];
export type Slice = Schemas['ChurnSliceResponse'];
export type Liability = Schemas['LiabilityResponse'];

/** The program at a glance (also the dashboard screen's figures). */
export const useDashboard = (enabled = true) =>
  useQuery({
    queryKey: ['analytics', 'dashboard'],
    enabled,
    retry: false,
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/analytics/dashboard')),
  });

export const usePyramid = () =>
  useQuery({
    queryKey: ['analytics', 'value-pyramid'],
    retry: false,
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/analytics/value-pyramid')),
  });

export const useLiability = (period: Period) =>
  useQuery({
    queryKey: ['analytics', 'liability', period],
    retry: false,
    placeholderData: keepPreviousData,
    // JSON here; CSV only with ?format=csv
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/analytics/liability', { params: { query: period } })) as Liability,
  });

export const useRfm = (period: Period) =>
  useQuery({
    queryKey: ['analytics', 'rfm', period],
    retry: false,
    placeholderData: keepPreviousData,
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/analytics/rfm', { params: { query: period } })),
  });

export const useChurn = (period: Period) =>
  useQuery({
    queryKey: ['analytics', 'churn', period],
    retry: false,
    placeholderData: keepPreviousData,
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/analytics/churn', { params: { query: period } })),
  });

export const useLoyalty = (period: Period) =>
  useQuery({
    queryKey: ['analytics', 'loyalty', period],
    retry: false,
    placeholderData: keepPreviousData,
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/analytics/loyalty', { params: { query: period } })),
  });

export const useTierMovements = (period: Period) =>
  useQuery({
    queryKey: ['analytics', 'tier-movements', period],
    retry: false,
    placeholderData: keepPreviousData,
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/analytics/tier-movements', { params: { query: period } })),
  });

/** POST analytics/snapshots: a new snapshot is taken by a job; the answer names it. */
export const useTakeSnapshot = (onStarted: (jobId: string) => void) =>
  useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/admin/analytics/snapshots')),
    onSuccess: (r) => onStarted(r.jobId),
  });

/** The points liability of a period as a CSV file (GET analytics/liability?format=csv&days= or &from=&to=), named by its days. */
export async function downloadLiabilityCsv(period: Period, name: string): Promise<void> {
  const query = new URLSearchParams({ format: 'csv', ...('days' in period ? { days: String(period.days) } : period) });
  const res = await authorizedFetch(`/api/v1/admin/analytics/liability?${query.toString()}`, { headers: { Accept: 'text/csv' } });
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** POST analytics/value-runs: scores, grades and RFM for every member, by a job; the answer names it. */
export const useStartValueRun = (onStarted: (jobId: string) => void) =>
  useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/admin/analytics/value-runs')),
    onSuccess: (r) => onStarted(r.jobId),
  });

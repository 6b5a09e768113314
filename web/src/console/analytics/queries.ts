import { useMutation, useQuery } from '@tanstack/react-query';
import { unwrap, type Schemas } from '../../shared/api';
import { api, authorizedFetch } from '../api';

/** The analytics screen's calls (admin/analytics, from the newest snapshot); every key starts with "analytics". */
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

export const useLiability = () =>
  useQuery({
    queryKey: ['analytics', 'liability'],
    retry: false,
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/analytics/liability')) as Liability, // JSON here; CSV only with ?format=csv
  });

export const useRfm = () =>
  useQuery({ queryKey: ['analytics', 'rfm'], retry: false, queryFn: async () => unwrap(await api.GET('/api/v1/admin/analytics/rfm')) });

export const useChurn = () =>
  useQuery({ queryKey: ['analytics', 'churn'], retry: false, queryFn: async () => unwrap(await api.GET('/api/v1/admin/analytics/churn')) });

export const useLoyalty = () =>
  useQuery({
    queryKey: ['analytics', 'loyalty'],
    retry: false,
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/analytics/loyalty')),
  });

export const useTierMovements = () =>
  useQuery({
    queryKey: ['analytics', 'tier-movements'],
    retry: false,
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/analytics/tier-movements')),
  });

/** POST analytics/snapshots: a new snapshot is taken by a job; the answer names it. */
export const useTakeSnapshot = (onStarted: (jobId: string) => void) =>
  useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/admin/analytics/snapshots')),
    onSuccess: (r) => onStarted(r.jobId),
  });

/** The points liability as a CSV file (GET analytics/liability?format=csv). */
export async function downloadLiabilityCsv(): Promise<void> {
  const res = await authorizedFetch('/api/v1/admin/analytics/liability?format=csv', { headers: { Accept: 'text/csv' } });
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = 'points-liability.csv';
  a.click();
  URL.revokeObjectURL(url);
}

/** POST analytics/value-runs: scores, grades and RFM for every member, by a job; the answer names it. */
export const useStartValueRun = (onStarted: (jobId: string) => void) =>
  useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/admin/analytics/value-runs')),
    onSuccess: (r) => onStarted(r.jobId),
  });

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, type Schemas } from '../../shared/api';
import { api } from '../api';

/** The tiers screen's calls (admin/tiers): the ladder, its what-if, saving it and the reviews. */
export type Tier = Schemas['LadderTierDto'];

/** The tier ladder (also read by the campaign audience and the tier grant). */
export const useLadder = (enabled = true) =>
  useQuery({ queryKey: ['tiers'], enabled, queryFn: async () => unwrap(await api.GET('/api/v1/admin/tiers')) });

/** The what-if of a proposed ladder; `refresh` recomputes every member's window sums first (the snapshot). */
export const useSimulateLadder = () =>
  useMutation({
    mutationFn: async ({ tiers, refresh }: { tiers: Tier[]; refresh: boolean }) =>
      unwrap(await api.POST('/api/v1/admin/tiers/simulate', { body: { tiers, refresh } })),
  });

export function useSaveLadder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (tiers: Tier[]) => unwrap(await api.PUT('/api/v1/admin/tiers', { body: { tiers } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['tiers'] }),
  });
}

export type ValueSettings = Schemas['ValueSettingsDto'];

/** The value score's weights, reference units and grade shares (GET value/settings). */
export const useValueSettings = () =>
  useQuery({ queryKey: ['value-settings'], queryFn: async () => unwrap(await api.GET('/api/v1/admin/value/settings')) });

/** Saves them (PUT value/settings, admins); they apply from the next value run. */
export function useSaveValueSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: ValueSettings) => unwrap(await api.PUT('/api/v1/admin/value/settings', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['value-settings'] }),
  });
}

/** Starts a tier review (or a rank review); the answer names the job to follow. */
export const useReview = (kind: 'reviews' | 'rank-reviews', onStarted: (jobId: string) => void) =>
  useMutation({
    mutationFn: async () =>
      kind === 'reviews'
        ? unwrap(await api.POST('/api/v1/admin/tiers/reviews'))
        : unwrap(await api.POST('/api/v1/admin/tiers/rank-reviews')),
    onSuccess: (r) => onStarted(r.jobId),
  });

/** The program settings (GET program): the earning rate, the excluded categories, … */
export const useProgram = () => useQuery({ queryKey: ['program'], queryFn: async () => unwrap(await api.GET('/api/v1/admin/program')) });

/** Saves the categories that earn nothing (PATCH program, admins). */
export function useSaveExcludedCategories() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (excludedCategories: string[]) => unwrap(await api.PATCH('/api/v1/admin/program', { body: { excludedCategories } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['program'] }),
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { unwrap, type Schemas } from '../../shared/api';
import { api } from '../api';
import { useDebounced } from '../components/useDebounced';
import type { CampaignBody } from './wizard/draft';

/** The campaigns screen's calls (admin/campaigns, message templates); every campaign key starts with "campaigns". */
export type Campaign = Schemas['CampaignResponse'];
export type CampaignResults = Schemas['CampaignResultsResponse'];
export type CampaignGroup = Schemas['CampaignGroupResponse'];

const byId = (id: string) => ({ params: { path: { id } } });

export const useCampaigns = () =>
  useQuery({
    queryKey: ['campaigns'],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/campaigns', { params: { query: { limit: 100 } } })),
  });

/** Maker-checker: campaigns waiting for a second user's approval. */
export const usePendingApprovals = () =>
  useQuery({
    queryKey: ['campaigns', 'pending_approval'],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/campaigns', { params: { query: { limit: 100, state: 'pending_approval' } } })),
  });

export function useApprovalDecision(campaignId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ decision, reason }: { decision: 'approve' | 'reject'; reason: string }) =>
      decision === 'approve'
        ? unwrap(await api.POST('/api/v1/admin/campaigns/{id}/approve', byId(campaignId)))
        : unwrap(
            await api.POST('/api/v1/admin/campaigns/{id}/reject', {
              ...byId(campaignId),
              body: reason.trim() ? { reason: reason.trim() } : {},
            }),
          ),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['campaigns'] }),
  });
}

export const useCampaign = (campaignId: string) =>
  useQuery({
    queryKey: ['campaigns', campaignId],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/campaigns/{id}', byId(campaignId))),
  });

/** Live results, read every second while the campaign or its run is running. */
export const useCampaignResults = (campaignId: string) =>
  useQuery({
    queryKey: ['campaigns', campaignId, 'results'],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/campaigns/{id}/results', byId(campaignId))),
    refetchInterval: (q) => {
      const r = q.state.data;
      return r && r.state !== 'running' && (r.progress === null || r.progress.state !== 'running') ? false : 1000;
    },
  });

export type CampaignAction = 'launch' | 'pause' | 'resume' | 'cancel';

export function useCampaignAction(campaignId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (action: CampaignAction) => {
      const route = `/api/v1/admin/campaigns/{id}/${action}` as const;
      return unwrap(await api.POST(route, byId(campaignId)));
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['campaigns'] }),
  });
}

/** Raises a launched campaign's budget cap (only upwards). */
export function useRaiseBudget(campaignId: string, onRaised: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (capPoints: number) =>
      unwrap(await api.POST('/api/v1/admin/campaigns/{id}/budget', { ...byId(campaignId), body: { capPoints } })),
    onSuccess: () => {
      onRaised();
      void client.invalidateQueries({ queryKey: ['campaigns'] });
    },
  });
}

export const useMessageTemplates = () =>
  useQuery({
    queryKey: ['message-templates'],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/message-templates')),
  });

/** A template rendered in both languages with sample values. */
export const useTemplatePreview = (code: string | null, enabled: boolean) =>
  useQuery({
    queryKey: ['template-preview', code],
    enabled: enabled && code !== null,
    queryFn: async () =>
      unwrap(await api.POST('/api/v1/admin/message-templates/{code}/preview', { params: { path: { code: code ?? '' } }, body: {} })),
  });

/** A description in both languages, as the server words a rule (RuleDescriptionResponse). */
export type RuleWords = Schemas['RuleDescriptionResponse'];

/**
 * The audience and the actions in words, zh-CN and English, from their kinds on the server (campaigns/rules/explain;
 * nothing is saved); asked 400 ms after the last edit, the previous answer kept meanwhile.
 */
export function useRulesExplain(rules: Pick<CampaignBody, 'audience' | 'actions'>, enabled: boolean) {
  const debounced = useDebounced(rules);
  return useQuery({
    queryKey: ['campaigns', 'explain', debounced],
    queryFn: async () =>
      unwrap(
        await api.POST('/api/v1/admin/campaigns/rules/explain', {
          body: { audience: debounced.audience, actions: debounced.actions ?? [] },
        }),
      ),
    enabled: enabled && debounced === rules,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/**
 * The wizard's draft on the server: saved as soon as it has an audience (created once, then updated), and previewed
 * after each save (size, holdout, targeted, points). launch saves the latest body and launches it.
 */
export function useCampaignDraft(
  saved: CampaignBody,
  enabled: boolean,
  { onLaunched, notSaved }: { onLaunched: (id: string) => void; notSaved: () => Error },
) {
  const client = useQueryClient();
  const draftId = useRef<string | null>(null);
  const preview = useQuery({
    queryKey: ['campaign-preview', saved],
    enabled,
    retry: false,
    queryFn: async () => {
      if (draftId.current === null) {
        draftId.current = unwrap(await api.POST('/api/v1/admin/campaigns', { body: saved })).campaignId;
        void client.invalidateQueries({ queryKey: ['campaigns'] });
      } else {
        unwrap(await api.PATCH('/api/v1/admin/campaigns/{id}', { ...byId(draftId.current), body: saved }));
      }
      return unwrap(await api.POST('/api/v1/admin/campaigns/{id}/preview', byId(draftId.current)));
    },
  });
  const launch = useMutation({
    mutationFn: async (body: CampaignBody) => {
      const id = draftId.current;
      if (!id) {
        throw notSaved();
      }
      unwrap(await api.PATCH('/api/v1/admin/campaigns/{id}', { ...byId(id), body }));
      unwrap(await api.POST('/api/v1/admin/campaigns/{id}/launch', byId(id)));
      return id;
    },
    onSuccess: async (id) => {
      await client.invalidateQueries({ queryKey: ['campaigns'] });
      onLaunched(id);
    },
  });
  return { preview, launch, saved: draftId.current !== null };
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { unwrap, type Schemas } from '../../shared/api';
import { api, session } from '../api';
import { useDebounced } from '../components/useDebounced';
import type { CampaignBody } from './wizard/draft';

/** The campaigns screen's calls (admin/campaigns, message templates); every campaign key starts with "campaigns". */
export type Campaign = Schemas['CampaignResponse'];
export type CampaignResults = Schemas['CampaignResultsResponse'];
export type CampaignGroup = Schemas['CampaignGroupResponse'];

const byId = (id: string) => ({ params: { path: { id } } });

export type CampaignListItem = Schemas['CampaignListItemResponse'];

/** A campaign whose fan-out is still at work: the list is read again until none is. */
export const isLive = (c: CampaignListItem) => c.state === 'running' || c.figures.progress?.state === 'running';

/**
 * The campaigns, filtered by state and by a part of the name; read again every 2 s while any of them is running, so
 * "Running" turns to "Completed" on the screen without leaving it.
 */
export const useCampaigns = (filter: { state: Campaign['state'] | null; name: string }) =>
  useQuery({
    queryKey: ['campaigns', 'list', filter],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/admin/campaigns', {
          params: {
            query: {
              limit: 100,
              ...(filter.state ? { state: filter.state } : {}),
              ...(filter.name.trim() ? { name: filter.name.trim() } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some(isLive) ? 2000 : false),
  });

/** The rewards a campaign may grant as a coupon: active ones without a points price (coupon templates). */
export const useCouponRewards = () =>
  useQuery({
    queryKey: ['rewards', 'coupon-templates'],
    queryFn: async () => {
      const page = unwrap(await api.GET('/api/v1/admin/rewards', { params: { query: { limit: 100, status: 'active' } } }));
      return page.items.filter((r) => r.pointsPrice === null);
    },
  });
export type Reward = Schemas['RewardResponse'];

/** A saved campaign's audience size, holdout, cost and approval need, as of now (maker-checker: what an approver approves). */
export const useCampaignPreview = (campaignId: string) =>
  useQuery({
    queryKey: ['campaigns', campaignId, 'preview'],
    queryFn: async () => unwrap(await api.POST('/api/v1/admin/campaigns/{id}/preview', byId(campaignId))),
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
 * The members the audience holds now, counted by the server without saving anything (campaigns/rules/explain with
 * estimate): what the wizard shows before an action is chosen, when no draft can be saved yet.
 */
export function useAudienceSize(rules: Pick<CampaignBody, 'audience' | 'actions'>, enabled: boolean) {
  return useQuery({
    queryKey: ['campaigns', 'audience-size', rules.audience, rules.actions],
    queryFn: async () =>
      unwrap(
        await api.POST('/api/v1/admin/campaigns/rules/explain', {
          body: { audience: rules.audience, actions: rules.actions ?? [], estimate: true },
        }),
      ).audience?.size ?? null,
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/**
 * The wizard's draft on the server: saved as soon as it has an audience and an action (created once, then updated), and previewed
 * after each save (size, holdout, targeted, points, approval). launch saves the latest body and launches it.
 *
 * The live figures need a saved draft (the holdout is drawn by the campaign's id, so only a saved campaign gives the
 * exact figures the confirmation states); so a wizard closed without launching deletes the draft it created (closing
 * the drawer, leaving the screen, or closing the tab), and none is left behind.
 */
export function useCampaignDraft(saved: CampaignBody, enabled: boolean, { notSaved }: { notSaved: () => Error }) {
  const client = useQueryClient();
  const draftId = useRef<string | null>(null);
  const creating = useRef<Promise<string> | null>(null);
  const launched = useRef(false);
  useEffect(() => {
    // The tab closed or reloaded: the request must outlive the page (keepalive).
    const onPageHide = () => {
      if (draftId.current !== null && !launched.current && session.tokens) {
        void fetch(`/api/v1/admin/campaigns/${draftId.current}`, {
          method: 'DELETE',
          keepalive: true,
          headers: { Authorization: `Bearer ${session.tokens.accessToken}` },
        }).catch(() => undefined);
      }
    };
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      if (launched.current) {
        return;
      }
      // Abandoned: delete the draft (once the create in flight, if any, has answered).
      const pending = draftId.current !== null ? Promise.resolve(draftId.current) : creating.current;
      void pending
        ?.then((id) => api.DELETE('/api/v1/admin/campaigns/{id}', byId(id)))
        .catch(() => undefined)
        .finally(() => void client.invalidateQueries({ queryKey: ['campaigns'] }));
    };
  }, [client]);
  const preview = useQuery({
    queryKey: ['campaign-preview', saved],
    enabled,
    retry: false,
    queryFn: async () => {
      if (draftId.current === null) {
        creating.current ??= api.POST('/api/v1/admin/campaigns', { body: saved }).then((r) => unwrap(r).campaignId);
        draftId.current = await creating.current;
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
      const campaign = unwrap(await api.POST('/api/v1/admin/campaigns/{id}/launch', byId(id)));
      launched.current = true;
      return campaign;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['campaigns'] }),
  });
  return { preview, launch, saved: draftId.current !== null };
}

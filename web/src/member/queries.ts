import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../shared/api';
import type { Card, Club, Consent, ExpiringMonth, HistoryItem, TierGoal, TierInfo, TierReview } from './model';
import { portal } from './session';

/** The member page's data layer: TanStack Query over the typed portal client; every key starts with "me". */
export interface Points {
  balance: number;
  available: number;
  pending: number;
  availableValueCents: number;
  expiring: ExpiringMonth[];
}

export interface TierProgress {
  tier: TierInfo;
  window: { months: number };
  qualifying: { spendCents: number; points: number; purchases: number };
  next: TierGoal | null;
  review: TierReview;
}

export const useProfile = () =>
  useQuery({
    queryKey: ['me', 'profile'],
    queryFn: async () => unwrap(await portal.GET('/api/v1/portal/me')) as unknown as { phone: string | null; tier: TierInfo },
  });

export const usePoints = () =>
  useQuery({
    queryKey: ['me', 'points'],
    queryFn: async () => unwrap(await portal.GET('/api/v1/portal/me/points')) as unknown as Points,
  });

export const useTier = () =>
  useQuery({
    queryKey: ['me', 'tier'],
    queryFn: async () => unwrap(await portal.GET('/api/v1/portal/me/tier')) as unknown as TierProgress,
  });

export const HISTORY_PAGE = 20;

export const useHistory = () =>
  useInfiniteQuery({
    queryKey: ['me', 'history'],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => {
      const page = unwrap(
        await portal.GET('/api/v1/portal/me/history', {
          params: { query: { limit: HISTORY_PAGE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      );
      return { items: page.items as unknown as HistoryItem[], nextCursor: page.nextCursor };
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useClubs = () =>
  useQuery({
    queryKey: ['me', 'clubs'],
    queryFn: async () =>
      unwrap(await portal.GET('/api/v1/portal/me/clubs', { params: { query: { limit: 100 } } })).items as unknown as Club[],
  });

export function useClubChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ clubId, action }: { clubId: string; action: 'join' | 'leave' }) =>
      action === 'join'
        ? unwrap(await portal.POST('/api/v1/portal/me/clubs/{clubId}/join', { params: { path: { clubId } } }))
        : unwrap(await portal.POST('/api/v1/portal/me/clubs/{clubId}/leave', { params: { path: { clubId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['me', 'clubs'] }),
  });
}

export const useCards = () =>
  useQuery({
    queryKey: ['me', 'cards'],
    queryFn: async () => unwrap(await portal.GET('/api/v1/portal/me/cards')).items as unknown as Card[],
  });

export function useReportLost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (cardNo: string) =>
      unwrap(await portal.POST('/api/v1/portal/me/cards/{cardNo}/report-lost', { params: { path: { cardNo } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['me'] }),
  });
}

export const useConsents = () =>
  useQuery({
    queryKey: ['me', 'consents'],
    queryFn: async () => unwrap(await portal.GET('/api/v1/portal/me/consents')).consents as unknown as Consent[],
  });

export function useSetConsent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ channel, granted }: { channel: string; granted: boolean }) =>
      unwrap(await portal.PUT('/api/v1/portal/me/consents', { body: { [channel]: granted } })),
    onSuccess: (data) => client.setQueryData(['me', 'consents'], data.consents as unknown as Consent[]),
  });
}

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { unwrap, type Schemas } from '../../shared/api';
import { api, authorizedFetch } from '../api';
import type { Segment } from '../analytics/rfm-segments';

/** The members screen's calls (admin/members, cards); every key starts with "members", so one change refreshes the drawer. */
export type MemberRow = Schemas['MemberSearchItemResponse'];

const member = (memberId: string) => ({ params: { path: { memberId } } });

/** The search, 50 members a page; `rfmSegment` keeps those the last value run scored into that segment. */
export const useMemberSearch = (q: string, rfmSegment?: Segment['key']) =>
  useInfiniteQuery({
    queryKey: ['members', 'search', q, rfmSegment ?? null],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/admin/members', {
          params: {
            query: { q: q || undefined, limit: 50, ...(rfmSegment ? { rfmSegment } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useLedger = (memberId: string) =>
  useQuery({
    queryKey: ['members', memberId, 'ledger'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/admin/members/{memberId}/ledger', { params: { path: { memberId }, query: { limit: 50 } } })),
  });

/** A member's detail (profile, tier, points, cards), as a query to use or to fetch once (a confirmation). */
export const memberDetailQuery = (memberId: string) => ({
  queryKey: ['members', memberId, 'detail'],
  queryFn: async () => unwrap(await api.GET('/api/v1/admin/members/{memberId}', member(memberId))),
});

export type MemberDetail = Awaited<ReturnType<ReturnType<typeof memberDetailQuery>['queryFn']>>;

export const useMemberDetail = (memberId: string) => useQuery(memberDetailQuery(memberId));

export const useMemberNotes = (memberId: string) =>
  useQuery({
    queryKey: ['members', memberId, 'notes'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/admin/members/{memberId}/notes', { params: { path: { memberId }, query: { limit: 20 } } })),
  });

export const useMemberHistory = (memberId: string) =>
  useQuery({
    queryKey: ['members', memberId, 'history'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/admin/members/{memberId}/history', { params: { path: { memberId }, query: { limit: 20 } } })),
  });

/** After any change to a member: everything under "members" is read again. */
function useRefreshMembers(): () => void {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ['members'] });
}

export function useSetTags(memberId: string, onSet: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (tags: string[]) =>
      unwrap(await api.PUT('/api/v1/admin/members/{memberId}/tags', { ...member(memberId), body: { tags } })),
    onSuccess: () => {
      onSet();
      void client.invalidateQueries({ queryKey: ['members', memberId] });
    },
  });
}

export function useAdjustPoints(memberId: string) {
  return useMutation({
    mutationFn: async (v: { points: number; reason: string }) =>
      unwrap(
        await api.POST('/api/v1/admin/members/{memberId}/adjustments', {
          ...member(memberId),
          body: { ...v, idempotencyKey: crypto.randomUUID() },
        }),
      ),
    onSuccess: useRefreshMembers(),
  });
}

export function useAddNote(memberId: string) {
  return useMutation({
    mutationFn: async (v: { text: string }) =>
      unwrap(await api.POST('/api/v1/admin/members/{memberId}/notes', { ...member(memberId), body: v })),
    onSuccess: useRefreshMembers(),
  });
}

export function useCardAction(cardNo: string | null) {
  return useMutation({
    mutationFn: async (action: 'freeze' | 'replace') =>
      unwrap(await api.POST(`/api/v1/admin/cards/{cardNo}/${action}`, { params: { path: { cardNo: cardNo ?? '' } } })),
    onSuccess: useRefreshMembers(),
  });
}

export function useTierGrant(memberId: string) {
  return useMutation({
    mutationFn: async (v: { tierCode: string; endsAt: Dayjs; reason: string }) =>
      unwrap(
        await api.POST('/api/v1/admin/members/{memberId}/tier-grants', {
          ...member(memberId),
          body: { tierCode: v.tierCode, endsAt: v.endsAt.endOf('day').toISOString(), reason: v.reason },
        }),
      ),
    onSuccess: useRefreshMembers(),
  });
}

export function useMerge(memberId: string, onMerged: () => void) {
  const refresh = useRefreshMembers();
  return useMutation({
    mutationFn: async (sourceMemberId: string) =>
      unwrap(await api.POST('/api/v1/admin/members/{memberId}/merge', { ...member(memberId), body: { sourceMemberId } })),
    onSuccess: () => {
      onMerged();
      refresh();
    },
  });
}

export function useErase(memberId: string, onErased: () => void) {
  const refresh = useRefreshMembers();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/admin/members/{memberId}/erasure', member(memberId))),
    onSuccess: () => {
      onErased();
      refresh();
    },
  });
}

/** The member's data as a JSON file (GET members/{id}/export); the error names the status when the server refuses. */
export async function downloadMemberExport(memberId: string): Promise<string | null> {
  const res = await authorizedFetch(`/api/v1/admin/members/${memberId}/export`);
  if (!res.ok) {
    return res.statusText || String(res.status);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `member-${memberId}.json`;
  a.click();
  URL.revokeObjectURL(url);
  return null;
}

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, type Schemas } from '../shared/api';
import { memberSession, portal, portalFetch } from './session';

/** The member page's data layer: TanStack Query over the typed portal client; every key starts with "me". */

/** The portal's answers, as the server publishes them (web/src/api/schema.d.ts). */
export type Points = Schemas['PointsResponse'];
export type ExpiringMonth = Schemas['ExpiringMonthPointsResponse'];
export type TierProgress = Schemas['TierProgressResponse'];
export type TierGoal = Schemas['TierGoalResponse'];
export type CriterionGap = Schemas['CriterionGapResponse'];
export type HistoryItem = Schemas['HistoryItemResponse'];
export type Club = Schemas['MyClubItemResponse'];
export type Card = Schemas['PortalCardResponse'];
export type Consent = Schemas['ConsentStateResponse'];
export type MemberCodes = Schemas['MemberCodeResponse'];
export type RankStanding = Schemas['RankStandingResponse'];
export type Catalog = Schemas['CatalogResponse'];
export type CatalogItem = Schemas['CatalogItemResponse'];
export type RewardKind = CatalogItem['kind'];
export type Coupon = Schemas['CouponResponse'];
export type MyCoupons = Schemas['MyCouponsResponse'];
export type Exchange = Schemas['ExchangeResponse'];

export const useProfile = () =>
  useQuery({
    queryKey: ['me', 'profile'],
    queryFn: async () => unwrap(await portal.GET('/api/v1/portal/me')),
  });

export type ProfileChange = Schemas['UpdateMyProfileDto'];

/** Changes my profile (PATCH me); the answer's profile replaces the cached one. */
export function useUpdateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: ProfileChange) => unwrap(await portal.PATCH('/api/v1/portal/me', { body })),
    onSuccess: (data) => client.setQueryData(['me', 'profile'], data.profile),
  });
}

export const usePoints = () =>
  useQuery({
    queryKey: ['me', 'points'],
    queryFn: async () => unwrap(await portal.GET('/api/v1/portal/me/points')),
  });

export const useTier = () =>
  useQuery({
    queryKey: ['me', 'tier'],
    queryFn: async () => unwrap(await portal.GET('/api/v1/portal/me/tier')),
  });

/**
 * The member codes of the next 10 minutes, with the difference between the server's clock and the phone's measured
 * when they came (the page shows the code of its own clock + that offset). Asked again before refreshBefore.
 */
export const useMemberCodes = () =>
  useQuery({
    queryKey: ['me', 'member-code'],
    queryFn: async () => {
      const codes = unwrap(await portal.GET('/api/v1/portal/me/member-code'));
      return { ...codes, offsetMs: Date.parse(codes.serverTime) - Date.now() };
    },
    staleTime: 0,
    gcTime: 0,
  });

export const HISTORY_PAGE = 20;

/** Which entries the history shows: all, what added points, what took them. */
export type HistoryDirection = 'all' | 'earned' | 'spent';

export const useHistory = (direction: HistoryDirection = 'all') =>
  useInfiniteQuery({
    queryKey: ['me', 'history', direction],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await portal.GET('/api/v1/portal/me/history', {
          params: {
            query: {
              limit: HISTORY_PAGE,
              ...(pageParam ? { cursor: pageParam } : {}),
              ...(direction === 'all' ? {} : { direction }),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useClubs = () =>
  useQuery({
    queryKey: ['me', 'clubs'],
    queryFn: async () => unwrap(await portal.GET('/api/v1/portal/me/clubs', { params: { query: { limit: 100 } } })).items,
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
    queryFn: async () => unwrap(await portal.GET('/api/v1/portal/me/cards')).items,
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
    queryFn: async () => unwrap(await portal.GET('/api/v1/portal/me/consents')).consents,
  });

export function useSetConsent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ channel, granted }: { channel: string; granted: boolean }) =>
      unwrap(await portal.PUT('/api/v1/portal/me/consents', { body: { [channel]: granted } })),
    onSuccess: (data) => client.setQueryData(['me', 'consents'], data.consents),
  });
}

/** The rewards on offer now, each with whether I may exchange it and why not, and my available points. */
export const useCatalog = () =>
  useQuery({
    queryKey: ['me', 'rewards'],
    queryFn: async () => unwrap(await portal.GET('/api/v1/portal/rewards')),
  });

/** My coupons: active, used, expired (and voided). */
export const useMyCoupons = () =>
  useQuery({
    queryKey: ['me', 'coupons'],
    queryFn: async () => unwrap(await portal.GET('/api/v1/portal/me/coupons')),
  });

/**
 * Exchanges points for a reward. The page keeps the idempotency key while an exchange's outcome is unknown (a lost
 * answer, a 5xx), so the retry answers the first result, never a second coupon. The new coupon goes into the cached list at
 * once (its screen shows it without waiting), then points, history, catalog and coupons are asked again.
 */
export function useExchange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ rewardId, idempotencyKey }: { rewardId: string; idempotencyKey: string }) =>
      unwrap(await portal.POST('/api/v1/portal/rewards/{rewardId}/exchange', { params: { path: { rewardId } }, body: { idempotencyKey } })),
    onSuccess: async (data) => {
      client.setQueryData<MyCoupons>(['me', 'coupons'], (old) =>
        old
          ? { ...old, active: [data.coupon, ...old.active.filter((c) => c.couponId !== data.coupon.couponId)] }
          : { active: [data.coupon], used: [], expired: [] },
      );
      await client.invalidateQueries({ queryKey: ['me'] });
    },
    // Refused (sold out meanwhile, points spent at the till): the catalog is asked again, so the page says why not;
    // no answer: points and coupons too (it may have gone through).
    onError: () => client.invalidateQueries({ queryKey: ['me'] }),
  });
}

/** A fresh idempotency key for one exchange confirmation. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID(); // only in a secure context (https, localhost)
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** My data as a JSON file (GET me/export). */
export async function downloadMyData(): Promise<void> {
  const res = await portalFetch('/api/v1/portal/me/export');
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `my-membership-${new Date().toISOString().slice(0, 10)}.json`;
  a.click();
  URL.revokeObjectURL(url);
}

/** Asks for the membership to be erased (POST me/erasure); the member is signed out here. */
export async function requestErasure(): Promise<void> {
  await portalFetch('/api/v1/portal/me/erasure', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
}

/** Forgets the tokens on this phone (after an erasure the server has ended the sign-in). */
export const forgetSignIn = () => memberSession.set(null);

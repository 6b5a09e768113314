import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, type Schemas } from '../../shared/api';
import { api } from '../api';

/** The rewards screens' calls (admin/rewards, admin/coupons); every key a reward change must refresh starts with "rewards". */
export type Reward = Schemas['RewardResponse'];
export type RewardInput = Schemas['CreateRewardDto'];
export type Coupon = Schemas['AdminCouponResponse'];
export type RewardStatus = 'active' | 'archived';

/** Every reward of a status, page after page (the list is cursor-paged by 200). */
async function fetchAllRewards(status: RewardStatus): Promise<Reward[]> {
  const rewards: Reward[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const page = unwrap(
      await api.GET('/api/v1/admin/rewards', { params: { query: { status, limit: 200, ...(cursor ? { cursor } : {}) } } }),
    );
    rewards.push(...page.items);
    if (!page.nextCursor) {
      break;
    }
    cursor = page.nextCursor;
  }
  return rewards;
}

export const useRewards = (status: RewardStatus) => useQuery({ queryKey: ['rewards', status], queryFn: () => fetchAllRewards(status) });

/** The stores a reward may be scoped to, by name (readable with rewards.read; GET stores needs stores.manage). */
export const useStoreOptions = () =>
  useQuery({
    queryKey: ['rewards', 'store-options'],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/rewards/store-options')).stores,
    staleTime: 60_000,
  });

/** Creates a reward, or edits one (every field sent, so a cleared field is cleared). */
export function useSaveReward(rewardId: string | null, onSaved: (reward: Reward) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: RewardInput) =>
      rewardId
        ? unwrap(await api.PATCH('/api/v1/admin/rewards/{rewardId}', { params: { path: { rewardId } }, body }))
        : unwrap(await api.POST('/api/v1/admin/rewards', { body })),
    onSuccess: async (reward) => {
      await client.invalidateQueries({ queryKey: ['rewards'] });
      onSaved(reward);
    },
  });
}

// Only the status: the generated type marks the fields with a server default as required, the route does not (a partial edit).
const ARCHIVE = { status: 'archived' } as Schemas['UpdateRewardDto'];

/** Takes a reward out of the catalog (coupons already issued stay valid). */
export function useArchiveReward() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (rewardId: string) =>
      unwrap(await api.PATCH('/api/v1/admin/rewards/{rewardId}', { params: { path: { rewardId } }, body: ARCHIVE })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['rewards'] }),
  });
}

/** A coupon by its code (asked once a code is entered). */
export const useCoupon = (code: string) =>
  useQuery({
    queryKey: ['coupons', code],
    enabled: code !== '',
    retry: false,
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/coupons/{code}', { params: { path: { code } } })),
  });

/** Voids the coupon with a reason; the answer says how many points went back. */
export function useVoidCoupon(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (reason: string) =>
      unwrap(await api.POST('/api/v1/admin/coupons/{code}/void', { params: { path: { code } }, body: { reason } })),
    onSuccess: (answer) => {
      client.setQueryData(['coupons', code], answer.coupon);
      void client.invalidateQueries({ queryKey: ['members', answer.coupon.memberId] });
    },
  });
}

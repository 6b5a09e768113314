import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, type Schemas } from '../../shared/api';
import { api } from '../api';
import { useDebounced } from '../components/useDebounced';
import type { ClubRule } from './conditions';

/** The clubs screen's calls (admin/clubs, the clubs' analytics); every key a club change must refresh starts with "clubs". */
export type Club = Schemas['ClubResponse'];
/** A member the rule matches now, as the estimate names them (masked). */
export type RuleSample = Schemas['RuleSampleMemberResponse'];
export type NewClub = Pick<Schemas['CreateClubDto'], 'code' | 'nameZh' | 'nameEn' | 'joinPolicy' | 'dropUnmatched'>;

function fetchPage(cursor: string | undefined) {
  return api.GET('/api/v1/admin/clubs', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } }).then(unwrap);
}

/**
 * Every club, page after page (the list is cursor-paged by 100): the club list and the campaign audience picker
 * must offer all of them, not the first page only.
 */
export async function fetchAllClubs(): Promise<{ clubs: Club[]; nextCursor: null }> {
  const clubs: Club[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await fetchPage(cursor);
    clubs.push(...page.clubs);
    if (!page.nextCursor) {
      break;
    }
    cursor = page.nextCursor;
  }
  return { clubs, nextCursor: null };
}

export const useAllClubs = () => useQuery({ queryKey: ['clubs'], queryFn: fetchAllClubs });

/**
 * The rule in words (zh-CN and English) and the members it would hold now, from the server (nothing is saved); asked
 * 400 ms after the last edit, the previous answer kept meanwhile.
 */
export function useRuleExplain(rule: ClubRule, enabled: boolean) {
  const debounced = useDebounced(rule);
  return useQuery({
    queryKey: ['clubs', 'explain', debounced],
    queryFn: async () => unwrap(await api.POST('/api/v1/admin/clubs/rules/explain', { body: { rule: debounced, estimate: true } })),
    enabled: enabled && debounced === rule,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/**
 * Creates the club; an automatic one is then filled by a regroup by its rule straight away (not left at 0 members
 * until someone clicks regroup): onCreated gets the regroup's job to follow, null for open and invite clubs.
 */
export function useCreateClub(rule: ClubRule, onCreated: (club: Club, regroupJobId: string | null) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (values: NewClub) => {
      const club = unwrap(
        await api.POST('/api/v1/admin/clubs', {
          body: { ...values, status: 'active', rule: values.joinPolicy === 'automatic' ? rule : null },
        }),
      );
      const jobId =
        club.joinPolicy === 'automatic'
          ? unwrap(await api.POST('/api/v1/admin/clubs/{clubId}/regroup', { params: { path: { clubId: club.clubId } } })).jobId
          : null;
      return { club, jobId };
    },
    onSuccess: async ({ club, jobId }) => {
      await client.invalidateQueries({ queryKey: ['clubs'] });
      onCreated(club, jobId);
    },
  });
}

export const useClub = (clubId: string) =>
  useQuery({
    queryKey: ['clubs', clubId],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/clubs/{clubId}', { params: { path: { clubId } } })),
  });

export const useClubMembers = (clubId: string) =>
  useQuery({
    queryKey: ['clubs', clubId, 'members'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/admin/clubs/{clubId}/members', { params: { path: { clubId }, query: { limit: 50 } } })),
  });

/** Starts a regroup of an automatic club by its rule; the answer names the job to follow. */
export function useRegroup(clubId: string, onStarted: (jobId: string) => void) {
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/admin/clubs/{clubId}/regroup', { params: { path: { clubId } } })),
    onSuccess: (r) => onStarted(r.jobId),
  });
}

/** What a finished regroup changes: the club's members, its growth and every club's growth. */
export function useRegrouped(clubId: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['clubs', clubId, 'members'] });
    void client.invalidateQueries({ queryKey: ['analytics', 'clubs', clubId] });
    void client.invalidateQueries({ queryKey: ['clubs', 'growth'] });
  };
}

/** Joins and leaves per day over the last 30 days, and the size now (analytics/clubs). */
export function useClubGrowth(clubId: string) {
  const from = new Date(Date.now() - 30 * 86_400_000).toISOString();
  return useQuery({
    queryKey: ['analytics', 'clubs', clubId],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/analytics/clubs', { params: { query: { from, granularity: 'day' } } })),
  });
}

/** Every club's size over the last 12 months, read live; under "clubs": read again when a club is created or regrouped. */
export const useClubsGrowth = () =>
  useQuery({
    queryKey: ['clubs', 'growth'],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/analytics/club-growth', { params: { query: { months: 12 } } })),
  });

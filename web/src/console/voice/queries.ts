import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, type Schemas } from '../../shared/api';
import { api } from '../api';

/** The calls of the complaints, surveys and timeline screens; keys start with "voice" (a change refreshes them all). */
export type Complaint = Schemas['ComplaintResponse'];
export type ComplaintDetail = Schemas['ComplaintDetailResponse'];
export type ComplaintStats = Schemas['ComplaintStatsResponse'];
export type Survey = Schemas['SurveyResponse'];
export type SurveyResults = Schemas['SurveyResultsResponse'];
export type CreateSurvey = Schemas['CreateSurveyDto'];
export type TimelineItem = Schemas['TimelineItemResponse'];

export interface ComplaintFilter {
  state?: Complaint['state'];
  category?: Complaint['category'];
  overdue?: boolean;
  q?: string;
}

function useRefresh(): () => void {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ['voice'] });
}

export const useComplaints = (f: ComplaintFilter) =>
  useQuery({
    queryKey: ['voice', 'complaints', f],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/admin/complaints', {
          params: { query: { state: f.state, category: f.category, overdue: f.overdue || undefined, q: f.q || undefined, limit: 100 } },
        }),
      ),
  });

export const useComplaint = (complaintId: string) =>
  useQuery({
    queryKey: ['voice', 'complaint', complaintId],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/complaints/{complaintId}', { params: { path: { complaintId } } })),
  });

export const useComplaintStats = (from: string, to: string) =>
  useQuery({
    queryKey: ['voice', 'complaint-stats', from, to],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/complaints/stats', { params: { query: { from, to } } })),
  });

export function useRaiseComplaint(onDone: () => void) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (body: Schemas['CreateComplaintDto']) => unwrap(await api.POST('/api/v1/admin/complaints', { body })),
    onSuccess: () => {
      refresh();
      onDone();
    },
  });
}

export function useComplaintActions(complaintId: string) {
  const refresh = useRefresh();
  const path = { params: { path: { complaintId } } };
  const opts = { onSuccess: refresh };
  return {
    move: useMutation({
      mutationFn: async (body: Schemas['MoveComplaintDto']) =>
        unwrap(await api.POST('/api/v1/admin/complaints/{complaintId}/state', { ...path, body })),
      ...opts,
    }),
    comment: useMutation({
      mutationFn: async (body: Schemas['CommentComplaintDto']) =>
        unwrap(await api.POST('/api/v1/admin/complaints/{complaintId}/comments', { ...path, body })),
      ...opts,
    }),
    apologise: useMutation({
      mutationFn: async (body: Schemas['ApologyDto']) =>
        unwrap(await api.POST('/api/v1/admin/complaints/{complaintId}/apology', { ...path, body })),
      ...opts,
    }),
    coupon: useMutation({
      mutationFn: async (body: Schemas['GiveCouponDto']) =>
        unwrap(await api.POST('/api/v1/admin/complaints/{complaintId}/coupon', { ...path, body })),
      ...opts,
    }),
    assign: useMutation({
      mutationFn: async (body: Schemas['AssignComplaintDto']) =>
        unwrap(await api.POST('/api/v1/admin/complaints/{complaintId}/assign', { ...path, body })),
      ...opts,
    }),
    goodwill: useMutation({
      mutationFn: async (body: Schemas['GoodwillDto']) =>
        unwrap(await api.POST('/api/v1/admin/complaints/{complaintId}/goodwill', { ...path, body })),
      ...opts,
    }),
  };
}

export const useSurveys = () =>
  useQuery({
    queryKey: ['voice', 'surveys'],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/surveys', { params: { query: { limit: 100 } } })),
  });

export function useCreateSurvey(onDone: () => void) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (body: CreateSurvey) => unwrap(await api.POST('/api/v1/admin/surveys', { body })),
    onSuccess: () => {
      refresh();
      onDone();
    },
  });
}

export function useSurveyStatus() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ surveyId, status }: { surveyId: string; status: 'active' | 'closed' }) =>
      unwrap(await api.POST('/api/v1/admin/surveys/{surveyId}/status', { params: { path: { surveyId } }, body: { status } })),
    onSuccess: refresh,
  });
}

export type ResultsBy = 'survey' | 'store' | 'tier' | 'club' | 'month';

export const useSurveyResults = (surveyId: string, by: ResultsBy) =>
  useQuery({
    queryKey: ['voice', 'survey-results', surveyId, by],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/admin/surveys/{surveyId}/results', { params: { path: { surveyId }, query: { by } } })),
  });

export const useSurveyTexts = (surveyId: string, q: string) =>
  useQuery({
    queryKey: ['voice', 'survey-texts', surveyId, q],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/admin/surveys/{surveyId}/answers', {
          params: { path: { surveyId }, query: { q: q || undefined, limit: 50 } },
        }),
      ),
  });

export const useTimeline = (memberId: string, cursor: string | null) =>
  useQuery({
    queryKey: ['voice', 'timeline', memberId, cursor],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/admin/members/{memberId}/timeline', {
          params: { path: { memberId }, query: { limit: 20, cursor: cursor ?? undefined } },
        }),
      ),
  });

export const useSatisfactionLoyalty = (surveyId: string, from: string, to: string) =>
  useQuery({
    queryKey: ['voice', 'survey-loyalty', surveyId, from, to],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/admin/surveys/{surveyId}/loyalty', { params: { path: { surveyId }, query: { from, to } } })),
  });

/** Coupon templates (active rewards without a points price), for a case's coupon. */
export const useCouponTemplates = () =>
  useQuery({
    queryKey: ['voice', 'coupon-templates'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/admin/rewards', { params: { query: { status: 'active', limit: 200 } } })).items.filter(
        (r) => r.pointsPrice === null,
      ),
  });

export function useSurveyReminders() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (surveyId: string) =>
      unwrap(
        await api.POST('/api/v1/admin/surveys/{surveyId}/reminders', { params: { path: { surveyId } }, body: { olderThanHours: 48 } }),
      ),
    onSuccess: refresh,
  });
}

import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../shared/api';
import { api } from '../api';

/** A long job (GET jobs/{id}), read every half second until it ends. */
export const useJob = (jobId: string) =>
  useQuery({
    queryKey: ['job', jobId],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/jobs/{jobId}', { params: { path: { jobId } } })),
    refetchInterval: (q) => (q.state.data && q.state.data.state !== 'running' ? false : 500),
  });

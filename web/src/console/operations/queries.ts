import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, type Schemas } from '../../shared/api';
import { api } from '../api';

/** The operations screen's calls: stores and their API keys, console users, the audit log, the outbox, webhooks. */
export type NewUser = Schemas['CreateUserDto'];

export const useStores = () => useQuery({ queryKey: ['stores'], queryFn: async () => unwrap(await api.GET('/api/v1/admin/stores')) });

export function useCreateStore() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: { code: string; name: string }) => unwrap(await api.POST('/api/v1/admin/stores', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['stores'] }),
  });
}

/** A new API key for a store: the answer is the only time the key is shown. */
export const useNewApiKey = (onIssued: (key: string) => void) =>
  useMutation({
    mutationFn: async (storeId: string) =>
      unwrap(await api.POST('/api/v1/admin/stores/{storeId}/api-keys', { params: { path: { storeId } } })),
    onSuccess: (r) => onIssued(r.key),
  });

export const useUsers = () => useQuery({ queryKey: ['users'], queryFn: async () => unwrap(await api.GET('/api/v1/admin/users')) });

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewUser) => unwrap(await api.POST('/api/v1/admin/users', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['users'] }),
  });
}

export const useAudit = () =>
  useQuery({
    queryKey: ['audit'],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/audit', { params: { query: { limit: 50 } } })),
  });

export const useOutbox = () =>
  useQuery({
    queryKey: ['outbox'],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/outbox', { params: { query: { limit: 50 } } })),
  });

export const useWebhooks = () => useQuery({ queryKey: ['webhooks'], queryFn: async () => unwrap(await api.GET('/api/v1/admin/webhooks')) });

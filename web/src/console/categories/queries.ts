import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, type Schemas } from '../../shared/api';
import { api } from '../api';

/** The category catalog's calls (admin/categories); every key starts with "categories". */
export type Category = Schemas['CategoryResponse'];
export type UnknownCategory = Schemas['UnknownCategoryResponse'];

/** The whole catalog, page after page of 500 (pickers and reports name every code they show). */
export async function fetchCatalog(): Promise<Category[]> {
  const all: Category[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 40; i++) {
    const page = unwrap(await api.GET('/api/v1/admin/categories', { params: { query: { limit: 500, ...(cursor ? { cursor } : {}) } } }));
    all.push(...page.items);
    if (!page.nextCursor) {
      break;
    }
    cursor = page.nextCursor;
  }
  return all;
}

export const useCatalog = (enabled = true) => useQuery({ queryKey: ['categories'], queryFn: fetchCatalog, enabled, staleTime: 60_000 });

/** Codes the tills sent without a name, the most used first (the first 200). */
export const useUnknownCategories = () =>
  useQuery({
    queryKey: ['categories', 'unknown'],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/categories/unknown', { params: { query: { limit: 200 } } })),
  });

export interface CategoryNames {
  nameZh: string;
  nameEn: string;
}

/** Names a code (a new entry, or an unknown code the tills sent). */
export function useCreateCategory(onSaved: (c: Category) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: CategoryNames & { code: string }) => unwrap(await api.POST('/api/v1/admin/categories', { body })),
    onSuccess: async (c) => {
      await client.invalidateQueries({ queryKey: ['categories'] });
      onSaved(c);
    },
  });
}

export function useRenameCategory(onSaved: (c: Category) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ code, ...body }: CategoryNames & { code: string }) =>
      unwrap(await api.PATCH('/api/v1/admin/categories/{code}', { params: { path: { code } }, body })),
    onSuccess: async (c) => {
      await client.invalidateQueries({ queryKey: ['categories'] });
      onSaved(c);
    },
  });
}

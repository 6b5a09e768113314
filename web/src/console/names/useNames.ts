import { useCallback } from 'react';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { useCatalog } from '../categories/queries';
import { useLadder } from '../tiers/queries';
import { categoryName, gradeName, tierName } from './names';

/** A tier code → its name in the page's language, from the ladder (GET tiers); "none" → "No tier". */
export function useTierName(): (code: string | null | undefined) => string {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const ladder = useLadder(can('tiers.read'));
  const tiers = ladder.data?.tiers;
  return useCallback((code) => tierName(tiers, code, lang, t('tier.none')), [tiers, lang, t]);
}

/** A value grade → a word ("Grade A", "No grade"). */
export function useGradeName(): (grade: string | null | undefined) => string {
  const { t } = useI18n();
  return useCallback((grade) => gradeName(grade, { none: t('grade.none'), named: (g) => t('grade.named', { grade: g }) }), [t]);
}

/** A category code → its catalog name in the page's language (the code when unnamed). */
export function useCategoryName(): (code: string) => string {
  const { lang } = useI18n();
  const { can } = useAuth();
  const catalog = useCatalog(can('categories.read'));
  const items = catalog.data;
  return useCallback((code) => categoryName(items, code, lang), [items, lang]);
}

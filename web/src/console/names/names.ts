import type { Lang } from '../../shared/i18n';

/**
 * Names for codes (pure, no React): tiers from the ladder, grades, categories from the catalog. People read names;
 * a code shows only when nothing names it (a category the catalog lacks, a tier since removed from the ladder).
 */

export interface NamedTier {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface NamedCategory {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** Tier keys that mean "no tier" in reports. */
const NO_TIER = new Set(['', 'none']);

/** A tier's name in the language, found by its code without case (reports fold codes that differ only in case). */
export function tierName(tiers: readonly NamedTier[] | undefined, code: string | null | undefined, lang: Lang, noTier: string): string {
  if (code === null || code === undefined || NO_TIER.has(code.toLowerCase())) {
    return noTier;
  }
  const tier = tiers?.find((t) => t.code.toLowerCase() === code.toLowerCase());
  return tier ? (lang === 'zh-CN' ? tier.nameZh : tier.nameEn) : code;
}

/** A value grade as a word: A → "Grade A" / "A 级"; none (or empty) → "No grade" / "未评级". */
export function gradeName(grade: string | null | undefined, words: { none: string; named: (grade: string) => string }): string {
  return grade === null || grade === undefined || grade === '' || grade.toLowerCase() === 'none' ? words.none : words.named(grade);
}

/** A category's name in the language, or its code when the catalog does not name it. */
export function categoryName(catalog: readonly NamedCategory[] | undefined, code: string, lang: Lang): string {
  const c = catalog?.find((x) => x.code === code.toLowerCase());
  return c ? (lang === 'zh-CN' ? c.nameZh : c.nameEn) : code;
}

export interface CategoryOption {
  value: string;
  label: string;
  /** What a search matches: both names and the code, lower-cased. */
  search: string;
  named: boolean;
}

/**
 * The picker's options: every catalog entry by its name in the language (the other name and the code searchable),
 * sorted by that name; codes already chosen that the catalog lacks stay, shown as their code.
 */
export function categoryOptions(catalog: readonly NamedCategory[], chosen: readonly string[], lang: Lang): CategoryOption[] {
  const named = catalog.map((c) => ({
    value: c.code,
    label: lang === 'zh-CN' ? c.nameZh : c.nameEn,
    search: `${c.nameZh} ${c.nameEn} ${c.code}`.toLowerCase(),
    named: true,
  }));
  named.sort((a, b) => a.label.localeCompare(b.label, lang === 'zh-CN' ? 'zh-CN' : 'en'));
  const known = new Set(catalog.map((c) => c.code));
  const unnamed = chosen
    .filter((code) => !known.has(code))
    .map((code) => ({ value: code, label: code, search: code.toLowerCase(), named: false }));
  return [...unnamed, ...named];
}

/** Whether what was typed finds the option (any part of either name or of the code, without case). */
export function matchesCategory(typed: string, option: Pick<CategoryOption, 'search'> | undefined): boolean {
  const q = typed.trim().toLowerCase();
  return q === '' || (option?.search.includes(q) ?? false);
}

/**
 * The server's words with each of these codes (clubs it names by code) replaced by the name in the language: a whole
 * code only, never a part of a longer one ("TEA" stays in "TEA2").
 */
export function namesInWords(words: string, named: readonly NamedTier[] | undefined, lang: Lang): string {
  let out = words;
  for (const n of named ?? []) {
    const escaped = n.code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`, 'g'), lang === 'zh-CN' ? n.nameZh : n.nameEn);
  }
  return out;
}

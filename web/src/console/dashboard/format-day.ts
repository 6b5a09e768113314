import type { Lang } from '../../shared/i18n';

/** A business day (YYYY-MM-DD) as the language writes dates: 2026年11月30日, Nov 30, 2026. */
export function formatDay(day: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00.000Z`),
  );
}

/** The same without the year, for a chart's axis: 11月30日, Nov 30. */
export function formatDayShort(day: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00.000Z`),
  );
}

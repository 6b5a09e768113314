import type { Lang } from './i18n';

const locale = (lang: Lang) => (lang === 'zh-CN' ? 'zh-CN' : 'en-US');

/** A whole number with the language's grouping: 12,345. Points are always integers. */
export function formatPoints(points: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(points);
}

/** Integer cents as yuan, without floating point: 123456 → ¥1,234.56, -5 → -¥0.05. */
export function formatMoney(cents: number, lang: Lang): string {
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`money must be whole cents, got ${cents}`);
  }
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const yuan = Math.floor(abs / 100);
  const fen = abs % 100;
  return `${sign}¥${formatPoints(yuan, lang)}.${String(fen).padStart(2, '0')}`;
}

/** Yuan typed by a user (a string, up to 2 decimals) as integer cents, or null when it is not a amount. */
export function parseYuan(text: string): number | null {
  const match = /^\s*(\d{1,12})(?:\.(\d{1,2}))?\s*$/.exec(text.replace(/[,，¥]/g, ''));
  if (!match) {
    return null;
  }
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** A share 0..1 as a percentage with one decimal: 0.1234 → 12.3%. */
export function formatPercent(share: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}

/** A time as the language shows it, in the browser's time zone. */
export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

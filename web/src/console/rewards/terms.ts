import { formatDateTime, formatPoints } from '../../shared/format';
import type { Lang } from '../../shared/i18n';

/** A reward's or a coupon's terms, in words a marketer or a support agent reads: never raw cents or codes. */
export interface Terms {
  kind: string;
  valueCents: number | null;
  percentOff: number | null;
  giftSku: string | null;
  minSpendCents: number;
}

/** Whole yuan without ".00": 2000 → ¥20, 1250 → ¥12.50, 1234500 → ¥12,345. */
export function yuan(cents: number, lang: Lang): string {
  const whole = formatPoints(Math.floor(cents / 100), lang);
  const fen = cents % 100;
  return fen === 0 ? `¥${whole}` : `¥${whole}.${String(fen).padStart(2, '0')}`;
}

/** 20 (per cent off) → 8折, 15 → 8.5折: how a Chinese shopper reads a discount. */
function zhe(percentOff: number): string {
  return `${String((100 - percentOff) / 10)}折`;
}

/** "¥20 off over ¥100" / "满¥100减¥20", "20% off" / "8折", "Free gift SKU-1" / "赠品 SKU-1". */
export function valueInWords(r: Terms, lang: Lang): string {
  const min = r.minSpendCents > 0 ? yuan(r.minSpendCents, lang) : null;
  if (lang === 'zh-CN') {
    switch (r.kind) {
      case 'amount_off':
        return min ? `满${min}减${yuan(r.valueCents ?? 0, lang)}` : `立减${yuan(r.valueCents ?? 0, lang)}`;
      case 'percent_off':
        return min ? `满${min}享${zhe(r.percentOff ?? 0)}` : zhe(r.percentOff ?? 0);
      default:
        return min ? `满${min}赠 ${r.giftSku ?? ''}` : `赠品 ${r.giftSku ?? ''}`;
    }
  }
  switch (r.kind) {
    case 'amount_off':
      return `${yuan(r.valueCents ?? 0, lang)} off${min ? ` over ${min}` : ''}`;
    case 'percent_off':
      return `${String(r.percentOff ?? 0)}% off${min ? ` over ${min}` : ''}`;
    default:
      return `Free gift ${r.giftSku ?? ''}${min ? ` over ${min}` : ''}`;
  }
}

const day = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-US', { dateStyle: 'medium' }).format(new Date(iso));

/** A reward's validity: N days after issue, or a window. */
export function validityInWords(r: { validDays: number | null; validFrom: string | null; validUntil: string | null }, lang: Lang): string {
  if (r.validDays !== null) {
    if (r.validDays === 0) {
      return lang === 'zh-CN' ? '仅领取当天有效' : 'Day of issue only';
    }
    return lang === 'zh-CN' ? `领取后${String(r.validDays)}天内有效` : `${String(r.validDays)} days after issue`;
  }
  return windowInWords(r.validFrom, r.validUntil, lang, true);
}

/** A window of two instants (either may be open): "Dec 1, 2026 – Dec 31, 2026", "From …", "Until …", "Always". */
export function windowInWords(from: string | null, until: string | null, lang: Lang, withTime = false): string {
  const show = (iso: string) => (withTime ? formatDateTime(iso, lang) : day(iso, lang));
  if (from && until) {
    return `${show(from)} – ${show(until)}`;
  }
  if (from) {
    return lang === 'zh-CN' ? `${show(from)}起` : `From ${show(from)}`;
  }
  if (until) {
    return lang === 'zh-CN' ? `至${show(until)}` : `Until ${show(until)}`;
  }
  return lang === 'zh-CN' ? '长期' : 'Always';
}

/** Stock left of total: "998 / 1,000", or unlimited. */
export function stockInWords(r: { stockLeft: number | null; stockTotal: number | null }, lang: Lang): string {
  if (r.stockTotal === null) {
    return lang === 'zh-CN' ? '不限' : 'Unlimited';
  }
  return `${formatPoints(r.stockLeft ?? 0, lang)} / ${formatPoints(r.stockTotal, lang)}`;
}

/** The points price, or what a reward without one is for. */
export function priceInWords(pointsPrice: number | null, lang: Lang): string {
  if (pointsPrice === null) {
    return lang === 'zh-CN' ? '不上架（供营销活动发放）' : 'Not in the catalog (for campaign grants)';
  }
  return lang === 'zh-CN' ? `${formatPoints(pointsPrice, lang)} 积分` : `${formatPoints(pointsPrice, lang)} points`;
}

/** 张三 → 张*, Alice Wong → A*********: a name as the till shows it (already masked names stay as they are). */
export function maskName(name: string | null): string {
  if (!name) {
    return '—';
  }
  if (name.includes('*')) {
    return name;
  }
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.min(Math.max(chars.length - 1, 1), 8));
}

/** +8613800138000 → +86138****8000 (already masked numbers stay as they are). */
export function maskPhone(phone: string | null): string {
  if (!phone) {
    return '—';
  }
  if (phone.includes('*') || phone.length < 8) {
    return phone;
  }
  return `${phone.slice(0, phone.length - 8)}****${phone.slice(-4)}`;
}

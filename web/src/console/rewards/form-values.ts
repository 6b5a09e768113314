import dayjs, { type Dayjs } from 'dayjs';
import { parseYuan } from '../../shared/format';
import type { Reward, RewardInput } from './queries';

/** The program's zone: validDays counts its calendar days unless the reward names another. */
export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

export type Kind = RewardInput['kind'];
export type Window = [Dayjs | null, Dayjs | null] | null;

/** The form's fields: money as yuan text (no floats), windows as dates, "empty" meaning unlimited / everyone. */
export interface Values {
  nameZh: string;
  nameEn: string;
  descriptionZh?: string | null;
  descriptionEn?: string | null;
  imageUrl?: string | null;
  kind: Kind;
  valueYuan?: string | null;
  percentOff?: number | null;
  giftSku?: string | null;
  minSpendYuan?: string | null;
  validity: 'days' | 'window';
  validDays?: number | null;
  validWindow?: Window;
  timezone: string;
  storeIds?: string[];
  inCatalog: boolean;
  pointsPrice?: number | null;
  stockTotal?: number | null;
  perMemberLimit?: number | null;
  eligibleTiers?: string[];
  eligibleClubs?: string[];
  saleWindow?: Window;
}

const yuanText = (cents: number | null) => (cents === null ? null : String(cents / 100));
const at = (iso: string | null) => (iso ? dayjs(iso) : null);
/** An instant with the browser's offset, e.g. 2026-12-01T00:00:00+08:00 (the API wants the offset). */
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DDTHH:mm:ssZ') : null);
const blank = (s: string | null | undefined) => (s && s.trim() !== '' ? s.trim() : null);
const list = (codes: string[] | undefined) => (codes && codes.length > 0 ? codes : null);

export function initialValues(r: Reward | null): Values {
  if (!r) {
    return {
      nameZh: '',
      nameEn: '',
      kind: 'amount_off',
      validity: 'days',
      validDays: 30,
      timezone: DEFAULT_TIMEZONE,
      inCatalog: true,
      minSpendYuan: '0',
    };
  }
  return {
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    descriptionZh: r.descriptionZh,
    descriptionEn: r.descriptionEn,
    imageUrl: r.imageUrl,
    kind: r.kind,
    valueYuan: yuanText(r.valueCents),
    percentOff: r.percentOff,
    giftSku: r.giftSku,
    minSpendYuan: yuanText(r.minSpendCents),
    validity: r.validDays === null ? 'window' : 'days',
    validDays: r.validDays,
    validWindow: r.validDays === null ? [at(r.validFrom), at(r.validUntil)] : null,
    timezone: r.timezone,
    storeIds: r.storeIds ?? [],
    inCatalog: r.pointsPrice !== null,
    pointsPrice: r.pointsPrice,
    stockTotal: r.stockTotal,
    perMemberLimit: r.perMemberLimit,
    eligibleTiers: r.eligibleTiers ?? [],
    eligibleClubs: r.eligibleClubs ?? [],
    saleWindow: r.saleStartsAt || r.saleEndsAt ? [at(r.saleStartsAt), at(r.saleEndsAt)] : null,
  };
}

/** The request body: every field of the admin route, cents from yuan text, null for "none" (so an edit clears it). */
export function rewardBody(v: Values): RewardInput {
  const byDays = v.validity === 'days';
  return {
    nameZh: v.nameZh.trim(),
    nameEn: v.nameEn.trim(),
    descriptionZh: blank(v.descriptionZh),
    descriptionEn: blank(v.descriptionEn),
    imageUrl: blank(v.imageUrl),
    kind: v.kind,
    valueCents: v.kind === 'amount_off' ? parseYuan(v.valueYuan ?? '') : null,
    percentOff: v.kind === 'percent_off' ? (v.percentOff ?? null) : null,
    giftSku: v.kind === 'gift' ? blank(v.giftSku) : null,
    minSpendCents: parseYuan(v.minSpendYuan ?? '') ?? 0,
    timezone: v.timezone,
    validDays: byDays ? (v.validDays ?? 0) : null,
    validFrom: byDays ? null : iso(v.validWindow?.[0]),
    validUntil: byDays ? null : iso(v.validWindow?.[1]),
    storeIds: list(v.storeIds),
    pointsPrice: v.inCatalog ? (v.pointsPrice ?? null) : null,
    stockTotal: v.stockTotal ?? null,
    perMemberLimit: v.perMemberLimit ?? null,
    eligibleTiers: list(v.eligibleTiers),
    eligibleClubs: list(v.eligibleClubs),
    saleStartsAt: v.inCatalog ? iso(v.saleWindow?.[0]) : null,
    saleEndsAt: v.inCatalog ? iso(v.saleWindow?.[1]) : null,
  };
}

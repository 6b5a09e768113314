import { isValidTimeZone } from './coupon-validity';

/** The terms of a reward that must agree with each other (the DTO checks each field alone). Pure. */
export interface RewardDefinition {
  kind: 'amount_off' | 'percent_off' | 'gift';
  valueCents: number | null;
  percentOff: number | null;
  giftSku: string | null;
  validFrom: Date | null;
  validUntil: Date | null;
  validDays: number | null;
  timezone: string;
  saleStartsAt: Date | null;
  saleEndsAt: Date | null;
}

export function rewardDefinitionProblems(r: RewardDefinition): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  const need = (field: string, ok: boolean, message: string) => {
    if (!ok) {
      problems.push({ field, message });
    }
  };
  need('valueCents', r.kind !== 'amount_off' || r.valueCents !== null, 'an amount_off reward needs valueCents');
  need('percentOff', r.kind !== 'percent_off' || r.percentOff !== null, 'a percent_off reward needs percentOff (1–99)');
  need('giftSku', r.kind !== 'gift' || r.giftSku !== null, 'a gift reward needs giftSku');
  need('valueCents', r.kind === 'amount_off' || r.valueCents === null, `valueCents is only for amount_off (this reward is ${r.kind})`);
  need('percentOff', r.kind === 'percent_off' || r.percentOff === null, `percentOff is only for percent_off (this reward is ${r.kind})`);
  need('giftSku', r.kind === 'gift' || r.giftSku === null, `giftSku is only for gift (this reward is ${r.kind})`);
  const window = r.validFrom !== null || r.validUntil !== null;
  need('validDays', !(window && r.validDays !== null), 'give validity as a window (validFrom, validUntil) or as validDays, not both');
  need('validDays', window || r.validDays !== null, 'give validity as a window (validFrom and validUntil) or as validDays');
  if (window) {
    need('validUntil', r.validFrom !== null && r.validUntil !== null, 'a validity window needs both validFrom and validUntil');
    need('validUntil', !(r.validFrom && r.validUntil && r.validUntil <= r.validFrom), 'validUntil must be after validFrom');
  }
  need('saleEndsAt', !(r.saleStartsAt && r.saleEndsAt && r.saleEndsAt <= r.saleStartsAt), 'saleEndsAt must be after saleStartsAt');
  need('timezone', isValidTimeZone(r.timezone), `${r.timezone} is not an IANA time zone (e.g. Asia/Shanghai)`);
  return problems;
}

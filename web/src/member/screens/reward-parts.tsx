import { CouponOutline, GiftOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { formatMoney } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { formatDate } from '../model';
import type { RewardKind } from '../queries';
import { showableImage } from '../rewards-model';

/** What a reward or coupon gives, in words: "¥10.00 off", "15% off" (zh: "8.5 折"), "Free gift". */
export function useValueText() {
  const { t, lang } = useI18n();
  return (r: { kind: RewardKind; valueCents: number | null; percentOff: number | null }): string => {
    if (r.kind === 'amount_off' && r.valueCents !== null) {
      return t('member.reward.value.amount_off', { money: formatMoney(r.valueCents, lang) });
    }
    if (r.kind === 'percent_off' && r.percentOff !== null) {
      return t('member.reward.value.percent_off', { percent: r.percentOff, zhe: String((100 - r.percentOff) / 10) });
    }
    return t('member.reward.value.gift');
  };
}

/** The conditions of use in words: the minimum spend and the stores. */
export function useConditionTexts() {
  const { t, lang } = useI18n();
  return (r: { minSpendCents: number; storeIds?: string[] | null }): string[] => [
    r.minSpendCents > 0 ? t('member.reward.minSpend', { money: formatMoney(r.minSpendCents, lang) }) : t('member.reward.noMinSpend'),
    ...(r.storeIds === undefined
      ? []
      : [r.storeIds === null ? t('member.reward.allStores') : t('member.reward.someStores', { count: r.storeIds.length })]),
  ];
}

/** How long the coupon of a reward is valid, in words: a fixed end, or N days after the exchange. */
export function useValidityText() {
  const { t, lang } = useI18n();
  return (r: { validDays: number | null; validUntil: string | null }): string =>
    r.validUntil
      ? t('member.reward.validUntil', { date: formatDate(r.validUntil, lang) })
      : t('member.reward.validDays', { days: r.validDays ?? 0 });
}

/** The reward's picture (an https address the page may load), else the icon of its kind; decorative (the name is beside it). */
export function RewardPicture({ imageUrl, kind, size }: { imageUrl: string | null; kind: RewardKind; size: number }) {
  const [failed, setFailed] = useState(false);
  const src = showableImage(imageUrl);
  if (src && !failed) {
    return (
      <img
        src={src}
        alt=""
        width={size}
        height={size}
        className="m-reward-picture"
        style={{ width: size, height: size }}
        onError={() => setFailed(true)}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className={`m-reward-picture m-reward-icon m-kind-${kind}`}
      style={{ width: size, height: size, fontSize: size * 0.5 }}
    >
      {kind === 'gift' ? <GiftOutline /> : <CouponOutline />}
    </span>
  );
}

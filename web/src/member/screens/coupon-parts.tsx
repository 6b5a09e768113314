import { Tag } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n';
import { formatDate } from '../model';
import type { Coupon } from '../queries';
import { couponState, daysLeft, formatCouponCode, rewardName } from '../rewards-model';
import { Barcode, QrCode } from './codes';
import { RewardPicture, useConditionTexts, useValueText } from './reward-parts';

/** A coupon I can use, as the till scans it: name and value, the code as a barcode and a QR code, the conditions and until when. */
export function ActiveCoupon({ coupon, now, large = false }: { coupon: Coupon; now: number; large?: boolean }) {
  const { t, lang } = useI18n();
  const valueText = useValueText();
  const conditions = useConditionTexts();
  const days = daysLeft(coupon.validUntil, now);
  const notYet = Date.parse(coupon.validFrom) > now;
  return (
    <div className={large ? 'm-coupon m-coupon-large' : 'm-coupon'} data-testid="active-coupon" data-code={coupon.code}>
      <div className="m-coupon-top">
        <div>
          <div className="m-coupon-name">{rewardName(coupon, lang)}</div>
          <div className="m-coupon-value">{valueText(coupon)}</div>
        </div>
        <Tag color="success" fill="outline">
          {t('member.coupon.status.active')}
        </Tag>
      </div>
      <div className="m-coupon-barcode">
        <Barcode value={coupon.code} height={large ? 80 : 64} label={t('member.coupon.barcode', { code: formatCouponCode(coupon.code) })} />
      </div>
      <div className="m-coupon-code" data-testid="coupon-code">
        {formatCouponCode(coupon.code)}
      </div>
      <div className={large ? 'm-coupon-bottom m-coupon-bottom-large' : 'm-coupon-bottom'}>
        <div className="m-coupon-qr">
          <QrCode value={coupon.code} size={large ? 196 : 96} label={t('member.coupon.qr', { code: formatCouponCode(coupon.code) })} />
        </div>
        <ul className="m-coupon-terms">
          {conditions(coupon).map((c) => (
            <li key={c}>{c}</li>
          ))}
          <li>
            {notYet
              ? t('member.coupon.validFrom', { date: formatDate(coupon.validFrom, lang) })
              : t('member.reward.validUntil', { date: formatDate(coupon.validUntil, lang) })}
            {!notYet && (
              <span className={days <= 3 ? 'm-coupon-soon' : 'm-muted'}>
                {' · '}
                {days === 0 ? t('member.coupon.lastDay') : t('member.coupon.daysLeft', { days })}
              </span>
            )}
          </li>
        </ul>
      </div>
    </div>
  );
}

/** A coupon that can no longer be used: greyed, no code to scan, with when it was used or ended. */
export function PastCoupon({ coupon, now }: { coupon: Coupon; now: number }) {
  const { t, lang } = useI18n();
  const valueText = useValueText();
  const state = couponState(coupon, now);
  const when =
    state === 'used'
      ? t('member.coupon.usedOn', { date: formatDate(coupon.redeemedAt ?? coupon.validUntil, lang) })
      : state === 'void'
        ? null // the tag says it
        : t('member.coupon.expiredOn', { date: formatDate(coupon.validUntil, lang) });
  return (
    <div className="m-coupon-past" data-testid={`${state === 'used' ? 'used' : 'ended'}-coupon`} data-code={coupon.code}>
      <RewardPicture imageUrl={null} kind={coupon.kind} size={40} />
      <div className="m-reward-main">
        <span className="m-reward-name">{rewardName(coupon, lang)}</span>
        <span className="m-muted">
          {valueText(coupon)}
          {when && ` · ${when}`}
        </span>
      </div>
      <Tag color="default" fill="outline">
        {t(
          state === 'used' ? 'member.coupon.status.used' : state === 'void' ? 'member.coupon.status.void' : 'member.coupon.status.expired',
        )}
      </Tag>
    </div>
  );
}

/** A clock for screens that show validity: ticks every minute, so a coupon that ends while the page is open moves down. */
export function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

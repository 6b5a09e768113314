import { Button, ErrorBlock } from 'antd-mobile';
import { CheckCircleFill, LeftOutline } from 'antd-mobile-icons';
import { useLocation, useNavigate, useParams } from 'react-router';
import { formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useMyCoupons } from '../queries';
import { couponSections } from '../rewards-model';
import { Loaded } from './common';
import { ActiveCoupon, PastCoupon, useMinuteClock } from './coupon-parts';

interface Exchanged {
  exchanged?: { points: number; left: number };
}

/**
 * One coupon, large for the till's scanner; straight after an exchange it says so, with the points used and left.
 * A coupon no longer usable shows as used or ended, without a code.
 */
export function CouponScreen() {
  const { t, lang } = useI18n();
  const { couponId } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const exchanged = (location.state as Exchanged | null)?.exchanged;
  const coupons = useMyCoupons();
  const now = useMinuteClock();
  return (
    <>
      <div className="m-subnav">
        <button type="button" className="m-back" onClick={() => void navigate('/coupons')}>
          <LeftOutline aria-hidden="true" /> {t('member.coupons.title')}
        </button>
        <h2 className="m-subnav-title">{t('member.coupon.title')}</h2>
      </div>
      {exchanged && (
        <div className="m-section m-exchanged" role="status">
          <CheckCircleFill aria-hidden="true" className="m-exchanged-icon" />
          <div>
            <div className="m-exchanged-title">{t('member.coupon.exchangedTitle')}</div>
            <div className="m-muted" data-testid="exchanged">
              {t('member.coupon.exchanged', { points: formatPoints(exchanged.points, lang), left: formatPoints(exchanged.left, lang) })}
            </div>
          </div>
        </div>
      )}
      <Loaded query={coupons} label={t('member.coupon.title')}>
        {(data) => {
          const { active, used, ended } = couponSections(data, now);
          const mine = active.find((c) => c.couponId === couponId);
          const past = [...used, ...ended].find((c) => c.couponId === couponId);
          if (mine) {
            return (
              <section className="m-section" aria-label={t('member.coupon.title')}>
                <ActiveCoupon coupon={mine} now={now} large />
                <p className="m-code-hint">{t('member.coupon.show')}</p>
                <p className="m-code-hint">{t('member.code.brightness')}</p>
              </section>
            );
          }
          if (past) {
            return (
              <section className="m-section" aria-label={t('member.coupon.title')}>
                <PastCoupon coupon={past} now={now} />
              </section>
            );
          }
          return (
            <ErrorBlock status="empty" title={t('member.coupon.notFound')} description={t('member.coupons.noneActive')}>
              <Button size="small" onClick={() => void navigate('/coupons')}>
                {t('member.coupons.title')}
              </Button>
            </ErrorBlock>
          );
        }}
      </Loaded>
    </>
  );
}

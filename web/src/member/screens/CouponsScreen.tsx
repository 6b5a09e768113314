import { Button } from 'antd-mobile';
import { RightOutline } from 'antd-mobile-icons';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../shared/i18n';
import { useMyCoupons } from '../queries';
import { couponSections } from '../rewards-model';
import { Loaded } from './common';
import { ActiveCoupon, PastCoupon, useMinuteClock } from './coupon-parts';

/** My coupons: those I can use first, each as a scannable code with its conditions and validity; used, expired and voided below. */
export function CouponsScreen() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const coupons = useMyCoupons();
  const now = useMinuteClock();
  return (
    <Loaded query={coupons} label={t('member.coupons.title')}>
      {(data) => {
        const { active, used, ended } = couponSections(data, now);
        return (
          <>
            <section className="m-section" aria-labelledby="m-coupons-active">
              <div className="m-row" style={{ alignItems: 'center' }}>
                <h2 id="m-coupons-active" style={{ margin: 0 }}>
                  {t('member.coupons.title')}
                </h2>
                <Link to="/rewards" className="m-more">
                  {t('member.rewards.all')} <RightOutline aria-hidden="true" />
                </Link>
              </div>
              <h3 className="m-subhead">{t('member.coupons.active', { count: active.length })}</h3>
              {active.length === 0 ? (
                <div>
                  <p className="m-muted">{t('member.coupons.noneActive')}</p>
                  <Button size="small" color="primary" fill="outline" onClick={() => void navigate('/rewards')}>
                    {t('member.coupons.toRewards')}
                  </Button>
                </div>
              ) : (
                <>
                  <p className="m-muted" style={{ marginTop: 0 }}>
                    {t('member.coupon.show')}
                  </p>
                  <div className="m-coupon-list">
                    {active.map((c) => (
                      <div key={c.couponId}>
                        <ActiveCoupon coupon={c} now={now} />
                        <Link to={`/coupons/${c.couponId}`} className="m-more m-coupon-enlarge">
                          {t('member.coupon.enlarge')} <RightOutline aria-hidden="true" />
                        </Link>
                      </div>
                    ))}
                  </div>
                </>
              )}
            </section>
            {used.length > 0 && (
              <section className="m-section" aria-labelledby="m-coupons-used">
                <h2 id="m-coupons-used">{t('member.coupons.used')}</h2>
                {used.map((c) => (
                  <PastCoupon key={c.couponId} coupon={c} now={now} />
                ))}
              </section>
            )}
            {ended.length > 0 && (
              <section className="m-section" aria-labelledby="m-coupons-ended">
                <h2 id="m-coupons-ended">{t('member.coupons.ended')}</h2>
                {ended.map((c) => (
                  <PastCoupon key={c.couponId} coupon={c} now={now} />
                ))}
              </section>
            )}
          </>
        );
      }}
    </Loaded>
  );
}

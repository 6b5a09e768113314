import { Switch } from 'antd-mobile';
import { CouponOutline, RightOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatPoints } from '../../shared/format';
import { useI18n, type MessageKey } from '../../shared/i18n';
import { useCatalog, type RewardKind } from '../queries';
import { affordableNow, filterCatalog, kindsIn, rewardName, type CatalogFilter } from '../rewards-model';
import { Loaded } from './common';
import { RewardPicture, useValueText } from './reward-parts';

/**
 * The rewards catalog: what is on offer now, cheapest first, filtered to what my points buy now and by kind (money
 * off, discount, gift). Each reward opens its page; one I cannot exchange says why in a word.
 */
export function RewardsScreen() {
  const { t, lang } = useI18n();
  const catalog = useCatalog();
  const valueText = useValueText();
  const [filter, setFilter] = useState<CatalogFilter>({ affordable: false, kind: 'all' });
  return (
    <>
      <section className="m-section" aria-labelledby="m-rewards">
        <div className="m-row" style={{ alignItems: 'center' }}>
          <h2 id="m-rewards" style={{ margin: 0 }}>
            {t('member.rewards.title')}
          </h2>
          <Link to="/coupons" className="m-more">
            <CouponOutline aria-hidden="true" /> {t('member.coupons.title')} <RightOutline aria-hidden="true" />
          </Link>
        </div>
        {catalog.data && (
          <p className="m-muted" style={{ margin: '6px 0 0' }} data-testid="rewards-available">
            {t('member.rewards.available', { points: formatPoints(catalog.data.availablePoints, lang) })}
          </p>
        )}
      </section>
      <Loaded query={catalog} label={t('member.rewards.title')}>
        {(data) => {
          const kinds = kindsIn(data.items);
          const shown = filterCatalog(data.items, data.availablePoints, filter);
          return (
            <section className="m-section" style={{ padding: '12px 0 4px' }} aria-label={t('member.rewards.list')}>
              <div className="m-filter-row">
                <div className="m-filter-switch">
                  <span>{t('member.rewards.affordable')}</span>
                  <Switch
                    checked={filter.affordable}
                    aria-label={t('member.rewards.affordable')}
                    onChange={(affordable) => setFilter({ ...filter, affordable })}
                  />
                </div>
              </div>
              {kinds.length > 1 && (
                <div className="m-segments m-chips" role="group" aria-label={t('member.rewards.kind')}>
                  {(['all', ...kinds] as Array<RewardKind | 'all'>).map((k) => (
                    <button
                      key={k}
                      type="button"
                      aria-pressed={filter.kind === k}
                      className={filter.kind === k ? 'm-segment m-segment-on' : 'm-segment'}
                      onClick={() => setFilter({ ...filter, kind: k })}
                    >
                      {t(`member.rewards.kind.${k}` as MessageKey)}
                    </button>
                  ))}
                </div>
              )}
              {shown.length === 0 ? (
                <p className="m-muted" style={{ padding: '8px 16px 12px' }}>
                  {data.items.length === 0 ? t('member.rewards.empty') : t('member.rewards.emptyFiltered')}
                </p>
              ) : (
                <ul className="m-reward-list">
                  {shown.map((item) => {
                    const can = affordableNow(item, data.availablePoints);
                    return (
                      <li key={item.rewardId}>
                        <Link to={`/rewards/${item.rewardId}`} className="m-reward-row" data-testid="reward-item">
                          <RewardPicture imageUrl={item.imageUrl} kind={item.kind} size={56} />
                          <span className="m-reward-main">
                            <span className="m-reward-name">{rewardName(item, lang)}</span>
                            <span className="m-muted">{valueText(item)}</span>
                            {!can && (
                              <span className="m-reward-why">
                                {item.blockers[0] === 'points'
                                  ? t('member.reward.short', {
                                      missing: formatPoints(item.pointsPrice - data.availablePoints, lang),
                                    })
                                  : t(`member.reward.blockerShort.${item.blockers[0] ?? 'not_on_sale'}` as MessageKey)}
                              </span>
                            )}
                          </span>
                          <span className={can ? 'm-reward-price' : 'm-reward-price m-reward-price-off'}>
                            {t('member.rewards.price', { points: formatPoints(item.pointsPrice, lang) })}
                          </span>
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          );
        }}
      </Loaded>
    </>
  );
}

import { RightOutline } from 'antd-mobile-icons';
import { Link } from 'react-router';
import { formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useCatalog } from '../queries';
import { affordableStrip, rewardName } from '../rewards-model';
import { RewardPicture, useValueText } from './reward-parts';

/**
 * Home's strip of rewards my points buy now (the dearest first), each opening its reward page; when none is within
 * reach yet, a line that leads to the catalog. Nothing at all when the program offers no rewards.
 */
export function RewardsStrip() {
  const { t, lang } = useI18n();
  const catalog = useCatalog();
  const valueText = useValueText();
  const data = catalog.data;
  if (!data || data.items.length === 0) {
    return null; // loading, failed (the Rewards tab says why) or no catalog: Home stays as it was
  }
  const strip = affordableStrip(data.items, data.availablePoints);
  return (
    <section className="m-section" aria-labelledby="m-strip">
      <div className="m-row" style={{ alignItems: 'center' }}>
        <h2 id="m-strip" style={{ margin: 0 }}>
          {t('member.home.rewards')}
        </h2>
        <Link to="/rewards" className="m-more">
          {t('member.rewards.all')} <RightOutline aria-hidden="true" />
        </Link>
      </div>
      {strip.length === 0 ? (
        <p className="m-muted" style={{ marginBottom: 0 }}>
          {t('member.home.rewardsNone')}
        </p>
      ) : (
        <ul className="m-strip" data-testid="rewards-strip">
          {strip.map((item) => (
            <li key={item.rewardId}>
              <Link to={`/rewards/${item.rewardId}`} className="m-strip-card">
                <RewardPicture imageUrl={item.imageUrl} kind={item.kind} size={48} />
                <span className="m-strip-name">{rewardName(item, lang)}</span>
                <span className="m-muted">{valueText(item)}</span>
                <span className="m-reward-price">{t('member.rewards.price', { points: formatPoints(item.pointsPrice, lang) })}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

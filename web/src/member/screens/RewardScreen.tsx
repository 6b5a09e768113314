import { Button, Dialog, ErrorBlock } from 'antd-mobile';
import { LeftOutline } from 'antd-mobile-icons';
import { useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { formatDateTime, formatPoints } from '../../shared/format';
import { useI18n, type MessageKey } from '../../shared/i18n';
import { errorMessage } from '../error-messages';
import { newIdempotencyKey, useCatalog, useExchange, type CatalogItem } from '../queries';
import { affordableNow, outcomeUnknown, pointsShort, refusalReason, rewardDescription, rewardName, type Blocker } from '../rewards-model';
import { Loaded } from './common';
import { RewardPicture, useConditionTexts, useValidityText, useValueText } from './reward-parts';

/**
 * One reward: picture, name, description, what it gives, its conditions and validity, the points price and the stock
 * left; when I cannot exchange it, why not. Exchanging asks first, showing my points before and after, then opens
 * the new coupon.
 */
export function RewardScreen() {
  const { t } = useI18n();
  const { rewardId } = useParams();
  const navigate = useNavigate();
  const catalog = useCatalog();
  return (
    <>
      <div className="m-subnav">
        <button type="button" className="m-back" onClick={() => void navigate('/rewards')}>
          <LeftOutline aria-hidden="true" /> {t('member.back')}
        </button>
        <h2 className="m-subnav-title">{t('member.reward.title')}</h2>
      </div>
      <Loaded query={catalog} label={t('member.reward.title')}>
        {(data) => {
          const item = data.items.find((i) => i.rewardId === rewardId);
          return item ? (
            <RewardDetail item={item} availablePoints={data.availablePoints} />
          ) : (
            <ErrorBlock status="empty" title={t('member.reward.notFound')} description={t('member.reward.notFoundHint')}>
              <Button size="small" onClick={() => void navigate('/rewards')}>
                {t('member.rewards.all')}
              </Button>
            </ErrorBlock>
          );
        }}
      </Loaded>
    </>
  );
}

function RewardDetail({ item, availablePoints }: { item: CatalogItem; availablePoints: number }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const exchange = useExchange();
  const valueText = useValueText();
  const conditions = useConditionTexts();
  const validity = useValidityText();
  /** This exchange's idempotency key: kept while its outcome is unknown (a retry then answers the first coupon). */
  const key = useRef('');
  /**
   * A failed exchange: with no answer (unknown: it may have gone through), or refused: why, in words, and the blocker
   * it named (once the catalog shows it, the why-not box says it).
   */
  const [problem, setProblem] = useState<{ unknown: boolean; message: string; reason: Blocker | null } | null>(null);
  const can = affordableNow(item, availablePoints);
  const name = rewardName(item, lang);
  const description = rewardDescription(item, lang);

  const why = (blocker: CatalogItem['blockers'][number]) =>
    blocker === 'points'
      ? t('member.reward.blocker.points', { missing: formatPoints(pointsShort(item, availablePoints), lang) })
      : blocker === 'limit'
        ? t('member.reward.blocker.limit', { limit: item.perMemberLimit ?? item.exchanged })
        : t(`member.reward.blocker.${blocker}` as MessageKey);

  const confirm = async () => {
    const after = availablePoints - item.pointsPrice;
    const ok = await Dialog.confirm({
      title: t('member.reward.confirmTitle', { name }),
      content: (
        <div data-testid="exchange-confirm">
          <ul className="m-breakdown m-confirm-lines">
            <li>
              <span>{t('member.reward.pointsNow')}</span>
              <span data-testid="points-before">{formatPoints(availablePoints, lang)}</span>
            </li>
            <li>
              <span>{t('member.reward.pointsUsed')}</span>
              <span className="m-minus" data-testid="points-used">
                −{formatPoints(item.pointsPrice, lang)}
              </span>
            </li>
            <li className="m-confirm-after">
              <span>{t('member.reward.pointsAfter')}</span>
              <span data-testid="points-after">{formatPoints(after, lang)}</span>
            </li>
          </ul>
          <p className="m-muted" style={{ margin: '10px 0 0' }}>
            {t('member.reward.confirmNote')}
          </p>
        </div>
      ),
      confirmText: t('member.reward.confirmOk'),
      cancelText: t('common.cancel'),
    });
    if (ok) {
      await send();
    }
  };

  /** Posts the exchange; after a lost answer the same key goes again (Try again), answering the first coupon if there was one. */
  const send = async () => {
    setProblem(null);
    try {
      key.current ||= newIdempotencyKey();
      const result = await exchange.mutateAsync({ rewardId: item.rewardId, idempotencyKey: key.current });
      key.current = '';
      void navigate(`/coupons/${result.coupon.couponId}`, {
        state: { exchanged: { points: result.pointsSpent, left: result.pointsAfter } },
      });
    } catch (err) {
      if (outcomeUnknown(err)) {
        setProblem({ unknown: true, reason: null, message: errorMessage(err, lang) });
        return;
      }
      key.current = ''; // refused: the next tap is a new exchange
      const reason = refusalReason(err);
      setProblem({
        unknown: false,
        reason,
        message: reason && reason !== 'points' && reason !== 'limit' ? why(reason) : errorMessage(err, lang),
      });
    }
  };

  return (
    <section className="m-section" aria-labelledby="m-reward-name">
      <div className="m-reward-head">
        <RewardPicture imageUrl={item.imageUrl} kind={item.kind} size={96} />
        <div>
          <h3 id="m-reward-name" className="m-reward-title">
            {name}
          </h3>
          <div className="m-reward-value">{valueText(item)}</div>
        </div>
      </div>
      {description && <p className="m-reward-description">{description}</p>}
      <dl className="m-facts">
        <dt>{t('member.reward.price')}</dt>
        <dd data-testid="reward-price">{t('member.rewards.price', { points: formatPoints(item.pointsPrice, lang) })}</dd>
        <dt>{t('member.reward.conditions')}</dt>
        <dd>
          {conditions(item).map((c) => (
            <div key={c}>{c}</div>
          ))}
          {item.perMemberLimit !== null && <div>{t('member.reward.limit', { limit: item.perMemberLimit, count: item.exchanged })}</div>}
        </dd>
        <dt>{t('member.reward.validity')}</dt>
        <dd>{validity(item)}</dd>
        {item.stockLeft !== null && (
          <>
            <dt>{t('member.reward.stock')}</dt>
            <dd data-testid="reward-stock">{t('member.rewards.stockLeft', { count: formatPoints(item.stockLeft, lang) })}</dd>
          </>
        )}
        {item.saleEndsAt && (
          <>
            <dt>{t('member.reward.saleEnds')}</dt>
            <dd>{formatDateTime(item.saleEndsAt, lang)}</dd>
          </>
        )}
      </dl>
      {!can && item.blockers.length > 0 && (
        <div className="m-why-not" role="note" aria-labelledby="m-why-not" data-testid="why-not">
          <h3 id="m-why-not">{t('member.reward.whyNot')}</h3>
          <ul>
            {item.blockers.map((b) => (
              <li key={b}>{why(b)}</li>
            ))}
          </ul>
        </div>
      )}
      {problem?.unknown && (
        <div role="alert" className="m-why-not">
          <p style={{ margin: '0 0 8px' }}>
            {problem.message} {t('member.reward.unknown')}
          </p>
          <Button size="small" color="primary" loading={exchange.isPending} onClick={() => void send()}>
            {t('member.reward.retry')}
          </Button>
        </div>
      )}
      {problem && !problem.unknown && (
        <p role="alert" className="m-minus" style={{ whiteSpace: 'normal' }}>
          {t('member.reward.refused')}
          {problem.reason && item.blockers.includes(problem.reason) ? '' : ` ${problem.message}`}
        </p>
      )}
      <Button block color="primary" size="large" disabled={!can} loading={exchange.isPending} onClick={() => void confirm()}>
        {t('member.reward.exchange', { points: formatPoints(item.pointsPrice, lang) })}
      </Button>
    </section>
  );
}

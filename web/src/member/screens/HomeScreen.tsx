import { Button, ProgressBar, Skeleton, Tag } from 'antd-mobile';
import { SystemQRcodeOutline } from 'antd-mobile-icons';
import { lazy, Suspense, useCallback, useState } from 'react';
import { formatMoney, formatPoints } from '../../shared/format';
import { useI18n, type MessageKey } from '../../shared/i18n';
import { expiringSoon, formatDate, formatMonth, goalPercent, tierName } from '../model';
import { usePoints, useProfile, useTier, type CriterionGap, type TierGoal } from '../queries';
import { Loaded } from './common';

/** The full-screen member code (QR code, barcode, countdown) is its own chunk, loaded when the member opens it. */
const MemberCode = lazy(async () => ({ default: (await import('./MemberCode')).MemberCode }));

/** The greeting, the member code button, points (available, pending, worth) with the months they expire in, and the tier card. */
export function HomeScreen() {
  const { t, lang } = useI18n();
  const points = usePoints();
  const tier = useTier();
  const profile = useProfile();
  const [showCode, setShowCode] = useState(false);
  const closeCode = useCallback(() => setShowCode(false), []);
  return (
    <>
      <div className="m-greeting">
        <span data-testid="greeting">
          {profile.data?.name ? t('member.home.hello', { name: profile.data.name }) : t('member.home.helloAnon')}
        </span>
      </div>
      <Button block color="primary" size="large" className="m-code-button" onClick={() => setShowCode(true)}>
        <SystemQRcodeOutline fontSize={22} style={{ verticalAlign: '-4px', marginRight: 8 }} />
        {t('member.code.show')}
      </Button>
      {showCode && (
        <Suspense fallback={<Skeleton.Paragraph lineCount={3} animated />}>
          <MemberCode onClose={closeCode} />
        </Suspense>
      )}
      <section className="m-section m-hero" aria-labelledby="m-balance">
        <h2 id="m-balance">{t('member.balance.title')}</h2>
        <Loaded query={points} label={t('member.balance.title')}>
          {(p) => (
            <>
              <div className="m-muted">{t('member.balance.available')}</div>
              <div className="m-big" data-testid="available-points">
                {formatPoints(p.available, lang)}
              </div>
              <div className="m-muted">{t('member.balance.worth', { money: formatMoney(p.availableValueCents, lang) })}</div>
              <div className="m-stats">
                <div>
                  <div className="m-muted">{t('member.balance.pending')}</div>
                  <div className="m-stat-value" data-testid="pending-points">
                    {formatPoints(p.pending, lang)}
                  </div>
                </div>
                <div>
                  <div className="m-muted">{t('member.balance.total')}</div>
                  <div className="m-stat-value">{formatPoints(p.balance, lang)}</div>
                </div>
              </div>
              {p.pending > 0 && <p className="m-muted">{t('member.balance.pendingHint')}</p>}
            </>
          )}
        </Loaded>
      </section>

      <section className="m-section" aria-labelledby="m-expiring">
        <h2 id="m-expiring">{t('member.expiring.title')}</h2>
        <Loaded query={points} label={t('member.expiring.title')}>
          {(p) => {
            const months = expiringSoon(p.expiring);
            return months.length === 0 ? (
              <p className="m-muted">{t('member.expiring.none')}</p>
            ) : (
              <ul className="m-breakdown" style={{ fontSize: 15 }}>
                {months.map((m) => (
                  <li key={m.month}>
                    <span>{formatMonth(m.month, lang)}</span>
                    <span>
                      {t('member.expiring.line', { points: formatPoints(m.points, lang), money: formatMoney(m.valueCents, lang) })}
                    </span>
                  </li>
                ))}
              </ul>
            );
          }}
        </Loaded>
      </section>

      <section className="m-section" aria-labelledby="m-tier">
        <h2 id="m-tier">{t('member.tier.title')}</h2>
        <Loaded query={tier} label={t('member.tier.title')}>
          {(p) => (
            <>
              <div className="m-row">
                <span className="m-big" style={{ fontSize: 26 }} data-testid="tier-name">
                  {tierName(p.tier, lang)}
                </span>
                <span>
                  <Tag color="primary">{t('member.tier.multiplier', { multiplier: p.tier.benefits.earnMultiplier })}</Tag>{' '}
                  {p.tier.benefits.priorityService && <Tag color="warning">{t('member.tier.priority')}</Tag>}{' '}
                  {p.tier.benefits.birthdayBonusPoints > 0 && (
                    <Tag color="success">
                      {t('member.tier.birthday', { points: formatPoints(p.tier.benefits.birthdayBonusPoints, lang) })}
                    </Tag>
                  )}
                </span>
              </div>
              {p.tier.since && <div className="m-muted">{t('member.tier.since', { date: formatDate(p.tier.since, lang) })}</div>}
              <p className="m-muted">
                {t('member.tier.window', {
                  months: p.window.months,
                  spend: formatMoney(p.qualifying.spendCents, lang),
                  purchases: formatPoints(p.qualifying.purchases, lang),
                })}
              </p>
              {p.next ? (
                <Goal goal={p.next} title={t('member.tier.next', { tier: tierName(p.next, lang) })} />
              ) : (
                <p>{t('member.tier.top')}</p>
              )}
              <h3 style={{ fontSize: 15, marginBottom: 4 }}>{t('member.tier.keep')}</h3>
              {p.review.grant?.endsAt && (
                <p className="m-muted">{t('member.tier.grant', { date: formatDate(p.review.grant.endsAt, lang) })}</p>
              )}
              {p.review.reviewAt ? (
                <p className="m-muted" data-testid="review-date">
                  {t('member.tier.reviewAt', { date: formatDate(p.review.reviewAt, lang) })}
                </p>
              ) : (
                <p className="m-muted">{t('member.tier.noReview')}</p>
              )}
              {p.review.keep && (
                <>
                  <p>{p.review.keep.met ? t('member.tier.kept') : t('member.tier.notKept')}</p>
                  <Criteria goal={p.review.keep} />
                </>
              )}
            </>
          )}
        </Loaded>
      </section>
    </>
  );
}

function Goal({ goal, title }: { goal: TierGoal; title: string }) {
  const { t } = useI18n();
  const percent = goalPercent(goal);
  return (
    <div>
      <div className="m-row">
        <strong>{title}</strong>
        <span>{percent}%</span>
      </div>
      <div
        role="progressbar"
        aria-label={t('member.tier.progressLabel', { tier: title, percent })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        style={{ margin: '8px 0' }}
      >
        <ProgressBar percent={percent} style={{ '--track-width': '10px', '--fill-color': '#1677ff' }} />
      </div>
      <Criteria goal={goal} />
    </div>
  );
}

function Criteria({ goal }: { goal: TierGoal }) {
  const { t, lang } = useI18n();
  const amount = (c: CriterionGap, n: number) => (c.criterion === 'spend' ? formatMoney(n, lang) : formatPoints(n, lang));
  return (
    <>
      {goal.criteria.length > 1 && (
        <div className="m-muted">{goal.qualifyMode === 'all' ? t('member.tier.allOf') : t('member.tier.anyOne')}</div>
      )}
      <ul className="m-breakdown" style={{ fontSize: 14 }}>
        {goal.criteria.map((c) => (
          <li key={c.criterion}>
            {c.missing === 0
              ? t('member.criterion.met', { current: amount(c, c.current), required: amount(c, c.required) })
              : t(`member.criterion.${c.criterion}` as MessageKey, { missing: amount(c, c.missing), required: amount(c, c.required) })}
          </li>
        ))}
      </ul>
    </>
  );
}

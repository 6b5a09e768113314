import { LeftOutline } from 'antd-mobile-icons';
import { useNavigate } from 'react-router';
import { formatMoney, formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { formatDate, tierName } from '../model';
import { useTier, type RankStanding } from '../queries';
import { Loaded } from './common';
import { Benefits, Criteria, Goal } from './tier-parts';

/**
 * My tier in full: its benefits, the qualifying figures of the window, the next tier and what it needs, and what keeps
 * the tier at its review. A tier won by place (rank) says so in words: the member's place against the seats and the
 * value score the last review needed; a member below a rank tier sees it as the next step.
 */
export function TierScreen() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const tier = useTier();
  return (
    <>
      <div className="m-subnav">
        <button type="button" className="m-back" onClick={() => void navigate('/')}>
          <LeftOutline aria-hidden="true" /> {t('member.back')}
        </button>
        <h2 className="m-subnav-title">{t('member.tier.title')}</h2>
      </div>
      <Loaded query={tier} label={t('member.tier.title')}>
        {(p) => (
          <>
            <section className="m-section" aria-labelledby="m-tier-now">
              <h2 id="m-tier-now" className="m-big" style={{ fontSize: 26 }} data-testid="tier-name">
                {tierName(p.tier, lang)}
              </h2>
              {p.tier.since && <div className="m-muted">{t('member.tier.since', { date: formatDate(p.tier.since, lang) })}</div>}
              <div style={{ margin: '8px 0' }}>
                <Benefits benefits={p.tier.benefits} />
              </div>
              <p className="m-muted">
                {t('member.tier.window', {
                  months: p.window.months,
                  spend: formatMoney(p.qualifying.spendCents, lang),
                  purchases: formatPoints(p.qualifying.purchases, lang),
                })}
              </p>
            </section>

            {p.rank && <Rank rank={p.rank} />}

            <section className="m-section" aria-labelledby="m-tier-next">
              <h2 id="m-tier-next">{t('member.tier.nextTitle')}</h2>
              {p.next ? (
                <>
                  <Goal goal={p.next} title={t('member.tier.next', { tier: tierName(p.next, lang) })} />
                  <div style={{ marginTop: 8 }}>
                    <Benefits benefits={p.next.benefits} />
                  </div>
                </>
              ) : p.rank && !p.rank.held ? (
                <p>{t('member.rank.nextIsRank', { tier: tierName(p.rank, lang) })}</p>
              ) : (
                <p>{t('member.tier.top')}</p>
              )}
            </section>

            <section className="m-section" aria-labelledby="m-tier-keep">
              <h2 id="m-tier-keep">{t('member.tier.keep')}</h2>
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
              {p.rank?.held && <p>{t('member.rank.keep', { seats: formatPoints(p.rank.seats, lang) })}</p>}
            </section>
          </>
        )}
      </Loaded>
    </>
  );
}

/** A rank tier, held or the next step: seats, the member's place and score, the last review's pick and cut-off. */
function Rank({ rank }: { rank: RankStanding }) {
  const { t, lang } = useI18n();
  const n = (v: number) => formatPoints(v, lang);
  const name = tierName(rank, lang);
  const review = rank.lastReview;
  return (
    <section className="m-section" aria-labelledby="m-rank" data-testid="rank">
      <h2 id="m-rank">{rank.held ? t('member.rank.heldTitle', { tier: name }) : t('member.rank.nextTitle', { tier: name })}</h2>
      <p>{t('member.rank.seats', { tier: name, seats: n(rank.seats) })}</p>
      <p data-testid="rank-place">
        {rank.place !== null ? t('member.rank.place', { place: n(rank.place), seats: n(rank.seats) }) : t('member.rank.noPlace')}
      </p>
      {review ? (
        <p data-testid="rank-review">
          {[
            review.cutoffScore !== null
              ? t('member.rank.review', { date: formatDate(review.at, lang), picked: n(review.picked), cutoff: n(review.cutoffScore) })
              : t('member.rank.reviewNone', { date: formatDate(review.at, lang) }),
            rank.score !== null ? t('member.rank.score', { score: n(rank.score) }) : null,
            review.memberPicked ? t('member.rank.picked') : t('member.rank.notPicked'),
          ]
            .filter(Boolean)
            .join(lang === 'zh-CN' ? '' : ' ')}
        </p>
      ) : (
        <p className="m-muted">{t('member.rank.noReview')}</p>
      )}
      <h3 style={{ fontSize: 15, marginBottom: 4 }}>{t('member.rank.minimum')}</h3>
      <p className="m-muted" style={{ marginTop: 0 }}>
        {rank.minimum.met ? t('member.rank.minimumMet') : t('member.rank.minimumNotMet')}
      </p>
      <Criteria goal={rank.minimum} />
    </section>
  );
}

import { Button, Skeleton } from 'antd-mobile';
import { RightOutline, SystemQRcodeOutline } from 'antd-mobile-icons';
import { Link } from 'react-router';
import { lazy, Suspense, useCallback, useState } from 'react';
import { formatMoney, formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { expiringSoon, formatMonth, tierName } from '../model';
import { usePoints, useProfile, useTier } from '../queries';
import { Loaded } from './common';
import { RewardsStrip } from './RewardsStrip';
import { Benefits, Goal } from './tier-parts';

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

      <RewardsStrip />

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
        <div className="m-row" style={{ alignItems: 'center' }}>
          <h2 id="m-tier" style={{ margin: 0 }}>
            {t('member.tier.title')}
          </h2>
          <Link to="/tier" className="m-more">
            {t('member.tier.details')} <RightOutline aria-hidden="true" />
          </Link>
        </div>
        <Loaded query={tier} label={t('member.tier.title')}>
          {(p) => (
            <>
              <div className="m-big" style={{ fontSize: 26, margin: '8px 0 4px' }} data-testid="tier-name">
                {tierName(p.tier, lang)}
              </div>
              <Benefits benefits={p.tier.benefits} />
              {p.next ? (
                <div style={{ marginTop: 12 }}>
                  <Goal goal={p.next} title={t('member.tier.next', { tier: tierName(p.next, lang) })} />
                </div>
              ) : p.rank && !p.rank.held ? (
                <p data-testid="rank-next">
                  {t('member.rank.nextShort', {
                    tier: tierName(p.rank, lang),
                    seats: formatPoints(p.rank.seats, lang),
                  })}
                </p>
              ) : (
                <p>{t('member.tier.top')}</p>
              )}
            </>
          )}
        </Loaded>
      </section>
    </>
  );
}

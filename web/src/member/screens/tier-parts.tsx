import { ProgressBar, Tag } from 'antd-mobile';
import { formatMoney, formatPoints } from '../../shared/format';
import { useI18n, type MessageKey } from '../../shared/i18n';
import { goalPercent } from '../model';
import type { CriterionGap, TierGoal, TierProgress } from '../queries';

/** Pieces of the tier card shared by Home and the Tier screen. */

/** The tier's benefits in words. */
export function Benefits({ benefits }: { benefits: TierProgress['tier']['benefits'] }) {
  const { t, lang } = useI18n();
  return (
    <span className="m-tags">
      <Tag color="primary">{t('member.tier.multiplier', { multiplier: benefits.earnMultiplier })}</Tag>
      {benefits.priorityService && <Tag color="warning">{t('member.tier.priority')}</Tag>}
      {benefits.birthdayBonusPoints > 0 && (
        <Tag color="success">{t('member.tier.birthday', { points: formatPoints(benefits.birthdayBonusPoints, lang) })}</Tag>
      )}
    </span>
  );
}

export function Goal({ goal, title }: { goal: TierGoal; title: string }) {
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

export function Criteria({ goal }: { goal: TierGoal }) {
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

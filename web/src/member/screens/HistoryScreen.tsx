import { Button, List } from 'antd-mobile';
import { useState } from 'react';
import { formatDateTime, formatMoney, formatPoints } from '../../shared/format';
import { useI18n, type MessageKey } from '../../shared/i18n';
import { formatDate, groupByMonth, signedPoints } from '../model';
import { useHistory, type HistoryDirection, type HistoryItem } from '../queries';
import { Loaded } from './common';

const KINDS = [
  'purchase',
  'refund',
  'redemption',
  'redemption_cancel',
  'bonus',
  'expiry',
  'adjustment',
  'transfer',
  'opening_balance',
  'reward',
  'reward_return',
  'goodwill',
];
const RULES = ['base', 'tier', 'campaign', 'bonus'];
const DIRECTIONS: HistoryDirection[] = ['all', 'earned', 'spent'];

/**
 * The points history twenty at a time, grouped by the month things happened (occurredAt: an offline receipt keeps
 * the day of the sale), filtered to all, earned or spent: what, where, how much was spent, and the points of each rule
 * with the campaign's name.
 */
export function HistoryScreen() {
  const { t, lang } = useI18n();
  const [direction, setDirection] = useState<HistoryDirection>('all');
  const history = useHistory(direction);
  return (
    <section className="m-section" aria-labelledby="m-history" style={{ padding: '16px 0' }}>
      <h2 id="m-history" style={{ padding: '0 16px' }}>
        {t('member.history.title')}
      </h2>
      <div className="m-segments" role="group" aria-label={t('member.history.filter')}>
        {DIRECTIONS.map((d) => (
          <button
            key={d}
            type="button"
            aria-pressed={direction === d}
            className={direction === d ? 'm-segment m-segment-on' : 'm-segment'}
            onClick={() => setDirection(d)}
          >
            {t(`member.history.direction.${d}` as MessageKey)}
          </button>
        ))}
      </div>
      <Loaded query={history} label={t('member.history.title')}>
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          if (items.length === 0) {
            return (
              <p className="m-muted" style={{ padding: '0 16px' }}>
                {direction === 'all' ? t('member.history.empty') : t('member.history.emptyFiltered')}
              </p>
            );
          }
          return (
            <>
              {groupByMonth(items).map((group) => (
                <List
                  key={group.month}
                  header={<span data-testid="history-month">{monthTitle(group.month, lang)}</span>}
                  className="m-history-month"
                >
                  {group.items.map((item) => (
                    <Entry key={item.entryId} item={item} />
                  ))}
                </List>
              ))}
              <div style={{ padding: '12px 16px 0', textAlign: 'center' }}>
                {history.hasNextPage ? (
                  <Button
                    block
                    loading={history.isFetchingNextPage}
                    onClick={() => void history.fetchNextPage()}
                    aria-label={t('member.history.more')}
                  >
                    {t('member.history.more')}
                  </Button>
                ) : (
                  <span className="m-muted">{t('member.history.end')}</span>
                )}
              </div>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

/** A month key of the browser's zone ("2026-11") as a heading: "November 2026" / "2026年11月". */
function monthTitle(month: string, lang: 'en' | 'zh-CN'): string {
  const [year, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-US', { year: 'numeric', month: 'long' }).format(new Date(year, m - 1, 1));
}

function Entry({ item }: { item: HistoryItem }) {
  const { t, lang } = useI18n();
  const kind = t(KINDS.includes(item.kind) ? `member.kind.${item.kind}` : 'member.kind.other');
  const points = (n: number) => formatPoints(n, lang);
  const ruleLabel = (rule: string, label: string, name: string | null) => {
    if (!RULES.includes(rule)) {
      return label || t('member.rule.other');
    }
    return rule === 'campaign' && name ? `${t('member.rule.campaign')}: ${name}` : t(`member.rule.${rule}` as MessageKey);
  };
  // Posted on another day than it happened (an offline receipt sent later): say when it reached the account.
  const postedLater = formatDate(item.at, lang) !== formatDate(item.occurredAt, lang);
  const what = [kind, item.storeName, item.amountCents !== null ? formatMoney(item.amountCents, lang) : null].filter(Boolean).join(' · ');
  return (
    <List.Item
      data-testid="history-entry"
      description={
        <>
          {item.campaignName && <div>{t('member.history.campaign', { name: item.campaignName })}</div>}
          {item.receiptNo && <div>{t('member.history.receipt', { receipt: item.receiptNo })}</div>}
          <div data-testid="history-date">{formatDateTime(item.occurredAt, lang)}</div>
          {postedLater && <div>{t('member.history.posted', { date: formatDate(item.at, lang) })}</div>}
          {item.breakdown.length > 0 && (
            <ul className="m-breakdown" aria-label={t('member.history.breakdown')}>
              {item.breakdown.map((line) => (
                <li key={line.rule + line.label}>
                  <span>{ruleLabel(line.rule, line.label, line.name)}</span>
                  <span>{signedPoints(line.points, points)}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      }
      extra={
        <div style={{ textAlign: 'right' }}>
          <div className={item.points < 0 ? 'm-minus' : 'm-plus'}>{signedPoints(item.points, points)}</div>
          <div className="m-muted">{t('member.history.balanceAfter', { points: points(item.balanceAfter) })}</div>
        </div>
      }
    >
      {what}
    </List.Item>
  );
}

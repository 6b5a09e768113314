import { Button, List } from 'antd-mobile';
import { formatDateTime, formatPoints } from '../../shared/format';
import { useI18n, type MessageKey } from '../../shared/i18n';
import { signedPoints } from '../model';
import { useHistory, type HistoryItem } from '../queries';
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
];
const RULES = ['base', 'tier', 'campaign', 'bonus'];

/** The points history, newest first, twenty at a time: what, where, which receipt, and the points of each rule. */
export function HistoryScreen() {
  const { t } = useI18n();
  const history = useHistory();
  return (
    <section className="m-section" aria-labelledby="m-history" style={{ padding: '16px 0' }}>
      <h2 id="m-history" style={{ padding: '0 16px' }}>
        {t('member.history.title')}
      </h2>
      <Loaded query={history} label={t('member.history.title')}>
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          if (items.length === 0) {
            return (
              <p className="m-muted" style={{ padding: '0 16px' }}>
                {t('member.history.empty')}
              </p>
            );
          }
          return (
            <>
              <List>
                {items.map((item) => (
                  <Entry key={item.entryId} item={item} />
                ))}
              </List>
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

function Entry({ item }: { item: HistoryItem }) {
  const { t, lang } = useI18n();
  const kind = t(KINDS.includes(item.kind) ? `member.kind.${item.kind}` : 'member.kind.other');
  const points = (n: number) => formatPoints(n, lang);
  // The campaign rule's label carries the campaign's name ("Campaign bonus: Double Tuesday"): keep the name.
  const ruleLabel = (rule: string, label: string) => {
    if (!RULES.includes(rule)) {
      return label || t('member.rule.other');
    }
    const name = rule === 'campaign' ? /:\s*(.+)$/.exec(label)?.[1] : undefined;
    return name ? `${t('member.rule.campaign')}: ${name}` : t(`member.rule.${rule}` as MessageKey);
  };
  return (
    <List.Item
      data-testid="history-entry"
      description={
        <>
          {item.receiptNo && <div>{t('member.history.receipt', { receipt: item.receiptNo })}</div>}
          <div>{formatDateTime(item.at, lang)}</div>
          {item.breakdown.length > 0 && (
            <ul className="m-breakdown" aria-label={t('member.history.breakdown')}>
              {item.breakdown.map((line) => (
                <li key={line.rule + line.label}>
                  <span>{ruleLabel(line.rule, line.label)}</span>
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
      {item.storeName ? `${kind} · ${item.storeName}` : kind}
    </List.Item>
  );
}

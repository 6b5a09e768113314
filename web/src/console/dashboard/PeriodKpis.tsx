import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Row, Space, Typography } from 'antd';
import { formatDateTime, formatMoney, formatPercent, formatPoints } from '../../shared/format';
import { useI18n, type MessageKey } from '../../shared/i18n';
import { formatDay } from './format-day';
import type { Kpi, Overview } from './queries';

type KpiKey = keyof NonNullable<Overview['kpis']>;
const KPIS: Array<{ key: KpiKey; kind: 'count' | 'money' | 'rate' }> = [
  { key: 'members', kind: 'count' },
  { key: 'activeMembers', kind: 'count' },
  { key: 'salesCents', kind: 'money' },
  { key: 'receipts', kind: 'count' },
  { key: 'pointsIssued', kind: 'count' },
  { key: 'pointsRedeemed', kind: 'count' },
  { key: 'redemptionRate', kind: 'rate' },
  { key: 'couponsUsed', kind: 'count' },
];

function KpiCard({ id, kpi, kind, custom }: { id: string; kpi: Kpi; kind: 'count' | 'money' | 'rate'; custom: boolean }) {
  const { t, lang } = useI18n();
  const show = (n: number | null) =>
    n === null ? '—' : kind === 'money' ? formatMoney(n, lang) : kind === 'rate' ? formatPercent(n, lang) : formatPoints(n, lang);
  const change = kpi.change;
  const changeText =
    change === null
      ? ''
      : kind === 'rate'
        ? t('dash.pp', { n: `${change > 0 ? '+' : ''}${(Math.round(change * 1000) / 10).toFixed(1)}` })
        : `${change > 0 ? '+' : ''}${formatPercent(change, lang)}`;
  const color = change === null || change === 0 ? undefined : change > 0 ? '#389e0d' : '#cf1322';
  const icon =
    change === null || change === 0 ? (
      <MinusOutlined aria-hidden />
    ) : change > 0 ? (
      <ArrowUpOutlined aria-hidden />
    ) : (
      <ArrowDownOutlined aria-hidden />
    );
  return (
    <Card size="small" styles={{ body: { padding: 16 } }} data-testid={`kpi-${id}`}>
      <Typography.Text type="secondary">{t(`dash.kpi.${id}` as MessageKey)}</Typography.Text>
      <div style={{ fontSize: 24, fontWeight: 600, lineHeight: '36px', whiteSpace: 'nowrap' }} data-testid={`kpi-${id}-value`}>
        {show(kpi.value)}
      </div>
      {id === 'activeMembers' && custom ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dash.activePresetsOnly')}
        </Typography.Text>
      ) : (
        <>
          <div style={{ fontSize: 13, color, minHeight: 22 }} data-testid={`kpi-${id}-change`}>
            {change === null ? (
              <Typography.Text type="secondary">—</Typography.Text>
            ) : (
              <>
                {icon} {changeText}
              </>
            )}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`kpi-${id}-previous`}>
            {t('dash.previous', { value: show(kpi.previous) })}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}

/** The period in words (against the period before), a warning when part of it is outside the snapshot, and its KPIs. */
export function PeriodKpis({ data }: { data: Overview }) {
  const { t, lang } = useI18n();
  const p = data.period;
  const kpis = data.kpis;
  if (!p || !kpis) {
    return null;
  }
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Text type="secondary" data-testid="dashboard-period" data-from={p.from} data-to={p.to}>
        {t('dash.periodRange', {
          from: formatDay(p.from, lang),
          to: formatDay(p.to, lang),
          previousFrom: formatDay(p.previousFrom, lang),
          previousTo: formatDay(p.previousTo, lang),
        })}
      </Typography.Text>
      {!p.complete && data.asOf && <Alert type="warning" showIcon title={t('dash.incomplete', { day: formatDateTime(data.asOf, lang) })} />}
      <Row gutter={[12, 12]}>
        {KPIS.map(({ key, kind }) => (
          <Col xs={12} md={8} xl={6} key={key}>
            <KpiCard id={key} kpi={kpis[key]} kind={kind} custom={p.preset === null} />
          </Col>
        ))}
      </Row>
    </Space>
  );
}

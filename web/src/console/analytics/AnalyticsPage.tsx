import { AimOutlined, TeamOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Grid,
  Row,
  Segmented,
  Space,
  Spin,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../shared/api';
import { formatDateTime, formatMoney, formatPercent, formatPoints } from '../../shared/format';
import { useI18n, type MessageKey } from '../../shared/i18n';
import { useAuth } from '../auth';
import { Chart } from '../components/Chart';
import { QueryState } from '../components/QueryState';
import { SnapshotTime } from '../components/SnapshotTime';
import { JobProgress } from '../jobs/JobProgress';
import { MakeSnapshot } from '../components/MakeSnapshot';
import { PageHeader } from '../components/PageHeader';
import { PeriodKpis } from '../dashboard/PeriodKpis';
import { formatDay, formatDayShort } from '../dashboard/format-day';
import { PeriodSwitch, usePeriod } from '../dashboard/period';
import { useOverview, type Period } from '../dashboard/queries';
import { useGradeName, useTierName } from '../names/useNames';
import { segmentCounts, segmentOf } from './rfm-segments';
import {
  downloadLiabilityCsv,
  useChurn,
  useDashboard,
  useLiability,
  useLoyalty,
  usePyramid,
  useRfm,
  useStartValueRun,
  useTakeSnapshot,
  useTierMovements,
  type Churn,
  type Slice,
} from './queries';

/** A figure with a test id, so tests compare the rendered text with the API's. */
const Fig = ({ id, children }: { id: string; children: string }) => <span data-testid={id}>{children}</span>;

/** The period a tab's figures are for, as the API echoed it: "Nov 8, 2026 – Dec 7, 2026 · 30 days"; a warning when the snapshot lacks some of its days. */
function PeriodShown({ period, asOf }: { period: ReportPeriod | null | undefined; asOf: string | null }) {
  const { t, lang } = useI18n();
  if (!period) {
    return null;
  }
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Typography.Text strong data-testid="period-shown">
        {t('analytics.periodShown', { from: formatDay(period.from, lang), to: formatDay(period.to, lang), n: period.days })}
      </Typography.Text>
      {!period.complete && asOf && (
        <Alert
          type="warning"
          showIcon
          title={t('dash.incomplete', { day: formatDay(new Date(Date.parse(asOf) + 8 * 3_600_000).toISOString().slice(0, 10), lang) })}
        />
      )}
    </Space>
  );
}

type ReportPeriod = { from: string; to: string; days: number; preset: number | null; complete: boolean };

const DailyCharts = lazy(async () => ({ default: (await import('../dashboard/DailyCharts')).DailyCharts }));

/** A chart, or an empty state when it would have nothing to draw (no chart on an empty 0–1 axis). */
function ChartOrEmpty({ empty, description, children }: { empty: boolean; description?: string; children: ReactNode }) {
  const { t } = useI18n();
  return empty ? (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={description ?? t('analytics.emptyChart')}
      style={{ margin: '24px 0' }}
      data-testid="empty-chart"
    />
  ) : (
    <>{children}</>
  );
}

/**
 * POST analytics/value-runs, then its progress; when it ends, a snapshot (the RFM segments and the churn by grade are
 * read from it), then every analytics figure is read again. For roles with value.run.
 */
function RunValueScoring() {
  const { t } = useI18n();
  const { can } = useAuth();
  const client = useQueryClient();
  const [valueJob, setValueJob] = useState<string | null>(null);
  const [snapshotJob, setSnapshotJob] = useState<string | null>(null);
  const start = useStartValueRun(setValueJob);
  const snapshot = useTakeSnapshot(setSnapshotJob);
  if (!can('value.run')) {
    return null;
  }
  const busy = start.isPending || snapshot.isPending || valueJob !== null || snapshotJob !== null;
  const error = start.error ?? snapshot.error;
  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 420 }}>
      <Button onClick={() => start.mutate()} loading={busy} disabled={busy} data-testid="run-value">
        {t('analytics.runValue')}
      </Button>
      {error && <Alert type="error" role="alert" title={t('common.error', { message: error.message })} />}
      {valueJob && (
        <JobProgress
          jobId={valueJob}
          label={t('analytics.runningValue')}
          onDone={(state) => {
            setValueJob(null);
            // The figures are read again after the snapshot: reading the pyramid now would swap this card's contents
            // (and this progress) out before the snapshot is made.
            if (state === 'completed') {
              snapshot.mutate();
            } else {
              void client.invalidateQueries({ queryKey: ['analytics'] });
            }
          }}
        />
      )}
      {snapshotJob && (
        <JobProgress
          jobId={snapshotJob}
          label={t('analytics.refreshing')}
          onDone={() => {
            void client.invalidateQueries({ queryKey: ['analytics'] });
            setSnapshotJob(null);
          }}
        />
      )}
    </Space>
  );
}

/** No value run yet: say so, and offer the run to those who may start it. */
function NoValueRun() {
  const { t } = useI18n();
  const { can } = useAuth();
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={t(can('value.run') ? 'analytics.noValueRun' : 'analytics.noValueRight')}
      data-testid="no-value-run"
    >
      <RunValueScoring />
    </Empty>
  );
}

function PyramidCard() {
  const { t, lang } = useI18n();
  const pyramid = usePyramid();
  const gradeName = useGradeName();
  const notRun = pyramid.error instanceof ApiError && pyramid.error.code === 'VALUE_NOT_COMPUTED';
  return (
    <Card title={t('analytics.pyramid')} data-testid="analytics-pyramid" extra={notRun ? null : <RunValueScoring />}>
      {notRun ? (
        <NoValueRun />
      ) : (
        <QueryState query={pyramid}>
          {(p) => (
            <>
              {/* Grades are a standing, as the RFM segments: the note names the value run they come from. */}
              <Typography.Text type="secondary" data-testid="pyramid-as-of">
                {t('analytics.pyramidAsOf', { time: formatDateTime(p.asOf, lang) })}
              </Typography.Text>
              <ChartOrEmpty empty={p.grades.every((g) => g.members === 0)}>
                <Chart
                  label={t('analytics.pyramid')}
                  height={260}
                  option={{
                    tooltip: {},
                    legend: {},
                    xAxis: { type: 'category', data: p.grades.map((g) => gradeName(g.grade)) },
                    yAxis: { type: 'value', max: 100 },
                    series: [
                      { name: t('analytics.memberShare'), type: 'bar', data: p.grades.map((g) => Math.round(g.memberShare * 1000) / 10) },
                      { name: t('analytics.spendShare'), type: 'bar', data: p.grades.map((g) => Math.round(g.spendShare * 1000) / 10) },
                    ],
                  }}
                />
              </ChartOrEmpty>
              <Table
                rowKey="grade"
                size="small"
                pagination={false}
                scroll={{ x: true }}
                dataSource={p.grades}
                columns={[
                  { title: t('analytics.grade'), render: (_, g) => <span style={{ whiteSpace: 'nowrap' }}>{gradeName(g.grade)}</span> },
                  {
                    title: t('common.members'),
                    render: (_, g) => <Fig id={`pyramid-${g.grade}-members`}>{formatPoints(g.members, lang)}</Fig>,
                  },
                  {
                    title: t('analytics.memberShare'),
                    render: (_, g) => <Fig id={`pyramid-${g.grade}-memberShare`}>{formatPercent(g.memberShare, lang)}</Fig>,
                  },
                  {
                    title: t('analytics.spend'),
                    render: (_, g) => <Fig id={`pyramid-${g.grade}-spend`}>{formatMoney(g.spendCents, lang)}</Fig>,
                  },
                  {
                    title: t('analytics.spendShare'),
                    render: (_, g) => <Fig id={`pyramid-${g.grade}-spendShare`}>{formatPercent(g.spendShare, lang)}</Fig>,
                  },
                ]}
              />
            </>
          )}
        </QueryState>
      )}
    </Card>
  );
}

function LiabilityCard({ period }: { period: Period }) {
  const { t, lang } = useI18n();
  const liability = useLiability(period);
  const pts = (n: number) => formatPoints(n, lang);
  const money = (n: number) => formatMoney(n, lang);
  return (
    <Card
      title={t('analytics.liability')}
      extra={
        <Button
          size="small"
          onClick={() => {
            const p = liability.data?.period;
            void downloadLiabilityCsv(period, p ? `points-liability-${p.from}-${p.to}.csv` : 'points-liability.csv');
          }}
          disabled={!liability.data?.snapshotAt}
          data-testid="liability-csv"
        >
          {t('common.exportCsv')}
        </Button>
      }
      data-testid="analytics-liability"
    >
      <QueryState query={liability}>
        {(d) =>
          d.snapshotAt === null ? (
            <SnapshotTime at={null} />
          ) : (
            <>
              <SnapshotTime at={d.snapshotAt} />
              <PeriodShown period={d.period} asOf={d.asOf} />
              <Row gutter={[16, 16]} style={{ marginTop: 8 }} data-testid="liability-period">
                {(
                  [
                    ['issued', 'analytics.issuedInPeriod', d.periodPoints.issued, d.periodPoints.issuedValueCents],
                    ['redeemed', 'analytics.redeemedInPeriod', d.periodPoints.redeemed, d.periodPoints.redeemedValueCents],
                    ['expired', 'analytics.expiredInPeriod', d.periodPoints.expired, d.periodPoints.expiredValueCents],
                    ['net', 'analytics.netInPeriod', d.periodPoints.net, null],
                  ] as const
                ).map(([key, label, points, cents]) => (
                  <Col xs={12} md={6} key={key}>
                    <Statistic
                      title={t(label)}
                      valueRender={() => (
                        <span style={{ fontSize: 20 }}>
                          <Fig id={`liability-period-${key}`}>{pts(points)}</Fig>
                          {cents !== null && (
                            <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
                              {money(cents)}
                            </Typography.Text>
                          )}
                        </span>
                      )}
                    />
                  </Col>
                ))}
              </Row>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('analytics.balancesAtSnapshot')}
              </Typography.Title>
              <Row gutter={[24, 16]}>
                <Col xs={24} xl={12}>
                  <Descriptions size="small" column={1} bordered>
                    <Descriptions.Item label={t('analytics.outstanding')}>
                      <Fig id="liability-outstandingPoints">{pts(d.outstandingPoints)}</Fig> ·{' '}
                      <Fig id="liability-outstandingValue">{money(d.outstandingValueCents)}</Fig>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('analytics.pending')}>
                      <Fig id="liability-pendingPoints">{pts(d.pendingPoints)}</Fig> ·{' '}
                      <Fig id="liability-pendingValue">{money(d.pendingValueCents)}</Fig>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('analytics.debt')}>
                      <Fig id="liability-debtPoints">{pts(d.debtPoints)}</Fig>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('analytics.expiring12')}>
                      <Fig id="liability-expiringPoints">{pts(d.expiringPoints)}</Fig> ·{' '}
                      <Fig id="liability-expiringValue">{money(d.expiringValueCents)}</Fig>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('analytics.historicalRate')}>
                      <Fig id="liability-historicalRate">
                        {d.historicalRedemptionRate === null ? '—' : formatPercent(d.historicalRedemptionRate, lang)}
                      </Fig>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('analytics.exposure')}>
                      <Fig id="liability-exposure">{money(d.exposureCents)}</Fig>
                    </Descriptions.Item>
                  </Descriptions>
                </Col>
                <Col xs={24} xl={12}>
                  <ChartOrEmpty empty={d.expiring.every((m) => m.points === 0)} description={t('analytics.nothingExpiring')}>
                    <Chart
                      label={t('analytics.expiringByMonth')}
                      height={220}
                      option={{
                        tooltip: {},
                        xAxis: { type: 'category', data: d.expiring.map((m) => m.month) },
                        yAxis: { type: 'value' },
                        series: [{ name: t('analytics.expiringByMonth'), type: 'bar', data: d.expiring.map((m) => m.points) }],
                      }}
                    />
                  </ChartOrEmpty>
                  {d.expiring.some((m) => m.points !== 0) && (
                    <Table
                      rowKey="month"
                      size="small"
                      pagination={false}
                      scroll={{ x: true }}
                      dataSource={d.expiring.filter((m) => m.points !== 0)}
                      locale={{ emptyText: t('analytics.nothingExpiring') }}
                      columns={[
                        { title: t('analytics.month'), dataIndex: 'month' },
                        { title: t('analytics.points'), render: (_, m) => pts(m.points) },
                        { title: t('analytics.value'), render: (_, m) => money(m.valueCents) },
                      ]}
                    />
                  )}
                </Col>
              </Row>
            </>
          )
        }
      </QueryState>
    </Card>
  );
}

/** The RFM cells of the last value run as named segments with their counts, and the R×F heat map labelled by segment. */
function RfmCard({ period }: { period: Period }) {
  const { t, lang } = useI18n();
  const rfm = useRfm(period);
  const { can } = useAuth();
  const narrow = !Grid.useBreakpoint().md; // cell labels: the count only on a phone, the segment's name too when there is room
  return (
    <Card title={t('analytics.segments')} data-testid="analytics-rfm">
      <QueryState query={rfm}>
        {(d) => {
          if (d.snapshotAt === null) {
            return <SnapshotTime at={null} />;
          }
          if (d.members === 0) {
            return <NoValueRun />;
          }
          const segments = segmentCounts(d.grid);
          const cells = d.grid.flatMap((row, r) => row.map((n, f) => ({ value: [f, r, n], segment: segmentOf(r + 1, f + 1) })));
          return (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <SnapshotTime at={d.snapshotAt} />
              <Typography.Text type="secondary" data-testid="value-run-as-of">
                {t('analytics.rfmAsOf', { time: d.valueRunAsOf ? formatDateTime(d.valueRunAsOf, lang) : '—' })}
              </Typography.Text>
              <Typography.Text type="secondary">{t('analytics.rfmMembers', { n: formatPoints(d.members, lang) })}</Typography.Text>
              <Table
                rowKey={(row) => row.segment.key}
                size="small"
                pagination={false}
                scroll={{ x: true }}
                dataSource={segments}
                columns={[
                  {
                    title: t('analytics.segment'),
                    render: (_, row) => <Tag color={row.segment.tag}>{t(row.segment.label)}</Tag>,
                  },
                  {
                    title: t('common.members'),
                    align: 'right',
                    onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
                    render: (_, row) => <Fig id={`rfm-${row.segment.key}`}>{formatPoints(row.members, lang)}</Fig>,
                  },
                  {
                    title: t('analytics.segmentShare'),
                    align: 'right',
                    render: (_, row) => (d.members > 0 ? formatPercent(row.members / d.members, lang) : '—'),
                  },
                  {
                    title: t('analytics.segmentCells'),
                    responsive: ['md'],
                    render: (_, row) => <Typography.Text type="secondary">{row.cells.join(' ')}</Typography.Text>,
                  },
                  ...(can('members.read') || can('campaigns.manage')
                    ? [
                        {
                          title: narrow ? '' : t('common.actions'),
                          key: 'actions',
                          render: (_: unknown, row: (typeof segments)[number]) =>
                            row.members > 0 ? (
                              // One under the other when there is room for words, so both fit the half-width card.
                              <Space
                                orientation={narrow ? 'horizontal' : 'vertical'}
                                size={narrow ? 'small' : 2}
                                style={{ whiteSpace: 'nowrap' }}
                              >
                                {can('members.read') && (
                                  <Link
                                    to={`/members?rfmSegment=${row.segment.key}`}
                                    data-testid={`members-${row.segment.key}`}
                                    aria-label={t('analytics.seeMembers')}
                                    title={t('analytics.seeMembers')}
                                  >
                                    {narrow ? <TeamOutlined /> : t('analytics.seeMembers')}
                                  </Link>
                                )}
                                {can('campaigns.manage') && (
                                  <Link
                                    to={`/campaigns?rfmSegment=${row.segment.key}`}
                                    data-testid={`target-${row.segment.key}`}
                                    aria-label={t('analytics.targetSegment')}
                                    title={t('analytics.targetSegment')}
                                  >
                                    {/* On a phone the icons alone, so the row fits without scrolling sideways. */}
                                    {narrow ? <AimOutlined /> : t('analytics.targetSegment')}
                                  </Link>
                                )}
                              </Space>
                            ) : (
                              '—'
                            ),
                        },
                      ]
                    : []),
                ]}
              />
              <Chart
                label={t('analytics.rfm')}
                height={340}
                option={{
                  tooltip: {
                    formatter: (p: { data: { value: number[]; segment: { label: MessageKey } } }) =>
                      `R${p.data.value[1] + 1} F${p.data.value[0] + 1} · ${t(p.data.segment.label)}: ${formatPoints(p.data.value[2], lang)}`,
                  },
                  grid: { left: 60, right: 8, top: 10, bottom: 48 },
                  xAxis: {
                    type: 'category',
                    name: t('analytics.frequency'),
                    nameLocation: 'middle',
                    nameGap: 28,
                    data: ['1', '2', '3', '4', '5'],
                  },
                  yAxis: {
                    type: 'category',
                    name: t('analytics.recency'),
                    nameLocation: 'middle',
                    nameGap: 32,
                    data: ['1', '2', '3', '4', '5'],
                  },
                  series: [
                    {
                      name: t('common.members'),
                      type: 'heatmap',
                      data: cells.map((c) => ({
                        value: c.value,
                        segment: c.segment,
                        itemStyle: { color: c.segment.color, opacity: c.value[2] > 0 ? 0.9 : 0.2, borderColor: '#fff', borderWidth: 1 },
                      })),
                      label: {
                        show: true,
                        color: '#fff',
                        overflow: 'break',
                        formatter: (p: { data: { value: number[]; segment: { label: MessageKey } } }) =>
                          p.data.value[2] === 0
                            ? ''
                            : narrow
                              ? formatPoints(p.data.value[2], lang)
                              : `${t(p.data.segment.label)}\n${formatPoints(p.data.value[2], lang)}`,
                      },
                    },
                  ],
                }}
              />
            </Space>
          );
        }}
      </QueryState>
    </Card>
  );
}

function ChurnCard({ period }: { period: Period }) {
  const { t, lang } = useI18n();
  const churn = useChurn(period);
  const tierName = useTierName();
  const gradeName = useGradeName();
  const [days, setDays] = useState<number>(90);
  const sliceColumns = (keyTitle: string, name: (key: string) => string) => [
    { title: keyTitle, render: (_: unknown, s: Slice) => name(s.key) },
    { title: t('analytics.churned'), render: (_: unknown, s: Slice) => formatPoints(s.members, lang) },
    {
      title: t('analytics.churnRate'),
      render: (_: unknown, s: Slice) => (s.population ? formatPercent(s.members / s.population, lang) : '—'),
    },
  ];
  return (
    <Card title={t('analytics.churn')} data-testid="analytics-churn">
      <QueryState query={churn}>
        {(d: Churn) => {
          if (d.snapshotAt === null) {
            return <SnapshotTime at={null} />;
          }
          const w = d.windows.find((x) => x.days === days);
          return (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <SnapshotTime at={d.snapshotAt} />
              <PeriodShown period={d.period} asOf={d.asOf} />
              <Segmented
                aria-label={t('analytics.churnWindow')}
                value={days}
                onChange={(v) => setDays(Number(v))}
                options={[90, 180, 365].map((n) => ({ value: n, label: t('analytics.days', { n }) }))}
              />
              <Row gutter={[16, 16]}>
                <Col xs={24} md={8}>
                  <Statistic
                    title={t('analytics.lapsed')}
                    valueRender={() => <Fig id={`churn-lapsed-${days}`}>{formatPoints(w?.lapsed ?? 0, lang)}</Fig>}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('analytics.lapsedHint', { n: days })}
                  </Typography.Text>
                </Col>
                <Col xs={12} md={8}>
                  <Statistic
                    title={t('analytics.churnedNow')}
                    valueRender={() => <Fig id={`churn-churned-${days}`}>{formatPoints(w?.churned ?? 0, lang)}</Fig>}
                  />
                </Col>
                <Col xs={12} md={8}>
                  <Statistic
                    title={t('analytics.churnRate')}
                    value={w?.rate === null || w?.rate === undefined ? '—' : formatPercent(w.rate, lang)}
                  />
                </Col>
              </Row>
              {w && (
                <>
                  <ChartOrEmpty empty={w.byMonth.every((m) => m.members === 0)}>
                    <Chart
                      label={t('analytics.churnByMonth')}
                      height={220}
                      option={{
                        tooltip: {},
                        xAxis: { type: 'category', data: w.byMonth.map((m) => (m.key === 'never' ? t('analytics.neverBought') : m.key)) },
                        yAxis: { type: 'value', minInterval: 1 },
                        series: [{ name: t('analytics.churned'), type: 'bar', data: w.byMonth.map((m) => m.members) }],
                      }}
                    />
                  </ChartOrEmpty>
                  <Row gutter={[16, 16]}>
                    <Col xs={24} md={12}>
                      <Table
                        rowKey="key"
                        size="small"
                        pagination={false}
                        dataSource={w.byTier}
                        columns={sliceColumns(t('analytics.tier'), tierName)}
                      />
                    </Col>
                    <Col xs={24} md={12}>
                      <Table
                        rowKey="key"
                        size="small"
                        pagination={false}
                        dataSource={w.byGrade}
                        columns={sliceColumns(t('analytics.grade'), gradeName)}
                      />
                    </Col>
                    <Col xs={24}>
                      <Table
                        rowKey="clubId"
                        size="small"
                        pagination={{ pageSize: 10, hideOnSinglePage: true }}
                        dataSource={w.byClub}
                        scroll={{ x: true }}
                        columns={[
                          {
                            title: t('analytics.club'),
                            render: (_, c) => (lang === 'zh-CN' ? c.name : c.nameEn) || c.name || c.code || '—',
                          },
                          { title: t('analytics.churned'), render: (_, c) => formatPoints(c.members, lang) },
                          {
                            title: t('analytics.churnRate'),
                            render: (_, c) => (c.population ? formatPercent(c.members / c.population, lang) : '—'),
                          },
                        ]}
                      />
                    </Col>
                  </Row>
                </>
              )}
            </Space>
          );
        }}
      </QueryState>
    </Card>
  );
}

function LoyaltyCard({ period }: { period: Period }) {
  const { t, lang } = useI18n();
  const loyalty = useLoyalty(period);
  const pct = (n: number | null) => (n === null ? '—' : formatPercent(n, lang));
  const stat = (id: string, title: string, value: string, presetsOnly = false) => (
    <Col xs={12} md={8}>
      <Statistic title={title} valueRender={() => <Fig id={`loyalty-${id}`}>{value}</Fig>} />
      {presetsOnly && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dash.activePresetsOnly')}
        </Typography.Text>
      )}
    </Col>
  );
  return (
    <Card title={t('analytics.loyalty')} data-testid="analytics-loyalty">
      <QueryState query={loyalty}>
        {(d) =>
          d.snapshotAt === null ? (
            <SnapshotTime at={null} />
          ) : (
            <>
              <SnapshotTime at={d.snapshotAt} />
              <PeriodShown period={d.period} asOf={d.asOf} />
              <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
                {stat('repeatRate', t('analytics.repeatRate'), pct(d.repeatPurchaseRate), d.buyers === null)}
                {stat(
                  'frequency',
                  t('analytics.frequencyPerBuyer'),
                  d.purchaseFrequency === null
                    ? '—'
                    : new Intl.NumberFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 }).format(d.purchaseFrequency),
                  d.buyers === null,
                )}
                {stat('redemptionRate', t('analytics.redemptionRate'), pct(d.redemptionRate))}
                {stat('buyers', t('analytics.buyers'), d.buyers === null ? '—' : formatPoints(d.buyers, lang), d.buyers === null)}
                {stat('purchases', t('analytics.purchases'), formatPoints(d.purchases, lang))}
                {stat('pointsIssued', t('dash.kpi.pointsIssued'), formatPoints(d.pointsIssued, lang))}
              </Row>
            </>
          )
        }
      </QueryState>
    </Card>
  );
}

/** Tier distribution at the snapshot, and the moves of the period (totals by direction, and per day). */
export function TierMovementsCard({ period = { days: 30 } }: { period?: Period }) {
  const { t, lang } = useI18n();
  const moves = useTierMovements(period);
  const tierName = useTierName();
  return (
    <Card title={t('analytics.tierMovements')} data-testid="analytics-tier-movements">
      <QueryState query={moves}>
        {(d) =>
          d.snapshotAt === null ? (
            <SnapshotTime at={null} />
          ) : (
            <>
              <SnapshotTime at={d.snapshotAt} />
              <PeriodShown period={d.period} asOf={d.asOf} />
              <Typography.Title level={5} style={{ marginTop: 12 }}>
                {t('analytics.movesInPeriod')}
              </Typography.Title>
              <Row gutter={[16, 16]}>
                {(['up', 'down', 'new'] as const).map((k) => (
                  <Col xs={8} key={k}>
                    <Statistic
                      title={t(`analytics.move.${k}`)}
                      valueRender={() => <Fig id={`tiers-period-${k}`}>{formatPoints(d.periodMoves[k], lang)}</Fig>}
                    />
                  </Col>
                ))}
              </Row>
              <Row gutter={[16, 16]}>
                <Col xs={24} md={10}>
                  <ChartOrEmpty empty={d.distribution.every((x) => x.members === 0)}>
                    <Chart
                      label={t('analytics.tierDistribution')}
                      height={240}
                      option={{
                        tooltip: {},
                        series: [
                          {
                            name: t('analytics.tierDistribution'),
                            type: 'pie',
                            radius: '60%',
                            data: d.distribution.filter((x) => x.members > 0).map((x) => ({ name: tierName(x.tier), value: x.members })),
                          },
                        ],
                      }}
                    />
                  </ChartOrEmpty>
                </Col>
                <Col xs={24} md={14}>
                  <ChartOrEmpty empty={d.days.every((m) => m.up + m.down + m.new === 0)}>
                    <Chart
                      label={t('analytics.movesPerDay')}
                      height={240}
                      option={{
                        tooltip: { trigger: 'axis' },
                        legend: {},
                        xAxis: { type: 'category', data: d.days.map((m) => formatDayShort(m.day, lang)) },
                        yAxis: { type: 'value', minInterval: 1 },
                        series: (['up', 'down', 'new'] as const).map((k) => ({
                          name: t(`analytics.move.${k}`),
                          type: 'bar',
                          stack: 'moves',
                          data: d.days.map((m) => m[k]),
                        })),
                      }}
                    />
                  </ChartOrEmpty>
                </Col>
              </Row>
            </>
          )
        }
      </QueryState>
    </Card>
  );
}

/** Trends of a period (7 / 30 / 90 days or a custom range): the dashboard's daily series. */
function TrendsTab({ period }: { period: Period }) {
  const overview = useOverview(period);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <QueryState query={overview}>
        {(d) =>
          d.period ? (
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <PeriodKpis data={d} />
              <Suspense fallback={<Spin />}>
                <DailyCharts daily={d.daily} />
              </Suspense>
            </Space>
          ) : (
            <SnapshotTime at={null} />
          )
        }
      </QueryState>
    </Space>
  );
}

const TABS = ['trends', 'value', 'churn', 'loyalty', 'liability', 'tiers'] as const;
type Tab = (typeof TABS)[number];

/**
 * The reports as tabs (the tab in the address, ?tab=), under a header with the snapshot's time, one period switch that
 * every tab follows (kept in the address, ?days= or ?from=&to=, as on the dashboard) and the refresh.
 */
export function AnalyticsPage() {
  const { t } = useI18n();
  const dashboard = useDashboard();
  const [period, setPeriod] = usePeriod();
  // The snapshot's business day (Asia/Shanghai, UTC+8): a custom range starts off ending there.
  const asOf = dashboard.data?.asOf;
  const lastDay = asOf ? new Date(Date.parse(asOf) + 8 * 3_600_000).toISOString().slice(0, 10) : null;
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'trends';
  const panes: Record<Tab, ReactNode> = {
    trends: <TrendsTab period={period} />,
    value: (
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <PyramidCard />
        </Col>
        <Col xs={24} xl={12}>
          <RfmCard period={period} />
        </Col>
      </Row>
    ),
    churn: <ChurnCard period={period} />,
    loyalty: <LoyaltyCard period={period} />,
    liability: <LiabilityCard period={period} />,
    tiers: <TierMovementsCard period={period} />,
  };
  return (
    <section>
      <PageHeader
        title={t('nav.analytics')}
        subtitle={dashboard.data ? <SnapshotTime at={dashboard.data.snapshotAt} /> : t('analytics.subtitle')}
        extra={
          <>
            {dashboard.data?.snapshotAt && <PeriodSwitch period={period} onChange={setPeriod} lastDay={lastDay} />}
            <MakeSnapshot label={t('analytics.refresh')} />
          </>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) =>
          setParams(
            (prev) => {
              const next = new URLSearchParams(prev);
              next.set('tab', key);
              return next;
            },
            { replace: true },
          )
        }
        items={TABS.map((key) => ({ key, label: t(`analytics.tab.${key}` as const), children: panes[key] }))}
      />
    </section>
  );
}

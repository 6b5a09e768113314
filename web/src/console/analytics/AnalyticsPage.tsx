import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Row, Segmented, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatMoney, formatPercent, formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { Chart } from '../components/Chart';
import { QueryState } from '../components/QueryState';
import { SnapshotTime } from '../components/SnapshotTime';
import { JobProgress } from '../jobs/JobProgress';
import { useGradeName, useTierName } from '../names/useNames';
import {
  downloadLiabilityCsv,
  useChurn,
  useDashboard,
  useLiability,
  useLoyalty,
  usePyramid,
  useRfm,
  useTakeSnapshot,
  useTierMovements,
  type Churn,
  type Slice,
} from './queries';

/** A figure with a test id, so tests compare the rendered text with the API's. */
const Fig = ({ id, children }: { id: string; children: string }) => <span data-testid={id}>{children}</span>;

/** POST analytics/snapshots, then the job's progress; when it ends every analytics figure is read again. */
function RefreshSnapshot() {
  const { t } = useI18n();
  const client = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useTakeSnapshot(setJobId);
  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 480 }}>
      <Button onClick={() => start.mutate()} loading={start.isPending || (jobId !== null && !start.isError)} disabled={jobId !== null}>
        {t('analytics.refresh')}
      </Button>
      {start.error && <Alert type="error" role="alert" title={t('common.error', { message: start.error.message })} />}
      {jobId && (
        <JobProgress
          jobId={jobId}
          label={t('analytics.refreshing')}
          onDone={() => {
            void client.invalidateQueries({ queryKey: ['analytics'] });
            setJobId(null);
          }}
        />
      )}
    </Space>
  );
}

function PyramidCard() {
  const { t, lang } = useI18n();
  const pyramid = usePyramid();
  const gradeName = useGradeName();
  return (
    <Card title={t('analytics.pyramid')} data-testid="analytics-pyramid">
      <QueryState query={pyramid}>
        {(p) => (
          <>
            <SnapshotTime at={p.finishedAt} />
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
    </Card>
  );
}

function LiabilityCard() {
  const { t, lang } = useI18n();
  const liability = useLiability();
  const pts = (n: number) => formatPoints(n, lang);
  const money = (n: number) => formatMoney(n, lang);
  return (
    <Card
      title={t('analytics.liability')}
      extra={
        <Button size="small" onClick={() => void downloadLiabilityCsv()} disabled={!liability.data?.snapshotAt}>
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
              <Descriptions size="small" column={1} bordered style={{ marginTop: 8 }}>
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
            </>
          )
        }
      </QueryState>
    </Card>
  );
}

function RfmCard() {
  const { t, lang } = useI18n();
  const rfm = useRfm();
  return (
    <Card title={t('analytics.rfm')} data-testid="analytics-rfm">
      <QueryState query={rfm}>
        {(d) => {
          if (d.snapshotAt === null) {
            return <SnapshotTime at={null} />;
          }
          const cells = d.grid.flatMap((row, r) => row.map((n, f) => [f, r, n]));
          const max = Math.max(1, ...cells.map((c) => c[2]));
          return (
            <>
              <SnapshotTime at={d.snapshotAt} />
              <Typography.Paragraph type="secondary">
                {t('analytics.rfmMembers', { n: formatPoints(d.members, lang) })}
              </Typography.Paragraph>
              <Chart
                label={t('analytics.rfm')}
                height={340}
                option={{
                  tooltip: {},
                  grid: { left: 60, top: 10, bottom: 110 },
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
                  visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120 },
                  series: [{ name: t('common.members'), type: 'heatmap', data: cells, label: { show: true } }],
                }}
              />
            </>
          );
        }}
      </QueryState>
    </Card>
  );
}

function ChurnCard() {
  const { t, lang } = useI18n();
  const churn = useChurn();
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
              <Segmented
                aria-label={t('analytics.churnWindow')}
                value={days}
                onChange={(v) => setDays(Number(v))}
                options={[90, 180, 365].map((n) => ({ value: n, label: t('analytics.days', { n }) }))}
              />
              <Row gutter={16}>
                <Col xs={12}>
                  <Statistic title={t('analytics.churned')} value={formatPoints(w?.churned ?? 0, lang)} />
                </Col>
                <Col xs={12}>
                  <Statistic
                    title={t('analytics.churnRate')}
                    value={w?.rate === null || w?.rate === undefined ? '—' : formatPercent(w.rate, lang)}
                  />
                </Col>
              </Row>
              {w && (
                <>
                  <Chart
                    label={t('analytics.churnByMonth')}
                    height={220}
                    option={{
                      tooltip: {},
                      xAxis: { type: 'category', data: w.byMonth.map((m) => m.key) },
                      yAxis: { type: 'value' },
                      series: [{ name: t('analytics.churned'), type: 'bar', data: w.byMonth.map((m) => m.members) }],
                    }}
                  />
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

function LoyaltyCard() {
  const { t, lang } = useI18n();
  const loyalty = useLoyalty();
  const pct = (n: number | null) => (n === null ? '—' : formatPercent(n, lang));
  return (
    <Card title={t('analytics.loyalty')} data-testid="analytics-loyalty">
      <QueryState query={loyalty}>
        {(d) =>
          d.snapshotAt === null ? (
            <SnapshotTime at={null} />
          ) : (
            <>
              <SnapshotTime at={d.snapshotAt} />
              <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
                <Col xs={12} md={8}>
                  <Statistic title={t('analytics.repeatRate')} value={pct(d.repeatPurchaseRate)} />
                </Col>
                <Col xs={12} md={8}>
                  <Statistic
                    title={t('analytics.frequencyPerBuyer')}
                    value={
                      d.purchaseFrequency === null
                        ? '—'
                        : new Intl.NumberFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 }).format(
                            d.purchaseFrequency,
                          )
                    }
                  />
                </Col>
                <Col xs={12} md={8}>
                  <Statistic title={t('analytics.redemptionRate')} value={pct(d.redemptionRate)} />
                </Col>
                <Col xs={12} md={8}>
                  <Statistic title={t('analytics.buyers')} value={formatPoints(d.buyers, lang)} />
                </Col>
                <Col xs={12} md={8}>
                  <Statistic title={t('analytics.purchases')} value={formatPoints(d.purchases, lang)} />
                </Col>
              </Row>
            </>
          )
        }
      </QueryState>
    </Card>
  );
}

/** Tier distribution and moves per month (also shown on the tiers screen). */
export function TierMovementsCard() {
  const { t } = useI18n();
  const moves = useTierMovements();
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
              <Row gutter={[16, 16]}>
                <Col xs={24} md={10}>
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
                          data: d.distribution.map((x) => ({ name: tierName(x.tier), value: x.members })),
                        },
                      ],
                    }}
                  />
                </Col>
                <Col xs={24} md={14}>
                  <Chart
                    label={t('analytics.tierMovements')}
                    height={240}
                    option={{
                      tooltip: { trigger: 'axis' },
                      legend: {},
                      xAxis: { type: 'category', data: d.months.map((m) => m.month) },
                      yAxis: { type: 'value' },
                      series: (['up', 'down', 'new'] as const).map((k) => ({
                        name: t(`analytics.move.${k}`),
                        type: 'bar',
                        stack: 'moves',
                        data: d.months.map((m) => m[k]),
                      })),
                    }}
                  />
                </Col>
              </Row>
            </>
          )
        }
      </QueryState>
    </Card>
  );
}

export function AnalyticsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const dashboard = useDashboard();
  return (
    <section>
      <Typography.Title level={3}>{t('nav.analytics')}</Typography.Title>
      <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
        <SnapshotTime at={dashboard.data?.snapshotAt} />
        {can('analytics.read') && <RefreshSnapshot />}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <PyramidCard />
        </Col>
        <Col xs={24} lg={12}>
          <LiabilityCard />
        </Col>
        <Col xs={24} lg={12}>
          <RfmCard />
        </Col>
        <Col xs={24} lg={12}>
          <LoyaltyCard />
        </Col>
        <Col xs={24}>
          <ChurnCard />
        </Col>
        <Col xs={24}>
          <TierMovementsCard />
        </Col>
      </Row>
    </section>
  );
}

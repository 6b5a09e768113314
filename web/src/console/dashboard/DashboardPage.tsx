import { BarChartOutlined } from '@ant-design/icons';
import { Card, Col, Empty, List, Result, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { formatDateTime, formatPercent, formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { MakeSnapshot } from '../components/MakeSnapshot';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { SnapshotTime } from '../components/SnapshotTime';
import { PeriodKpis } from './PeriodKpis';
import { PeriodSwitch, usePeriod } from './period';
import { useOverview, type Overview } from './queries';

/** The daily charts (ECharts) load after the figures: the KPIs do not wait for them. */
const DailyCharts = lazy(async () => ({ default: (await import('./DailyCharts')).DailyCharts }));

function LiveCampaigns({ data }: { data: Overview }) {
  const { t, lang } = useI18n();
  return (
    <Card title={`${t('dash.live')} (${formatPoints(data.liveCampaignCount, lang)})`} size="small" data-testid="dashboard-live">
      <List
        size="small"
        dataSource={data.liveCampaigns}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dash.noLive')} /> }}
        renderItem={(c) => (
          <List.Item
            extra={
              <Tag color={c.state === 'running' ? 'processing' : 'success'}>
                {t(c.state === 'running' ? 'dash.state.running' : 'dash.state.active')}
              </Tag>
            }
          >
            <List.Item.Meta
              title={
                <Link to={`/campaigns/${c.campaignId}`} data-user-text>
                  {c.name}
                </Link>
              }
              description={c.startsAt ? t('dash.since', { time: formatDateTime(c.startsAt, lang) }) : null}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function TopClubs({ data }: { data: Overview }) {
  const { t, lang } = useI18n();
  return (
    <Card title={t('dash.topClubs')} size="small" data-testid="dashboard-clubs">
      <Table
        rowKey="clubId"
        size="small"
        pagination={false}
        dataSource={data.topClubs}
        locale={{ emptyText: t('common.noData') }}
        columns={[
          {
            title: t('analytics.club'),
            render: (_, c) => <Link to={`/clubs/${c.clubId}`}>{lang === 'zh-CN' ? c.nameZh : c.nameEn || c.nameZh}</Link>,
          },
          { title: t('common.members'), align: 'right', render: (_, c) => formatPoints(c.members, lang) },
          {
            title: t('dash.clubActive'),
            align: 'right',
            render: (_, c) =>
              `${formatPoints(c.active90, lang)}${c.members > 0 ? ` · ${formatPercent(c.active90 / c.members, lang)}` : ''}`,
          },
        ]}
      />
    </Card>
  );
}

function NoSnapshot({ data }: { data: Overview }) {
  const { t } = useI18n();
  const { can } = useAuth();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <Card data-testid="dashboard-no-snapshot">
          <Result
            icon={<BarChartOutlined style={{ color: '#1677ff' }} />}
            title={t('dash.noSnapshotTitle')}
            subTitle={t('dash.noSnapshotText')}
            extra={
              can('analytics.read') ? (
                <div style={{ display: 'flex', justifyContent: 'center' }}>
                  <MakeSnapshot label={t('dash.makeSnapshot')} primary />
                </div>
              ) : null
            }
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <LiveCampaigns data={data} />
      </Col>
    </Row>
  );
}

/** The program at a glance: a period's KPIs against the period before, daily charts, the largest clubs and what runs now. */
export function DashboardPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [period, setPeriod] = usePeriod();
  const overview = useOverview(period, can('analytics.read')); // support reads no figures: not even asked
  const data = overview.data;
  const lastDay = data?.period ? (data.asOf ? data.period.to : null) : null;
  if (!can('analytics.read')) {
    return (
      <section>
        <PageHeader title={t('nav.dashboard')} />
        <Typography.Paragraph>{t('dashboard.noAnalytics')}</Typography.Paragraph>
      </section>
    );
  }
  return (
    <section>
      <PageHeader
        title={t('nav.dashboard')}
        subtitle={data?.snapshotAt ? <SnapshotTime at={data.snapshotAt} /> : t('dash.subtitle')}
        extra={
          data?.snapshotAt ? (
            <>
              <PeriodSwitch period={period} onChange={setPeriod} lastDay={lastDay} />
              <MakeSnapshot label={t('analytics.refresh')} />
            </>
          ) : null
        }
      />
      <QueryState query={overview}>
        {(d) => {
          if (!d.period || !d.kpis) {
            return <NoSnapshot data={d} />;
          }
          return (
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <PeriodKpis data={d} />
              <Suspense fallback={<Spin style={{ display: 'block', margin: '24px auto' }} />}>
                <DailyCharts daily={d.daily} />
              </Suspense>
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={12}>
                  <TopClubs data={d} />
                </Col>
                <Col xs={24} lg={12}>
                  <LiveCampaigns data={d} />
                </Col>
              </Row>
            </Space>
          );
        }}
      </QueryState>
    </section>
  );
}

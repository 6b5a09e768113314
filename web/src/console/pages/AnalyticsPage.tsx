import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Row, Table, Typography } from 'antd';
import { api, getUntyped, session, unwrap } from '../../shared/api';
import { formatDateTime, formatMoney, formatPercent, formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { Chart } from '../components/Chart';
import { QueryState } from '../components/QueryState';

type Figures = Record<string, unknown> & { asOf?: string; snapshotAt?: string };

/** Renders a snapshot's scalar figures; the analytics routes' shapes are settled on their own branch. */
function FigureList({ data }: { data: Figures }) {
  const { t, lang } = useI18n();
  const scalars = Object.entries(data).filter(([, v]) => typeof v === 'number' || typeof v === 'string');
  return (
    <>
      {(data.snapshotAt ?? data.asOf) && (
        <Typography.Text type="secondary">
          {t('common.snapshotAt', { time: formatDateTime(String(data.snapshotAt ?? data.asOf), lang) })}
        </Typography.Text>
      )}
      <Descriptions size="small" column={1}>
        {scalars.map(([k, v]) => (
          <Descriptions.Item key={k} label={k}>
            {typeof v === 'number' ? (k.endsWith('Cents') ? formatMoney(v, lang) : formatPoints(v, lang)) : String(v)}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </>
  );
}

export function AnalyticsPage() {
  const { t, lang } = useI18n();
  const pyramid = useQuery({
    queryKey: ['analytics', 'value-pyramid'],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/analytics/value-pyramid')),
    retry: false,
  });
  const untyped = (name: string) => ({
    queryKey: ['analytics', name],
    queryFn: () => getUntyped<Figures>(`/api/v1/admin/analytics/${name}`),
    retry: false,
  });
  const churn = useQuery(untyped('churn'));
  const loyalty = useQuery(untyped('loyalty'));
  const liability = useQuery(untyped('liability'));
  const rfm = useQuery(untyped('rfm'));
  const downloadCsv = async () => {
    const res = await fetch('/api/v1/admin/analytics/liability?format=csv', {
      headers: { Authorization: `Bearer ${session.tokens?.accessToken ?? ''}`, Accept: 'text/csv' },
    });
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = 'points-liability.csv';
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <section>
      <Typography.Title level={3}>{t('nav.analytics')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('analytics.pyramid')} data-testid="analytics-pyramid">
            <QueryState query={pyramid}>
              {(p) => (
                <>
                  <Typography.Text type="secondary">{t('common.snapshotAt', { time: formatDateTime(p.finishedAt, lang) })}</Typography.Text>
                  <Chart
                    label={t('analytics.pyramid')}
                    option={{
                      tooltip: {},
                      legend: {},
                      xAxis: { type: 'category', data: p.grades.map((g) => g.grade) },
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
                    dataSource={p.grades}
                    columns={[
                      { title: t('analytics.grade'), dataIndex: 'grade' },
                      { title: t('common.members'), render: (_, g) => formatPoints(g.members, lang) },
                      { title: t('analytics.memberShare'), render: (_, g) => formatPercent(g.memberShare, lang) },
                      { title: t('analytics.spend'), render: (_, g) => formatMoney(g.spendCents, lang) },
                      { title: t('analytics.spendShare'), render: (_, g) => formatPercent(g.spendShare, lang) },
                    ]}
                  />
                </>
              )}
            </QueryState>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={t('analytics.liability')}
            extra={
              <Button size="small" onClick={() => void downloadCsv()} disabled={!liability.data}>
                {t('common.exportCsv')}
              </Button>
            }
            data-testid="analytics-liability"
          >
            <QueryState query={liability}>{(d) => <FigureList data={d} />}</QueryState>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('analytics.rfm')}>
            <QueryState query={rfm}>{(d) => <FigureList data={d} />}</QueryState>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('analytics.churn')}>
            <QueryState query={churn}>{(d) => <FigureList data={d} />}</QueryState>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('analytics.loyalty')}>
            <QueryState query={loyalty}>{(d) => <FigureList data={d} />}</QueryState>
          </Card>
        </Col>
      </Row>
    </section>
  );
}

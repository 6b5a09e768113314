import { Card, Col, Empty, Row } from 'antd';
import { useI18n } from '../../shared/i18n';
import { Chart, type ChartOption } from '../components/Chart';
import { formatDayShort } from './format-day';
import type { Overview } from './queries';

type Day = Overview['daily'][number];

/** One daily chart, or an empty state when every figure of its series is 0 (no chart drawn on an empty 0–1 axis). */
function DailyChart({
  title,
  testId,
  days,
  option,
}: {
  title: string;
  testId: string;
  days: Day[];
  option: ChartOption & { series: Array<Record<string, unknown> & { data: number[] }> };
}) {
  const { t } = useI18n();
  const empty = days.length === 0 || option.series.every((s) => s.data.every((v) => v === 0));
  return (
    <Card size="small" title={title} data-testid={testId}>
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dash.noActivity')} style={{ height: 220, paddingTop: 48, margin: 0 }} />
      ) : (
        <Chart label={title} height={240} option={option} />
      )}
    </Card>
  );
}

/** Sales and receipts, points issued and redeemed, new members and coupons used, per business day of the period. */
export function DailyCharts({ daily }: { daily: Day[] }) {
  const { t, lang } = useI18n();
  const x = { type: 'category', data: daily.map((d) => formatDayShort(d.day, lang)) };
  const grid = { left: 8, right: 8, top: 36, bottom: 8, containLabel: true };
  const legend = { top: 0 };
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={8}>
        <DailyChart
          title={t('dash.salesChart')}
          testId="chart-sales"
          days={daily}
          option={{
            tooltip: { trigger: 'axis' },
            legend,
            grid,
            xAxis: x,
            yAxis: [
              { type: 'value', axisLabel: { formatter: '¥{value}' } },
              { type: 'value', minInterval: 1, splitLine: { show: false } },
            ],
            series: [
              { name: t('dash.kpi.salesCents'), type: 'bar', data: daily.map((d) => d.salesCents / 100) },
              { name: t('dash.kpi.receipts'), type: 'line', yAxisIndex: 1, showSymbol: false, data: daily.map((d) => d.receipts) },
            ],
          }}
        />
      </Col>
      <Col xs={24} xl={8}>
        <DailyChart
          title={t('dash.pointsChart')}
          testId="chart-points"
          days={daily}
          option={{
            tooltip: { trigger: 'axis' },
            legend,
            grid,
            xAxis: x,
            yAxis: { type: 'value' },
            series: [
              {
                name: t('dash.kpi.pointsIssued'),
                type: 'line',
                showSymbol: false,
                areaStyle: { opacity: 0.08 },
                data: daily.map((d) => d.pointsIssued),
              },
              {
                name: t('dash.kpi.pointsRedeemed'),
                type: 'line',
                showSymbol: false,
                areaStyle: { opacity: 0.08 },
                data: daily.map((d) => d.pointsRedeemed),
              },
            ],
          }}
        />
      </Col>
      <Col xs={24} xl={8}>
        <DailyChart
          title={t('dash.membersChart')}
          testId="chart-members"
          days={daily}
          option={{
            tooltip: { trigger: 'axis' },
            legend,
            grid,
            xAxis: x,
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              { name: t('dash.joined'), type: 'bar', data: daily.map((d) => d.joined) },
              { name: t('dash.kpi.couponsUsed'), type: 'bar', data: daily.map((d) => d.couponsUsed) },
            ],
          }}
        />
      </Col>
    </Row>
  );
}

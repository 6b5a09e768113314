import { Card, Space, Statistic } from 'antd';
import { formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { Chart } from '../components/Chart';
import { QueryState } from '../components/QueryState';
import { sizesByMonth } from './growth';
import { useAllClubs, useClubGrowth, useClubsGrowth } from './queries';

/** Joins and leaves per day over the last 30 days (GET analytics/clubs), with the club's size now. */
export function ClubGrowth({ clubId }: { clubId: string }) {
  const { t, lang } = useI18n();
  const growth = useClubGrowth(clubId);
  const row = growth.data?.clubs.find((c) => c.clubId === clubId);
  if (!row) {
    return null;
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Statistic title={t('clubs.activeMembers')} value={formatPoints(row.activeMembers, lang)} data-testid="club-size" />
      {row.periods.length > 0 && (
        <Chart
          label={t('clubs.growth')}
          height={220}
          option={{
            tooltip: { trigger: 'axis' },
            legend: {},
            xAxis: { type: 'category', data: row.periods.map((p) => p.period) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              { name: t('clubs.joined'), type: 'bar', data: row.periods.map((p) => p.joined) },
              { name: t('clubs.left'), type: 'bar', data: row.periods.map((p) => p.left) },
            ],
          }}
        />
      )}
    </Space>
  );
}

/** Every active club's size over the last 12 months (GET analytics/club-growth, read live). */
export function ClubsGrowthChart() {
  const { t, lang } = useI18n();
  const growth = useClubsGrowth();
  const clubs = useAllClubs();
  /** Clubs by name in the legend (the growth rows carry codes). */
  const nameOf = (clubId: string, code: string) => {
    const club = clubs.data?.clubs.find((c) => c.clubId === clubId);
    return club ? (lang === 'zh-CN' ? club.nameZh : club.nameEn) : code;
  };
  return (
    <Card title={t('clubs.growthOverTime')} style={{ marginTop: 16 }} data-testid="clubs-growth">
      <QueryState query={growth} empty={(d) => d.clubs.length === 0}>
        {(d) => {
          const months = d.clubs[0]?.periods.map((p) => p.period) ?? [];
          // The ten largest active clubs, by name.
          const shown = d.clubs
            .filter((c) => c.status === 'active')
            .sort((a, b) => b.activeMembers - a.activeMembers)
            .slice(0, 10);
          return (
            <Chart
              label={t('clubs.growthOverTime')}
              height={280}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { type: 'scroll', bottom: 0 },
                grid: { bottom: 60, left: 50 },
                xAxis: { type: 'category', data: months },
                yAxis: { type: 'value', minInterval: 1 },
                series: shown.map((c) => ({
                  name: nameOf(c.clubId, c.code),
                  type: 'line',
                  data: sizesByMonth(c.activeMembers, c.periods),
                })),
              }}
            />
          );
        }}
      </QueryState>
    </Card>
  );
}

import { Card, Col, Row, Statistic, Typography } from 'antd';
import { formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useDashboard } from '../analytics/queries';
import { useAuth } from '../auth';
import { QueryState } from '../components/QueryState';
import { SnapshotTime } from '../components/SnapshotTime';

/** The program at a glance (analytics/dashboard: the newest snapshot, running campaigns live), for roles that read analytics. */
export function DashboardPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const dashboard = useDashboard(can('analytics.read'));
  const figures = [
    ['dashboard.members', 'members'],
    ['dashboard.active90d', 'activeMembers90d'],
    ['dashboard.issued', 'pointsIssued'],
    ['dashboard.redeemed', 'pointsRedeemed'],
    ['dashboard.outstanding', 'pointsOutstanding'],
    ['dashboard.runningCampaigns', 'runningCampaigns'],
  ] as const;
  return (
    <section>
      <Typography.Title level={3}>{t('nav.dashboard')}</Typography.Title>
      {can('analytics.read') ? (
        <QueryState query={dashboard}>
          {(d) => (
            <>
              <SnapshotTime at={d.snapshotAt} />
              <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
                {figures.map(([label, key]) => (
                  <Col xs={12} lg={8} key={key}>
                    <Card>
                      <Statistic
                        title={t(label)}
                        value={formatPoints(d[key], lang)}
                        valueRender={(v) => <span data-testid={`dashboard-${key}`}>{v}</span>}
                      />
                    </Card>
                  </Col>
                ))}
              </Row>
            </>
          )}
        </QueryState>
      ) : (
        <Typography.Paragraph>{t('dashboard.noAnalytics')}</Typography.Paragraph>
      )}
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { api, getUntyped, unwrap } from '../../shared/api';
import { formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';

/** The figures this role may read; a figure whose route is not there yet shows a dash. */
export function DashboardPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const campaigns = useQuery({
    queryKey: ['campaigns'],
    enabled: can('campaigns.manage'),
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/campaigns', { params: { query: { limit: 100 } } })),
  });
  const pyramid = useQuery({
    queryKey: ['analytics', 'value-pyramid'],
    enabled: can('analytics.read'),
    retry: false,
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/analytics/value-pyramid')),
  });
  const liability = useQuery({
    queryKey: ['analytics', 'liability'],
    enabled: can('analytics.read'),
    retry: false,
    queryFn: () => getUntyped<Record<string, number>>('/api/v1/admin/analytics/liability'),
  });
  const show = (v: number | undefined) => (v === undefined ? '—' : formatPoints(v, lang));
  const running = campaigns.data?.items.filter((c) => c.state === 'running' || c.state === 'scheduled').length;
  return (
    <section>
      <Typography.Title level={3}>{t('nav.dashboard')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} lg={6}>
          <Card>
            <Statistic title={t('dashboard.members')} value={show(pyramid.data?.members)} />
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Card>
            <Statistic title={t('dashboard.outstanding')} value={show(liability.data?.outstandingPoints)} />
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Card>
            <Statistic title={t('dashboard.pending')} value={show(liability.data?.pendingPoints)} />
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Card>
            <Statistic title={t('dashboard.runningCampaigns')} value={show(running)} />
          </Card>
        </Col>
      </Row>
    </section>
  );
}

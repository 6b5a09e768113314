import { Alert, Button, Drawer, Input, Progress, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { SEGMENTS } from '../analytics/rfm-segments';
import { formatDateTime, formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { useDrawerSize } from '../components/drawerSize';
import { QueryState } from '../components/QueryState';
import { useDebounced } from '../components/useDebounced';
import { PendingApprovals } from './Approvals';
import { CampaignDetail } from './CampaignDetail';
import { useCampaigns, type Campaign, type CampaignListItem } from './queries';
import { StateTag } from './StateTag';
import { CampaignWizard } from './wizard/CampaignWizard';

const STATES: Array<Campaign['state']> = [
  'draft',
  'pending_approval',
  'scheduled',
  'running',
  'completed',
  'active',
  'ended',
  'paused',
  'cancelled',
  'failed',
];

/**
 * The campaigns: those waiting for approval, the list (state, audience, spent against the budget, progress, launch
 * time; filtered by state, searched by name; read again while any is running), the wizard and a campaign's detail.
 */
export function CampaignsPage() {
  const { t, lang } = useI18n();
  const [notice, setNotice] = useState<{ name: string; pending: boolean } | null>(null);
  const drawerSize = useDrawerSize();
  // ?rfmSegment=champions (the analytics page's "Target these members"): the wizard opens with that segment chosen.
  const [params, setParams] = useSearchParams();
  const preselected = SEGMENTS.find((s) => s.key === params.get('rfmSegment'))?.key;
  const [creatingNew, setCreating] = useState(false);
  const creating = creatingNew || preselected !== undefined;
  const closeWizard = () => {
    setCreating(false);
    if (preselected) {
      setParams({}, { replace: true });
    }
  };
  const [openId, setOpenId] = useState<string | null>(null);
  const [state, setState] = useState<Campaign['state'] | null>(null);
  const [search, setSearch] = useState('');
  const name = useDebounced(search);
  const { can } = useAuth();
  const campaigns = useCampaigns({ state, name });
  const n = (v: number) => formatPoints(v, lang);
  return (
    <section>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3}>{t('nav.campaigns')}</Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('campaigns.new')}
        </Button>
      </Space>
      {notice && (
        <Alert
          type="success"
          showIcon
          closable
          title={notice.pending ? t('campaigns.sentForApproval', { name: notice.name }) : t('campaigns.launched', { name: notice.name })}
          onClose={() => setNotice(null)}
          style={{ marginBottom: 16 }}
          data-testid="campaign-notice"
        />
      )}
      {can('campaigns.approve') && <PendingApprovals onOpen={setOpenId} />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('campaigns.filterState')}
          style={{ width: 200 }}
          value={state ?? 'all'}
          onChange={(v: string) => setState(v === 'all' ? null : (v as Campaign['state']))}
          options={[
            { value: 'all', label: t('campaigns.allStates') },
            ...STATES.map((s) => ({ value: s, label: t(`campaigns.state.${s}`) })),
          ]}
        />
        <Input.Search
          aria-label={t('campaigns.searchName')}
          placeholder={t('campaigns.searchName')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 280 }}
        />
      </Space>
      <QueryState query={campaigns}>
        {(d) => (
          <Table<CampaignListItem>
            rowKey="campaignId"
            dataSource={d.items}
            pagination={false}
            scroll={{ x: true }}
            data-testid="campaign-list"
            onRow={() => ({ style: { whiteSpace: 'nowrap' } })}
            locale={{ emptyText: t('campaigns.none') }}
            columns={[
              {
                title: t('common.name'),
                render: (_, c) => (
                  <Button type="link" onClick={() => setOpenId(c.campaignId)} style={{ padding: 0 }}>
                    {c.name}
                  </Button>
                ),
              },
              { title: t('common.status'), render: (_, c) => <StateTag state={c.state} /> },
              {
                title: t('campaigns.col.audience'),
                align: 'right',
                render: (_, c) => (c.figures.reached > 0 ? n(c.figures.reached) : '—'),
              },
              {
                title: t('campaigns.col.cost'),
                render: (_, c) => {
                  const unit = t(`campaigns.unit.${c.figures.budgetUnit}`);
                  const text =
                    c.figures.capPoints === null
                      ? `${n(c.figures.spentPoints)} ${unit} · ${t('campaigns.noCap')}`
                      : `${n(c.figures.spentPoints)} / ${n(c.figures.capPoints)} ${unit}`;
                  return (
                    <span data-testid="campaign-cost" style={{ whiteSpace: 'nowrap' }}>
                      {text}
                    </span>
                  );
                },
              },
              {
                title: t('campaigns.col.progress'),
                render: (_, c) => {
                  const percent = c.figures.progress?.percent ?? (['completed', 'active', 'ended'].includes(c.state) ? 100 : null);
                  return percent === null ? '—' : <Progress percent={percent} size="small" style={{ width: 120 }} />;
                },
              },
              {
                title: t('campaigns.col.launched'),
                render: (_, c) =>
                  c.schedule.nextRunAt
                    ? t('campaigns.nextRun', { time: formatDateTime(c.schedule.nextRunAt, lang) })
                    : c.schedule.at && c.state !== 'draft'
                      ? formatDateTime(c.schedule.at, lang)
                      : '—',
              },
              { title: t('common.created'), render: (_, c) => formatDateTime(c.createdAt, lang) },
            ]}
          />
        )}
      </QueryState>
      <Drawer open={creating} onClose={closeWizard} title={t('campaigns.new')} size={drawerSize} destroyOnHidden>
        <CampaignWizard
          initial={preselected ? { rfmSegments: [preselected] } : undefined}
          onLaunched={(c) => {
            closeWizard();
            setNotice({ name: c.name, pending: c.state === 'pending_approval' });
          }}
        />
      </Drawer>
      <Drawer open={openId !== null} onClose={() => setOpenId(null)} title={t('campaigns.detail')} size={drawerSize} destroyOnHidden>
        {openId && <CampaignDetail campaignId={openId} />}
      </Drawer>
    </section>
  );
}

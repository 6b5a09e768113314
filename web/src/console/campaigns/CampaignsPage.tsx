import { Button, Drawer, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { useDrawerSize } from '../components/drawerSize';
import { QueryState } from '../components/QueryState';
import { PendingApprovals } from './Approvals';
import { CampaignDetail } from './CampaignDetail';
import { useCampaigns, type Campaign } from './queries';
import { StateTag } from './StateTag';
import { CampaignWizard } from './wizard/CampaignWizard';

/** The campaigns: those waiting for approval, the list, the wizard for a new one and a campaign's detail, in drawers. */
export function CampaignsPage() {
  const { t, lang } = useI18n();
  const drawerSize = useDrawerSize();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const { can } = useAuth();
  const campaigns = useCampaigns();
  return (
    <section>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3}>{t('nav.campaigns')}</Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('campaigns.new')}
        </Button>
      </Space>
      {can('campaigns.approve') && <PendingApprovals onOpen={setOpenId} />}
      <QueryState query={campaigns} empty={(d) => d.items.length === 0}>
        {(d) => (
          <Table<Campaign>
            rowKey="campaignId"
            dataSource={d.items}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              {
                title: t('common.name'),
                render: (_, c) => (
                  <Button type="link" onClick={() => setOpenId(c.campaignId)}>
                    {c.name}
                  </Button>
                ),
              },
              { title: t('common.status'), render: (_, c) => <StateTag state={c.state} /> },
              { title: t('campaigns.schedule'), render: (_, c) => t(`campaigns.schedule.${c.schedule.kind}`) },
              { title: t('common.created'), render: (_, c) => formatDateTime(c.createdAt, lang) },
            ]}
          />
        )}
      </QueryState>
      <Drawer open={creating} onClose={() => setCreating(false)} title={t('campaigns.new')} size={drawerSize} destroyOnHidden>
        <CampaignWizard
          onLaunched={(id) => {
            setCreating(false);
            setOpenId(id);
          }}
        />
      </Drawer>
      <Drawer open={openId !== null} onClose={() => setOpenId(null)} title={t('campaigns.detail')} size={drawerSize} destroyOnHidden>
        {openId && <CampaignDetail campaignId={openId} />}
      </Drawer>
    </section>
  );
}

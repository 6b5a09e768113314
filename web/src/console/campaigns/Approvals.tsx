import { Button, Card, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime, formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { useApprovalDecision, usePendingApprovals, type Campaign } from './queries';

/** Maker-checker: campaigns above the program limits, for users with campaigns.approve (never their own). */
export function PendingApprovals({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, lang } = useI18n();
  const pending = usePendingApprovals();
  if (!pending.data || pending.data.items.length === 0) {
    return null;
  }
  return (
    <Card size="small" title={t('campaigns.pendingApprovals')} data-testid="pending-approvals" style={{ marginBottom: 16 }}>
      <Table<Campaign>
        rowKey="campaignId"
        dataSource={pending.data.items}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          {
            title: t('common.name'),
            render: (_, c) => (
              <Button type="link" onClick={() => onOpen(c.campaignId)}>
                {c.name}
              </Button>
            ),
          },
          { title: t('campaigns.askedPoints'), render: (_, c) => formatPoints(c.approval?.askedPoints ?? 0, lang) },
          { title: t('common.created'), render: (_, c) => formatDateTime(c.createdAt, lang) },
          { title: '', render: (_, c) => <ApprovalButtons campaign={c} /> },
        ]}
      />
    </Card>
  );
}

/** Approve, or reject with a reason; the author of the campaign sees why they cannot. */
export function ApprovalButtons({ campaign }: { campaign: Campaign }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const [reason, setReason] = useState('');
  const decide = useApprovalDecision(campaign.campaignId);
  if (campaign.createdBy === me.adminId || campaign.approval?.submittedBy === me.adminId) {
    return <Typography.Text type="secondary">{t('campaigns.ownCampaign')}</Typography.Text>;
  }
  return (
    <Space wrap>
      <Button type="primary" onClick={() => decide.mutate({ decision: 'approve', reason })} loading={decide.isPending}>
        {t('campaigns.approve')}
      </Button>
      <Input
        aria-label={t('campaigns.rejectReason')}
        placeholder={t('campaigns.rejectReason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        style={{ minWidth: 200 }}
      />
      <Button danger onClick={() => decide.mutate({ decision: 'reject', reason })} loading={decide.isPending}>
        {t('campaigns.reject')}
      </Button>
      {decide.error && <Typography.Text type="danger">{decide.error.message}</Typography.Text>}
    </Space>
  );
}

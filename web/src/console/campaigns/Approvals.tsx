import { Button, Card, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { useApprovalDecision, useCampaignPreview, usePendingApprovals, type Campaign, type CampaignListItem } from './queries';

/**
 * Maker-checker: campaigns above the program limits, for users with campaigns.approve (never their own), each with
 * the figures the approver approves: the audience now, the points per member, the total asked for, the budget, and
 * which limit it is above.
 */
export function PendingApprovals({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, lang } = useI18n();
  const pending = usePendingApprovals();
  if (!pending.data || pending.data.items.length === 0) {
    return null;
  }
  const n = (v: number) => formatPoints(v, lang);
  return (
    <Card size="small" title={t('campaigns.pendingApprovals')} data-testid="pending-approvals" style={{ marginBottom: 16 }}>
      <Table<CampaignListItem>
        rowKey="campaignId"
        dataSource={pending.data.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={() => ({ style: { whiteSpace: 'nowrap' } })}
        columns={[
          {
            title: t('common.name'),
            render: (_, c) => (
              <Button type="link" onClick={() => onOpen(c.campaignId)} style={{ padding: 0 }}>
                {c.name}
              </Button>
            ),
          },
          {
            title: t('campaigns.approval.audience'),
            align: 'right',
            render: (_, c) => <PreviewFigure campaignId={c.campaignId} figure="size" />,
          },
          {
            title: t('campaigns.approval.perMember'),
            align: 'right',
            render: (_, c) =>
              c.actions.grant ? t('campaigns.confirm.perMemberPoints', { points: n((c.actions.grant as { points: number }).points) }) : '—',
          },
          {
            title: t('campaigns.approval.total'),
            align: 'right',
            render: (_, c) => (
              <Typography.Text strong data-testid="approval-asked">
                {t('campaigns.confirm.totalPoints', { total: n(c.approval?.askedPoints ?? 0) })}
              </Typography.Text>
            ),
          },
          {
            title: t('campaigns.approval.budget'),
            align: 'right',
            render: (_, c) =>
              c.figures.capPoints === null ? t('campaigns.noCap') : `${n(c.figures.capPoints)} ${t('campaigns.unit.points')}`,
          },
          { title: t('campaigns.approval.reasons'), render: (_, c) => <PreviewFigure campaignId={c.campaignId} figure="reasons" /> },
          { title: '', render: (_, c) => <ApprovalButtons campaign={c} /> },
        ]}
      />
    </Card>
  );
}

/** A figure of the campaign's preview as of now: its audience size, or the limits it is above. */
function PreviewFigure({ campaignId, figure }: { campaignId: string; figure: 'size' | 'reasons' }) {
  const { t, lang } = useI18n();
  const preview = useCampaignPreview(campaignId);
  if (!preview.data) {
    return <>…</>;
  }
  if (figure === 'size') {
    return <>{formatPoints(preview.data.size, lang)}</>;
  }
  return <>{preview.data.approvalReasons.map((r) => t(`campaigns.confirm.reason.${r}`)).join(lang === 'zh-CN' ? '、' : ', ') || '—'}</>;
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
      <Space.Compact>
        <Input
          aria-label={t('campaigns.rejectReason')}
          placeholder={t('campaigns.rejectReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          style={{ width: 180 }}
        />
        <Button danger onClick={() => decide.mutate({ decision: 'reject', reason })} loading={decide.isPending}>
          {t('campaigns.reject')}
        </Button>
      </Space.Compact>
      {decide.error && <Typography.Text type="danger">{decide.error.message}</Typography.Text>}
    </Space>
  );
}

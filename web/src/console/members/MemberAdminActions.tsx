import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { useTierName } from '../names/useNames';
import { useLadder } from '../tiers/queries';
import { downloadMemberExport, memberDetailQuery, useErase, useMemberDetail, useMerge, useTierGrant, type MemberDetail } from './queries';

/** Tier grant, merge, export and erasure: each only for the roles that may (auth/me), the server checks again. */
export function MemberAdminActions({ memberId, onGone }: { memberId: string; onGone: () => void }) {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const client = useQueryClient();
  const tierName = useTierName();
  const survivor = useMemberDetail(memberId);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const ladder = useLadder(can('tiers.grant'));
  /** A member as the confirmations name them: name, card and points, in numbers. */
  const who = (m: MemberDetail) =>
    t('members.confirmWho', {
      name: m.name ?? '—',
      // The member's first card still active (a merge brings the other member's cards over, issued later).
      card: [...m.cards].sort((a, b) => a.issuedAt.localeCompare(b.issuedAt)).find((c) => c.status === 'active')?.cardNo ?? '—',
      points: formatPoints(m.points.balance, lang),
    });
  /** The merge, confirmed only after both members and the points that move are stated in numbers. */
  const confirmMerge = async () => {
    setLookupError(null);
    let source: MemberDetail;
    let kept: MemberDetail;
    try {
      [source, kept] = await Promise.all([
        client.fetchQuery(memberDetailQuery(mergeSource)),
        client.fetchQuery(memberDetailQuery(memberId)),
      ]);
    } catch (err) {
      setLookupError(err instanceof Error ? err.message : String(err));
      return;
    }
    Modal.confirm({
      title: t('members.mergeConfirmTitle'),
      width: 520,
      content: (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="merge-confirm">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('members.mergeFrom')}>
              <span data-testid="merge-confirm-source">{who(source)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('members.mergeInto')}>
              <span data-testid="merge-confirm-survivor">{who(kept)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('members.mergeMoves')}>
              <span data-testid="merge-confirm-moved">{t('members.pointsN', { points: formatPoints(source.points.balance, lang) })}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('members.mergeAfter')}>
              <strong data-testid="merge-confirm-after">
                {t('members.pointsN', { points: formatPoints(kept.points.balance + source.points.balance, lang) })}
              </strong>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary">{t('members.mergeIrreversible')}</Typography.Text>
        </Space>
      ),
      okText: t('members.merge'),
      cancelText: t('common.cancel'),
      onOk: () => merge.mutate(mergeSource),
    });
  };
  const grant = useTierGrant(memberId);
  const [mergeSource, setMergeSource] = useState('');
  const merge = useMerge(memberId, () => setMergeSource(''));
  const [eraseOpen, setEraseOpen] = useState(false);
  const [eraseTyped, setEraseTyped] = useState('');
  const eraseCode = memberId.slice(-6).toUpperCase();
  const erase = useErase(memberId, () => setEraseOpen(false));
  const [exportError, setExportError] = useState<string | null>(null);
  const download = async () => {
    setExportError(null);
    setExportError(await downloadMemberExport(memberId));
  };
  if (!can('tiers.grant') && !can('members.merge') && !can('members.export') && !can('members.erase')) {
    return null;
  }
  const error = grant.error ?? merge.error ?? erase.error ?? (lookupError ? { message: lookupError } : null);
  return (
    <Card size="small" title={t('members.moreActions')} data-testid="member-admin-actions">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {can('tiers.grant') && (
          <Form name="tierGrant" layout="vertical" onFinish={(v: { tierCode: string; endsAt: Dayjs; reason: string }) => grant.mutate(v)}>
            <Typography.Text strong>{t('members.tierGrant')}</Typography.Text>
            <Space wrap align="end">
              <Form.Item
                label={t('members.grantTier')}
                name="tierCode"
                rules={[{ required: true }]}
                style={{ minWidth: 160, marginBottom: 0 }}
              >
                <Select
                  aria-label={t('members.grantTier')}
                  options={(ladder.data?.tiers ?? []).map((x) => ({ value: x.code, label: lang === 'zh-CN' ? x.nameZh : x.nameEn }))}
                />
              </Form.Item>
              <Form.Item label={t('members.grantEnds')} name="endsAt" rules={[{ required: true }]} style={{ marginBottom: 0 }}>
                <DatePicker aria-label={t('members.grantEnds')} disabledDate={(d) => d.isBefore(new Date(), 'day')} />
              </Form.Item>
              <Form.Item
                label={t('members.grantReason')}
                name="reason"
                rules={[{ required: true }]}
                style={{ minWidth: 220, marginBottom: 0 }}
              >
                <Input />
              </Form.Item>
              <Button htmlType="submit" loading={grant.isPending}>
                {t('members.grant')}
              </Button>
            </Space>
            {grant.isSuccess && (
              <Alert type="success" title={t('members.granted', { tier: tierName(grant.data.tierCode) })} style={{ marginTop: 8 }} />
            )}
          </Form>
        )}
        {can('members.merge') && (
          <Space wrap align="end">
            <Input
              aria-label={t('members.mergeSource')}
              placeholder={t('members.mergeSource')}
              value={mergeSource}
              onChange={(e) => setMergeSource(e.target.value.trim())}
              style={{ width: 'min(320px, 100%)' }}
            />
            <Button
              disabled={!/^[0-9a-f-]{36}$/i.test(mergeSource) || mergeSource === memberId}
              loading={merge.isPending}
              onClick={() => void confirmMerge()}
            >
              {t('members.merge')}
            </Button>
            {merge.isSuccess && (
              <Alert
                type="success"
                data-testid="merge-done"
                title={t('members.merged', {
                  points: formatPoints(merge.data.pointsMoved, lang),
                  balance: formatPoints(merge.data.survivorBalance, lang),
                })}
              />
            )}
          </Space>
        )}
        <Space wrap>
          {can('members.export') && <Button onClick={() => void download()}>{t('members.export')}</Button>}
          {can('members.erase') && (
            <Button danger onClick={() => setEraseOpen(true)}>
              {t('members.erase')}
            </Button>
          )}
        </Space>
        {exportError && <Alert type="error" role="alert" title={exportError} />}
        {error && <Alert type="error" role="alert" title={error.message} />}
        {erase.isSuccess && <Alert type="warning" title={t('members.erasureStarted')} />}
      </Space>
      <Modal
        open={eraseOpen}
        title={t('members.eraseTitle')}
        okText={t('members.eraseConfirmButton')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, disabled: eraseTyped.trim().toUpperCase() !== eraseCode, loading: erase.isPending }}
        onOk={() => erase.mutate()}
        onCancel={() => {
          setEraseOpen(false);
          setEraseTyped('');
        }}
        afterClose={() => erase.isSuccess && onGone()}
      >
        {survivor.data && (
          <Typography.Paragraph strong data-testid="erase-who">
            {who(survivor.data)}
          </Typography.Paragraph>
        )}
        <Typography.Paragraph>{t('members.eraseWarning')}</Typography.Paragraph>
        <Typography.Paragraph>{t('members.eraseType', { code: eraseCode })}</Typography.Paragraph>
        <Input aria-label={t('members.eraseTypeLabel')} value={eraseTyped} onChange={(e) => setEraseTyped(e.target.value)} />
      </Modal>
    </Card>
  );
}

import { Alert, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { useLadder } from '../tiers/queries';
import { downloadMemberExport, useErase, useMerge, useTierGrant } from './queries';

/** Tier grant, merge, export and erasure: each only for the roles that may (auth/me), the server checks again. */
export function MemberAdminActions({ memberId, onGone }: { memberId: string; onGone: () => void }) {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const ladder = useLadder(can('tiers.grant'));
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
  const error = grant.error ?? merge.error ?? erase.error;
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
              <Alert type="success" title={t('members.granted', { tier: grant.data.tierCode })} style={{ marginTop: 8 }} />
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
              style={{ minWidth: 320 }}
            />
            <Button
              disabled={!/^[0-9a-f-]{36}$/i.test(mergeSource) || mergeSource === memberId}
              loading={merge.isPending}
              onClick={() =>
                Modal.confirm({
                  title: t('members.mergeConfirmTitle'),
                  content: t('members.mergeConfirm', { source: mergeSource, survivor: memberId }),
                  okText: t('members.merge'),
                  cancelText: t('common.cancel'),
                  onOk: () => merge.mutate(mergeSource),
                })
              }
            >
              {t('members.merge')}
            </Button>
            {merge.isSuccess && (
              <Alert
                type="success"
                data-testid="merge-done"
                title={t('members.merged', { points: merge.data.pointsMoved, balance: merge.data.survivorBalance })}
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
        <Typography.Paragraph>{t('members.eraseWarning')}</Typography.Paragraph>
        <Typography.Paragraph>{t('members.eraseType', { code: eraseCode })}</Typography.Paragraph>
        <Input aria-label={t('members.eraseTypeLabel')} value={eraseTyped} onChange={(e) => setEraseTyped(e.target.value)} />
      </Modal>
    </Card>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, session, unwrap } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { QueryState } from '../components/QueryState';

/** The member's archive: profile, tags (editable by members.write), notes and the change history. */
export function MemberArchive({ memberId }: { memberId: string }) {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const client = useQueryClient();
  const detail = useQuery({
    queryKey: ['members', memberId, 'detail'],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/members/{memberId}', { params: { path: { memberId } } })),
  });
  const notes = useQuery({
    queryKey: ['members', memberId, 'notes'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/admin/members/{memberId}/notes', { params: { path: { memberId }, query: { limit: 20 } } })),
  });
  const history = useQuery({
    queryKey: ['members', memberId, 'history'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/admin/members/{memberId}/history', { params: { path: { memberId }, query: { limit: 20 } } })),
  });
  const [newTag, setNewTag] = useState('');
  const setTags = useMutation({
    mutationFn: async (tags: string[]) =>
      unwrap(await api.PUT('/api/v1/admin/members/{memberId}/tags', { params: { path: { memberId } }, body: { tags } })),
    onSuccess: () => {
      setNewTag('');
      void client.invalidateQueries({ queryKey: ['members', memberId] });
    },
  });
  return (
    <Card size="small" title={t('members.archive')} data-testid="member-archive">
      <QueryState query={detail}>
        {(m) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('members.name')}>{m.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('members.phone')}>{m.phone ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('members.tier')}>
                {lang === 'zh-CN' ? m.tier.nameZh : m.tier.name}
                {m.tier.grant && ` · ${t('members.grantedUntil', { time: formatDateTime(m.tier.grant.endsAt, lang) })}`}
              </Descriptions.Item>
              <Descriptions.Item label={t('common.status')}>{t(`members.status.${m.status}`)}</Descriptions.Item>
              <Descriptions.Item label={t('members.memberId')}>
                <Typography.Text copyable={{ tooltips: [t('members.copy'), t('members.copied')] }}>{m.memberId}</Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <Space wrap data-testid="member-tags" aria-label={t('members.tags')}>
              <Typography.Text strong>{t('members.tags')}:</Typography.Text>
              {m.tags.length === 0 && <Typography.Text type="secondary">{t('members.noTags')}</Typography.Text>}
              {m.tags.map((tag) => (
                <Tag
                  key={tag}
                  closable={can('members.write')}
                  closeIcon={can('members.write') ? <span aria-label={t('members.removeTag', { tag })}>×</span> : undefined}
                  onClose={(e) => {
                    e.preventDefault();
                    setTags.mutate(m.tags.filter((x) => x !== tag));
                  }}
                >
                  <span>{tag}</span>
                </Tag>
              ))}
              {can('members.write') && (
                <Space.Compact>
                  <Input
                    aria-label={t('members.newTag')}
                    placeholder={t('members.newTag')}
                    value={newTag}
                    maxLength={32}
                    onChange={(e) => setNewTag(e.target.value)}
                    onPressEnter={() => newTag.trim() && setTags.mutate([...m.tags, newTag.trim()])}
                  />
                  <Button disabled={!newTag.trim()} onClick={() => setTags.mutate([...m.tags, newTag.trim()])}>
                    {t('members.addTag')}
                  </Button>
                </Space.Compact>
              )}
            </Space>
            {setTags.error && <Alert type="error" role="alert" title={setTags.error.message} />}
          </Space>
        )}
      </QueryState>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('members.notes')}
      </Typography.Title>
      <QueryState query={notes}>
        {(n) => (
          <Table
            rowKey="noteId"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={n.items}
            data-testid="member-notes"
            columns={[
              { title: t('members.when'), render: (_, x) => formatDateTime(x.createdAt, lang) },
              { title: t('members.by'), render: (_, x) => x.authorEmail ?? '—' },
              { title: t('members.note'), dataIndex: 'text' },
            ]}
          />
        )}
      </QueryState>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('members.history')}
      </Typography.Title>
      <QueryState query={history}>
        {(h) => (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={h.items}
            data-testid="member-history"
            columns={[
              { title: t('members.when'), render: (_, x) => formatDateTime(x.at, lang) },
              { title: t('members.field'), dataIndex: 'field' },
              { title: t('members.oldValue'), render: (_, x) => x.oldValue ?? '—' },
              { title: t('members.newValue'), render: (_, x) => x.newValue ?? '—' },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}

/** Tier grant, merge, export and erasure: each only for the roles that may (auth/me), the server checks again. */
export function MemberAdminActions({ memberId, onGone }: { memberId: string; onGone: () => void }) {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: ['members'] });
  const ladder = useQuery({
    queryKey: ['tiers'],
    enabled: can('tiers.grant'),
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/tiers')),
  });
  const grant = useMutation({
    mutationFn: async (v: { tierCode: string; endsAt: Dayjs; reason: string }) =>
      unwrap(
        await api.POST('/api/v1/admin/members/{memberId}/tier-grants', {
          params: { path: { memberId } },
          body: { tierCode: v.tierCode, endsAt: v.endsAt.endOf('day').toISOString(), reason: v.reason },
        }),
      ),
    onSuccess: refresh,
  });
  const [mergeSource, setMergeSource] = useState('');
  const merge = useMutation({
    mutationFn: async (sourceMemberId: string) =>
      unwrap(await api.POST('/api/v1/admin/members/{memberId}/merge', { params: { path: { memberId } }, body: { sourceMemberId } })),
    onSuccess: () => {
      setMergeSource('');
      refresh();
    },
  });
  const [eraseOpen, setEraseOpen] = useState(false);
  const [eraseTyped, setEraseTyped] = useState('');
  const eraseCode = memberId.slice(-6).toUpperCase();
  const erase = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/admin/members/{memberId}/erasure', { params: { path: { memberId } } })),
    onSuccess: () => {
      setEraseOpen(false);
      refresh();
    },
  });
  const [exportError, setExportError] = useState<string | null>(null);
  const download = async () => {
    setExportError(null);
    const res = await fetch(`/api/v1/admin/members/${memberId}/export`, {
      headers: { Authorization: `Bearer ${session.tokens?.accessToken ?? ''}` },
    });
    if (!res.ok) {
      setExportError(res.statusText || String(res.status));
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `member-${memberId}.json`;
    a.click();
    URL.revokeObjectURL(url);
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

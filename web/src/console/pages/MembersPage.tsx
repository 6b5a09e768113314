import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Drawer, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { components } from '../../api/schema';
import { api, unwrap } from '../../shared/api';
import { formatDateTime, formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useDrawerSize } from '../components/drawerSize';
import { useAuth } from '../auth';
import { QueryState } from '../components/QueryState';
import { MemberAdminActions, MemberArchive } from '../members/MemberArchive';

type MemberRow = components['schemas']['MemberSearchItemResponse'];

/** Search (card, phone, email or name) and a member's ledger with the reason of every entry. */
export function MembersPage() {
  const { t, lang } = useI18n();
  const drawerSize = useDrawerSize();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<MemberRow | null>(null);
  const members = useQuery({
    queryKey: ['members', q],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/members', { params: { query: { q: q || undefined, limit: 50 } } })),
  });
  return (
    <section>
      <Typography.Title level={3}>{t('nav.members')}</Typography.Title>
      <Input.Search
        aria-label={t('members.search')}
        placeholder={t('members.search')}
        allowClear
        enterButton={t('common.search')}
        onSearch={setQ}
        style={{ maxWidth: 480, marginBottom: 16 }}
      />
      <QueryState query={members} empty={(d) => d.items.length === 0}>
        {(d) => (
          <Table<MemberRow>
            rowKey="memberId"
            dataSource={d.items}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              {
                title: t('members.name'),
                render: (_, m) => (
                  <a onClick={() => setOpen(m)} role="button" tabIndex={0}>
                    {m.name ?? '—'}
                  </a>
                ),
              },
              { title: t('members.phone'), render: (_, m) => m.phone ?? '—' },
              { title: t('members.tier'), render: (_, m) => <Tag>{String((m.tier as { code?: string }).code ?? m.tier)}</Tag> },
              { title: t('members.balance'), render: (_, m) => formatPoints(m.balance, lang) },
              { title: t('common.status'), render: (_, m) => t(`members.status.${m.status}`) },
            ]}
          />
        )}
      </QueryState>
      <Drawer open={open !== null} onClose={() => setOpen(null)} title={t('members.ledger')} size={drawerSize} destroyOnHidden>
        {open && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <MemberActions member={open} />
            <MemberAdminActions memberId={open.memberId} onGone={() => setOpen(null)} />
            <Ledger memberId={open.memberId} />
            <MemberArchive memberId={open.memberId} />
          </Space>
        )}
      </Drawer>
    </section>
  );
}

function Ledger({ memberId }: { memberId: string }) {
  const { t, lang } = useI18n();
  const ledger = useQuery({
    queryKey: ['members', memberId, 'ledger'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/admin/members/{memberId}/ledger', { params: { path: { memberId }, query: { limit: 50 } } })),
  });
  return (
    <QueryState query={ledger}>
      {(l) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={{ xs: 1, sm: 3 }}>
            <Descriptions.Item label={t('members.balance')}>{formatPoints(l.points.balance, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('members.available')}>{formatPoints(l.points.available, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('members.pending')}>{formatPoints(l.points.pending, lang)}</Descriptions.Item>
          </Descriptions>
          <Table
            rowKey="id"
            size="small"
            dataSource={l.entries}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              { title: t('members.when'), render: (_, e) => formatDateTime(e.createdAt, lang) },
              { title: t('members.entryType'), render: (_, e) => t(`ledger.${e.type}`) },
              { title: t('common.points'), render: (_, e) => formatPoints(e.points, lang) },
              { title: t('members.balanceAfter'), render: (_, e) => formatPoints(e.balanceAfter, lang) },
              { title: t('members.reason'), render: (_, e) => e.note ?? e.refType },
            ]}
          />
        </Space>
      )}
    </QueryState>
  );
}

/** What the role may do to a member: adjust points (with a reason), add a note, freeze or replace the card. */
function MemberActions({ member }: { member: MemberRow }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const client = useQueryClient();
  const memberId = member.memberId;
  const card = member.card as { cardNo: string; status: string } | null;
  const done = () => void client.invalidateQueries({ queryKey: ['members'] });
  const adjust = useMutation({
    mutationFn: async (v: { points: number; reason: string }) =>
      unwrap(
        await api.POST('/api/v1/admin/members/{memberId}/adjustments', {
          params: { path: { memberId } },
          body: { ...v, idempotencyKey: crypto.randomUUID() },
        }),
      ),
    onSuccess: done,
  });
  const note = useMutation({
    mutationFn: async (v: { text: string }) =>
      unwrap(await api.POST('/api/v1/admin/members/{memberId}/notes', { params: { path: { memberId } }, body: v })),
    onSuccess: done,
  });
  const cardAction = useMutation({
    mutationFn: async (action: 'freeze' | 'replace') =>
      unwrap(await api.POST(`/api/v1/admin/cards/{cardNo}/${action}`, { params: { path: { cardNo: card!.cardNo } } })),
    onSuccess: done,
  });
  const error = adjust.error ?? note.error ?? cardAction.error;
  return (
    <Card size="small" title={t('common.actions')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {can('points.adjust') && (
          <Form layout="inline" onFinish={(v: { points: number; reason: string }) => adjust.mutate(v)}>
            <Form.Item label={t('members.adjustPoints')} name="points" rules={[{ required: true }]}>
              <InputNumber style={{ minWidth: 120 }} />
            </Form.Item>
            <Form.Item label={t('members.reason')} name="reason" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Button htmlType="submit" loading={adjust.isPending}>
              {t('members.adjust')}
            </Button>
          </Form>
        )}
        {can('members.write') && (
          <Form layout="inline" onFinish={(v: { text: string }) => note.mutate(v)}>
            <Form.Item label={t('members.note')} name="text" rules={[{ required: true }]}>
              <Input style={{ minWidth: 240 }} />
            </Form.Item>
            <Button htmlType="submit" loading={note.isPending}>
              {t('members.addNote')}
            </Button>
          </Form>
        )}
        {can('cards.manage') && card && (
          <Space wrap>
            <Typography.Text>
              {t('members.card')}: {card.cardNo} ({card.status})
            </Typography.Text>
            <Button onClick={() => cardAction.mutate('freeze')}>{t('members.freezeCard')}</Button>
            <Button onClick={() => cardAction.mutate('replace')}>{t('members.replaceCard')}</Button>
          </Space>
        )}
        {(adjust.isSuccess || note.isSuccess || cardAction.isSuccess) && <Alert type="success" title={t('members.done')} />}
        {error && <Alert type="error" role="alert" title={error.message} />}
      </Space>
    </Card>
  );
}

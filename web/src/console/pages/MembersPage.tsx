import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { components } from '../../api/schema';
import { api, unwrap } from '../../shared/api';
import { formatDateTime, formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { QueryState } from '../components/QueryState';

type MemberRow = components['schemas']['MemberSearchItemResponse'];

/** Search (card, phone, email or name) and a member's ledger with the reason of every entry. */
export function MembersPage() {
  const { t, lang } = useI18n();
  const [q, setQ] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
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
                  <a onClick={() => setOpenId(m.memberId)} role="button" tabIndex={0}>
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
      <Drawer open={openId !== null} onClose={() => setOpenId(null)} title={t('members.ledger')} size="large" destroyOnHidden>
        {openId && <Ledger memberId={openId} />}
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
          <Descriptions size="small" bordered column={3}>
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

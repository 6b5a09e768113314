import { Button, Drawer, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useDrawerSize } from '../components/drawerSize';
import { QueryState } from '../components/QueryState';
import { Ledger } from './Ledger';
import { MemberActions } from './MemberActions';
import { MemberAdminActions } from './MemberAdminActions';
import { MemberArchive } from './MemberArchive';
import { MemberTimeline } from '../voice/MemberTimeline';
import { useTierName } from '../names/useNames';
import { useMemberSearch, type MemberRow } from './queries';
import { SEGMENTS } from '../analytics/rfm-segments';

/**
 * Search (card, phone, email or name) and a member's ledger with the reason of every entry. ?rfmSegment=<key> (the
 * analytics page's "See members") keeps the members of that RFM segment, shown as a tag that removes the filter.
 */
export function MembersPage() {
  const { t, lang } = useI18n();
  const drawerSize = useDrawerSize();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<MemberRow | null>(null);
  // ?member=<id>: a member opened from another screen's list (a club's members), straight to the archive.
  const [params, setParams] = useSearchParams();
  const linked = params.get('member');
  const segment = SEGMENTS.find((s) => s.key === params.get('rfmSegment'));
  const members = useMemberSearch(q, segment?.key);
  const tierName = useTierName();
  /** Drops one query parameter and keeps the others (closing the archive keeps the segment filter, and back). */
  const without = (name: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.delete(name);
        return next;
      },
      { replace: true },
    );
  return (
    <section>
      <Typography.Title level={3}>{t('nav.members')}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('members.search')}
          placeholder={t('members.search')}
          allowClear
          enterButton={t('common.search')}
          onSearch={setQ}
          style={{ maxWidth: 480 }}
        />
        {segment && (
          <Tag
            color={segment.tag}
            closable
            onClose={() => without('rfmSegment')}
            closeIcon
            title={t('members.segmentFilterHint')}
            data-testid="segment-filter"
            style={{ fontSize: 14, padding: '4px 8px' }}
          >
            {t('members.segmentFilter', { name: t(segment.label) })}
          </Tag>
        )}
      </Space>
      <QueryState query={members} empty={(d) => d.pages[0].items.length === 0}>
        {(d) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Table<MemberRow>
              rowKey="memberId"
              dataSource={d.pages.flatMap((p) => p.items)}
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
                { title: t('members.tier'), render: (_, m) => <Tag>{tierName(m.tier.code)}</Tag> },
                { title: t('members.card'), render: (_, m) => m.card?.cardNo ?? '—' },
                { title: t('members.balance'), render: (_, m) => formatPoints(m.balance, lang) },
                { title: t('common.status'), render: (_, m) => t(`members.status.${m.status}`) },
              ]}
            />
            {members.hasNextPage && (
              <Button onClick={() => void members.fetchNextPage()} loading={members.isFetchingNextPage}>
                {t('members.more')}
              </Button>
            )}
          </Space>
        )}
      </QueryState>
      <Drawer open={open !== null} onClose={() => setOpen(null)} title={t('members.ledger')} size={drawerSize} destroyOnHidden>
        {open && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <MemberActions member={open} />
            <MemberAdminActions memberId={open.memberId} onGone={() => setOpen(null)} />
            <Ledger memberId={open.memberId} />
            <MemberArchive memberId={open.memberId} />
            <MemberTimeline memberId={open.memberId} />
          </Space>
        )}
      </Drawer>
      <Drawer
        open={linked !== null && open === null}
        onClose={() => without('member')}
        title={t('members.archive')}
        size={drawerSize}
        destroyOnHidden
      >
        {linked && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <MemberArchive memberId={linked} />
            <Ledger memberId={linked} />
            <MemberTimeline memberId={linked} />
          </Space>
        )}
      </Drawer>
    </section>
  );
}

import { Alert, Button, Card, Descriptions, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { QueryState } from '../components/QueryState';
import { useMemberDetail, useMemberHistory, useMemberNotes, useSetTags } from './queries';

/** The member's archive: profile, tags (editable by members.write), notes and the change history. */
export function MemberArchive({ memberId }: { memberId: string }) {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const detail = useMemberDetail(memberId);
  const notes = useMemberNotes(memberId);
  const history = useMemberHistory(memberId);
  const [newTag, setNewTag] = useState('');
  const setTags = useSetTags(memberId, () => setNewTag(''));
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

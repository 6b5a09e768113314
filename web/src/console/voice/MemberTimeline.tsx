import { Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { formatDateTime, formatMoney, formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { QueryState } from '../components/QueryState';
import { useTimeline, type TimelineItem } from './queries';
import { useVoiceText, type VoiceKey } from './text';

const KIND_COLOR: Record<string, string> = {
  purchase: 'blue',
  refund: 'orange',
  redemption: 'purple',
  exchange: 'purple',
  message: 'cyan',
  survey: 'green',
  complaint: 'red',
  tier: 'gold',
  club: 'geekblue',
  note: 'default',
};

/** A bilingual label "中文 / English" shown in the console's language. */
function pick(label: string | null, lang: string): string {
  if (!label || !label.includes(' / ')) {
    return label ?? '';
  }
  const [zh, en] = label.split(' / ');
  return lang === 'zh-CN' ? zh : en;
}

/** The member's one timeline: every interaction, newest first, a page at a time. */
export function MemberTimeline({ memberId }: { memberId: string }) {
  const tv = useVoiceText();
  const { lang } = useI18n();
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const cursor = cursors[cursors.length - 1];
  const page = useTimeline(memberId, cursor);
  return (
    <Card size="small" title={tv('t.title')} data-testid="member-timeline">
      <QueryState query={page} empty={(d) => d.items.length === 0}>
        {(d) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Table<TimelineItem>
              size="small"
              pagination={false}
              rowKey={(r) => `${r.kind}:${r.refId}`}
              dataSource={d.items}
              scroll={{ x: true }}
              columns={[
                { title: tv('t.when'), render: (_, r) => formatDateTime(r.at, lang) },
                { title: tv('t.what'), render: (_, r) => <Tag color={KIND_COLOR[r.kind]}>{tv(`t.kind.${r.kind}` as VoiceKey)}</Tag> },
                {
                  title: tv('t.details'),
                  render: (_, r) => [r.storeName, pick(r.label, lang), r.detail].filter(Boolean).join(' · '),
                },
                { title: tv('t.amount'), render: (_, r) => (r.amountCents === null ? '' : formatMoney(r.amountCents, lang)) },
                { title: tv('t.points'), render: (_, r) => (r.points === null ? '' : formatPoints(r.points, lang)) },
              ]}
            />
            <Space>
              {cursors.length > 1 && <Button onClick={() => setCursors(cursors.slice(0, -1))}>←</Button>}
              {d.nextCursor && <Button onClick={() => setCursors([...cursors, d.nextCursor])}>{tv('t.more')}</Button>}
            </Space>
          </Space>
        )}
      </QueryState>
    </Card>
  );
}

import { Button, Card, Space, Table, Tag } from 'antd';
import { useAuth } from '../auth';
import { RaiseComplaint } from './RaiseComplaint';
import { useState } from 'react';
import { formatDateTime, formatMoney, formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { QueryState } from '../components/QueryState';
import { useTimeline, type TimelineItem } from './queries';
import { pickName, useVoiceText, type VoiceKey } from './text';

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

/** Words for the codes a timeline row's detail carries (a state, a channel, a reason), in both languages. */
const WORDS: Record<string, { en: string; zh: string }> = {
  sms: { en: 'SMS', zh: '短信' },
  email: { en: 'email', zh: '邮件' },
  push: { en: 'push', zh: '推送' },
  log: { en: 'log', zh: '日志' },
  queued: { en: 'queued', zh: '待发送' },
  sending: { en: 'sending', zh: '发送中' },
  sent: { en: 'sent', zh: '已发送' },
  skipped: { en: 'not sent (no consent or address)', zh: '未发送（无授权或地址）' },
  failed: { en: 'failed', zh: '发送失败' },
  completed: { en: 'completed', zh: '已完成' },
  cancelled: { en: 'cancelled', zh: '已撤销' },
  active: { en: 'active', zh: '可用' },
  redeemed: { en: 'used', zh: '已使用' },
  expired: { en: 'expired', zh: '已过期' },
  void: { en: 'voided', zh: '已作废' },
  joined: { en: 'joined', zh: '加入' },
  left: { en: 'left', zh: '退出' },
  rule: { en: 'by the club rule', zh: '按规则' },
  member: { en: 'by the member', zh: '会员自行' },
  admin: { en: 'by staff', zh: '由工作人员' },
  invite: { en: 'invited', zh: '受邀' },
  enrolment: { en: 'on joining', zh: '入会' },
  manual: { en: 'granted by hand', zh: '人工授予' },
  purchase: { en: 'after a purchase', zh: '消费后' },
  review: { en: 'review', zh: '定期评审' },
  grant_expiry: { en: 'grant ended', zh: '授予到期' },
  merge: { en: 'merge', zh: '合并' },
};

/** The member's one timeline: every interaction, newest first, a page at a time. */
export function MemberTimeline({ memberId }: { memberId: string }) {
  const tv = useVoiceText();
  const { lang } = useI18n();
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const cursor = cursors[cursors.length - 1];
  const page = useTimeline(memberId, cursor);
  const { can } = useAuth();
  const [raising, setRaising] = useState(false);
  const word = (code: string) => WORDS[code]?.[lang === 'zh-CN' ? 'zh' : 'en'] ?? code;
  /** A row's detail in words: a complaint's step and state, a message's channel and state, a reason, a state. */
  const detail = (r: TimelineItem): string | null => {
    if (!r.detail || r.kind === 'survey') {
      return null;
    }
    if (r.kind === 'note') {
      return r.detail;
    }
    if (r.kind === 'complaint') {
      const [step, state] = r.detail.split(' ');
      return [tv(`step.${step}` as VoiceKey), state ? tv(`st.${state}` as VoiceKey) : null].filter(Boolean).join(' → ');
    }
    return r.detail.split(' ').map(word).join(' · ');
  };
  return (
    <Card
      size="small"
      title={tv('t.title')}
      data-testid="member-timeline"
      extra={
        can('complaints.manage') && (
          <Button size="small" onClick={() => setRaising(true)}>
            {tv('c.new')}
          </Button>
        )
      }
    >
      <RaiseComplaint open={raising} onClose={() => setRaising(false)} memberId={memberId} />
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
                  render: (_, r) => [r.storeName, pickName(r.label, lang), detail(r)].filter(Boolean).join(' · '),
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

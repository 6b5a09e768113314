import { Alert, Button, DatePicker, Drawer, Input, InputNumber, Modal, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatDateTime, formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { Chart } from '../components/Chart';
import { useDrawerSize } from '../components/drawerSize';
import { QueryState } from '../components/QueryState';
import {
  useComplaint,
  useComplaintActions,
  useComplaints,
  useCouponTemplates,
  useComplaintStats,
  type Complaint,
  type ComplaintFilter,
} from './queries';
import { RaiseComplaint } from './RaiseComplaint';
import { CATEGORIES, STATES, useVoiceText, type VoiceKey } from './text';

const STATE_COLOR: Record<string, string> = { open: 'blue', in_progress: 'gold', resolved: 'green', closed: 'default' };
/** The moves the server allows from each state (reopening within 14 days included). */
const MOVES: Record<string, string[]> = {
  open: ['in_progress', 'resolved'],
  in_progress: ['resolved'],
  resolved: ['closed', 'in_progress'],
  closed: ['in_progress'],
};

/** Complaint cases (list with filters, overdue flag, the case with its steps and service recovery) and the store archive's figures. */
export function ComplaintsPage() {
  const tv = useVoiceText();
  return (
    <section>
      <Typography.Title level={3}>{tv('c.title')}</Typography.Title>
      <Tabs
        items={[
          { key: 'cases', label: tv('c.cases'), children: <Cases /> },
          { key: 'archive', label: tv('c.archive'), children: <StoreArchive /> },
        ]}
      />
    </section>
  );
}

function Cases() {
  const tv = useVoiceText();
  const { lang } = useI18n();
  const { can } = useAuth();
  const drawerSize = useDrawerSize();
  const [filter, setFilter] = useState<ComplaintFilter>({});
  const [open, setOpen] = useState<string | null>(null);
  const [raising, setRaising] = useState(false);
  const cases = useComplaints(filter);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label={tv('c.state')}
          style={{ minWidth: 140 }}
          value={filter.state ?? ''}
          onChange={(v) => setFilter({ ...filter, state: (v || undefined) as ComplaintFilter['state'] })}
          options={[{ value: '', label: `${tv('c.state')}: ${tv('c.all')}` }, ...STATES.map((s) => ({ value: s, label: tv(`st.${s}`) }))]}
        />
        <Select
          aria-label={tv('c.category')}
          style={{ minWidth: 160 }}
          value={filter.category ?? ''}
          onChange={(v) => setFilter({ ...filter, category: (v || undefined) as ComplaintFilter['category'] })}
          options={[
            { value: '', label: `${tv('c.category')}: ${tv('c.all')}` },
            ...CATEGORIES.map((c) => ({ value: c, label: tv(`cat.${c}`) })),
          ]}
        />
        <Space>
          <Switch
            aria-label={tv('c.onlyOverdue')}
            checked={filter.overdue ?? false}
            onChange={(overdue) => setFilter({ ...filter, overdue })}
          />
          <span>{tv('c.onlyOverdue')}</span>
        </Space>
        <Input.Search
          aria-label={tv('c.search')}
          placeholder={tv('c.search')}
          allowClear
          onSearch={(q) => setFilter({ ...filter, q })}
          style={{ width: 260 }}
        />
        {can('complaints.manage') && (
          <Button type="primary" onClick={() => setRaising(true)}>
            {tv('c.new')}
          </Button>
        )}
      </Space>
      <QueryState query={cases} empty={(d) => d.items.length === 0}>
        {(d) => (
          <Table<Complaint>
            rowKey="complaintId"
            dataSource={d.items}
            pagination={false}
            scroll={{ x: true }}
            data-testid="complaints-table"
            columns={[
              {
                title: tv('c.caseNo'),
                render: (_, c) => (
                  <a role="button" tabIndex={0} onClick={() => setOpen(c.complaintId)}>
                    {c.caseNo}
                  </a>
                ),
              },
              { title: tv('c.member'), render: (_, c) => c.memberName ?? '—' },
              { title: tv('c.store'), render: (_, c) => c.storeName ?? '—' },
              { title: tv('c.category'), render: (_, c) => tv(`cat.${c.category}` as VoiceKey) },
              {
                title: tv('c.severity'),
                render: (_, c) => <Tag color={c.severity === 'high' ? 'red' : undefined}>{tv(`sev.${c.severity}` as VoiceKey)}</Tag>,
              },
              {
                title: tv('c.state'),
                render: (_, c) => (
                  <Space size={4}>
                    <Tag color={STATE_COLOR[c.state]}>{tv(`st.${c.state}` as VoiceKey)}</Tag>
                    {c.overdue && <Tag color="red">{tv('c.overdue')}</Tag>}
                  </Space>
                ),
              },
              { title: tv('c.due'), render: (_, c) => formatDateTime(c.dueAt, lang) },
            ]}
          />
        )}
      </QueryState>
      <Drawer open={open !== null} onClose={() => setOpen(null)} title={tv('c.caseNo')} size={drawerSize} destroyOnHidden>
        {open && <CaseView complaintId={open} />}
      </Drawer>
      <RaiseComplaint open={raising} onClose={() => setRaising(false)} />
    </Space>
  );
}

/** One case: its facts, every step with who and when, and what support can do (move, reply, apologise, give points). */
function CaseView({ complaintId }: { complaintId: string }) {
  const tv = useVoiceText();
  const { lang } = useI18n();
  const { can, me } = useAuth();
  const query = useComplaint(complaintId);
  const actions = useComplaintActions(complaintId);
  const [moveTo, setMoveTo] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [points, setPoints] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [rewardId, setRewardId] = useState<string | null>(null);
  const templates = useCouponTemplates();
  const error = [
    actions.move.error,
    actions.comment.error,
    actions.apologise.error,
    actions.goodwill.error,
    actions.coupon.error,
    actions.assign.error,
  ].find(Boolean);
  return (
    <QueryState query={query}>
      {(c) => (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="complaint-case">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {c.caseNo} <Tag color={STATE_COLOR[c.state]}>{tv(`st.${c.state}` as VoiceKey)}</Tag>
            {c.overdue && <Tag color="red">{tv('c.overdue')}</Tag>}
          </Typography.Title>
          <Table
            size="small"
            pagination={false}
            showHeader={false}
            rowKey="k"
            dataSource={[
              { k: tv('c.member'), v: `${c.memberName ?? '—'} ${c.memberPhone ?? ''}` },
              {
                k: tv('c.owner'),
                v: (
                  <Space wrap data-testid="complaint-owner">
                    <span>{c.ownerEmail ?? tv('c.noOwner')}</span>
                    {can('complaints.manage') && c.ownerId !== me.adminId && (
                      <Button
                        size="small"
                        loading={actions.assign.isPending}
                        onClick={() => actions.assign.mutate({ ownerId: me.adminId })}
                      >
                        {tv('c.takeCase')}
                      </Button>
                    )}
                  </Space>
                ),
              },
              { k: tv('c.store'), v: c.storeName ?? '—' },
              { k: tv('c.receipt'), v: c.receiptNo ?? '—' },
              { k: tv('c.category'), v: tv(`cat.${c.category}` as VoiceKey) },
              { k: tv('c.severity'), v: tv(`sev.${c.severity}` as VoiceKey) },
              { k: tv('c.due'), v: formatDateTime(c.dueAt, lang) },
              { k: tv('c.description'), v: c.description ?? '—' },
              { k: tv('c.goodwill'), v: tv('c.goodwillTotal', { points: formatPoints(c.goodwillPoints, lang) }) },
            ]}
            columns={[
              { dataIndex: 'k', width: 140, render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text> },
              { dataIndex: 'v' },
            ]}
          />
          <Typography.Title level={5}>{tv('c.steps')}</Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="stepId"
            dataSource={c.steps}
            data-testid="complaint-steps"
            columns={[
              { title: tv('t.when'), render: (_, s) => formatDateTime(s.at, lang) },
              {
                title: tv('t.what'),
                render: (_, s) => (
                  <span>
                    {tv(`step.${s.kind}` as VoiceKey)}
                    {s.toState && ` → ${tv(`st.${s.toState}` as VoiceKey)}`}
                    {s.points !== null && ` +${formatPoints(s.points, lang)}`}
                    {s.kind === 'assigned' && s.ownerEmail && ` → ${s.ownerEmail}`}
                  </span>
                ),
              },
              { title: tv('c.text'), render: (_, s) => s.text ?? '' },
              { title: tv('c.by'), render: (_, s) => (s.actorType === 'member' ? tv('c.member.self') : (s.actorEmail ?? '—')) },
            ]}
          />
          {can('complaints.manage') && (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Select
                  aria-label={tv('c.moveTo')}
                  placeholder={tv('c.moveTo')}
                  style={{ minWidth: 160 }}
                  value={moveTo}
                  onChange={setMoveTo}
                  options={(MOVES[c.state] ?? []).map((s) => ({ value: s, label: tv(`st.${s}` as VoiceKey) }))}
                />
                <Button
                  disabled={!moveTo}
                  loading={actions.move.isPending}
                  onClick={() =>
                    moveTo &&
                    actions.move.mutate({ state: moveTo as 'resolved', text: text || undefined }, { onSuccess: () => setMoveTo(null) })
                  }
                >
                  {tv('c.move')}
                </Button>
              </Space>
              <Input.TextArea
                aria-label={tv('c.text')}
                placeholder={tv('c.text')}
                rows={2}
                value={text}
                maxLength={2000}
                onChange={(e) => setText(e.target.value)}
              />
              <Space wrap>
                <Button
                  disabled={!text.trim()}
                  onClick={() => actions.comment.mutate({ kind: 'reply', text }, { onSuccess: () => setText('') })}
                >
                  {tv('c.reply')}
                </Button>
                <Button
                  disabled={!text.trim()}
                  onClick={() => actions.comment.mutate({ kind: 'note', text }, { onSuccess: () => setText('') })}
                >
                  {tv('c.note')}
                </Button>
                {c.apologySentAt ? (
                  <Tag color="green">{tv('c.apologySent', { time: formatDateTime(c.apologySentAt, lang) })}</Tag>
                ) : (
                  <Button
                    onClick={() =>
                      Modal.confirm({
                        title: tv('c.apology'),
                        content: tv('c.apologyConfirm', { name: c.memberName ?? '—', caseNo: c.caseNo }),
                        onOk: () => actions.apologise.mutateAsync({ locale: lang }),
                      })
                    }
                  >
                    {tv('c.apology')}
                  </Button>
                )}
              </Space>
              {can('points.adjust') && (
                <Space wrap data-testid="goodwill-form">
                  <Typography.Text strong>{tv('c.goodwill')}</Typography.Text>
                  <InputNumber
                    aria-label={tv('c.goodwillPoints')}
                    placeholder={tv('c.goodwillPoints')}
                    min={1}
                    max={1_000_000}
                    value={points}
                    onChange={(v) => setPoints(v)}
                  />
                  <Input
                    aria-label={tv('c.goodwillReason')}
                    placeholder={tv('c.goodwillReason')}
                    value={reason}
                    maxLength={500}
                    onChange={(e) => setReason(e.target.value)}
                    style={{ width: 220 }}
                  />
                  <Button
                    disabled={!points || !reason.trim()}
                    onClick={() => {
                      // One key per confirmation: pressing OK again (or a retry) posts the points once.
                      const idempotencyKey = crypto.randomUUID().replace(/-/g, '');
                      Modal.confirm({
                        title: tv('c.goodwillGive'),
                        content: tv('c.goodwillConfirm', {
                          points: formatPoints(points ?? 0, lang),
                          name: c.memberName ?? '—',
                          caseNo: c.caseNo,
                        }),
                        onOk: async () => {
                          const r = await actions.goodwill.mutateAsync({ points: points ?? 0, reason, idempotencyKey });
                          setDone(
                            tv('c.goodwillDone', { points: formatPoints(r.points, lang), balance: formatPoints(r.balanceAfter, lang) }),
                          );
                          setPoints(null);
                          setReason('');
                        },
                      });
                    }}
                  >
                    {tv('c.goodwillGive')}
                  </Button>
                </Space>
              )}
              {c.steps.every((s) => s.kind !== 'coupon') && (
                <Space wrap data-testid="coupon-form">
                  <Typography.Text strong>{tv('c.coupon')}</Typography.Text>
                  <Select
                    aria-label={tv('c.couponPick')}
                    placeholder={tv('c.couponPick')}
                    style={{ minWidth: 220 }}
                    value={rewardId}
                    onChange={setRewardId}
                    options={(templates.data ?? []).map((r) => ({ value: r.rewardId, label: lang === 'zh-CN' ? r.nameZh : r.nameEn }))}
                  />
                  <Button
                    disabled={!rewardId}
                    onClick={() => {
                      const reward = templates.data?.find((r) => r.rewardId === rewardId);
                      Modal.confirm({
                        title: tv('c.coupon'),
                        content: tv('c.couponConfirm', {
                          name: c.memberName ?? '—',
                          reward: (lang === 'zh-CN' ? reward?.nameZh : reward?.nameEn) ?? '',
                          caseNo: c.caseNo,
                        }),
                        onOk: () => actions.coupon.mutateAsync({ rewardId: rewardId ?? '' }).then(() => setRewardId(null)),
                      });
                    }}
                  >
                    {tv('c.coupon')}
                  </Button>
                </Space>
              )}
              {done && <Alert type="success" title={done} />}
              {error && <Alert type="error" role="alert" title={error.message} />}
            </Space>
          )}
        </Space>
      )}
    </QueryState>
  );
}

function StoreArchive() {
  const tv = useVoiceText();
  const { lang } = useI18n();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(30, 'day').startOf('day'), dayjs().add(1, 'day').startOf('day')]);
  const stats = useComplaintStats(range[0].format(), range[1].format());
  const chartOption = (rows: Array<{ storeName: string | null; perThousandReceipts: number | null }>) => ({
    tooltip: {},
    grid: { left: 120, right: 24, top: 16, bottom: 24 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: rows.map((r) => r.storeName ?? tv('c.noStore')) },
    series: [
      { type: 'bar', name: tv('c.perThousand'), data: rows.map((r) => r.perThousandReceipts ?? 0), itemStyle: { color: '#cf1322' } },
    ],
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <DatePicker.RangePicker
        aria-label={`${tv('c.from')} – ${tv('c.to')}`}
        value={range}
        onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])}
      />
      <QueryState query={stats}>
        {(s) => (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="complaint-stats">
            <Space size="large" wrap>
              <Typography.Text>
                {tv('c.complaints')}: <strong>{s.complaints}</strong>
              </Typography.Text>
              <Typography.Text>
                {tv('c.medianAnswer')}: <strong>{s.medianHoursToFirstAnswer ?? '—'}</strong>
              </Typography.Text>
              <Typography.Text>
                {tv('c.medianResolve')}: <strong>{s.medianHoursToResolution ?? '—'}</strong>
              </Typography.Text>
            </Space>
            {s.byStore.length > 0 && (
              <Chart
                label={tv('c.rateChart')}
                option={chartOption(s.byStore.filter((r) => r.storeId !== null))}
                height={Math.max(160, 40 * s.byStore.length)}
                testId="complaint-rate-chart"
              />
            )}
            <Table
              rowKey={(r) => `${r.storeId ?? ''}:${r.category}`}
              size="small"
              pagination={false}
              dataSource={s.byStoreAndCategory}
              columns={[
                { title: tv('c.store'), render: (_, r) => r.storeName ?? tv('c.noStore') },
                { title: tv('c.category'), render: (_, r) => tv(`cat.${r.category}` as VoiceKey) },
                { title: tv('c.complaints'), dataIndex: 'complaints' },
                { title: tv('c.receipts'), render: (_, r) => formatPoints(r.receipts, lang) },
                { title: tv('c.perThousand'), render: (_, r) => r.perThousandReceipts ?? '—' },
              ]}
            />
          </Space>
        )}
      </QueryState>
    </Space>
  );
}

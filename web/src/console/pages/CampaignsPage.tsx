import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Input,
  InputNumber,
  Progress,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { components } from '../../api/schema';
import { api, unwrap } from '../../shared/api';
import { formatDateTime, formatMoney, formatPercent, formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { useDrawerSize } from '../components/drawerSize';
import { Chart } from '../components/Chart';
import { QueryState } from '../components/QueryState';
import { fetchAllClubs } from '../clubs/allClubs';

type Campaign = components['schemas']['CampaignResponse'];
type CampaignBody = components['schemas']['CreateCampaignDto'];

export function CampaignsPage() {
  const { t, lang } = useI18n();
  const drawerSize = useDrawerSize();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const { can } = useAuth();
  const campaigns = useQuery({
    queryKey: ['campaigns'],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/campaigns', { params: { query: { limit: 100 } } })),
  });
  return (
    <section>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3}>{t('nav.campaigns')}</Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('campaigns.new')}
        </Button>
      </Space>
      {can('campaigns.approve') && <PendingApprovals onOpen={setOpenId} />}
      <QueryState query={campaigns} empty={(d) => d.items.length === 0}>
        {(d) => (
          <Table<Campaign>
            rowKey="campaignId"
            dataSource={d.items}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              {
                title: t('common.name'),
                render: (_, c) => (
                  <Button type="link" onClick={() => setOpenId(c.campaignId)}>
                    {c.name}
                  </Button>
                ),
              },
              { title: t('common.status'), render: (_, c) => <StateTag state={c.state} /> },
              { title: t('campaigns.schedule'), render: (_, c) => t(`campaigns.schedule.${c.schedule.kind}`) },
              { title: t('common.created'), render: (_, c) => formatDateTime(c.createdAt, lang) },
            ]}
          />
        )}
      </QueryState>
      <Drawer open={creating} onClose={() => setCreating(false)} title={t('campaigns.new')} size={drawerSize} destroyOnHidden>
        <CampaignWizard
          onLaunched={(id) => {
            setCreating(false);
            setOpenId(id);
          }}
        />
      </Drawer>
      <Drawer open={openId !== null} onClose={() => setOpenId(null)} title={t('campaigns.detail')} size={drawerSize} destroyOnHidden>
        {openId && <CampaignDetail campaignId={openId} />}
      </Drawer>
    </section>
  );
}

function StateTag({ state }: { state: Campaign['state'] }) {
  const { t } = useI18n();
  const color = {
    draft: 'default',
    pending_approval: 'gold',
    scheduled: 'blue',
    running: 'processing',
    completed: 'success',
    paused: 'warning',
    cancelled: 'default',
    failed: 'error',
    active: 'green',
    ended: 'default',
  }[state];
  return (
    <Tag color={color} data-testid="campaign-state">
      {t(`campaigns.state.${state}`)}
    </Tag>
  );
}

/** Maker-checker: campaigns above the program limits, for users with campaigns.approve (never their own). */
function PendingApprovals({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, lang } = useI18n();
  const pending = useQuery({
    queryKey: ['campaigns', 'pending_approval'],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/campaigns', { params: { query: { limit: 100, state: 'pending_approval' } } })),
  });
  if (!pending.data || pending.data.items.length === 0) {
    return null;
  }
  return (
    <Card size="small" title={t('campaigns.pendingApprovals')} data-testid="pending-approvals" style={{ marginBottom: 16 }}>
      <Table<Campaign>
        rowKey="campaignId"
        dataSource={pending.data.items}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          {
            title: t('common.name'),
            render: (_, c) => (
              <Button type="link" onClick={() => onOpen(c.campaignId)}>
                {c.name}
              </Button>
            ),
          },
          { title: t('campaigns.askedPoints'), render: (_, c) => formatPoints(c.approval?.askedPoints ?? 0, lang) },
          { title: t('common.created'), render: (_, c) => formatDateTime(c.createdAt, lang) },
          { title: '', render: (_, c) => <ApprovalButtons campaign={c} /> },
        ]}
      />
    </Card>
  );
}

/** Approve, or reject with a reason; the author of the campaign sees why they cannot. */
function ApprovalButtons({ campaign }: { campaign: Campaign }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const path = { params: { path: { id: campaign.campaignId } } };
  const decide = useMutation({
    mutationFn: async (decision: 'approve' | 'reject') =>
      decision === 'approve'
        ? unwrap(await api.POST('/api/v1/admin/campaigns/{id}/approve', path))
        : unwrap(await api.POST('/api/v1/admin/campaigns/{id}/reject', { ...path, body: reason.trim() ? { reason: reason.trim() } : {} })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['campaigns'] }),
  });
  if (campaign.createdBy === me.adminId || campaign.approval?.submittedBy === me.adminId) {
    return <Typography.Text type="secondary">{t('campaigns.ownCampaign')}</Typography.Text>;
  }
  return (
    <Space wrap>
      <Button type="primary" onClick={() => decide.mutate('approve')} loading={decide.isPending}>
        {t('campaigns.approve')}
      </Button>
      <Input
        aria-label={t('campaigns.rejectReason')}
        placeholder={t('campaigns.rejectReason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        style={{ minWidth: 200 }}
      />
      <Button danger onClick={() => decide.mutate('reject')} loading={decide.isPending}>
        {t('campaigns.reject')}
      </Button>
      {decide.error && <Typography.Text type="danger">{decide.error.message}</Typography.Text>}
    </Space>
  );
}

interface Draft {
  name: string;
  clubIds: string[];
  tierCodes: string[];
  grantPoints: number | null;
  grantReason: string;
  messageOn: boolean;
  channel: 'sms' | 'email' | 'push';
  template: string | null;
  scheduleKind: 'now' | 'at' | 'cron';
  at: string | null;
  cron: string;
  timezone: string;
  budgetPoints: number | null;
  holdoutPercent: number;
}

/** The time zones offered for a repeating schedule (IANA names; the server defaults to Asia/Shanghai). */
const TIMEZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
];

function toBody(d: Draft): CampaignBody {
  const include: CampaignBody['audience']['include'] = [];
  if (d.clubIds.length > 0) {
    include.push({ type: 'club', clubIds: d.clubIds });
  }
  if (d.tierCodes.length > 0) {
    include.push({ type: 'tier', codes: d.tierCodes });
  }
  return {
    name: d.name,
    audience: { include, requireAll: false },
    ...(d.grantPoints ? { grant: { points: d.grantPoints, reason: d.grantReason || d.name } } : {}),
    ...(d.messageOn && d.template ? { message: { channel: d.channel, template: d.template } } : {}),
    schedule:
      d.scheduleKind === 'at' && d.at
        ? { kind: 'at', at: d.at }
        : d.scheduleKind === 'cron' && d.cron.trim()
          ? { kind: 'cron', cron: d.cron.trim(), timezone: d.timezone }
          : { kind: 'now' },
    budgetPoints: d.budgetPoints,
    holdoutPermille: Math.round(d.holdoutPercent * 10),
  };
}

/** Audience (live size and cost) → action → template preview → schedule, budget, holdout → launch. A draft is saved as soon as there is an audience. */
function CampaignWizard({ onLaunched }: { onLaunched: (id: string) => void }) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<Draft>({
    name: '',
    clubIds: [],
    tierCodes: [],
    grantPoints: 100,
    grantReason: '',
    messageOn: false,
    channel: 'sms',
    template: null,
    scheduleKind: 'now',
    at: null,
    cron: '0 9 * * 1',
    timezone: 'Asia/Shanghai',
    budgetPoints: null,
    holdoutPercent: 0,
  });
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const draftId = useRef<string | null>(null);
  const clubs = useQuery({
    queryKey: ['clubs'],
    queryFn: fetchAllClubs,
  });
  const tiers = useQuery({ queryKey: ['tiers'], queryFn: async () => unwrap(await api.GET('/api/v1/admin/tiers')) });
  const templates = useQuery({
    queryKey: ['message-templates'],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/message-templates')),
  });
  const body = useMemo(() => toBody(draft), [draft]);
  const [debounced, setDebounced] = useState(body);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(body), 400);
    return () => clearTimeout(timer);
  }, [body]);
  const hasAudience = (debounced.audience.include as unknown[]).length > 0 && debounced.name.trim().length > 0;
  /** Saves the draft (create once, then update) and previews it: size, holdout, targeted, points. */
  const preview = useQuery({
    queryKey: ['campaign-preview', debounced],
    enabled: hasAudience,
    retry: false,
    queryFn: async () => {
      if (draftId.current === null) {
        draftId.current = unwrap(await api.POST('/api/v1/admin/campaigns', { body: debounced })).campaignId;
        void client.invalidateQueries({ queryKey: ['campaigns'] });
      } else {
        unwrap(await api.PATCH('/api/v1/admin/campaigns/{id}', { params: { path: { id: draftId.current } }, body: debounced }));
      }
      return unwrap(await api.POST('/api/v1/admin/campaigns/{id}/preview', { params: { path: { id: draftId.current } } }));
    },
  });
  const templatePreview = useQuery({
    queryKey: ['template-preview', draft.template],
    enabled: draft.messageOn && draft.template !== null,
    queryFn: async () =>
      unwrap(
        await api.POST('/api/v1/admin/message-templates/{code}/preview', {
          params: { path: { code: draft.template! } },
          body: {},
        }),
      ),
  });
  const launch = useMutation({
    mutationFn: async () => {
      const id = draftId.current;
      if (!id) {
        throw new Error(t('campaigns.needAudience'));
      }
      unwrap(await api.PATCH('/api/v1/admin/campaigns/{id}', { params: { path: { id } }, body }));
      unwrap(await api.POST('/api/v1/admin/campaigns/{id}/launch', { params: { path: { id } } }));
      return id;
    },
    onSuccess: async (id) => {
      await client.invalidateQueries({ queryKey: ['campaigns'] });
      onLaunched(id);
    },
  });
  const steps = [
    t('campaigns.step.audience'),
    t('campaigns.step.action'),
    t('campaigns.step.template'),
    t('campaigns.step.schedule'),
    t('campaigns.step.launch'),
  ];
  const channelTemplates = (templates.data?.templates ?? []).filter((tpl) => tpl.channel === draft.channel);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Steps current={step} size="small" items={steps.map((title) => ({ title }))} />
      {step === 0 && (
        <>
          <label>
            {t('common.name')}
            <Input value={draft.name} onChange={(e) => set({ name: e.target.value })} aria-label={t('common.name')} />
          </label>
          <label>
            {t('campaigns.clubs')}
            <Select
              mode="multiple"
              aria-label={t('campaigns.clubs')}
              style={{ width: '100%' }}
              value={draft.clubIds}
              onChange={(clubIds: string[]) => set({ clubIds })}
              optionFilterProp="label"
              options={(clubs.data?.clubs ?? []).map((c) => ({
                value: c.clubId,
                label: `${c.code} · ${lang === 'zh-CN' ? c.nameZh : c.nameEn}`,
              }))}
            />
          </label>
          <div>
            <Typography.Text id="campaign-tiers">{t('campaigns.tiers')}</Typography.Text>
            <div>
              <Checkbox.Group
                aria-labelledby="campaign-tiers"
                value={draft.tierCodes}
                onChange={(v) => set({ tierCodes: v })}
                options={(tiers.data?.tiers ?? []).map((tier) => ({ value: tier.code, label: tier.code }))}
              />
            </div>
          </div>
        </>
      )}
      {step === 1 && (
        <>
          <Card size="small" title={t('campaigns.grant')}>
            <Space wrap>
              <InputNumber
                style={{ minWidth: 200 }}
                aria-label={t('campaigns.grantPoints')}
                prefix={t('campaigns.grantPoints')}
                min={0}
                max={1_000_000}
                value={draft.grantPoints}
                onChange={(n) => set({ grantPoints: n })}
              />
              <Input
                aria-label={t('campaigns.grantReason')}
                placeholder={t('campaigns.grantReason')}
                value={draft.grantReason}
                onChange={(e) => set({ grantReason: e.target.value })}
              />
            </Space>
          </Card>
          <Card
            size="small"
            title={
              <Checkbox checked={draft.messageOn} onChange={(e) => set({ messageOn: e.target.checked })}>
                {t('campaigns.sendMessage')}
              </Checkbox>
            }
          >
            {draft.messageOn && (
              <Space wrap>
                <Radio.Group
                  aria-label={t('campaigns.channel')}
                  value={draft.channel}
                  onChange={(e) => set({ channel: e.target.value as Draft['channel'], template: null })}
                  options={(['sms', 'email', 'push'] as const).map((c) => ({ value: c, label: t(`channel.${c}`) }))}
                  optionType="button"
                />
                <Select
                  aria-label={t('campaigns.template')}
                  placeholder={t('campaigns.template')}
                  style={{ minWidth: 240 }}
                  value={draft.template}
                  onChange={(template: string) => set({ template })}
                  showSearch
                  optionFilterProp="label"
                  options={channelTemplates.map((tpl) => ({ value: tpl.code, label: tpl.code }))}
                />
              </Space>
            )}
          </Card>
        </>
      )}
      {step === 2 &&
        (draft.messageOn && draft.template ? (
          <QueryState query={templatePreview}>
            {(p) => (
              <Row gutter={[16, 16]}>
                {(['zh-CN', 'en'] as const).map((l) => (
                  <Col xs={24} md={12} key={l}>
                    <Card size="small" title={l === 'zh-CN' ? '简体中文' : 'English'} data-testid={`template-preview-${l}`}>
                      {p[l].subject && <Typography.Text strong>{p[l].subject}</Typography.Text>}
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p[l].text}</Typography.Paragraph>
                    </Card>
                  </Col>
                ))}
              </Row>
            )}
          </QueryState>
        ) : (
          <Alert type="info" title={t('campaigns.noMessage')} />
        ))}
      {step === 3 && (
        <Space orientation="vertical">
          <Radio.Group
            aria-label={t('campaigns.schedule')}
            value={draft.scheduleKind}
            onChange={(e) => set({ scheduleKind: e.target.value as Draft['scheduleKind'] })}
            options={[
              { value: 'now', label: t('campaigns.schedule.now') },
              { value: 'at', label: t('campaigns.schedule.at') },
              { value: 'cron', label: t('campaigns.schedule.cron') },
            ]}
          />
          {draft.scheduleKind === 'at' && (
            <DatePicker showTime aria-label={t('campaigns.schedule.at')} onChange={(d) => set({ at: d ? d.toISOString() : null })} />
          )}
          {draft.scheduleKind === 'cron' && (
            <Space wrap>
              <Input
                aria-label={t('campaigns.cron')}
                placeholder={t('campaigns.cron')}
                value={draft.cron}
                onChange={(e) => set({ cron: e.target.value })}
                style={{ minWidth: 260 }}
              />
              <Select
                aria-label={t('campaigns.timezone')}
                value={draft.timezone}
                onChange={(tz: string) => set({ timezone: tz })}
                style={{ minWidth: 200 }}
                showSearch
                options={TIMEZONES.map((tz) => ({ value: tz, label: tz }))}
              />
              <Typography.Text type="secondary">{t('campaigns.cronHelp')}</Typography.Text>
            </Space>
          )}
          <InputNumber
            aria-label={t('campaigns.budget')}
            prefix={t('campaigns.budget')}
            min={0}
            value={draft.budgetPoints}
            onChange={(n) => set({ budgetPoints: n })}
            style={{ minWidth: 260 }}
          />
          <InputNumber
            aria-label={t('campaigns.holdout')}
            prefix={t('campaigns.holdout')}
            suffix="%"
            min={0}
            max={50}
            step={1}
            value={draft.holdoutPercent}
            onChange={(n) => set({ holdoutPercent: n ?? 0 })}
            style={{ minWidth: 260 }}
          />
        </Space>
      )}
      {step === 4 && (
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('common.name')}>{draft.name}</Descriptions.Item>
          <Descriptions.Item label={t('campaigns.grantPoints')}>{formatPoints(draft.grantPoints ?? 0, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('campaigns.sendMessage')}>
            {draft.messageOn && draft.template ? `${t(`channel.${draft.channel}`)} · ${draft.template}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('campaigns.schedule')}>
            {t(`campaigns.schedule.${draft.scheduleKind}`)}
            {draft.scheduleKind === 'cron' && ` · ${draft.cron} (${draft.timezone})`}
          </Descriptions.Item>
          <Descriptions.Item label={t('campaigns.holdout')}>{draft.holdoutPercent}%</Descriptions.Item>
        </Descriptions>
      )}
      <Card size="small" title={t('campaigns.livePreview')} data-testid="campaign-preview">
        {!hasAudience ? (
          <Typography.Text type="secondary">{t('campaigns.needAudience')}</Typography.Text>
        ) : preview.error ? (
          <Typography.Text type="danger">{preview.error.message}</Typography.Text>
        ) : (
          <Row gutter={16}>
            <Col span={6}>
              <Statistic title={t('campaigns.size')} value={preview.data?.size ?? '…'} data-testid="preview-size" />
            </Col>
            <Col span={6}>
              <Statistic title={t('campaigns.holdoutCount')} value={preview.data?.holdout ?? '…'} />
            </Col>
            <Col span={6}>
              <Statistic title={t('campaigns.targeted')} value={preview.data?.targeted ?? '…'} />
            </Col>
            <Col span={6}>
              <Statistic
                title={t('campaigns.cost')}
                value={preview.data ? formatPoints(preview.data.estimatedPoints, lang) : '…'}
                data-testid="preview-cost"
              />
            </Col>
          </Row>
        )}
      </Card>
      {preview.data?.needsApproval && <Alert type="warning" title={t('campaigns.needsApproval')} data-testid="needs-approval" />}
      {launch.error && <Alert type="error" role="alert" title={launch.error.message} />}
      <Space>
        {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('common.back')}</Button>}
        {step < 4 && (
          <Button type="primary" onClick={() => setStep(step + 1)} disabled={step === 0 && !hasAudience}>
            {t('common.next')}
          </Button>
        )}
        {step === 4 && (
          <Button type="primary" onClick={() => launch.mutate()} loading={launch.isPending} disabled={!draftId.current}>
            {t('campaigns.launch')}
          </Button>
        )}
      </Space>
    </Space>
  );
}

/** A group's figures in the results; rates are null for an empty group (a holdout of 0%). */
interface Group {
  members: number;
  buyers: number;
  purchases: number;
  spendCents: number;
  purchaseRate: number | null;
  spendPerMemberCents: number | null;
}

const orDash = <T,>(value: T | null | undefined, show: (v: T) => string) => (value === null || value === undefined ? '—' : show(value));

/** An admin raises a launched campaign's budget cap (only upwards): a capped bonus rule pays again at once. */
function RaiseBudget({ campaignId, capPoints, spentPoints }: { campaignId: string; capPoints: number; spentPoints: number }) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const [cap, setCap] = useState<number | null>(null);
  const raise = useMutation({
    mutationFn: async (newCap: number) =>
      unwrap(await api.POST('/api/v1/admin/campaigns/{id}/budget', { params: { path: { id: campaignId } }, body: { capPoints: newCap } })),
    onSuccess: () => {
      setCap(null);
      void client.invalidateQueries({ queryKey: ['campaigns'] });
    },
  });
  return (
    <Space wrap>
      <Typography.Text data-testid="campaign-budget">
        {t('campaigns.budget')}: {formatPoints(spentPoints, lang)} / {formatPoints(capPoints, lang)}
      </Typography.Text>
      <InputNumber
        aria-label={t('campaigns.newCap')}
        min={capPoints + 1}
        precision={0}
        value={cap}
        onChange={(n) => setCap(n)}
        placeholder={t('campaigns.newCap')}
        style={{ width: 200 }}
      />
      <Button onClick={() => cap !== null && raise.mutate(cap)} disabled={cap === null || cap <= capPoints} loading={raise.isPending}>
        {t('campaigns.raiseBudget')}
      </Button>
      {raise.error && <Alert type="error" role="alert" title={raise.error.message} />}
    </Space>
  );
}

function CampaignDetail({ campaignId }: { campaignId: string }) {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const client = useQueryClient();
  const path = { params: { path: { id: campaignId } } };
  const campaign = useQuery({
    queryKey: ['campaigns', campaignId],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/campaigns/{id}', path)),
  });
  const results = useQuery({
    queryKey: ['campaigns', campaignId, 'results'],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/campaigns/{id}/results', path)),
    refetchInterval: (q) => {
      const r = q.state.data;
      return r && r.state !== 'running' && (r.progress === null || r.progress.state !== 'running') ? false : 1000;
    },
  });
  const act = useMutation({
    mutationFn: async (action: 'launch' | 'pause' | 'resume' | 'cancel') => {
      const route = `/api/v1/admin/campaigns/{id}/${action}` as const;
      return unwrap(await api.POST(route, path));
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['campaigns'] }),
  });
  return (
    <QueryState query={campaign}>
      {(c) => {
        const state = results.data?.state ?? c.state;
        const progress = results.data?.progress as { percent?: number; done?: number; total?: number } | null | undefined;
        const percent = progress?.percent ?? (['completed', 'active', 'ended'].includes(state) ? 100 : 0);
        const targeted = results.data?.targeted as unknown as Group | undefined;
        const holdout = results.data?.holdoutGroup as unknown as Group | undefined;
        return (
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            <Space wrap>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {c.name}
              </Typography.Title>
              <StateTag state={state as Campaign['state']} />
            </Space>
            <Space wrap>
              {state === 'draft' && <Button onClick={() => act.mutate('launch')}>{t('campaigns.launch')}</Button>}
              {['running', 'scheduled', 'active', 'ended'].includes(state) && (
                <Button onClick={() => act.mutate('pause')}>{t('campaigns.pause')}</Button>
              )}
              {state === 'paused' && <Button onClick={() => act.mutate('resume')}>{t('campaigns.resume')}</Button>}
              {state === 'pending_approval' && can('campaigns.approve') && <ApprovalButtons campaign={c} />}
              {['draft', 'pending_approval', 'scheduled', 'running', 'paused', 'active', 'ended'].includes(state) && (
                <Button danger onClick={() => act.mutate('cancel')}>
                  {t('campaigns.cancelCampaign')}
                </Button>
              )}
            </Space>
            {act.error && <Alert type="error" role="alert" title={act.error.message} />}
            {can('campaigns.budget') &&
              c.budget?.capPoints !== null &&
              c.budget?.capPoints !== undefined &&
              ['scheduled', 'running', 'paused', 'active', 'ended'].includes(state) && (
                <RaiseBudget campaignId={campaignId} capPoints={c.budget.capPoints} spentPoints={c.budget.spentPoints} />
              )}
            <div>
              <Typography.Text id="campaign-progress-label">{t('campaigns.progress')}</Typography.Text>
              <Progress
                percent={percent}
                aria-labelledby="campaign-progress-label"
                data-testid="campaign-progress"
                data-percent={percent}
              />
            </div>
            {results.data && (
              <>
                <Row gutter={[16, 16]}>
                  <Col xs={12} md={6}>
                    <Statistic
                      title={t('campaigns.pointsGranted')}
                      value={formatPoints(results.data.pointsGranted, lang)}
                      data-testid="points-granted"
                    />
                  </Col>
                  <Col xs={12} md={6}>
                    <Statistic title={t('campaigns.delivered')} value={formatPoints(results.data.delivered, lang)} />
                  </Col>
                  <Col xs={12} md={6}>
                    <Statistic title={t('campaigns.holdoutCount')} value={formatPoints(results.data.holdout, lang)} />
                  </Col>
                  <Col xs={12} md={6}>
                    <Statistic title={t('campaigns.messages')} value={formatPoints(results.data.messages, lang)} />
                  </Col>
                </Row>
                {targeted && holdout && (
                  <Card size="small" title={t('campaigns.uplift', { days: results.data.afterDays })}>
                    <Chart
                      label={t('campaigns.upliftChart')}
                      testId="uplift-chart"
                      option={{
                        tooltip: {},
                        legend: {},
                        xAxis: { type: 'category', data: [t('campaigns.purchaseRate'), t('campaigns.spendPerMember')] },
                        yAxis: [{ type: 'value' }],
                        series: [
                          {
                            name: t('campaigns.targetedGroup'),
                            type: 'bar',
                            data: [(targeted.purchaseRate ?? 0) * 100, (targeted.spendPerMemberCents ?? 0) / 100],
                          },
                          {
                            name: t('campaigns.holdoutGroup'),
                            type: 'bar',
                            data: [(holdout.purchaseRate ?? 0) * 100, (holdout.spendPerMemberCents ?? 0) / 100],
                          },
                        ],
                      }}
                    />
                    <Descriptions size="small" column={1}>
                      <Descriptions.Item label={t('campaigns.purchaseRate')}>
                        {orDash(targeted.purchaseRate, (v) => formatPercent(v, lang))} /{' '}
                        {orDash(holdout.purchaseRate, (v) => formatPercent(v, lang))}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('campaigns.spendPerMember')}>
                        {orDash(targeted.spendPerMemberCents, (v) => formatMoney(v, lang))} /{' '}
                        {orDash(holdout.spendPerMemberCents, (v) => formatMoney(v, lang))}
                      </Descriptions.Item>
                    </Descriptions>
                  </Card>
                )}
              </>
            )}
          </Space>
        );
      }}
    </QueryState>
  );
}

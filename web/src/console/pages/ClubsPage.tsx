import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Drawer, Form, Input, Radio, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { components } from '../../api/schema';
import { api, unwrap } from '../../shared/api';
import { formatDateTime, formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { useDrawerSize } from '../components/drawerSize';
import { RuleBuilder } from '../clubs/RuleBuilder';
import { sizesByMonth } from '../clubs/growth';
import { incompleteConditions, ruleInWords, type ClubRule } from '../clubs/rule';
import { Chart } from '../components/Chart';
import { JobProgress } from '../components/JobProgress';
import { QueryState } from '../components/QueryState';
import { fetchAllClubs } from '../clubs/allClubs';

type Club = components['schemas']['ClubResponse'];

export function ClubsPage() {
  const { t, lang } = useI18n();
  const drawerSize = useDrawerSize();
  const { can } = useAuth();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const clubs = useQuery({
    queryKey: ['clubs'],
    queryFn: fetchAllClubs,
  });
  return (
    <section>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3}>{t('nav.clubs')}</Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('clubs.new')}
        </Button>
      </Space>
      <QueryState query={clubs} empty={(d) => d.clubs.length === 0}>
        {(d) => (
          <Table<Club>
            rowKey="clubId"
            dataSource={d.clubs}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              { title: t('common.code'), dataIndex: 'code' },
              {
                title: t('common.name'),
                render: (_, c) => (
                  <Button type="link" onClick={() => setOpenId(c.clubId)}>
                    {lang === 'zh-CN' ? c.nameZh : c.nameEn}
                  </Button>
                ),
              },
              { title: t('clubs.joinPolicy'), render: (_, c) => t(`clubs.policy.${c.joinPolicy}`) },
              { title: t('common.status'), render: (_, c) => <Tag>{t(`clubs.status.${c.status}`)}</Tag> },
              { title: t('clubs.rule'), render: (_, c) => (c.ruleText ? (lang === 'zh-CN' ? c.ruleText.zhCN : c.ruleText.en) : '—') },
            ]}
          />
        )}
      </QueryState>
      {can('analytics.read') && <ClubsGrowthChart />}
      <Drawer open={creating} onClose={() => setCreating(false)} title={t('clubs.new')} size={drawerSize} destroyOnHidden>
        <NewClubForm
          onCreated={(club) => {
            setCreating(false);
            setOpenId(club.clubId);
          }}
        />
      </Drawer>
      <Drawer open={openId !== null} onClose={() => setOpenId(null)} title={t('clubs.detail')} size={drawerSize} destroyOnHidden>
        {openId && <ClubDetail clubId={openId} />}
      </Drawer>
    </section>
  );
}

interface NewClub {
  code: string;
  nameZh: string;
  nameEn: string;
  joinPolicy: 'open' | 'invite' | 'automatic';
  dropUnmatched: boolean;
}

function NewClubForm({ onCreated }: { onCreated: (club: Club) => void }) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<NewClub>();
  const policy = Form.useWatch('joinPolicy', form) ?? 'automatic';
  const [rule, setRule] = useState<ClubRule>({
    combine: 'all',
    conditions: [{ type: 'categoryPurchases', categories: [], minPurchases: 1, days: 90 }],
  });
  const ready = rule.conditions.length > 0 && incompleteConditions(rule).length === 0;
  const [debounced, setDebounced] = useState(rule);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(rule), 400);
    return () => clearTimeout(timer);
  }, [rule]);
  const explain = useQuery({
    queryKey: ['clubs', 'explain', debounced],
    queryFn: async () =>
      unwrap(await api.POST('/api/v1/admin/clubs/rules/explain', { body: { rule: debounced as never, estimate: true } })),
    enabled: policy === 'automatic' && ready && debounced === rule,
    retry: false,
  });
  const create = useMutation({
    mutationFn: async (values: NewClub) =>
      unwrap(
        await api.POST('/api/v1/admin/clubs', {
          body: { ...values, status: 'active', rule: values.joinPolicy === 'automatic' ? (rule as never) : null },
        }),
      ),
    onSuccess: async (club) => {
      await client.invalidateQueries({ queryKey: ['clubs'] });
      onCreated(club);
    },
  });
  return (
    <Form<NewClub>
      form={form}
      layout="vertical"
      initialValues={{ joinPolicy: 'automatic', dropUnmatched: false }}
      onFinish={(values) => create.mutate(values)}
    >
      <Form.Item
        label={t('common.code')}
        name="code"
        normalize={(v: string) => v.toUpperCase()}
        rules={[{ required: true, pattern: /^[A-Z0-9_-]{1,32}$/, message: t('clubs.codeRule') }]}
      >
        <Input />
      </Form.Item>
      <Form.Item label={t('clubs.nameZh')} name="nameZh" rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item label={t('clubs.nameEn')} name="nameEn" rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item label={t('clubs.joinPolicy')} name="joinPolicy">
        <Radio.Group
          options={(['automatic', 'open', 'invite'] as const).map((p) => ({ value: p, label: t(`clubs.policy.${p}`) }))}
          optionType="button"
        />
      </Form.Item>
      {policy === 'automatic' && (
        <>
          <Form.Item label={t('clubs.dropUnmatched')} name="dropUnmatched" valuePropName="checked">
            <Switch />
          </Form.Item>
          <RuleBuilder value={rule} onChange={setRule} />
          <Alert
            style={{ marginTop: 16 }}
            type="info"
            title={t('clubs.ruleInWords')}
            description={
              <Space orientation="vertical">
                <Typography.Text data-testid="rule-words">{ruleInWords(rule, lang)}</Typography.Text>
                {explain.error && <Typography.Text type="danger">{explain.error.message}</Typography.Text>}
                <Statistic
                  title={t('clubs.estimatedSize')}
                  value={explain.data?.estimatedMembers ?? (ready ? t('common.loading') : '—')}
                  formatter={(v) => (typeof v === 'number' ? formatPoints(v, lang) : v)}
                  data-testid="rule-estimate"
                />
              </Space>
            }
          />
        </>
      )}
      {create.error && <Alert type="error" role="alert" title={create.error.message} style={{ marginTop: 16 }} />}
      <Button
        type="primary"
        htmlType="submit"
        loading={create.isPending}
        disabled={policy === 'automatic' && !ready}
        style={{ marginTop: 16 }}
      >
        {t('clubs.create')}
      </Button>
    </Form>
  );
}

function ClubDetail({ clubId }: { clubId: string }) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const club = useQuery({
    queryKey: ['clubs', clubId],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/clubs/{clubId}', { params: { path: { clubId } } })),
  });
  const members = useQuery({
    queryKey: ['clubs', clubId, 'members'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/admin/clubs/{clubId}/members', { params: { path: { clubId }, query: { limit: 50 } } })),
  });
  const regroup = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/admin/clubs/{clubId}/regroup', { params: { path: { clubId } } })),
    onSuccess: (r) => setJobId(r.jobId),
  });
  return (
    <QueryState query={club}>
      {(c) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('common.code')}>{c.code}</Descriptions.Item>
            <Descriptions.Item label={t('common.name')}>{lang === 'zh-CN' ? c.nameZh : c.nameEn}</Descriptions.Item>
            <Descriptions.Item label={t('clubs.joinPolicy')}>{t(`clubs.policy.${c.joinPolicy}`)}</Descriptions.Item>
            <Descriptions.Item label={t('clubs.rule')}>
              {c.ruleText ? (lang === 'zh-CN' ? c.ruleText.zhCN : c.ruleText.en) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('common.created')}>{formatDateTime(c.createdAt, lang)}</Descriptions.Item>
          </Descriptions>
          {c.joinPolicy === 'automatic' && (
            <Button onClick={() => regroup.mutate()} loading={regroup.isPending}>
              {t('clubs.regroup')}
            </Button>
          )}
          {jobId && (
            <RegroupProgress
              jobId={jobId}
              onDone={() => {
                void client.invalidateQueries({ queryKey: ['clubs', clubId, 'members'] });
                void client.invalidateQueries({ queryKey: ['analytics', 'clubs', clubId] });
                void client.invalidateQueries({ queryKey: ['clubs', 'growth'] });
              }}
            />
          )}
          <ClubGrowth clubId={clubId} />
          <Typography.Title level={5}>{t('common.members')}</Typography.Title>
          <QueryState query={members}>
            {(m) => (
              <Table
                rowKey="memberId"
                size="small"
                dataSource={m.members}
                pagination={false}
                scroll={{ x: true }}
                data-testid="club-members"
                columns={[
                  { title: t('members.memberId'), dataIndex: 'memberId' },
                  { title: t('clubs.joinedVia'), render: (_, r) => t(`clubs.via.${r.joinedVia}`) },
                  { title: t('clubs.joinedAt'), render: (_, r) => formatDateTime(r.joinedAt, lang) },
                ]}
              />
            )}
          </QueryState>
        </Space>
      )}
    </QueryState>
  );
}

function RegroupProgress({ jobId, onDone }: { jobId: string; onDone: () => void }) {
  const { t } = useI18n();
  const job = useQuery({
    queryKey: ['job', jobId],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/jobs/{jobId}', { params: { path: { jobId } } })),
    refetchInterval: (q) => (q.state.data && q.state.data.state !== 'running' ? false : 500),
  });
  const finished = job.data && job.data.state !== 'running';
  useEffect(() => {
    if (finished) {
      onDone();
    }
  }, [finished, onDone]);
  return <JobProgress jobId={jobId} label={t('clubs.regroupProgress')} />;
}

/** Joins and leaves per day over the last 30 days (GET analytics/clubs), with the club's size now. */
function ClubGrowth({ clubId }: { clubId: string }) {
  const { t, lang } = useI18n();
  const from = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const growth = useQuery({
    queryKey: ['analytics', 'clubs', clubId],
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/analytics/clubs', { params: { query: { from, granularity: 'day' } } })),
  });
  const row = growth.data?.clubs.find((c) => c.clubId === clubId);
  if (!row) {
    return null;
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Statistic title={t('clubs.activeMembers')} value={formatPoints(row.activeMembers, lang)} data-testid="club-size" />
      {row.periods.length > 0 && (
        <Chart
          label={t('clubs.growth')}
          height={220}
          option={{
            tooltip: { trigger: 'axis' },
            legend: {},
            xAxis: { type: 'category', data: row.periods.map((p) => p.period) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              { name: t('clubs.joined'), type: 'bar', data: row.periods.map((p) => p.joined) },
              { name: t('clubs.left'), type: 'bar', data: row.periods.map((p) => p.left) },
            ],
          }}
        />
      )}
    </Space>
  );
}

/** Every active club's size over the last 12 months (GET analytics/club-growth, read live). */
function ClubsGrowthChart() {
  const { t } = useI18n();
  const growth = useQuery({
    queryKey: ['clubs', 'growth'], // under 'clubs': re-read when a club is created or regrouped
    queryFn: async () => unwrap(await api.GET('/api/v1/admin/analytics/club-growth', { params: { query: { months: 12 } } })),
  });
  return (
    <Card title={t('clubs.growthOverTime')} style={{ marginTop: 16 }} data-testid="clubs-growth">
      <QueryState query={growth} empty={(d) => d.clubs.length === 0}>
        {(d) => {
          const months = d.clubs[0]?.periods.map((p) => p.period) ?? [];
          const shown = d.clubs.filter((c) => c.status === 'active').slice(0, 10);
          return (
            <Chart
              label={t('clubs.growthOverTime')}
              height={280}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { type: 'scroll', bottom: 0 },
                grid: { bottom: 60, left: 50 },
                xAxis: { type: 'category', data: months },
                yAxis: { type: 'value', minInterval: 1 },
                series: shown.map((c) => ({ name: c.code, type: 'line', data: sizesByMonth(c.activeMembers, c.periods) })),
              }}
            />
          );
        }}
      </QueryState>
    </Card>
  );
}

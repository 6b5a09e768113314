import {
  Alert,
  Button,
  Card,
  Col,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { Chart } from '../components/Chart';
import { useDrawerSize } from '../components/drawerSize';
import { QueryState } from '../components/QueryState';
import {
  useCreateSurvey,
  useSatisfactionLoyalty,
  useSurveyResults,
  useSurveys,
  useSurveyReminders,
  useSurveyStatus,
  useSurveyTexts,
  type ResultsBy,
  type Survey,
} from './queries';
import { pickName, useVoiceText, type VoiceKey } from './text';

const STATUS_COLOR: Record<string, string> = { draft: 'default', active: 'green', closed: 'red' };

/** Surveys: the list, the builder (a draft), activation and closing, and each survey's results. */
export function SurveysPage() {
  const tv = useVoiceText();
  const { lang } = useI18n();
  const { can } = useAuth();
  const drawerSize = useDrawerSize();
  const surveys = useSurveys();
  const status = useSurveyStatus();
  const remind = useSurveyReminders();
  const [building, setBuilding] = useState(false);
  const [open, setOpen] = useState<Survey | null>(null);
  const title = (s: Survey) => (lang === 'zh-CN' ? s.titleZh : s.titleEn);
  return (
    <section>
      <Typography.Title level={3}>{tv('s.title')}</Typography.Title>
      {can('surveys.manage') && (
        <Button type="primary" onClick={() => setBuilding(true)} style={{ marginBottom: 16 }}>
          {tv('s.new')}
        </Button>
      )}
      <QueryState query={surveys} empty={(d) => d.items.length === 0}>
        {(d) => (
          <Table<Survey>
            rowKey="surveyId"
            dataSource={d.items}
            pagination={false}
            scroll={{ x: true }}
            data-testid="surveys-table"
            columns={[
              {
                title: tv('s.name'),
                render: (_, s) => (
                  <a role="button" tabIndex={0} onClick={() => setOpen(s)}>
                    {title(s)}
                  </a>
                ),
              },
              {
                title: tv('s.status'),
                render: (_, s) => <Tag color={STATUS_COLOR[s.status]}>{tv(`s.status.${s.status}` as VoiceKey)}</Tag>,
              },
              { title: tv('s.questions'), render: (_, s) => s.questions.length },
              { title: tv('s.afterPurchase'), render: (_, s) => (s.afterPurchase ? `${s.samplePercent}%` : '—') },
              { title: tv('t.when'), render: (_, s) => formatDateTime(s.createdAt, lang) },
              {
                title: '',
                render: (_, s) =>
                  can('surveys.manage') && s.status !== 'closed' ? (
                    <Space>
                      <Button
                        size="small"
                        onClick={() => status.mutate({ surveyId: s.surveyId, status: s.status === 'draft' ? 'active' : 'closed' })}
                      >
                        {s.status === 'draft' ? tv('s.activate') : tv('s.close')}
                      </Button>
                      {s.status === 'active' && (
                        <Button
                          size="small"
                          loading={remind.isPending && remind.variables === s.surveyId}
                          onClick={() => remind.mutate(s.surveyId)}
                        >
                          {tv('s.remind')}
                        </Button>
                      )}
                    </Space>
                  ) : null,
              },
            ]}
          />
        )}
      </QueryState>
      {status.error && <Alert type="error" role="alert" title={status.error.message} />}
      {remind.error && <Alert type="error" role="alert" title={remind.error.message} />}
      {remind.data && <Alert type="success" title={tv('s.reminded', { n: remind.data.reminded })} />}
      <Builder open={building} onClose={() => setBuilding(false)} />
      <Drawer open={open !== null} onClose={() => setOpen(null)} title={open ? title(open) : ''} size={drawerSize} destroyOnHidden>
        {open && <Results survey={open} />}
      </Drawer>
    </section>
  );
}

type QuestionForm = { kind: 'rating' | 'recommend' | 'text'; textZh: string; textEn: string; weight?: number };

function Builder({ open, onClose }: { open: boolean; onClose: () => void }) {
  const tv = useVoiceText();
  const { t } = useI18n();
  const [form] = Form.useForm();
  const create = useCreateSurvey(() => {
    form.resetFields();
    onClose();
  });
  return (
    <Modal
      open={open}
      width={760}
      title={tv('s.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={tv('s.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          questions: [{ kind: 'rating', weight: 1 }],
          afterPurchase: false,
          samplePercent: 10,
          cooldownDays: 30,
          validDays: 7,
        }}
        onFinish={(v: {
          titleZh: string;
          titleEn: string;
          questions: QuestionForm[];
          afterPurchase: boolean;
          samplePercent: number;
          cooldownDays: number;
          validDays: number;
        }) =>
          create.mutate({
            ...v,
            questions: v.questions.map((q) => ({
              kind: q.kind,
              textZh: q.textZh,
              textEn: q.textEn,
              weight: q.kind === 'rating' ? (q.weight ?? 1) : undefined,
            })),
          })
        }
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="titleZh" label={tv('s.titleZh')} rules={[{ required: true }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="titleEn" label={tv('s.titleEn')} rules={[{ required: true }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{tv('s.questions')}</Typography.Text>
        <Form.List name="questions">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
              {fields.map((f, i) => (
                <Card
                  size="small"
                  key={f.key}
                  title={`${i + 1}`}
                  extra={
                    <Button size="small" onClick={() => remove(f.name)}>
                      {tv('s.remove')}
                    </Button>
                  }
                >
                  <Row gutter={8}>
                    <Col span={8}>
                      <Form.Item name={[f.name, 'kind']} label={tv('s.kind')} rules={[{ required: true }]}>
                        <Select options={(['rating', 'recommend', 'text'] as const).map((k) => ({ value: k, label: tv(`s.kind.${k}`) }))} />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item noStyle shouldUpdate>
                        {() =>
                          form.getFieldValue(['questions', f.name, 'kind']) === 'rating' ? (
                            <Form.Item name={[f.name, 'weight']} label={tv('s.weight')} rules={[{ required: true }]}>
                              <InputNumber min={1} max={100} />
                            </Form.Item>
                          ) : null
                        }
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item name={[f.name, 'textZh']} label={tv('s.textZh')} rules={[{ required: true }]}>
                    <Input maxLength={300} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'textEn']} label={tv('s.textEn')} rules={[{ required: true }]}>
                    <Input maxLength={300} />
                  </Form.Item>
                </Card>
              ))}
              <Button onClick={() => add({ kind: 'rating', weight: 1 })}>{tv('s.addQuestion')}</Button>
            </Space>
          )}
        </Form.List>
        <Row gutter={12} style={{ marginTop: 16 }}>
          <Col span={6}>
            <Form.Item name="afterPurchase" label={tv('s.afterPurchase')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="samplePercent" label={tv('s.samplePercent')}>
              <InputNumber min={0} max={100} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="cooldownDays" label={tv('s.cooldownDays')}>
              <InputNumber min={0} max={365} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="validDays" label={tv('s.validDays')}>
              <InputNumber min={1} max={60} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {create.error && <Alert type="error" role="alert" title={create.error.message} />}
    </Modal>
  );
}

function Results({ survey }: { survey: Survey }) {
  const tv = useVoiceText();
  const { lang } = useI18n();
  const [by, setBy] = useState<ResultsBy>('survey');
  const [q, setQ] = useState('');
  const results = useSurveyResults(survey.surveyId, by);
  const texts = useSurveyTexts(survey.surveyId, q);
  const text = (x: { textZh: string; textEn: string }) => (lang === 'zh-CN' ? x.textZh : x.textEn);
  return (
    <QueryState query={results}>
      {(r) => (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="survey-results">
          <Row gutter={16}>
            <Col span={6}>
              <Statistic title={tv('s.index')} value={r.index ?? '—'} suffix={r.index !== null ? '/ 100' : undefined} />
            </Col>
            <Col span={6}>
              <Statistic title={tv('s.nps')} value={r.promoterScore ?? '—'} />
            </Col>
            <Col span={6}>
              <Statistic title={tv('s.responses')} value={`${r.responses} / ${r.invited}`} />
            </Col>
            <Col span={6}>
              <Statistic title={tv('s.rate')} value={r.responseRate ?? '—'} suffix={r.responseRate !== null ? '%' : undefined} />
            </Col>
          </Row>
          <Typography.Text type="secondary">{tv('s.formula')}</Typography.Text>
          {r.questions
            .filter((x) => x.kind !== 'text')
            .map((x) => (
              <Card
                key={x.questionId}
                size="small"
                title={`${text(x)}${x.weight ? ` · ${tv('s.weight')} ${x.weight}` : ''}`}
                extra={x.mean !== null ? tv('s.mean', { mean: x.mean }) : undefined}
              >
                <Chart
                  label={tv('s.distribution', { question: text(x) })}
                  height={180}
                  testId="survey-distribution"
                  option={{
                    tooltip: {},
                    grid: { left: 40, right: 16, top: 16, bottom: 24 },
                    xAxis: { type: 'category', data: x.distribution.map((d) => String(d.score)) },
                    yAxis: { type: 'value', minInterval: 1 },
                    series: [
                      {
                        type: 'bar',
                        data: x.distribution.map((d) => ({
                          value: d.count,
                          itemStyle: {
                            color: x.kind === 'recommend' ? (d.score >= 9 ? '#389e0d' : d.score >= 7 ? '#d4b106' : '#cf1322') : '#1677ff',
                          },
                        })),
                      },
                    ],
                  }}
                />
              </Card>
            ))}
          <Space>
            <Typography.Text strong>{tv('s.by')}</Typography.Text>
            <Segmented<ResultsBy>
              value={by}
              onChange={setBy}
              options={(['survey', 'store', 'tier', 'club', 'month'] as const).map((b) => ({ value: b, label: tv(`s.by.${b}`) }))}
            />
          </Space>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={r.rows}
            columns={[
              { title: tv('s.group'), render: (_, g) => (g.name ? pickName(g.name, lang) : g.key || tv(`s.by.${by}`)) },
              { title: tv('s.index'), render: (_, g) => g.index ?? '—' },
              { title: tv('s.nps'), render: (_, g) => g.promoterScore ?? '—' },
              { title: tv('s.responses'), render: (_, g) => `${g.responses} / ${g.invited}` },
              { title: tv('s.rate'), render: (_, g) => (g.responseRate === null ? '—' : `${g.responseRate}%`) },
            ]}
          />
          <LoyaltyBeside surveyId={survey.surveyId} />
          <Typography.Title level={5}>{tv('s.textAnswers')}</Typography.Title>
          <Input.Search
            aria-label={tv('s.searchAnswers')}
            placeholder={tv('s.searchAnswers')}
            allowClear
            onSearch={setQ}
            style={{ maxWidth: 320 }}
          />
          <QueryState query={texts} empty={(d) => d.items.length === 0}>
            {(d) => (
              <Table
                size="small"
                pagination={false}
                rowKey="answerId"
                dataSource={d.items}
                columns={[
                  { title: tv('t.when'), render: (_, a) => formatDateTime(a.at, lang) },
                  { title: tv('s.textAnswers'), dataIndex: 'text' },
                ]}
              />
            )}
          </QueryState>
        </Space>
      )}
    </QueryState>
  );
}

/** Satisfaction beside loyalty by store: each band's repeat-purchase rate and churn (satisfied is not loyal). */
function LoyaltyBeside({ surveyId }: { surveyId: string }) {
  const tv = useVoiceText();
  const [period] = useState(() => {
    const to = new Date(Date.now() + 60_000);
    return { from: new Date(to.getTime() - 365 * 86400_000).toISOString(), to: to.toISOString() };
  });
  const report = useSatisfactionLoyalty(surveyId, period.from, period.to);
  return (
    <Card size="small" title={tv('l.title')} data-testid="satisfaction-loyalty">
      <QueryState query={report} empty={(d) => d.rows.every((r) => r.members === 0)}>
        {(d) => {
          const rows = d.rows.filter((r) => r.members > 0);
          const label = (r: (typeof rows)[number]) => `${r.storeName ?? tv('c.noStore')} · ${tv(`l.band.${r.band}` as VoiceKey)}`;
          return (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Chart
                label={tv('l.chart')}
                height={Math.max(200, 36 * rows.length + 60)}
                testId="satisfaction-loyalty-chart"
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { top: 0 },
                  grid: { left: 180, right: 24, top: 32, bottom: 24 },
                  xAxis: { type: 'value', max: 100 },
                  yAxis: { type: 'category', data: rows.map(label), inverse: true },
                  series: [
                    { type: 'bar', name: tv('l.repeat'), data: rows.map((r) => r.repeatRate ?? 0), itemStyle: { color: '#389e0d' } },
                    { type: 'bar', name: tv('l.churn'), data: rows.map((r) => r.churnRate ?? 0), itemStyle: { color: '#cf1322' } },
                  ],
                }}
              />
              <Table
                size="small"
                pagination={false}
                rowKey={(r) => `${r.storeId ?? ''}:${r.band}`}
                dataSource={rows}
                columns={[
                  { title: tv('c.store'), render: (_, r) => r.storeName ?? tv('c.noStore') },
                  { title: tv('l.band'), render: (_, r) => tv(`l.band.${r.band}` as VoiceKey) },
                  { title: tv('l.members'), dataIndex: 'members' },
                  { title: tv('l.repeat'), render: (_, r) => r.repeatRate ?? '—' },
                  { title: tv('l.churn'), render: (_, r) => r.churnRate ?? '—' },
                ]}
              />
            </Space>
          );
        }}
      </QueryState>
    </Card>
  );
}

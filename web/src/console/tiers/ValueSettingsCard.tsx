import { Alert, Button, Card, Col, Form, InputNumber, Row, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n';
import { useStartValueRun } from '../analytics/queries';
import { useAuth } from '../auth';
import { QueryState } from '../components/QueryState';
import { JobProgress } from '../jobs/JobProgress';
import { useSaveValueSettings, useValueSettings, type ValueSettings } from './queries';

/**
 * The value score's weights and reference units and the grade shares (PUT value/settings, value.manage), and a value
 * run started here with its progress (value.run): rank tiers and the rank review read the scores of the last run.
 */
export function ValueSettingsCard() {
  const { t } = useI18n();
  const { can } = useAuth();
  const settings = useValueSettings();
  const save = useSaveValueSettings();
  const [form, setForm] = useState<ValueSettings | null>(null);
  const [runJob, setRunJob] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const run = useStartValueRun((jobId) => {
    setRunJob(jobId);
    setRunning(true);
  });
  useEffect(() => {
    if (settings.data) {
      const { weights, reference, grades } = settings.data;
      setForm({ weights, reference, grades });
    }
  }, [settings.data]);
  if (!can('analytics.read') && !can('value.run')) {
    return null;
  }
  const editable = can('value.manage');
  const num = (label: string, value: number, onChange: (v: number) => void, opts: { min: number; max: number; scale?: number }) => (
    <Col xs={24} md={8} key={label}>
      <Form.Item label={label}>
        <InputNumber
          aria-label={label}
          min={opts.min / (opts.scale ?? 1)}
          max={opts.max / (opts.scale ?? 1)}
          precision={opts.scale ? 2 : 0}
          style={{ width: '100%' }}
          disabled={!editable}
          value={value / (opts.scale ?? 1)}
          onChange={(x) => onChange(Math.round((x ?? 0) * (opts.scale ?? 1)))}
        />
      </Form.Item>
    </Col>
  );
  return (
    <Card size="small" title={t('tiers.value.title')}>
      <QueryState query={settings}>
        {() =>
          form && (
            <Form layout="vertical" component="div">
              <Row gutter={16}>
                {num(
                  t('tiers.value.spendWeight'),
                  form.weights.spendPermille,
                  (v) => setForm({ ...form, weights: { ...form.weights, spendPermille: v } }),
                  { min: 0, max: 10_000 },
                )}
                {num(
                  t('tiers.value.pointsWeight'),
                  form.weights.pointsPermille,
                  (v) => setForm({ ...form, weights: { ...form.weights, pointsPermille: v } }),
                  { min: 0, max: 10_000 },
                )}
                {num(
                  t('tiers.value.purchasesWeight'),
                  form.weights.purchasesPermille,
                  (v) => setForm({ ...form, weights: { ...form.weights, purchasesPermille: v } }),
                  { min: 0, max: 10_000 },
                )}
              </Row>
              <Row gutter={16}>
                {num(
                  t('tiers.value.referenceSpend'),
                  form.reference.spendCents,
                  (v) => setForm({ ...form, reference: { ...form.reference, spendCents: v } }),
                  { min: 1, max: 100_000_000_000, scale: 100 },
                )}
                {num(
                  t('tiers.value.referencePoints'),
                  form.reference.points,
                  (v) => setForm({ ...form, reference: { ...form.reference, points: v } }),
                  { min: 1, max: 1_000_000_000 },
                )}
                {num(
                  t('tiers.value.referencePurchases'),
                  form.reference.purchases,
                  (v) => setForm({ ...form, reference: { ...form.reference, purchases: v } }),
                  { min: 1, max: 1_000_000 },
                )}
              </Row>
              <Row gutter={16}>
                {num(t('tiers.value.gradeA'), form.grades.aPercent, (v) => setForm({ ...form, grades: { ...form.grades, aPercent: v } }), {
                  min: 1,
                  max: 100,
                })}
                {num(t('tiers.value.gradeB'), form.grades.bPercent, (v) => setForm({ ...form, grades: { ...form.grades, bPercent: v } }), {
                  min: 0,
                  max: 99,
                })}
                <Col xs={24} md={8} style={{ marginBottom: 16 }}>
                  <Typography.Text data-testid="grade-c">
                    {t('tiers.value.gradeC', { percent: Math.max(0, 100 - form.grades.aPercent - form.grades.bPercent) })}
                  </Typography.Text>
                </Col>
              </Row>
              <Space wrap>
                {editable && (
                  <Button type="primary" onClick={() => save.mutate(form)} loading={save.isPending}>
                    {t('tiers.value.save')}
                  </Button>
                )}
                {can('value.run') && (
                  <Button onClick={() => run.mutate()} loading={run.isPending || running} disabled={running}>
                    {t('tiers.value.run')}
                  </Button>
                )}
              </Space>
              {(save.error ?? run.error) && <Alert type="error" role="alert" title={(save.error ?? run.error)!.message} />}
              {save.isSuccess && <Alert type="success" title={t('tiers.value.saved')} />}
              {runJob && <JobProgress jobId={runJob} label={t('tiers.value.runLabel')} onDone={() => setRunning(false)} />}
            </Form>
          )
        }
      </QueryState>
    </Card>
  );
}

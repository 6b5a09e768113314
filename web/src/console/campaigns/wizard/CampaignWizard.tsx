import { Alert, Button, Card, Col, Descriptions, Row, Space, Statistic, Steps, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { formatPoints } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useCampaignDraft, useMessageTemplates, useRulesExplain, useTemplatePreview, type RuleWords } from '../queries';
import { ActionStep } from './ActionStep';
import { AudienceStep } from './AudienceStep';
import { hasAudience, NEW_DRAFT, toBody, type CampaignBody, type Draft } from './draft';
import { ScheduleStep } from './ScheduleStep';
import { TemplateStep } from './TemplateStep';

/** Audience (live size and cost) → action → template preview → schedule, budget, holdout → launch. A draft is saved as soon as there is an audience. */
export function CampaignWizard({ onLaunched }: { onLaunched: (id: string) => void }) {
  const { t } = useI18n();
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<Draft>(NEW_DRAFT);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const body = useMemo(() => toBody(draft), [draft]);
  const [debounced, setDebounced] = useState(body);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(body), 400);
    return () => clearTimeout(timer);
  }, [body]);
  const ready = hasAudience(debounced);
  const { preview, launch, saved } = useCampaignDraft(debounced, ready, {
    onLaunched,
    notSaved: () => new Error(t('campaigns.needAudience')),
  });
  // Read with the wizard, so the templates and the chosen one's preview are there when their steps open.
  useMessageTemplates();
  useTemplatePreview(draft.template, draft.messageOn);
  const steps = [
    t('campaigns.step.audience'),
    t('campaigns.step.action'),
    t('campaigns.step.template'),
    t('campaigns.step.schedule'),
    t('campaigns.step.launch'),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Steps current={step} size="small" items={steps.map((title) => ({ title }))} />
      {step === 0 && <AudienceStep draft={draft} set={set} />}
      {step === 1 && <ActionStep draft={draft} set={set} />}
      {step === 2 && <TemplateStep draft={draft} />}
      {step === 3 && <ScheduleStep draft={draft} set={set} />}
      {step === 4 && <Summary draft={draft} body={body} />}
      <Card size="small" title={t('campaigns.livePreview')} data-testid="campaign-preview">
        {!ready ? (
          <Typography.Text type="secondary">{t('campaigns.needAudience')}</Typography.Text>
        ) : preview.error ? (
          <Typography.Text type="danger">{preview.error.message}</Typography.Text>
        ) : (
          <LivePreview figures={preview.data} />
        )}
      </Card>
      {preview.data?.needsApproval && <Alert type="warning" title={t('campaigns.needsApproval')} data-testid="needs-approval" />}
      {launch.error && <Alert type="error" role="alert" title={launch.error.message} />}
      <Space>
        {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('common.back')}</Button>}
        {step < 4 && (
          <Button type="primary" onClick={() => setStep(step + 1)} disabled={step === 0 && !ready}>
            {t('common.next')}
          </Button>
        )}
        {step === 4 && (
          <Button type="primary" onClick={() => launch.mutate(body)} loading={launch.isPending} disabled={!saved}>
            {t('campaigns.launch')}
          </Button>
        )}
      </Space>
    </Space>
  );
}

/** The saved draft's audience size, holdout, targeted members and points, "…" until the first preview answers. */
function LivePreview({ figures }: { figures: { size: number; holdout: number; targeted: number; estimatedPoints: number } | undefined }) {
  const { t, lang } = useI18n();
  return (
    <Row gutter={16}>
      <Col span={6}>
        <Statistic title={t('campaigns.size')} value={figures?.size ?? '…'} data-testid="preview-size" />
      </Col>
      <Col span={6}>
        <Statistic title={t('campaigns.holdoutCount')} value={figures?.holdout ?? '…'} />
      </Col>
      <Col span={6}>
        <Statistic title={t('campaigns.targeted')} value={figures?.targeted ?? '…'} />
      </Col>
      <Col span={6}>
        <Statistic
          title={t('campaigns.cost')}
          value={figures ? formatPoints(figures.estimatedPoints, lang) : '…'}
          data-testid="preview-cost"
        />
      </Col>
    </Row>
  );
}

/** The last step: what will be launched; the audience and the actions in the server's words (campaigns/rules/explain). */
function Summary({ draft, body }: { draft: Draft; body: CampaignBody }) {
  const { t, lang } = useI18n();
  const explain = useRulesExplain(body, hasAudience(body));
  const words = (w: RuleWords) => w[lang];
  const explained = explain.data;
  const pending = explain.error ? <Typography.Text type="danger">{explain.error.message}</Typography.Text> : t('common.loading');
  return (
    <Descriptions column={1} bordered size="small">
      <Descriptions.Item label={t('common.name')}>{draft.name}</Descriptions.Item>
      <Descriptions.Item label={t('campaigns.step.audience')}>
        <span data-testid="summary-audience">{explained?.audience ? words(explained.audience.description) : pending}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('campaigns.step.action')}>
        {!explained ? (
          pending
        ) : explained.actions.length === 0 ? (
          '—'
        ) : (
          <Space orientation="vertical" size={0} data-testid="summary-actions">
            {explained.actions.map((a) => (
              <span key={a.type}>{words(a.description)}</span>
            ))}
          </Space>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('campaigns.schedule')}>
        {t(`campaigns.schedule.${draft.scheduleKind}`)}
        {draft.scheduleKind === 'cron' && ` · ${draft.cron} (${draft.timezone})`}
      </Descriptions.Item>
      <Descriptions.Item label={t('campaigns.holdout')}>{draft.holdoutPercent}%</Descriptions.Item>
    </Descriptions>
  );
}

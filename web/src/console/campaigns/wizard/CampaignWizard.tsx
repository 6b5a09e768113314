import { Alert, Button, Card, Col, Descriptions, Modal, Row, Space, Statistic, Steps, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { formatDateTime, formatMoney, formatPoints } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import {
  useAudienceSize,
  useCampaignDraft,
  useCouponRewards,
  useMessageTemplates,
  useRulesExplain,
  useTemplatePreview,
  type Campaign,
  type Reward,
  type RuleWords,
} from '../queries';
import { ActionStep, rewardLabel } from './ActionStep';
import { AudienceStep } from './AudienceStep';
import { useCategoryName } from '../../names/useNames';
import { namesInWords } from '../../names/names';
import { useAllClubs } from '../../clubs/queries';
import { useLadder } from '../../tiers/queries';
import {
  audienceWords,
  bonusRuleWords,
  budgetUnit,
  hasAudience,
  launchCost,
  missingForLaunch,
  NEW_DRAFT,
  toBody,
  type CampaignBody,
  type Draft,
} from './draft';
import { ScheduleStep } from './ScheduleStep';
import { TemplateStep } from './TemplateStep';

type Preview = ReturnType<typeof useCampaignDraft>['preview']['data'];

/**
 * Audience (live size and cost) → action → template preview → schedule, budget, holdout → launch, only after a
 * confirmation that states the figures. A draft is saved as soon as there is an audience (the live figures need it) and
 * deleted if the wizard is closed without launching. `initial` preselects some of it (an RFM segment from analytics).
 */
export function CampaignWizard({ onLaunched, initial }: { onLaunched: (campaign: Campaign) => void; initial?: Partial<Draft> }) {
  const { t } = useI18n();
  const [step, setStep] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => ({ ...NEW_DRAFT, ...initial }));
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const body = useMemo(() => toBody(draft), [draft]);
  const [debounced, setDebounced] = useState(body);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(body), 400);
    return () => clearTimeout(timer);
  }, [body]);
  // The size alone while no action is chosen (nothing saved); the draft, its exact figures, once there is an action.
  const ready = hasAudience(debounced);
  const savable = ready && (debounced.actions ?? []).length > 0;
  const size = useAudienceSize(debounced, ready && !savable);
  const { preview, launch, saved } = useCampaignDraft(debounced, savable, { notSaved: () => new Error(t('campaigns.needAudience')) });
  const rewards = useCouponRewards();
  const reward = rewards.data?.find((r) => r.rewardId === draft.rewardId) ?? null;
  // Read with the wizard, so the templates and the chosen one's preview are there when their steps open.
  useMessageTemplates();
  useTemplatePreview(draft.template, draft.messageOn);
  const missing = missingForLaunch(draft);
  // The figures are those of the body on screen: none while an edit is still on its way to the server.
  const current = debounced === body && !preview.isFetching ? preview.data : undefined;
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
      {step === 4 && <Summary draft={draft} body={body} reward={reward} />}
      <Card size="small" title={t('campaigns.livePreview')} data-testid="campaign-preview">
        {!ready ? (
          <Typography.Text type="secondary">{t('campaigns.needAudience')}</Typography.Text>
        ) : !savable ? (
          size.error ? (
            <Typography.Text type="danger">{size.error.message}</Typography.Text>
          ) : (
            <LivePreview figures={undefined} size={size.data} draft={draft} updating={size.isFetching} />
          )
        ) : preview.error ? (
          <Typography.Text type="danger">{preview.error.message}</Typography.Text>
        ) : (
          <LivePreview figures={preview.data} size={preview.data?.size} draft={draft} updating={preview.isFetching} />
        )}
      </Card>
      {preview.data?.needsApproval && <Alert type="warning" title={t('campaigns.needsApproval')} data-testid="needs-approval" />}
      {step >= 1 && missing.length > 0 && <Alert type="info" title={t(`campaigns.missing.${missing[0]}`)} data-testid="wizard-missing" />}
      {launch.error && <Alert type="error" role="alert" title={launch.error.message} />}
      <Space>
        {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('common.back')}</Button>}
        {step < 4 && (
          <Button type="primary" onClick={() => setStep(step + 1)} disabled={step === 0 && !ready}>
            {t('common.next')}
          </Button>
        )}
        {step === 4 && (
          <Button type="primary" onClick={() => setConfirming(true)} disabled={!saved || missing.length > 0}>
            {t('campaigns.launch')}
          </Button>
        )}
      </Space>
      <Modal
        open={confirming}
        title={t('campaigns.confirm.title', { name: draft.name })}
        onCancel={() => setConfirming(false)}
        okText={current?.needsApproval ? t('campaigns.confirm.okApproval') : t('campaigns.confirm.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: current === undefined }}
        confirmLoading={launch.isPending}
        onOk={() =>
          launch.mutate(body, {
            onSuccess: (campaign) => {
              setConfirming(false);
              onLaunched(campaign);
            },
          })
        }
        width={640}
        destroyOnHidden
      >
        {current === undefined ? (
          <Typography.Text type="secondary">{t('campaigns.confirm.updating')}</Typography.Text>
        ) : (
          <Confirmation draft={draft} figures={current} reward={reward} />
        )}
      </Modal>
    </Space>
  );
}

/** What launching will do, in numbers: audience, per member, total cost, budget, approval, and when it starts. */
function Confirmation({ draft, figures, reward }: { draft: Draft; figures: NonNullable<Preview>; reward: Reward | null }) {
  const { t, lang } = useI18n();
  const categoryName = useCategoryName();
  const cost = launchCost(draft, figures);
  const unit = budgetUnit(draft);
  const n = (v: number) => formatPoints(v, lang);
  const bonus = draft.grantKind === 'bonus';
  const perMember = bonus
    ? (bonusRuleWords(draft, t, (cents) => formatMoney(cents, lang), categoryName) ?? '—')
    : draft.grantKind === 'points'
      ? t('campaigns.confirm.perMemberPoints', { points: n(cost.perMember) })
      : draft.grantKind === 'coupon' && reward
        ? t('campaigns.confirm.perMemberCoupon', { reward: rewardLabel(reward, lang) })
        : t('campaigns.confirm.perMemberNothing');
  const faceValue =
    draft.grantKind === 'coupon' && reward?.kind === 'amount_off' && reward.valueCents !== null ? reward.valueCents * cost.total : null;
  const total = bonus
    ? draft.budget === null
      ? t('campaigns.confirm.totalBonusNoCap')
      : t('campaigns.confirm.totalBonus', { budget: n(draft.budget) })
    : draft.grantKind === 'coupon'
      ? t('campaigns.confirm.totalCoupons', { total: n(cost.total) }) +
        (faceValue !== null ? t('campaigns.confirm.faceValue', { money: formatMoney(faceValue, lang) }) : '')
      : t('campaigns.confirm.totalPoints', { total: n(cost.total) });
  const reasons = figures.approvalReasons.map((r) => t(`campaigns.confirm.reason.${r}`)).join(lang === 'zh-CN' ? '、' : ', ');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="launch-confirmation">
      <Typography.Paragraph>{t(bonus ? 'campaigns.confirm.leadBonus' : 'campaigns.confirm.lead')}</Typography.Paragraph>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('campaigns.confirm.audience')}>
          <span data-testid="confirm-audience">
            {t('campaigns.confirm.audienceValue', { size: n(figures.size), targeted: n(figures.targeted), holdout: n(figures.holdout) })}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={bonus ? t('campaigns.confirm.rule') : t('campaigns.confirm.perMember')}>
          <span data-testid="confirm-per-member">{perMember}</span>
        </Descriptions.Item>
        {bonus && draft.bonusStartsAt && draft.bonusEndsAt && (
          <Descriptions.Item label={t('campaigns.confirm.window')}>
            <span data-testid="confirm-window">
              {t('campaigns.confirm.windowValue', {
                from: formatDateTime(draft.bonusStartsAt, lang),
                to: formatDateTime(draft.bonusEndsAt, lang),
              })}
            </span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('campaigns.confirm.total')}>
          <Space orientation="vertical" size={0}>
            <Typography.Text strong data-testid="confirm-total">
              {total}
            </Typography.Text>
            {cost.leftWithout > 0 && draft.budget !== null && (
              <Typography.Text type="warning">{t('campaigns.confirm.leftWithout', { count: n(cost.leftWithout) })}</Typography.Text>
            )}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('campaigns.confirm.budget')}>
          <span data-testid="confirm-budget">
            {draft.budget === null ? t('campaigns.confirm.noCap') : `${n(draft.budget)} ${t(`campaigns.unit.${unit}`)}`}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('campaigns.confirm.approval')}>
          <Typography.Text type={figures.needsApproval ? 'warning' : undefined} data-testid="confirm-approval">
            {figures.needsApproval ? t('campaigns.confirm.needsApproval', { reasons }) : t('campaigns.confirm.noApproval')}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('campaigns.confirm.when')}>
          {draft.scheduleKind === 'at' && draft.at ? formatDateTime(draft.at, lang) : t(`campaigns.schedule.${draft.scheduleKind}`)}
        </Descriptions.Item>
      </Descriptions>
      {draft.scheduleKind === 'cron' && (
        <Typography.Text type="secondary">{t('campaigns.confirm.repeat', { cron: draft.cron, timezone: draft.timezone })}</Typography.Text>
      )}
    </Space>
  );
}

/**
 * The audience size, and once the draft is saved (it has an action) its holdout, targeted members and cost (points,
 * or coupons); "…" until the server answers or while there is no action yet.
 */
function LivePreview({
  figures,
  size,
  draft,
  updating,
}: {
  figures: Preview;
  size: number | null | undefined;
  draft: Draft;
  updating: boolean;
}) {
  const { t, lang } = useI18n();
  const coupons = draft.grantKind === 'coupon';
  const bonus = draft.grantKind === 'bonus';
  const cost = bonus ? draft.budget : figures ? launchCost(draft, figures).total : null;
  // Before an action is chosen only the size is known: the rest is a dash, not a figure still loading.
  const none = figures === undefined && !updating && size !== undefined ? '—' : '…';
  return (
    <Row gutter={16} style={{ opacity: updating ? 0.5 : 1, transition: 'opacity 0.2s' }} aria-busy={updating}>
      <Col span={6}>
        <Statistic title={t('campaigns.size')} value={size ?? '…'} data-testid="preview-size" />
      </Col>
      <Col span={6}>
        <Statistic title={t('campaigns.holdoutCount')} value={figures?.holdout ?? none} />
      </Col>
      <Col span={6}>
        <Statistic title={t('campaigns.targeted')} value={figures?.targeted ?? none} />
      </Col>
      <Col span={6}>
        <Statistic
          title={bonus ? t('campaigns.costBonus') : coupons ? t('campaigns.costCoupons') : t('campaigns.cost')}
          value={cost === null ? (bonus ? '—' : none) : formatPoints(cost, lang)}
          data-testid="preview-cost"
        />
      </Col>
    </Row>
  );
}

/** The last step: what will be launched; the audience in words (OR / AND) and the actions in the server's words, a coupon by its reward's name. */
function Summary({ draft, body, reward }: { draft: Draft; body: CampaignBody; reward: Reward | null }) {
  const { t, lang } = useI18n();
  const explain = useRulesExplain(body, hasAudience(body));
  // The server's words name clubs and tiers by code: the marketer reads the chosen ones by name.
  const clubs = useAllClubs();
  const ladder = useLadder();
  const chosenClubs = clubs.data?.clubs.filter((c) => draft.clubIds.includes(c.clubId) || draft.excludeClubIds.includes(c.clubId)) ?? [];
  const chosenTiers = ladder.data?.tiers.filter((x) => draft.tierCodes.includes(x.code) || draft.excludeTierCodes.includes(x.code)) ?? [];
  const words = (w: RuleWords) => namesInWords(w[lang], [...chosenClubs, ...chosenTiers], lang);
  const explained = explain.data;
  // A bonus rule in the console's words (the category by name, the window in local time), not the server's ISO instants.
  const categoryName = useCategoryName();
  const bonus = draft.grantKind === 'bonus' ? bonusRuleWords(draft, t, (cents) => formatMoney(cents, lang), categoryName) : null;
  const pending = explain.error ? <Typography.Text type="danger">{explain.error.message}</Typography.Text> : t('common.loading');
  const unit = budgetUnit(draft);
  return (
    <Descriptions column={1} bordered size="small">
      <Descriptions.Item label={t('common.name')}>{draft.name}</Descriptions.Item>
      <Descriptions.Item label={t('campaigns.step.audience')}>
        <Space orientation="vertical" size={0}>
          <span>{audienceWords(draft, t)}</span>
          <Typography.Text type="secondary" data-testid="summary-audience">
            {explained?.audience ? words(explained.audience.description) : pending}
          </Typography.Text>
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('campaigns.step.action')}>
        {!explained ? (
          pending
        ) : explained.actions.length === 0 ? (
          '—'
        ) : (
          <Space orientation="vertical" size={0} data-testid="summary-actions">
            {explained.actions.map((a) => (
              <span key={a.type}>
                {a.type === 'grantCoupon' && reward
                  ? t('campaigns.couponWords', { reward: rewardLabel(reward, lang) })
                  : a.type === 'bonusRule' && bonus && draft.bonusStartsAt && draft.bonusEndsAt
                    ? `${bonus} · ${t('campaigns.confirm.windowValue', {
                        from: formatDateTime(draft.bonusStartsAt, lang),
                        to: formatDateTime(draft.bonusEndsAt, lang),
                      })}`
                    : words(a.description)}
              </span>
            ))}
          </Space>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('campaigns.schedule')}>
        {t(`campaigns.schedule.${draft.scheduleKind}`)}
        {draft.scheduleKind === 'cron' && ` · ${draft.cron} (${draft.timezone})`}
      </Descriptions.Item>
      <Descriptions.Item label={t('campaigns.confirm.budget')}>
        {draft.budget === null ? t('campaigns.confirm.noCap') : `${formatPoints(draft.budget, lang)} ${t(`campaigns.unit.${unit}`)}`}
      </Descriptions.Item>
      <Descriptions.Item label={t('campaigns.holdout')}>{draft.holdoutPercent}%</Descriptions.Item>
    </Descriptions>
  );
}

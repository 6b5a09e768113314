import { Alert, Button, Card, Col, Descriptions, Empty, InputNumber, Progress, Row, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { formatMoney, formatPercent, formatPoints } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../auth';
import { Chart } from '../components/Chart';
import { QueryState } from '../components/QueryState';
import { ApprovalButtons } from './Approvals';
import { useCampaign, useCampaignAction, useCampaignResults, useRaiseBudget, type CampaignGroup, type CampaignResults } from './queries';
import { StateTag } from './StateTag';
import { upliftChartOption } from './uplift-chart';

const orDash = <T,>(value: T | null | undefined, show: (v: T) => string) => (value === null || value === undefined ? '—' : show(value));

/** A campaign: its state and the actions it allows, its budget, the run's progress and the results with the uplift. */
export function CampaignDetail({ campaignId }: { campaignId: string }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const campaign = useCampaign(campaignId);
  const results = useCampaignResults(campaignId);
  const act = useCampaignAction(campaignId);
  return (
    <QueryState query={campaign}>
      {(c) => {
        const state = results.data?.state ?? c.state;
        const progress = results.data?.progress;
        const percent = progress?.percent ?? (['completed', 'active', 'ended'].includes(state) ? 100 : 0);
        return (
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            <Space wrap>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {c.name}
              </Typography.Title>
              <StateTag state={state as typeof c.state} />
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
                <RaiseBudget
                  campaignId={campaignId}
                  capPoints={c.budget.capPoints}
                  spentPoints={c.budget.spentPoints}
                  coupons={Boolean(c.actions.grantCoupon)}
                />
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
            {results.data && <Results results={results.data} coupons={Boolean(c.actions.grantCoupon)} />}
          </Space>
        );
      }}
    </QueryState>
  );
}

/**
 * Points granted (or coupons issued), deliveries, holdout and messages; the uplift of the targeted group over the
 * holdout only when there is a holdout group to compare with.
 */
function Results({ results, coupons }: { results: CampaignResults; coupons: boolean }) {
  const { t, lang } = useI18n();
  const spent = (results.budget as { spentPoints?: number } | null)?.spentPoints ?? 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          {coupons ? (
            <Statistic title={t('campaigns.couponsIssued')} value={formatPoints(spent, lang)} data-testid="coupons-issued" />
          ) : (
            <Statistic
              title={t('campaigns.pointsGranted')}
              value={formatPoints(results.pointsGranted, lang)}
              data-testid="points-granted"
            />
          )}
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('campaigns.delivered')} value={formatPoints(results.delivered, lang)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('campaigns.holdoutCount')} value={formatPoints(results.holdout, lang)} data-testid="holdout-count" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('campaigns.messages')} value={formatPoints(results.messages, lang)} />
        </Col>
        {coupons && results.coupons && (
          <>
            <Col xs={12} md={6}>
              <Statistic
                title={t('campaigns.couponsUsed')}
                data-testid="coupons-used"
                value={t('campaigns.couponsUsedOf', {
                  used: formatPoints(results.coupons.used, lang),
                  issued: formatPoints(results.coupons.issued, lang),
                  rate: formatPercent(results.coupons.usedRate ?? 0, lang),
                })}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('campaigns.couponReceipts')}
                data-testid="coupon-receipts"
                value={t('campaigns.couponReceiptsSpend', {
                  count: formatPoints(results.coupons.purchases, lang),
                  money: formatMoney(results.coupons.spendCents, lang),
                })}
              />
            </Col>
          </>
        )}
        {results.overBudget > 0 && (
          <Col xs={12} md={6}>
            <Statistic title={t('campaigns.overBudget')} value={formatPoints(results.overBudget, lang)} data-testid="over-budget" />
          </Col>
        )}
      </Row>
      {results.holdoutGroup.members > 0 ? (
        <Uplift afterDays={results.afterDays} targeted={results.targeted} holdout={results.holdoutGroup} />
      ) : (
        <Alert type="info" showIcon title={t('campaigns.noHoldout')} data-testid="no-holdout" />
      )}
    </Space>
  );
}

/** The two groups' purchase rate and spend per member after delivery (rates are null for an empty group). */
function Uplift({ afterDays, targeted, holdout }: { afterDays: number; targeted: CampaignGroup; holdout: CampaignGroup }) {
  const { t, lang } = useI18n();
  // Nobody in either group has bought since delivery: a chart would be two empty bars on a 0–1 axis.
  const nothingYet = targeted.buyers === 0 && holdout.buyers === 0;
  return (
    <Card size="small" title={t('campaigns.uplift', { days: afterDays })}>
      {nothingYet ? (
        <Empty
          data-testid="uplift-empty"
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('campaigns.upliftNothingYet', {
            targeted: formatPoints(targeted.members, lang),
            holdout: formatPoints(holdout.members, lang),
            days: afterDays,
          })}
        />
      ) : (
        <Chart
          label={t('campaigns.upliftChart')}
          testId="uplift-chart"
          option={upliftChartOption(targeted, holdout, {
            targeted: t('campaigns.targetedGroup'),
            holdout: t('campaigns.holdoutGroup'),
            purchaseRate: t('campaigns.purchaseRate'),
            spendPerMember: t('campaigns.spendPerMember'),
          })}
        />
      )}
      <Descriptions size="small" column={1} data-testid="uplift-figures">
        <Descriptions.Item label={t('campaigns.purchaseRate')}>
          {orDash(targeted.purchaseRate, (v) => formatPercent(v, lang))} / {orDash(holdout.purchaseRate, (v) => formatPercent(v, lang))}
        </Descriptions.Item>
        <Descriptions.Item label={t('campaigns.spendPerMember')}>
          {orDash(targeted.spendPerMemberCents, (v) => formatMoney(v, lang))} /{' '}
          {orDash(holdout.spendPerMemberCents, (v) => formatMoney(v, lang))}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** An admin raises a launched campaign's budget cap (only upwards): a capped bonus rule pays again at once. */
function RaiseBudget({
  campaignId,
  capPoints,
  spentPoints,
  coupons,
}: {
  campaignId: string;
  capPoints: number;
  spentPoints: number;
  /** The budget counts coupons (a coupon grant), not points. */
  coupons: boolean;
}) {
  const { t, lang } = useI18n();
  const [cap, setCap] = useState<number | null>(null);
  const raise = useRaiseBudget(campaignId, () => setCap(null));
  return (
    <Space wrap>
      <Typography.Text data-testid="campaign-budget">
        {coupons ? t('campaigns.budgetCoupons') : t('campaigns.budget')}: {formatPoints(spentPoints, lang)} /{' '}
        {formatPoints(capPoints, lang)}
      </Typography.Text>
      <InputNumber
        aria-label={coupons ? t('campaigns.newCapCoupons') : t('campaigns.newCap')}
        min={capPoints + 1}
        precision={0}
        value={cap}
        onChange={(n) => setCap(n)}
        placeholder={coupons ? t('campaigns.newCapCoupons') : t('campaigns.newCap')}
        style={{ width: 200 }}
      />
      <Button onClick={() => cap !== null && raise.mutate(cap)} disabled={cap === null || cap <= capPoints} loading={raise.isPending}>
        {t('campaigns.raiseBudget')}
      </Button>
      {raise.error && <Alert type="error" role="alert" title={raise.error.message} />}
    </Space>
  );
}

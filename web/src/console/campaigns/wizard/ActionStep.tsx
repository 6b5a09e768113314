import { Alert, Card, Checkbox, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { formatMoney } from '../../../shared/format';
import { useI18n, type Lang } from '../../../shared/i18n';
import { useCouponRewards, useMessageTemplates, type Reward } from '../queries';
import { StepFields, type StepProps } from './StepFields';
import type { Draft, GrantKind } from './draft';

/** A reward by its name in the page's language, with what the coupon is worth. */
export function rewardLabel(r: Reward, lang: Lang): string {
  const name = lang === 'zh-CN' ? r.nameZh : r.nameEn;
  if (r.kind === 'amount_off' && r.valueCents !== null) {
    return `${name} (${formatMoney(r.valueCents, lang)})`;
  }
  if (r.kind === 'percent_off' && r.percentOff !== null) {
    return `${name} (${r.percentOff}%)`;
  }
  return name;
}

/**
 * What the campaign does: what each member gets (points, a coupon of a reward picked by name, or nothing), with no
 * amount pre-filled; and a message (channel and template).
 */
export function ActionStep({ draft, set }: StepProps) {
  const { t, lang } = useI18n();
  const templates = useMessageTemplates();
  const rewards = useCouponRewards();
  const channelTemplates = (templates.data?.templates ?? []).filter((tpl) => tpl.channel === draft.channel);
  return (
    <StepFields>
      <Card size="small" title={t('campaigns.grantKind')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Radio.Group
            aria-label={t('campaigns.grantKind')}
            value={draft.grantKind}
            onChange={(e) => set({ grantKind: e.target.value as GrantKind })}
            optionType="button"
            options={(['points', 'coupon', 'none'] as const).map((k) => ({ value: k, label: t(`campaigns.grantKind.${k}`) }))}
          />
          {draft.grantKind === 'points' && (
            <Space wrap>
              <InputNumber
                style={{ minWidth: 220 }}
                aria-label={t('campaigns.grantPoints')}
                prefix={t('campaigns.grantPoints')}
                min={1}
                max={1_000_000}
                precision={0}
                value={draft.grantPoints}
                onChange={(n) => set({ grantPoints: n })}
              />
              <Input
                aria-label={t('campaigns.grantReason')}
                placeholder={t('campaigns.grantReason')}
                value={draft.grantReason}
                onChange={(e) => set({ grantReason: e.target.value })}
                style={{ minWidth: 260 }}
              />
            </Space>
          )}
          {draft.grantKind === 'coupon' && (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Select
                aria-label={t('campaigns.reward')}
                placeholder={t('campaigns.reward')}
                style={{ width: '100%', maxWidth: 420 }}
                value={draft.rewardId}
                onChange={(rewardId: string) => set({ rewardId })}
                showSearch
                optionFilterProp="label"
                loading={rewards.isLoading}
                options={(rewards.data ?? []).map((r) => ({ value: r.rewardId, label: rewardLabel(r, lang) }))}
              />
              {rewards.data?.length === 0 ? (
                <Alert type="warning" title={t('campaigns.noCouponRewards')} />
              ) : (
                <Typography.Text type="secondary">{t('campaigns.rewardHelp')}</Typography.Text>
              )}
            </Space>
          )}
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
    </StepFields>
  );
}

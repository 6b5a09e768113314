import { Alert, Card, Checkbox, DatePicker, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatMoney } from '../../../shared/format';
import { useI18n, type Lang } from '../../../shared/i18n';
import { useCouponRewards, useMessageTemplates, type Reward } from '../queries';
import { CategoryPicker } from '../../names/CategorySelect';
import { useCategoryName } from '../../names/useNames';
import { StepFields, type StepProps } from './StepFields';
import { bonusRuleWords, type BonusKind, type Draft, type GrantKind } from './draft';

/** A reward by its name in the page's language, with what the coupon is worth (in Chinese, in full-width brackets). */
export function rewardLabel(r: Reward, lang: Lang): string {
  const name = lang === 'zh-CN' ? r.nameZh : r.nameEn;
  const worth = (w: string) => (lang === 'zh-CN' ? `${name}（${w}）` : `${name} (${w})`);
  if (r.kind === 'amount_off' && r.valueCents !== null) {
    return worth(formatMoney(r.valueCents, lang));
  }
  if (r.kind === 'percent_off' && r.percentOff !== null) {
    return worth(`${r.percentOff}%`);
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
            onChange={(e) => {
              const grantKind = e.target.value as GrantKind;
              // A bonus rule's window starts as this day and the next seven (the marketer changes it); no figure is pre-filled.
              set(
                grantKind === 'bonus' && draft.bonusStartsAt === null
                  ? {
                      grantKind,
                      bonusStartsAt: dayjs().startOf('day').toISOString(),
                      bonusEndsAt: dayjs().startOf('day').add(7, 'day').toISOString(),
                    }
                  : { grantKind },
              );
            }}
            optionType="button"
            options={(['points', 'coupon', 'bonus', 'none'] as const).map((k) => ({ value: k, label: t(`campaigns.grantKind.${k}`) }))}
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
          {draft.grantKind === 'bonus' && <BonusRuleFields draft={draft} set={set} />}
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

/** A bonus rule: its kind, the multiplier and the category picked by name (or the extra points and the spend), and its window. */
function BonusRuleFields({ draft, set }: StepProps) {
  const { t, lang } = useI18n();
  const categoryName = useCategoryName();
  const words = bonusRuleWords(draft, t, (cents) => formatMoney(cents, lang), categoryName);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="bonus-rule">
      <Radio.Group
        aria-label={t('campaigns.bonusKind')}
        value={draft.bonusKind}
        onChange={(e) => set({ bonusKind: e.target.value as BonusKind })}
        options={(['category_multiplier', 'base_multiplier', 'fixed_bonus'] as const).map((k) => ({
          value: k,
          label: t(`campaigns.bonusKind.${k}`),
        }))}
      />
      {draft.bonusKind === 'fixed_bonus' ? (
        <Space wrap>
          <InputNumber
            style={{ minWidth: 220 }}
            aria-label={t('campaigns.bonusPoints')}
            prefix={t('campaigns.bonusPoints')}
            min={1}
            max={1_000_000}
            precision={0}
            value={draft.bonusPoints}
            onChange={(n) => set({ bonusPoints: n })}
          />
          <InputNumber
            style={{ minWidth: 300 }}
            aria-label={t('campaigns.bonusMinSpend')}
            prefix={t('campaigns.bonusMinSpend')}
            min={0}
            max={1_000_000}
            precision={2}
            value={draft.bonusMinSpendYuan}
            onChange={(n) => set({ bonusMinSpendYuan: n })}
          />
        </Space>
      ) : (
        <Space wrap align="center">
          <InputNumber
            style={{ width: 180 }}
            aria-label={t('campaigns.bonusMultiplier')}
            prefix={t('campaigns.bonusMultiplier')}
            suffix="×"
            min={1.1}
            max={10}
            step={0.5}
            precision={2}
            value={draft.bonusMultiplier}
            onChange={(n) => set({ bonusMultiplier: n })}
          />
          {draft.bonusKind === 'category_multiplier' && (
            <CategoryPicker
              label={t('campaigns.bonusCategory')}
              value={draft.bonusCategory ?? undefined}
              onChange={(bonusCategory) => set({ bonusCategory })}
              testId="bonus-category"
            />
          )}
        </Space>
      )}
      <Space wrap align="center">
        <Typography.Text>{t('campaigns.bonusWindow')}</Typography.Text>
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          aria-label={t('campaigns.bonusWindow')}
          allowClear={false}
          value={[draft.bonusStartsAt ? dayjs(draft.bonusStartsAt) : null, draft.bonusEndsAt ? dayjs(draft.bonusEndsAt) : null]}
          onChange={(range) => set({ bonusStartsAt: range?.[0]?.toISOString() ?? null, bonusEndsAt: range?.[1]?.toISOString() ?? null })}
        />
      </Space>
      {words && <Alert type="info" showIcon title={words} data-testid="bonus-words" />}
      <Typography.Text type="secondary">{t('campaigns.bonusHelp')}</Typography.Text>
    </Space>
  );
}

import { DatePicker, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n';
import type { StepProps } from './StepFields';
import { budgetUnit, TIMEZONES, type Draft } from './draft';

/** When it runs (now, at a time, on a cron in a time zone), its budget (in points or coupons, as it grants) and its holdout. */
export function ScheduleStep({ draft, set }: StepProps) {
  const { t } = useI18n();
  const budgetLabel = budgetUnit(draft) === 'coupons' ? t('campaigns.budgetCoupons') : t('campaigns.budgetPoints');
  return (
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
      <Space wrap>
        <InputNumber
          aria-label={budgetLabel}
          prefix={budgetLabel}
          min={1}
          precision={0}
          value={draft.budget}
          onChange={(n) => set({ budget: n })}
          style={{ minWidth: 260 }}
        />
        <Typography.Text type="secondary">{t('campaigns.budgetHelp')}</Typography.Text>
      </Space>
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
  );
}

import { DatePicker, Segmented, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../shared/i18n';
import type { Period } from './queries';

const PRESETS = [7, 30, 90] as const;
const MAX_PERIOD_DAYS = 183;

/** The period from the address (?days= or ?from=&to=), so a period can be bookmarked and shared; 30 days by default. */
export function usePeriod(): [Period, (p: Period) => void] {
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const days = Number(params.get('days'));
  const period: Period = from && to ? { from, to } : { days: (PRESETS as readonly number[]).includes(days) ? (days as 7 | 30 | 90) : 30 };
  const set = (p: Period) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const key of ['days', 'from', 'to']) {
          next.delete(key);
        }
        for (const [key, value] of Object.entries('days' in p ? { days: String(p.days) } : p)) {
          next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  return [useMemo(() => period, [from, to, days]), set];
}

/** 7 / 30 / 90 days or a custom range of days (at most 183, none after today). */
export function PeriodSwitch({ period, onChange, lastDay }: { period: Period; onChange: (p: Period) => void; lastDay: string | null }) {
  const { t } = useI18n();
  const value = 'days' in period ? String(period.days) : 'custom';
  return (
    <Space wrap>
      <Segmented
        aria-label={t('analytics.range')}
        value={value}
        onChange={(v) => {
          if (v === 'custom') {
            const to = lastDay ?? dayjs().format('YYYY-MM-DD');
            onChange({ from: dayjs(to).subtract(13, 'day').format('YYYY-MM-DD'), to });
          } else {
            onChange({ days: Number(v) as 7 | 30 | 90 });
          }
        }}
        options={[
          ...PRESETS.map((n) => ({ value: String(n), label: t('dash.days', { n }) })),
          { value: 'custom', label: t('dash.custom') },
        ]}
        data-testid="period-switch"
      />
      {'from' in period && (
        <DatePicker.RangePicker
          aria-label={t('dash.customRange')}
          allowClear={false}
          value={[dayjs(period.from), dayjs(period.to)]}
          disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'day')}
          onChange={(range) => {
            const [from, to] = range ?? [];
            if (from && to && to.diff(from, 'day') < MAX_PERIOD_DAYS) {
              onChange({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
            }
          }}
          data-testid="period-range"
        />
      )}
    </Space>
  );
}

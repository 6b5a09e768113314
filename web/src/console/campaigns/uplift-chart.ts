import type { ChartOption } from '../components/Chart';

export interface UpliftGroupFigures {
  /** Share of the group that bought after delivery (0–1), null for an empty group. */
  purchaseRate: number | null;
  spendPerMemberCents: number | null;
}

export interface UpliftWords {
  targeted: string;
  holdout: string;
  purchaseRate: string;
  spendPerMember: string;
}

/**
 * The uplift chart: the two groups side by side, the purchase rate (%) on the left axis and the spend per member (¥)
 * on the right, each measure on an axis of its own unit (on one shared axis a rate of 12.5 and ¥11.25 read as alike).
 */
export function upliftChartOption(targeted: UpliftGroupFigures, holdout: UpliftGroupFigures, words: UpliftWords): ChartOption {
  const rate = (g: UpliftGroupFigures) => Math.round((g.purchaseRate ?? 0) * 1000) / 10;
  const yuan = (g: UpliftGroupFigures) => (g.spendPerMemberCents ?? 0) / 100;
  return {
    tooltip: { trigger: 'axis' },
    legend: {},
    xAxis: { type: 'category', data: [words.targeted, words.holdout] },
    yAxis: [
      { type: 'value', name: '%', min: 0, axisLabel: { formatter: '{value}%' } },
      { type: 'value', name: '¥', min: 0, axisLabel: { formatter: '¥{value}' }, splitLine: { show: false } },
    ],
    series: [
      { name: words.purchaseRate, type: 'bar', yAxisIndex: 0, data: [rate(targeted), rate(holdout)] },
      { name: words.spendPerMember, type: 'bar', yAxisIndex: 1, data: [yuan(targeted), yuan(holdout)] },
    ],
  };
}

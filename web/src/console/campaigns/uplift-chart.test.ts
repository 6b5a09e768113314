import { describe, expect, it } from 'vitest';
import { upliftChartOption } from './uplift-chart';

const words = {
  targeted: 'Targeted group',
  holdout: 'Holdout group',
  purchaseRate: 'Purchase rate (%)',
  spendPerMember: 'Spend per member (¥)',
};

describe('upliftChartOption', () => {
  const option = upliftChartOption(
    { purchaseRate: 0.125, spendPerMemberCents: 1125 },
    { purchaseRate: null, spendPerMemberCents: null },
    words,
  ) as {
    xAxis: { data: string[] };
    yAxis: Array<{ name: string }>;
    series: Array<{ name: string; yAxisIndex: number; data: number[] }>;
  };

  it('puts the groups on the x axis and each measure on an axis of its own unit', () => {
    expect(option.xAxis.data).toEqual(['Targeted group', 'Holdout group']);
    expect(option.yAxis.map((a) => a.name)).toEqual(['%', '¥']);
    expect(option.series.map((s) => [s.name, s.yAxisIndex])).toEqual([
      ['Purchase rate (%)', 0],
      ['Spend per member (¥)', 1],
    ]);
  });

  it('gives the rate in percent and the spend in yuan, an empty group as 0', () => {
    expect(option.series[0].data).toEqual([12.5, 0]);
    expect(option.series[1].data).toEqual([11.25, 0]);
  });
});

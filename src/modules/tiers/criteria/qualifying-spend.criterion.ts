import { ApiProperty } from '@nestjs/swagger';
import { atLeastSum, formatYuan } from './tier-criterion';

export const MAX_SPEND_CENTS = 100_000_000_000;

export class QualifyingSpendCriterionModel {
  @ApiProperty({ enum: ['qualifyingSpend'], example: 'qualifyingSpend' })
  type: 'qualifyingSpend';
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    minimum: 0,
    maximum: MAX_SPEND_CENTS,
    example: 500000,
    description: 'Qualifying spend over the rolling window (purchases minus refunds), cents. Stored as the tier’s minSpendCents.',
  })
  min: number;
}

/** Qualifying spend (purchases minus refunds) over the window: the tier's minSpendCents. */
export const qualifyingSpend = atLeastSum({
  type: 'qualifyingSpend',
  field: 'minSpendCents',
  sum: 'spendCents',
  gapName: 'spend',
  label: 'qualifying spend (cents)',
  max: MAX_SPEND_CENTS,
  schema: QualifyingSpendCriterionModel,
  describe: (min) => ({ en: `spent at least ${formatYuan(min)}`, zhCN: `消费满${formatYuan(min)}` }),
});

import { ApiProperty } from '@nestjs/swagger';
import { atLeastSum } from './tier-criterion';

export class PurchaseCountCriterionModel {
  @ApiProperty({ enum: ['purchaseCount'], example: 'purchaseCount' })
  type: 'purchaseCount';
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 1_000_000,
    example: 12,
    description: 'Purchases over the rolling window. Stored as the tier’s minPurchases.',
  })
  min: number;
}

/** Purchases over the window: the tier's minPurchases. */
export const purchaseCount = atLeastSum({
  type: 'purchaseCount',
  field: 'minPurchases',
  sum: 'purchases',
  gapName: 'purchases',
  label: 'purchase count',
  max: 1_000_000,
  schema: PurchaseCountCriterionModel,
  describe: (min) => ({ en: `made at least ${min === 1 ? '1 purchase' : `${min} purchases`}`, zhCN: `购买满${min}次` }),
});

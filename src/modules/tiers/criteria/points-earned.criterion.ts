import { ApiProperty } from '@nestjs/swagger';
import { atLeastSum } from './tier-criterion';

export class PointsEarnedCriterionModel {
  @ApiProperty({ enum: ['pointsEarned'], example: 'pointsEarned' })
  type: 'pointsEarned';
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    minimum: 0,
    maximum: 1_000_000_000,
    example: 5000,
    description: 'Points earned over the rolling window (not the balance). Stored as the tier’s minPoints.',
  })
  min: number;
}

/** Points earned over the window (not the balance): the tier's minPoints. */
export const pointsEarned = atLeastSum({
  type: 'pointsEarned',
  field: 'minPoints',
  sum: 'points',
  gapName: 'points',
  label: 'points earned',
  max: 1_000_000_000,
  schema: PointsEarnedCriterionModel,
  describe: (min) => ({ en: `earned at least ${min.toLocaleString('en-US')} points`, zhCN: `获得积分满${min}分` }),
});

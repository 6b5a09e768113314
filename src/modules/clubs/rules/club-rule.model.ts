/**
 * The OpenAPI model of a club rule: `conditions` is a oneOf of every
 * registered kind's model with a discriminator on `type`, so clients get the
 * union from the generated schema. Validation stays validateClubRule's (the
 * registry's), which names every bad field.
 */
import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { RULE_LIMITS } from '../conditions/club-condition';
import { CLUB_CONDITIONS } from '../conditions/club-conditions.registry';

const KINDS = Object.values(CLUB_CONDITIONS);

export const RULE_EXAMPLE = {
  combine: 'all',
  conditions: [
    { type: 'categoryPurchases', categories: ['baby', 'toddler'], minPurchases: 3, days: 90 },
    { type: 'city', cities: ['Shanghai'] },
  ],
};

@ApiExtraModels(...KINDS.map((k) => k.schema))
export class ClubRuleModel {
  @ApiProperty({ enum: ['all', 'any'], example: 'all', description: 'all: every condition; any: one is enough.' })
  combine: 'all' | 'any';

  @ApiProperty({
    type: 'array',
    minItems: 1,
    maxItems: RULE_LIMITS.conditions,
    items: {
      oneOf: KINDS.map((k) => ({ $ref: getSchemaPath(k.schema) })),
      discriminator: { propertyName: 'type', mapping: Object.fromEntries(KINDS.map((k) => [k.type, getSchemaPath(k.schema)])) },
    },
    example: RULE_EXAMPLE.conditions,
  })
  conditions: unknown[];
}

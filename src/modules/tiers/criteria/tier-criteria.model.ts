/**
 * The OpenAPI form of a list of tier criteria: a oneOf of every registered
 * kind's model with a discriminator on `type`. Put the models in the document
 * with @ApiExtraModels(...TIER_CRITERION_MODELS) on the class that uses it.
 */
import { getSchemaPath } from '@nestjs/swagger';
import { CRITERION_KINDS } from './tier-criteria.registry';

export const TIER_CRITERION_MODELS = CRITERION_KINDS.map((k) => k.schema);

export const TIER_CRITERIA_EXAMPLE = [
  { type: 'qualifyingSpend', min: 500000 },
  { type: 'purchaseCount', min: 12 },
];

export const TIER_CRITERIA_SCHEMA = {
  type: 'array',
  maxItems: CRITERION_KINDS.length,
  items: {
    oneOf: CRITERION_KINDS.map((k) => ({ $ref: getSchemaPath(k.schema) })),
    discriminator: { propertyName: 'type', mapping: Object.fromEntries(CRITERION_KINDS.map((k) => [k.type, getSchemaPath(k.schema)])) },
  },
  example: TIER_CRITERIA_EXAMPLE,
} as const;

/**
 * Every kind of club condition, keyed by its `type`. A new kind is a new
 * `*.condition.ts` file (with its spec) and one line here: validation, words,
 * the TypeScript and SQL evaluations, the member's gap and the OpenAPI union
 * all follow from this list.
 */
import { ageRange } from './age-range.condition';
import { birthdayMonth } from './birthday-month.condition';
import { categoryPurchases } from './category-purchases.condition';
import { categorySpend } from './category-spend.condition';
import { city } from './city.condition';
import { ClubConditionKind, ConditionShape } from './club-condition';
import { gender } from './gender.condition';

export const CLUB_CONDITIONS = {
  categoryPurchases,
  categorySpend,
  birthdayMonth,
  city,
  ageRange,
  gender,
} as const;

type Kinds = typeof CLUB_CONDITIONS;
type ConditionOf<K> = K extends ClubConditionKind<infer C> ? C : never;

/** A condition of a club rule: the discriminated union of every kind's shape, by `type`. */
export type ClubCondition = { [K in keyof Kinds]: ConditionOf<Kinds[K]> }[keyof Kinds];
export type ConditionType = ClubCondition['type'];

// Each kind is listed under its own type (a mismatch names the key here).
type Misfiled = { [K in keyof Kinds]: Kinds[K]['type'] extends K ? never : K }[keyof Kinds];
const keyedByType: [Misfiled] extends [never] ? true : Misfiled = true;
void keyedByType;

export const CONDITION_TYPES = Object.keys(CLUB_CONDITIONS) as ConditionType[];

export function isConditionType(type: unknown): type is ConditionType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(CLUB_CONDITIONS, type);
}

/** The kind of a condition (the registry is keyed by type, so the lookup cannot miss). */
export function conditionKind<C extends ClubCondition>(c: C): ClubConditionKind<C> {
  return CLUB_CONDITIONS[c.type] as unknown as ClubConditionKind<C>;
}

/** A kind by its type, for validating what a client sent. */
export function kindOfType(type: ConditionType): ClubConditionKind<ConditionShape> {
  return CLUB_CONDITIONS[type] as unknown as ClubConditionKind<ConditionShape>;
}

/**
 * The family of tier criteria: what one kind of criterion says about itself.
 * A threshold tier lists criteria (combined by its qualifyMode, any or all);
 * each kind lives in its own `*.criterion.ts` file with its spec and is listed
 * once in tier-criteria.registry.ts, and every switch over kinds goes through
 * the registry. A criterion is stored and sent in the tier's own field
 * (`field`: min_spend_cents / minSpendCents, null when the tier does not ask
 * it), so stored ladders and the API are unchanged; in rules/explain it is
 * the discriminated union { type, min }.
 *
 * `holds` (one member, in TypeScript) and `sql` (set-based) must select the
 * same members: test/medium/tier-criteria.spec.ts proves it over random
 * populations.
 */
import { QUALIFYING_SUM_COLUMNS, QualifyingStats, QualifyingSum, SqlFragment } from '../../points/rules/qualifying-sums';

export interface RuleText {
  en: string;
  zhCN: string;
}

/** How far a member's window sums are from one criterion (the member page's tier progress). */
export interface CriterionGap<G extends string = string> {
  /** The member page's name of the criterion. */
  criterion: G;
  required: number;
  current: number;
  /** Still missing (0 when met). */
  missing: number;
}

export type Fail = (field: string, message: string) => void;

export interface TierCriterionKind<T extends string = string, F extends string = string, G extends string = string> {
  type: T;
  /** The tier's field (and, snake_cased, its column) that holds the threshold; null there: not a criterion. */
  field: F;
  /** The member page's name in tier progress (spend, points, purchases). */
  gapName: G;
  /** Its words in the ladder's problems ("… asks <label> ≥ 5000 …"). */
  label: string;
  /** The largest threshold a tier may ask. */
  max: number;
  /** Checks a threshold as a client sent it. */
  validate(min: unknown, path: string, fail: Fail): min is number;
  describe(min: number): RuleText;
  /** Whether a member's window sums meet the threshold. */
  holds(min: number, stats: QualifyingStats): boolean;
  /** The same test over a row of window sums `alias` (named as QUALIFYING_SUM_COLUMNS; null: no row, zero). */
  sql(min: number, alias: string): SqlFragment;
  gap(min: number, stats: QualifyingStats): CriterionGap<G>;
  /** The OpenAPI model of { type, min } for this kind. */
  schema: abstract new () => unknown;
}

/**
 * The common shape of a criterion "the window sum `sum` is at least min":
 * its test, SQL, gap and validation, from the sum it reads.
 */
export function atLeastSum<T extends string, F extends string, G extends string>(
  def: Pick<TierCriterionKind<T, F, G>, 'type' | 'field' | 'gapName' | 'label' | 'max' | 'describe' | 'schema'> & { sum: QualifyingSum },
): TierCriterionKind<T, F, G> {
  const column = QUALIFYING_SUM_COLUMNS[def.sum];
  return {
    type: def.type,
    field: def.field,
    gapName: def.gapName,
    label: def.label,
    max: def.max,
    schema: def.schema,
    describe: def.describe,
    validate(min: unknown, path: string, fail: Fail): min is number {
      if (!Number.isSafeInteger(min) || (min as number) < 0 || (min as number) > def.max) {
        fail(path, `must be a whole number from 0 to ${def.max}`);
        return false;
      }
      return true;
    },
    holds: (min, stats) => stats[def.sum] >= min,
    sql: (min, alias) => ({ sql: `COALESCE(${alias}.${column}, 0) >= ?`, params: [min] }),
    gap: (min, stats) => ({ criterion: def.gapName, required: min, current: stats[def.sum], missing: Math.max(0, min - stats[def.sum]) }),
  };
}

/** ¥1,234.50 */
export function formatYuan(cents: number): string {
  const yuan = Math.floor(cents / 100);
  const fen = cents % 100;
  return `¥${yuan.toLocaleString('en-US')}${fen === 0 ? '' : `.${String(fen).padStart(2, '0')}`}`;
}

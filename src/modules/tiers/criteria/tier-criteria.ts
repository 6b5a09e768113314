/**
 * A tier's criteria as a whole: read from its threshold fields, combined by
 * its qualifyMode, tested in TypeScript or compiled to SQL, put in words and
 * measured against a member's sums. Every use of the criteria goes through
 * here and the registry. Pure.
 */
import { ErrorDetail } from '../../../common/errors/domain-error';
import { QualifyingStats, SqlFragment } from '../../points/rules/qualifying-sums';
import {
  CRITERION_KINDS,
  CRITERION_TYPES,
  CriterionGapName,
  criterionKind,
  isCriterionType,
  TierCriterion,
  TierThresholds,
} from './tier-criteria.registry';
import { CriterionGap, RuleText } from './tier-criterion';

export type QualifyMode = 'any' | 'all';

/** What the criteria functions read of a tier. */
export type TierCriteriaFields = TierThresholds & { qualifyMode: QualifyMode };

/** The criteria a tier asks, in registry order. */
export function criteriaOf(tier: TierThresholds): TierCriterion[] {
  return CRITERION_KINDS.flatMap((k) => {
    const min = tier[k.field];
    return min === null ? [] : [{ type: k.type, min }];
  });
}

/** The tier fields of a list of criteria (the stored form): every field not asked is null. */
export function thresholdsOf(criteria: TierCriterion[]): TierThresholds {
  const out = Object.fromEntries(CRITERION_KINDS.map((k) => [k.field, null])) as TierThresholds;
  for (const c of criteria) {
    out[criterionKind(c.type).field] = c.min;
  }
  return out;
}

/** Whether the sums meet the tier's criteria; a tier with none is never qualified for. */
export function meetsCriteria(tier: TierCriteriaFields, stats: QualifyingStats): boolean {
  const checks = criteriaOf(tier).map((c) => criterionKind(c.type).holds(c.min, stats));
  if (checks.length === 0) {
    return false;
  }
  return tier.qualifyMode === 'all' ? checks.every(Boolean) : checks.some(Boolean);
}

/** The same test over a row of window sums `alias`; null for a tier without criteria. */
export function criteriaSql(tier: TierCriteriaFields, alias: string): SqlFragment | null {
  const parts = criteriaOf(tier).map((c) => criterionKind(c.type).sql(c.min, alias));
  if (parts.length === 0) {
    return null;
  }
  return {
    sql: `(${parts.map((p) => p.sql).join(tier.qualifyMode === 'all' ? ' AND ' : ' OR ')})`,
    params: parts.flatMap((p) => p.params),
  };
}

/** How far the sums are from each criterion of the tier, in registry order. */
export function criteriaGaps(tier: TierThresholds, stats: QualifyingStats): Array<CriterionGap<CriterionGapName>> {
  return criteriaOf(tier).map((c) => criterionKind(c.type).gap(c.min, stats));
}

/** The criteria in words: "Members who spent at least ¥5,000 or made at least 12 purchases over the window." */
export function describeCriteria(criteria: TierCriterion[], qualifyMode: QualifyMode): RuleText {
  if (criteria.length === 0) {
    return { en: 'Every member (no criteria).', zhCN: '所有会员（无条件）。' };
  }
  const parts = criteria.map((c) => criterionKind(c.type).describe(c.min));
  const en = parts.map((p) => p.en);
  const joinEn = qualifyMode === 'all' ? 'and' : 'or';
  const enList = en.length === 1 ? en[0] : `${en.slice(0, -1).join(', ')} ${joinEn} ${en[en.length - 1]}`;
  const zh = parts.map((p) => p.zhCN).join(qualifyMode === 'all' ? '且' : '或');
  return { en: `Members who ${enList} over the qualifying window.`, zhCN: `统计周期内${zh}的会员。` };
}

/** Checks criteria as a client sent them (each an object { type, min } of a registered type, no type twice) and answers them in registry order, as a tier stores them. */
export function validateCriteria(
  input: unknown,
  path = 'criteria',
): { ok: true; criteria: TierCriterion[] } | { ok: false; errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });
  if (!Array.isArray(input) || input.length > CRITERION_KINDS.length) {
    return { ok: false, errors: [{ field: path, message: `must be a list of at most ${CRITERION_KINDS.length} criteria` }] };
  }
  const criteria: TierCriterion[] = [];
  const seen = new Set<string>();
  input.forEach((raw: unknown, i) => {
    const at = `${path}[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      fail(at, 'must be an object with type and min');
      return;
    }
    const { type, min, ...rest } = raw as Record<string, unknown>;
    Object.keys(rest).forEach((k) => fail(`${at}.${k}`, 'is not a field of a criterion'));
    if (!isCriterionType(type)) {
      fail(`${at}.type`, `must be one of ${CRITERION_TYPES.join(', ')}`);
      return;
    }
    if (seen.has(type)) {
      fail(`${at}.type`, `${type} is already in the list; a tier asks each criterion once`);
    }
    seen.add(type);
    if (criterionKind(type).validate(min, `${at}.min`, fail)) {
      criteria.push({ type, min });
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, criteria: criteriaOf(thresholdsOf(criteria)) };
}

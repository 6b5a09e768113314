/**
 * Rules of automatic clubs: pure functions, no I/O. A rule is a list of
 * conditions over purchase behaviour and the profile, combined with all or
 * any. Each kind of condition is one file under ../conditions, listed in
 * club-conditions.registry.ts; this file combines them: validation, the rule
 * in plain words (en, zh-CN), the evaluation for one member (the incremental
 * check after a purchase) and the member's gap. club-rule-sql.ts turns the
 * same rule into SQL for set-based regroups; the two must agree
 * (test/medium/club-conditions.spec.ts checks every kind).
 */

import { ErrorDetail } from '../../../common/errors/domain-error';
import {
  CategoryNaming,
  ConditionGap,
  Fail,
  isObjectRecord,
  listEn,
  MemberFacts,
  RULE_LIMITS,
  RuleText,
} from '../conditions/club-condition';
import { ClubCondition, CONDITION_TYPES, conditionKind, isConditionType, kindOfType } from '../conditions/club-conditions.registry';

export { formatYuan, RULE_LIMITS, windowStart } from '../conditions/club-condition';
export type { MemberFacts, PurchaseFact, RuleText } from '../conditions/club-condition';
export { ageOn } from '../conditions/age-range.condition';
export { GENDERS } from '../conditions/gender.condition';
export type { Gender } from '../conditions/gender.condition';
export type { ClubCondition, ConditionType } from '../conditions/club-conditions.registry';

export interface ClubRule {
  combine: 'all' | 'any';
  conditions: ClubCondition[];
}

export type RuleValidation = { ok: true; rule: ClubRule } | { ok: false; errors: ErrorDetail[] };

/**
 * Checks a rule as sent by a client and returns it normalised (categories
 * lower-cased and trimmed, lists de-duplicated and sorted) or every problem,
 * each with its field path (rule.conditions[1].days).
 */
export function validateClubRule(input: unknown, path = 'rule'): RuleValidation {
  const errors: ErrorDetail[] = [];
  const err = (field: string, message: string) => errors.push({ field, message });
  if (!isObjectRecord(input)) {
    return { ok: false, errors: [{ field: path, message: 'must be an object with combine and conditions' }] };
  }
  for (const key of Object.keys(input)) {
    if (key !== 'combine' && key !== 'conditions') {
      err(`${path}.${key}`, 'is not a rule field');
    }
  }
  if (input.combine !== 'all' && input.combine !== 'any') {
    err(`${path}.combine`, 'must be all or any');
  }
  const conditions: ClubCondition[] = [];
  if (!Array.isArray(input.conditions) || input.conditions.length === 0 || input.conditions.length > RULE_LIMITS.conditions) {
    err(`${path}.conditions`, `must be a list of 1 to ${RULE_LIMITS.conditions} conditions`);
  } else {
    input.conditions.forEach((raw: unknown, i: number) => {
      const c = validateCondition(raw, `${path}.conditions[${i}]`, err);
      if (c) {
        conditions.push(c);
      }
    });
  }
  if (errors.length > 0) {
    return { ok: false, errors };
  }
  return { ok: true, rule: { combine: input.combine as 'all' | 'any', conditions } };
}

function validateCondition(raw: unknown, path: string, err: Fail): ClubCondition | null {
  if (!isObjectRecord(raw)) {
    err(path, 'must be an object');
    return null;
  }
  if (!isConditionType(raw.type)) {
    err(`${path}.type`, `must be one of ${CONDITION_TYPES.join(', ')}`);
    return null;
  }
  const kind = kindOfType(raw.type);
  let failed = false;
  const fail: Fail = (f, m) => {
    err(f, m);
    failed = true;
  };
  for (const k of Object.keys(raw).filter((key) => !(kind.fields as readonly string[]).includes(key))) {
    fail(`${path}.${k}`, `is not a field of a ${raw.type} condition`);
  }
  const condition = kind.validate(raw, path, fail) as ClubCondition | null;
  return failed ? null : condition;
}

/** The largest window in days of the rule's purchase conditions (0: the rule reads only the profile). */
export function ruleWindowDays(rule: ClubRule): number {
  return rule.conditions.reduce((max, c) => Math.max(max, conditionKind(c).windowDays(c)), 0);
}

/** Every category the rule's purchase conditions name. */
export function ruleCategories(rule: ClubRule): string[] {
  return [...new Set(rule.conditions.flatMap((c) => conditionKind(c).categories(c)))].sort();
}

/** One condition in words. */
export function describeCondition(c: ClubCondition, names?: CategoryNaming): RuleText {
  return conditionKind(c).describe(c, names);
}

/** The rule in plain words, e.g. "Members who bought in baby or toddler at least 3 times in the last 90 days." */
export function explainClubRule(rule: ClubRule, names?: CategoryNaming): RuleText {
  const parts = rule.conditions.map((c) => describeCondition(c, names));
  const en = parts.map((p) => p.en);
  const zh = parts.map((p) => p.zhCN);
  if (rule.conditions.length === 1) {
    return { en: `Members who ${en[0]}.`, zhCN: `${zh[0]}的会员。` };
  }
  if (rule.combine === 'all') {
    return { en: `Members who ${listEn(en, 'and')}.`, zhCN: `同时满足以下条件的会员：${zh.join('；')}。` };
  }
  return { en: `Members who ${listEn(en, 'or')}.`, zhCN: `满足以下任一条件的会员：${zh.join('；')}。` };
}

export function conditionHolds(c: ClubCondition, facts: MemberFacts, now: Date): boolean {
  return conditionKind(c).holds(c, facts, now);
}

/** Whether the member matches the rule now, and which conditions held. */
export function evaluateClubRule(rule: ClubRule, facts: MemberFacts, now: Date): { matches: boolean; held: boolean[] } {
  const held = rule.conditions.map((c) => conditionHolds(c, facts, now));
  return { matches: rule.combine === 'all' ? held.every(Boolean) : held.some(Boolean), held };
}

/** What the member still lacks, condition by condition (with its words), and whether the rule matches. */
export function clubRuleGaps(
  rule: ClubRule,
  facts: MemberFacts,
  now: Date,
  names?: CategoryNaming,
): { matches: boolean; conditions: Array<ConditionGap & { type: ClubCondition['type']; text: RuleText }> } {
  const conditions = rule.conditions.map((c) => ({
    type: c.type,
    text: describeCondition(c, names),
    ...conditionKind(c).gap(c, facts, now),
  }));
  const held = conditions.map((g) => g.met);
  return { matches: rule.combine === 'all' ? held.every(Boolean) : held.some(Boolean), conditions };
}

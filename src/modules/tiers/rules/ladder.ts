/** Validation of a proposed tier ladder: every problem with a reason a person can act on. Pure. */
import { CRITERION_KINDS } from '../criteria/tier-criteria.registry';
import { TierCriteriaFields } from '../criteria/tier-criteria';

export type LadderTier = {
  code: string;
  nameEn: string;
  nameZh: string;
  kind: 'threshold' | 'rank';
  earnMultiplierPermille: number;
  birthdayBonusPoints: number;
  priorityService: boolean;
  rankTopN: number | null;
  rankTopPermille: number | null;
} & TierCriteriaFields;

export interface LadderProblem {
  field: string;
  message: string;
}

const CRITERIA = CRITERION_KINDS.map((k) => ({ key: k.field, label: k.label }));

function criteriaOf(tier: LadderTier) {
  return CRITERIA.filter((c) => tier[c.key] !== null);
}

/**
 * The ladder is given lowest first; a tier's rank is its place in the list.
 *
 * - Codes are unique.
 * - The lowest tier is the entry tier: a threshold tier with no criteria.
 * - Every other threshold tier has at least one criterion; a rank tier has
 *   exactly one of rankTopN / rankTopPermille. (That rank tiers sit above all
 *   threshold tiers, and that the entry tier stays first, are rules of the
 *   order: rules/ladder-order.ts.)
 * - A ladder must be climbable: each threshold tier shares at least one
 *   criterion with the threshold tier below it (the entry tier aside) and asks
 *   strictly more on every criterion they share. A higher tier that asks the
 *   same or less on a shared criterion would be reached together with or
 *   before the lower one, and the lower tier would be skipped or wrongly kept.
 * - The earn multiplier does not fall as tiers rise.
 */
export function ladderProblems(ladder: LadderTier[]): LadderProblem[] {
  const problems: LadderProblem[] = [];
  if (ladder.length === 0) {
    return [{ field: 'tiers', message: 'a ladder needs at least the entry tier' }];
  }
  const seen = new Map<string, number>();
  ladder.forEach((tier, i) => {
    const first = seen.get(tier.code);
    if (first !== undefined) {
      problems.push({ field: `tiers[${i}].code`, message: `code ${tier.code} is already used by tiers[${first}]; codes must be unique` });
    } else {
      seen.set(tier.code, i);
    }
  });

  const entry = ladder[0];
  if (entry.kind !== 'threshold') {
    problems.push({ field: 'tiers[0].kind', message: 'the lowest tier is where every member starts: it must be a threshold tier' });
  }
  for (const c of criteriaOf(entry)) {
    problems.push({ field: `tiers[0].${c.key}`, message: 'the lowest tier is where every member starts: it must have no criteria (null)' });
  }

  let previousThreshold: { tier: LadderTier; index: number } | null = null;
  ladder.forEach((tier, i) => {
    if (i > 0 && tier.earnMultiplierPermille < ladder[i - 1].earnMultiplierPermille) {
      problems.push({
        field: `tiers[${i}].earnMultiplierPermille`,
        message: `${tier.code} would earn less (${tier.earnMultiplierPermille}‰) than ${ladder[i - 1].code} below it (${ladder[i - 1].earnMultiplierPermille}‰); a higher tier must earn at least as much`,
      });
    }
    if (tier.kind === 'rank') {
      if ((tier.rankTopN === null) === (tier.rankTopPermille === null)) {
        problems.push({
          field: `tiers[${i}].rankTopN`,
          message: `rank tier ${tier.code} needs exactly one of rankTopN (top N members) or rankTopPermille (top share)`,
        });
      }
      return;
    }
    if (tier.rankTopN !== null || tier.rankTopPermille !== null) {
      problems.push({
        field: `tiers[${i}].rankTopN`,
        message: `${tier.code} is a threshold tier: rankTopN and rankTopPermille must be null`,
      });
    }
    if (i === 0) {
      previousThreshold = { tier, index: i };
      return;
    }
    const own = criteriaOf(tier);
    if (own.length === 0) {
      problems.push({
        field: `tiers[${i}]`,
        message: `${tier.code} has no criteria, so nobody could ever reach it: set at least one of ${CRITERIA.map((c) => c.key).join(', ')}`,
      });
    }
    const below: { tier: LadderTier; index: number } | null = previousThreshold;
    if (below !== null && below.index > 0 && own.length > 0) {
      const shared = own.filter((c) => below.tier[c.key] !== null);
      if (shared.length === 0) {
        problems.push({
          field: `tiers[${i}]`,
          message: `${tier.code} shares no criterion with ${below.tier.code} below it, so it cannot be shown to be harder to reach: use at least one of the same criteria`,
        });
      }
      for (const c of shared) {
        const higher = tier[c.key] as number;
        const lower = below.tier[c.key] as number;
        if (higher <= lower) {
          problems.push({
            field: `tiers[${i}].${c.key}`,
            message: `${tier.code} asks ${c.label} ≥ ${higher}, not more than ${below.tier.code} below it (≥ ${lower}); a higher tier must ask strictly more`,
          });
        }
      }
    }
    previousThreshold = { tier, index: i };
  });
  return problems;
}

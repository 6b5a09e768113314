import { Injectable } from '@nestjs/common';
import { Transactions } from '../../database/transactions';
import { ConfigChanges } from '../../queue/config-changes';
import { Actor, AuditService } from '../audit/audit.service';
import { criteriaOf, thresholdsOf } from './criteria/tier-criteria';
import { Tier } from './entities/tier.entity';
import { LadderTier, ladderProblems } from './rules/ladder';
import { orderProblems, reorderOf } from './rules/ladder-order';
import { ladderInvalid, ladderOrderInvalid } from './tiers.errors';
import { TiersRepository } from './tiers.repository';

export function toLadderTier(t: Tier): LadderTier {
  return {
    code: t.code,
    nameEn: t.name,
    nameZh: t.nameZh,
    kind: t.kind,
    ...thresholdsOf(criteriaOf(t)),
    qualifyMode: t.qualifyMode,
    earnMultiplierPermille: t.earnMultiplierPermille,
    birthdayBonusPoints: t.birthdayBonusPoints,
    priorityService: Boolean(t.priorityService),
    rankTopN: t.rankTopN,
    rankTopPermille: t.rankTopPermille,
  };
}

function toEntity(t: LadderTier, rank: number): Tier {
  return {
    code: t.code,
    name: t.nameEn,
    nameZh: t.nameZh,
    rank,
    kind: t.kind,
    ...thresholdsOf(criteriaOf(t)),
    qualifyMode: t.qualifyMode,
    earnMultiplierPermille: t.earnMultiplierPermille,
    birthdayBonusPoints: t.birthdayBonusPoints,
    priorityService: t.priorityService,
    rankTopN: t.rankTopN,
    rankTopPermille: t.rankTopPermille,
  };
}

/** The ladder as admins edit it: validated, audited, and in force in every process at once. */
@Injectable()
export class LadderService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: TiersRepository,
    private readonly audit: AuditService,
    private readonly changes: ConfigChanges,
  ) {}

  async view(): Promise<LadderTier[]> {
    const tiers = await this.repo.ladder();
    return tiers.map(toLadderTier);
  }

  /**
   * Throws LADDER_ORDER_INVALID for an order no criteria can make right against the saved ladder's codes (lowest
   * first; see rules/ladder-order.ts), else LADDER_INVALID with every problem found (see rules/ladder.ts).
   */
  validate(ladder: LadderTier[], savedCodes: readonly string[]): void {
    const order = orderProblems(savedCodes, ladder);
    if (order.length > 0) {
      throw ladderOrderInvalid(order);
    }
    const problems = ladderProblems(ladder);
    if (problems.length > 0) {
      throw ladderInvalid(problems);
    }
  }

  /**
   * Replaces the whole ladder (lowest first); the order of the list is the new order. A tier that members hold, or
   * that an open grant names, cannot be removed: move them first. Audited as tiers.replace (old and new ladder) and,
   * when the kept tiers change places, tiers.reorder (their codes before and after).
   */
  async replace(actor: Actor, ladder: LadderTier[]): Promise<LadderTier[]> {
    const saved = await this.transactions.retrying(async (m) => {
      const before = (await this.repo.lockLadder(m)).map(toLadderTier);
      this.validate(
        ladder,
        before.map((t) => t.code),
      );
      const removed = before.map((t) => t.code).filter((code) => !ladder.some((t) => t.code === code));
      const held = await this.repo.holdersOf(m, removed);
      const problems = removed
        .filter((code) => (held.get(code) ?? 0) > 0)
        .map((code) => ({
          field: 'tiers',
          message: `tier ${code} is left out but ${held.get(code)} members or open grants hold it; keep it in the ladder until they have moved`,
        }));
      if (problems.length > 0) {
        throw ladderInvalid(problems);
      }
      await this.repo.replaceLadder(
        m,
        ladder.map((t, rank) => toEntity(t, rank)),
        removed,
      );
      await this.audit.record(actor, 'tiers.replace', { type: 'tiers', id: 'ladder' }, { before, after: ladder }, m);
      const reorder = reorderOf(
        before.map((t) => t.code),
        ladder,
      );
      if (reorder) {
        await this.audit.record(actor, 'tiers.reorder', { type: 'tiers', id: 'ladder' }, reorder, m);
      }
      return ladder;
    });
    await this.changes.publish('tiers');
    return saved;
  }
}

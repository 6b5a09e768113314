import { Injectable } from '@nestjs/common';
import { Transactions } from '../../database/transactions';
import { ConfigChanges } from '../../queue/config-changes';
import { Actor, AuditService } from '../audit/audit.service';
import { criteriaOf, thresholdsOf } from './criteria/tier-criteria';
import { Tier } from './entities/tier.entity';
import { LadderTier, ladderProblems } from './rules/ladder';
import { ladderInvalid } from './tiers.errors';
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

  /** Throws LADDER_INVALID with every problem found (see rules/ladder.ts). */
  validate(ladder: LadderTier[]): void {
    const problems = ladderProblems(ladder);
    if (problems.length > 0) {
      throw ladderInvalid(problems);
    }
  }

  /**
   * Replaces the whole ladder (lowest first). A tier that members hold, or
   * that an open grant names, cannot be removed: move them first.
   */
  async replace(actor: Actor, ladder: LadderTier[]): Promise<LadderTier[]> {
    this.validate(ladder);
    const saved = await this.transactions.retrying(async (m) => {
      const before = (await this.repo.lockLadder(m)).map(toLadderTier);
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
      return ladder;
    });
    await this.changes.publish('tiers');
    return saved;
  }
}

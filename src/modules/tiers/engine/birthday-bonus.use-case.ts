import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../../database/transaction';
import { LedgerWriter } from '../../points/ledger/ledger-writer';
import { ProgramSettingsService } from '../../program/program-settings.service';
import { lotExpiresAt } from '../../points/rules/lots';
import { birthdaysCelebratedOn, bonusYear } from '../rules/birthday';
import { TiersService } from '../tiers.service';
import { MemberRangeBounds, TierEngineRepository } from './tier-engine.repository';

const MEMBERS_PER_TRANSACTION = 200;

export interface BirthdayTotals {
  members: number;
  points: number;
}

/**
 * Birthday bonuses of one member-id range: each member celebrating on asOf's
 * date gets their tier's birthday_bonus_points as a `bonus` entry, once per
 * year. The (member, year) primary key of birthday_bonuses is written in the
 * same transaction as the entry, so a second run, a re-run part or a second
 * worker can never grant twice.
 */
@Injectable()
export class BirthdayBonusUseCase {
  private readonly logger = new Logger(BirthdayBonusUseCase.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: TierEngineRepository,
    private readonly ledger: LedgerWriter,
    private readonly tiersService: TiersService,
    private readonly settings: ProgramSettingsService,
  ) {}

  async grant(range: MemberRangeBounds, asOf: Date): Promise<BirthdayTotals> {
    const totals: BirthdayTotals = { members: 0, points: 0 };
    const [program, tiers] = await Promise.all([this.settings.get(), this.tiersService.list()]);
    const year = bonusYear(asOf);
    const days = birthdaysCelebratedOn(asOf);
    if (!tiers.some((t) => t.birthdayBonusPoints > 0)) {
      return totals;
    }
    for (let after = ''; ;) {
      const ids = await this.repo.birthdayMembers(range, days, year, after, MEMBERS_PER_TRANSACTION);
      if (ids.length === 0) {
        break;
      }
      const done = await inTransaction(this.dataSource, async (m) => {
        const session = await this.ledger.open(m, ids);
        const already = await this.repo.bonusedIn(m, ids, year);
        const now = session.now;
        const rows: Array<{ memberId: string; year: number; points: number; tierCode: string; at: Date }> = [];
        for (const memberId of ids) {
          if (!session.has(memberId) || already.has(memberId)) {
            continue;
          }
          const tierCode = session.account(memberId).tierCode;
          const points = tiers.find((t) => t.code === tierCode)?.birthdayBonusPoints ?? 0;
          if (points <= 0) {
            continue;
          }
          session.credit(memberId, {
            type: 'bonus',
            points,
            storeId: null,
            refType: 'birthday',
            refId: String(year),
            note: `Birthday bonus ${year} (${tierCode})`,
            earned: true,
            lot: { earnedAt: now, expiresAt: lotExpiresAt(now, program.pointsExpiryMonths), pendingUntil: null },
          });
          rows.push({ memberId, year, points, tierCode, at: now });
        }
        await session.flush();
        await this.repo.insertBonuses(m, rows);
        return { members: rows.length, points: rows.reduce((s, r) => s + r.points, 0) };
      });
      totals.members += done.members;
      totals.points += done.points;
      after = ids[ids.length - 1];
    }
    this.logger.log({ ...totals, range, asOf: asOf.toISOString() }, 'birthday bonuses');
    return totals;
  }
}

import { Injectable } from '@nestjs/common';
import { LedgerService } from '../../points/ledger.service';
import { ProgramSettingsService } from '../../program/program-settings.service';
import { PortalQueries } from '../portal.queries';
import { expiringByMonth, expiringWindowEnd, pointsValueCents } from '../rules/expiring-points';

export const EXPIRING_MONTHS = 6;

/** GET me/points: balance, available, pending, and what expires in each of the next 6 months with its money value. */
@Injectable()
export class GetPointsUseCase {
  constructor(
    private readonly ledger: LedgerService,
    private readonly program: ProgramSettingsService,
    private readonly repo: PortalQueries,
  ) {}

  async get(memberId: string, now = new Date()) {
    const [summary, program, account, lots] = await Promise.all([
      this.ledger.summary(memberId),
      this.program.get(),
      this.repo.account(memberId),
      this.repo.openLots(memberId, expiringWindowEnd(now, EXPIRING_MONTHS)),
    ]);
    const rate = program.redemptionCentsPer100Points;
    return {
      ...summary,
      availableValueCents: pointsValueCents(Math.max(0, summary.available), rate),
      lifetimeEarned: account.lifetimeEarned,
      lifetimeRedeemed: account.lifetimeRedeemed,
      redemptionRate: { points: 100, cents: rate },
      expiring: expiringByMonth(lots, now, EXPIRING_MONTHS, rate),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { ClubsService } from '../../clubs/clubs.service';
import { addDays, businessDay, businessDayStart, monthStart } from '../rules/figures';
import { PeriodRequest, resolvePeriod } from '../rules/period';

/**
 * Club sizes now and joins and leaves, read live: per business day of a period (?days= or ?from=&to=, a preset ending
 * today), or, when only ?months= is given, per calendar month for the last `months` months (the current one included).
 */
@Injectable()
export class GetClubGrowthUseCase {
  constructor(private readonly clubs: ClubsService) {}

  async get(query: PeriodRequest & { months?: number }, now = new Date()) {
    const asksPeriod = query.days !== undefined || query.from !== undefined || query.to !== undefined;
    if (query.months !== undefined && !asksPeriod) {
      return { period: null, ...(await this.clubs.analytics(monthStart(now, 1 - query.months), monthStart(now, 1), 'month')) };
    }
    const today = businessDay(now);
    const p = resolvePeriod(query, today);
    const growth = await this.clubs.analytics(businessDayStart(p.from), businessDayStart(addDays(p.to, 1)), 'business-day');
    return { period: { ...p, complete: p.to <= today }, ...growth, granularity: 'day' };
  }
}

import { Injectable } from '@nestjs/common';
import { ClubsService } from '../../clubs/clubs.service';
import { monthStart } from '../rules/figures';

/** Club sizes now and joins and leaves per calendar month, for the last `months` months (the current one included); read live. */
@Injectable()
export class GetClubGrowthUseCase {
  constructor(private readonly clubs: ClubsService) {}

  get(months: number, now = new Date()) {
    return this.clubs.analytics(monthStart(now, 1 - months), monthStart(now, 1), 'month');
  }
}

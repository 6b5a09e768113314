import { Injectable } from '@nestjs/common';
import { MemberRangesQueries } from './member-ranges.queries';
import { MemberRange, rangesFromBoundaries } from './member-ranges';

/** Members per range job: big enough to amortise a job, small enough that many workers share a run. */
export const MEMBERS_PER_RANGE = 10_000;

/** Splits all members into id ranges for batch jobs (expiry, pending release, and the engines after them). */
@Injectable()
export class PlanMemberRanges {
  constructor(private readonly queries: MemberRangesQueries) {}

  async plan(size = MEMBERS_PER_RANGE): Promise<MemberRange[]> {
    return rangesFromBoundaries(await this.queries.boundaries(size));
  }
}

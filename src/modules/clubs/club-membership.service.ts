import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../database/transaction';
import { JobName, QueueName } from '../../queue/queue.constants';
import { JobRunsService } from '../jobs/job-runs.service';
import { MemberRange } from '../jobs/member-ranges';
import { PlanMemberRanges } from '../jobs/plan-member-ranges';
import { RangedJob } from '../jobs/ranged-job';
import { notAutomatic } from './clubs.errors';
import { ClubsRepository, HistoryRow } from './clubs.repository';
import { parseStoredRule } from './clubs.service';
import { Club } from './entities/club.entity';
import { JoinReason } from './entities/club-member.entity';
import { ClubRule, evaluateClubRule, ruleCategories, ruleWindowDays, windowStart } from './rules/club-rule';

/** The nightly regroup of automatic clubs over member-id ranges (also started from the console, for one club). */
export const CLUB_REGROUP = {
  kind: 'club-regroup',
  queue: QueueName.ClubMembership,
  planJob: JobName.PlanClubRegroup,
  rangeJob: JobName.RegroupClubRange,
  schedule: { id: 'nightly-club-regroup', pattern: '0 0 2 * * *', tz: 'UTC', says: 'club regroup daily 02:00' },
} satisfies RangedJob;

export interface MembershipTotals {
  members: number;
  joined: number;
  left: number;
}

/**
 * Membership of automatic clubs by their rule: incrementally for the members
 * who just bought (pure evaluation of each rule on the member's facts), and
 * fully by a regroup over member-id ranges (set-based SQL per range). Both
 * put in members who match and are not in the club, never a member who left
 * by themselves or was taken out by an admin; with drop_unmatched, both take
 * out members who joined by the rule and no longer match.
 */
@Injectable()
export class ClubMembershipService {
  private readonly logger = new Logger(ClubMembershipService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: ClubsRepository,
    private readonly runs: JobRunsService,
    private readonly plan: PlanMemberRanges,
    @InjectQueue(QueueName.ClubMembership) private readonly queue: Queue,
  ) {}

  private async automaticClubs(): Promise<Array<{ club: Club; rule: ClubRule }>> {
    const clubs = await this.repo.activeAutomaticClubs();
    const out: Array<{ club: Club; rule: ClubRule }> = [];
    for (const club of clubs) {
      const rule = parseStoredRule(club.rule);
      if (rule) {
        out.push({ club, rule });
      }
    }
    return out;
  }

  /** Re-evaluates every active automatic club for these members, now. Safe to run twice. */
  async evaluateMembers(memberIds: string[], now = new Date()): Promise<MembershipTotals> {
    const ids = [...new Set(memberIds)].sort();
    const clubs = await this.automaticClubs();
    if (clubs.length === 0 || ids.length === 0) {
      return { members: ids.length, joined: 0, left: 0 };
    }
    const days = Math.max(0, ...clubs.map((c) => ruleWindowDays(c.rule)));
    const categories = [...new Set(clubs.flatMap((c) => ruleCategories(c.rule)))];
    const facts = await this.repo.memberFacts(ids, days > 0 ? windowStart(now, days) : null, categories);
    const matches = new Map<string, Set<string>>();
    for (const { club, rule } of clubs) {
      matches.set(club.id, new Set(ids.filter((id) => facts.has(id) && evaluateClubRule(rule, facts.get(id)!, now).matches)));
    }
    return inTransaction(this.dataSource, async (m) => {
      const rows = await this.repo.lockMemberships(m, ids);
      const existing = new Map(rows.map((r) => [`${r.memberId}/${r.clubId}`, r]));
      const joins: Array<{ clubId: string; memberId: string; via: JoinReason }> = [];
      const leaves: Array<{ clubId: string; memberId: string }> = [];
      for (const { club } of clubs) {
        const matching = matches.get(club.id)!;
        for (const memberId of ids) {
          if (!facts.has(memberId)) {
            continue;
          }
          const row = existing.get(`${memberId}/${club.id}`);
          if (matching.has(memberId)) {
            if (!row || (row.status === 'left' && row.leftReason === 'rule')) {
              joins.push({ clubId: club.id, memberId, via: 'rule' });
            }
          } else if (club.dropUnmatched && row?.status === 'active' && row.joinedVia === 'rule') {
            leaves.push({ clubId: club.id, memberId });
          }
        }
      }
      await this.repo.upsertActive(m, joins, now);
      await this.repo.markLeft(m, leaves, 'rule', now);
      const history: HistoryRow[] = [
        ...joins.map((j): HistoryRow => ({
          clubId: j.clubId,
          memberId: j.memberId,
          event: 'joined',
          reason: 'rule',
          actorId: null,
          at: now,
        })),
        ...leaves.map((l): HistoryRow => ({
          clubId: l.clubId,
          memberId: l.memberId,
          event: 'left',
          reason: 'rule',
          actorId: null,
          at: now,
        })),
      ];
      await this.repo.insertHistory(m, history);
      return { members: ids.length, joined: joins.length, left: leaves.length };
    });
  }

  /** One member-id range of a regroup run: each club in its own transaction, set-based. Safe to run twice. */
  async regroupRange(clubIds: string[], range: MemberRange, asOf: Date): Promise<{ clubs: number; joined: number; left: number }> {
    const totals = { clubs: 0, joined: 0, left: 0 };
    for (const clubId of clubIds) {
      const club = await this.repo.findClub(clubId);
      const rule = club && club.status === 'active' && club.joinPolicy === 'automatic' ? parseStoredRule(club.rule) : null;
      if (!club || !rule) {
        continue;
      }
      const done = await inTransaction(this.dataSource, (m) => this.repo.regroupRange(m, club, rule, range, asOf));
      totals.clubs += 1;
      totals.joined += done.joined;
      totals.left += done.left;
    }
    return totals;
  }

  /**
   * Records a regroup run of one club (or of every active automatic club when
   * clubId is null) over the member-id ranges and queues one job per range.
   * Answers the run's id, followed at GET /api/v1/admin/jobs/{id}.
   */
  async startRegroup(clubId: string | null, createdBy: string | null, asOf = new Date()): Promise<string> {
    let clubIds: string[];
    if (clubId !== null) {
      const club = await this.repo.findClub(clubId);
      if (!club || club.status !== 'active' || club.joinPolicy !== 'automatic') {
        throw notAutomatic(clubId);
      }
      clubIds = [clubId];
    } else {
      clubIds = (await this.automaticClubs()).map((c) => c.club.id);
    }
    const ranges = await this.plan.plan();
    const runId = await this.runs.start(CLUB_REGROUP.kind, ranges.length, { clubIds, asOf: asOf.toISOString() }, createdBy);
    await this.runs.queueParts(
      this.queue,
      CLUB_REGROUP.rangeJob,
      runId,
      ranges.map((r) => ({ asOf: asOf.toISOString(), fromId: r.fromId, toId: r.toId, clubIds })),
    );
    this.logger.log({ runId, clubIds, ranges: ranges.length }, 'club regroup queued');
    return runId;
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { addDays } from '../../common/time';
import { TiersService } from '../tiers/tiers.service';
import { ExpiringPointsQueries } from './expiring-points.queries';
import { EnqueueResult, OutboxService } from './outbox.service';
import { TemplatesService } from './templates.service';

/** Template codes of the notices. No template with that code: no notice (the program has not set one up). */
export const EXPIRY_NOTICE_TEMPLATE = 'notice.points-expiring';
export const TIER_NOTICE_TEMPLATE = 'notice.tier-changed';
/** Points expiring within this many days are announced. */
export const EXPIRY_NOTICE_DAYS = 30;

const MEMBERS_PER_READ = 2000;

/** Notices the jobs send: points about to expire (monthly) and tier changes. Consent is applied by the outbox. */
@Injectable()
export class NoticesService {
  private readonly logger = new Logger(NoticesService.name);

  constructor(
    private readonly expiring: ExpiringPointsQueries,
    private readonly outbox: OutboxService,
    private readonly templates: TemplatesService,
    private readonly tiers: TiersService,
  ) {}

  /** The notice source of a month: one notice per member per month, however often the job runs. */
  static expirySource(asOf: Date): string {
    return `expiry-notice:${asOf.toISOString().slice(0, 7)}`;
  }

  /**
   * One notice per member of the range whose points expire within 30 days of
   * asOf: how many, and the first date. Reads the lots by member id (the
   * member/expiry index), a page of members at a time.
   */
  async expiryNoticesForRange(fromId: string, toId: string | null, asOf: Date): Promise<EnqueueResult & { members: number }> {
    const total = { members: 0, queued: 0, skipped: 0, duplicates: 0, unknownMembers: 0 };
    if (!(await this.templates.latestOrNull(EXPIRY_NOTICE_TEMPLATE))) {
      return total;
    }
    const source = NoticesService.expirySource(asOf);
    const until = addDays(asOf, EXPIRY_NOTICE_DAYS);
    let after = '';
    for (;;) {
      const rows = await this.expiring.page(fromId, toId, after, asOf, until, MEMBERS_PER_READ);
      if (rows.length === 0) {
        break;
      }
      const result = await this.outbox.enqueueMany(
        rows.map((r) => ({
          source,
          memberId: r.member_id,
          templateCode: EXPIRY_NOTICE_TEMPLATE,
          variables: { points: Number(r.points), expiryDate: new Date(r.first_expiry).toISOString().slice(0, 10) },
        })),
      );
      total.members += rows.length;
      total.queued += result.queued;
      total.skipped += result.skipped;
      total.duplicates += result.duplicates;
      total.unknownMembers += result.unknownMembers;
      after = rows[rows.length - 1].member_id;
      if (rows.length < MEMBERS_PER_READ) {
        break;
      }
    }
    return total;
  }

  /** A member's tier changed: a notice on the tier notice template's channel, once per change. For the tier engine to call. */
  async notifyTierChanged(memberId: string, from: string, to: string, changeId: string): Promise<EnqueueResult | null> {
    if (!(await this.templates.latestOrNull(TIER_NOTICE_TEMPLATE))) {
      return null;
    }
    const tier = await this.tiers.byCode(to).catch(() => null);
    this.logger.debug({ msg: 'tier notice', memberId, from, to, changeId });
    return this.outbox.enqueue({
      source: `tier-change:${changeId}`,
      memberId,
      templateCode: TIER_NOTICE_TEMPLATE,
      variables: { tier: tier?.name ?? to },
    });
  }
}

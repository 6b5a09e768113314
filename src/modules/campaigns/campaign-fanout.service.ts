import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { Transactions } from '../../database/transactions';
import { JobName, QueueName } from '../../queue/queue.constants';
import { AuditService, SYSTEM_ACTOR } from '../audit/audit.service';
import { JobRunsService } from '../jobs/job-runs.service';
import { EventsService } from '../messages/webhooks/events.service';
import { LedgerWriter } from '../points/ledger/ledger-writer';
import { PlanMemberRanges } from '../jobs/plan-member-ranges';
import { MemberRange } from '../jobs/member-ranges';
import { DeliveryBatch } from './actions/campaign-action.kind';
import { bonusWindowAt, consentChannelOf, parseActions, parseStoredAudience, presentActions } from './campaign-definition';
import { NewDelivery, CampaignsRepository } from './campaigns.repository';
import { Campaign } from './entities/campaign.entity';
import { Clock } from './clock';
import { compileAudience } from './rules/audience';
import { isHoldout } from './rules/holdout';
import { occurrenceKey, recurringOccurrence } from './rules/schedule';
import { CampaignState, fanOutMayProceed, transition } from './rules/states';

/** Members per range job, and per transaction inside it. */
export const CAMPAIGN_MEMBERS_PER_RANGE = 5_000;
export const CAMPAIGN_MEMBERS_PER_BATCH = 500;

export interface CampaignPlanPayload {
  campaignId: string;
}

export interface CampaignBatchPayload extends MemberRange {
  runId: string;
  partNo: number;
  campaignId: string;
  occurrence: string;
  asOf: string;
}

interface RunParams {
  campaignId: string;
  occurrence: string;
  asOf: string;
  ranges: MemberRange[];
}

/** Pause or cancel seen between two batches of a part: the part stops and is not recorded (resume queues it again). */
export class CampaignInterrupted extends Error {
  constructor(readonly state: CampaignState) {
    super(`campaign is ${state}`);
  }
}

/**
 * The fan-out: a planner records one run per occurrence over member-id
 * ranges; each range job walks its audience members in batches, and each
 * batch writes its delivery rows and ledger entries in one transaction. The
 * delivery key (campaign, occurrence, member) is the guard: a batch run again
 * (a killed worker, a retry) only acts on members without a row.
 */
@Injectable()
export class CampaignFanoutService {
  private readonly logger = new Logger(CampaignFanoutService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly repo: CampaignsRepository,
    private readonly ledger: LedgerWriter,
    private readonly events: EventsService,
    private readonly plan: PlanMemberRanges,
    private readonly runs: JobRunsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly deliveries: ModuleRef,
    @InjectQueue(QueueName.Campaigns) private readonly queue: Queue,
  ) {}

  /** Plans the current occurrence (safe to run twice: the occurrence keeps its run, and part jobs have fixed ids). */
  async planOccurrence(
    campaignId: string,
    rangeSize = CAMPAIGN_MEMBERS_PER_RANGE,
  ): Promise<{ runId: string | null; occurrence: string | null }> {
    const c = await this.repo.find(campaignId);
    if (!c || (c.state !== 'scheduled' && c.state !== 'running')) {
      return { runId: null, occurrence: null };
    }
    const now = this.clock.now();
    const occurrence =
      c.scheduleKind === 'cron' && c.cron ? recurringOccurrence(c.cron, c.timezone, now) : occurrenceKey(c.startsAt ?? now, c.timezone);
    if (c.state === 'scheduled') {
      await this.move(c, 'start');
    }
    let runId = await this.repo.findRun(c.id, occurrence);
    let params: RunParams;
    if (runId) {
      params = (await this.runs.view(runId)).params as RunParams;
    } else {
      const ranges = await this.plan.plan(rangeSize);
      params = { campaignId: c.id, occurrence, asOf: now.toISOString(), ranges };
      const started = await this.runs.start('campaign', ranges.length, params, `campaign:${c.id}`);
      runId = await this.repo.claimRun(c.id, occurrence, started);
      if (runId !== started) {
        params = (await this.runs.view(runId)).params as RunParams;
      }
    }
    await this.repo.setCurrentRun(c.id, runId, occurrence, new Date());
    const queued = await this.queueRemainingParts(runId, params);
    if (queued === 0) {
      await this.finishOccurrence(c.id, runId);
    }
    this.logger.log({ campaignId: c.id, occurrence, runId, parts: params.ranges.length, queued }, 'campaign occurrence planned');
    return { runId, occurrence };
  }

  /** Queues the parts of a run not done yet; `attempt` makes fresh job ids when resuming after a pause. */
  async queueRemainingParts(runId: string, params: RunParams, attempt = ''): Promise<number> {
    const view = await this.runs.view(runId);
    if (view.state !== 'running') {
      return 0;
    }
    const done = new Set(await this.repo.doneParts(runId));
    const remaining = params.ranges.map((r, partNo) => ({ r, partNo })).filter(({ partNo }) => !done.has(partNo));
    await this.runs.queueParts(
      this.queue,
      JobName.CampaignBatch,
      runId,
      remaining.map(({ r }) => ({
        campaignId: params.campaignId,
        occurrence: params.occurrence,
        asOf: params.asOf,
        fromId: r.fromId,
        toId: r.toId,
      })),
      { partNos: remaining.map(({ partNo }) => partNo), jobIdSuffix: attempt },
    );
    return remaining.length;
  }

  /** After a resume: queue again what the pause left. */
  async resumeRun(runId: string): Promise<void> {
    const view = await this.runs.view(runId);
    await this.queueRemainingParts(runId, view.params as RunParams, `-r${Date.now()}`);
  }

  /** One range of one occurrence; answers the range's figures from the delivery rows (exact, however often it ran). */
  async runRange(p: CampaignBatchPayload): Promise<Record<string, number>> {
    const c = await this.repo.find(p.campaignId);
    if (!c) {
      throw new Error(`campaign ${p.campaignId} is gone`);
    }
    const audience = compileAudience(parseStoredAudience(c.audience), {
      now: new Date(p.asOf),
      timezone: c.timezone,
      consentChannel: consentChannelOf(parseActions(c.actions)),
    });
    let after = '';
    for (let first = true; ; first = false) {
      if (!first) {
        const state = await this.repo.state(c.id);
        if (!state || !fanOutMayProceed(state)) {
          throw new CampaignInterrupted(state ?? 'cancelled');
        }
      }
      const memberIds = await this.repo.audienceInRange(audience, p.fromId, p.toId, after, CAMPAIGN_MEMBERS_PER_BATCH);
      if (memberIds.length === 0) {
        break;
      }
      await this.deliverBatch(c, p.occurrence, memberIds);
      after = memberIds[memberIds.length - 1];
    }
    return this.repo.rangeCounts(c.id, p.occurrence, p.fromId, p.toId);
  }

  /**
   * One transaction: accounts locked, members already delivered skipped, holdout recorded, then each action kind
   * present in the campaign applied in the registry's order (a grant within the budget, then messages to whom it reached).
   */
  async deliverBatch(c: Campaign, occurrence: string, memberIds: string[]): Promise<void> {
    const actions = presentActions(parseActions(c.actions));
    const delivered = await this.transactions.retrying(async (m) => {
      const now = new Date();
      const session = await this.ledger.open(m, memberIds, now);
      const existing = await this.repo.lockExistingDeliveries(m, c.id, occurrence, memberIds);
      const rows: NewDelivery[] = [];
      const targeted: string[] = [];
      for (const id of memberIds) {
        if (existing.has(id)) {
          continue;
        }
        if (isHoldout(c.id, id, c.holdoutPermille)) {
          rows.push({ memberId: id, status: 'holdout', points: 0, messageStatus: null });
        } else if (!session.has(id)) {
          rows.push({ memberId: id, status: 'failed', points: 0, messageStatus: null });
        } else {
          targeted.push(id);
        }
      }
      const batch = new DeliveryBatch(m, c, occurrence, now, session, targeted);
      for (const { kind, stored } of actions) {
        if (kind.delivery) {
          await this.deliveries.get(kind.delivery).apply(batch, stored);
        }
      }
      for (const id of batch.overBudget) {
        rows.push({ memberId: id, status: 'over_budget', points: 0, messageStatus: null });
      }
      for (const id of batch.reached) {
        rows.push({ memberId: id, status: 'granted', points: batch.pointsEach, messageStatus: batch.messageStatus.get(id) ?? null });
      }
      await session.flush();
      await this.repo.insertDeliveries(m, c.id, occurrence, rows, now);
      return batch;
    });
    for (const after of delivered.afterCommit) {
      await after();
    }
  }

  /** The run of an occurrence ended: completed (or scheduled again when recurring), or failed. */
  async finishOccurrence(campaignId: string, runId: string): Promise<void> {
    const c = await this.repo.find(campaignId);
    if (!c || c.state !== 'running' || c.runId !== runId) {
      return;
    }
    const view = await this.runs.view(runId);
    await this.move(c, view.state === 'failed' ? 'fail' : 'finish', { runId, totals: view.totals });
  }

  /** Active bonus rules whose window has closed become ended (they still pay late uploads of sales made in the window). */
  async endClosedBonusRules(): Promise<number> {
    let ended = 0;
    for (const c of await this.repo.inState('active')) {
      if (bonusWindowAt(parseActions(c.actions), this.clock.now()) === 'over') {
        await this.move(c, 'end');
        ended += c.state === 'ended' ? 1 : 0;
      }
    }
    return ended;
  }

  private async move(
    c: Campaign,
    action: 'start' | 'finish' | 'fail' | 'end',
    run?: { runId: string; totals: Record<string, number> },
  ): Promise<void> {
    const to = transition(c.state, action, {
      startsNow: false,
      recurring: c.scheduleKind === 'cron',
      pausedFrom: c.pausedFrom,
      bonusWindow: bonusWindowAt(parseActions(c.actions), this.clock.now()),
    });
    if (!to) {
      return;
    }
    await this.transactions.retrying(async (m) => {
      if (await this.repo.moveState(m, c.id, c.state, to)) {
        await this.audit.record(SYSTEM_ACTOR, `campaign.${action}`, { type: 'campaign', id: c.id }, { from: c.state, to }, m);
        if (action === 'finish' && run) {
          // One event per finished occurrence (its run), in the same transaction as the state change.
          await this.events.publish(
            'campaign.completed',
            `campaign.completed:${c.id}:${run.runId}`,
            { campaignId: c.id, name: c.name, runId: run.runId, state: to, totals: run.totals },
            m,
          );
        }
      }
    });
    c.state = to;
  }
}

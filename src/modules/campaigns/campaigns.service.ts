import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { newId } from '../../common/ids';
import { maskName, maskPhone } from '../../common/masking';
import { Transactions } from '../../database/transactions';
import { JobName, QueueName } from '../../queue/queue.constants';
import { Actor, AuditService } from '../audit/audit.service';
import { JobRunsService } from '../jobs/job-runs.service';
import { ProgramSettingsService } from '../program/program-settings.service';
import { CAMPAIGN_ACTION_KINDS, CampaignActionInput, StoredActions } from './actions/campaign-actions.registry';
import { CampaignBonusService } from './campaign-bonus.service';
import {
  bonusWindowAt,
  budgetUnitOf,
  checkActions,
  consentChannelOf,
  estimatedPointsOf,
  parseActions,
  parseStoredAudience,
  pointsPerMemberOf,
} from './campaign-definition';
import { CampaignFanoutService } from './campaign-fanout.service';
import { approverIsAuthor, budgetNotRaised, campaignNotFound, invalidCampaign, invalidTransition } from './campaigns.errors';
import { CampaignsRepository, StateChangeColumns } from './campaigns.repository';
import { CouponsQueries } from '../rewards/coupons.queries';
import { Clock } from './clock';
import { CreateCampaignDto, UpdateCampaignDto } from './dto/campaign.dto';
import { Campaign } from './entities/campaign.entity';
import { ApprovalLimits, approvalReasons, CampaignCost } from './rules/approval';
import { AudienceError, compileAudience, parseAudience } from './rules/audience';
import { cronProblem, DEFAULT_TIMEZONE, isTimezone, nextRun } from './rules/schedule';
import { budgetMayBeRaised, CampaignAction, CampaignState, transition } from './rules/states';
import { meanUplift, proportionUplift } from './rules/uplift';

const SAMPLE_SIZE = 10;

/** Campaigns as marketers manage them: definitions, state changes (audited), preview and results. */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: CampaignsRepository,
    private readonly audit: AuditService,
    private readonly bonus: CampaignBonusService,
    private readonly fanout: CampaignFanoutService,
    private readonly runs: JobRunsService,
    private readonly clock: Clock,
    private readonly program: ProgramSettingsService,
    private readonly coupons: CouponsQueries,
    @InjectQueue(QueueName.Campaigns) private readonly queue: Queue,
  ) {}

  async create(actor: Actor, dto: CreateCampaignDto) {
    const now = new Date();
    const c = Object.assign(new Campaign(), {
      id: newId(),
      name: dto.name,
      state: 'draft',
      pausedFrom: null,
      ...this.definition(dto),
      runId: null,
      lastOccurrence: null,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    } satisfies Partial<Campaign>);
    await this.transactions.retrying(async (m) => {
      await this.repo.insert(c, dto.budgetPoints ?? null, m);
      await this.audit.record(actor, 'campaign.create', { type: 'campaign', id: c.id }, { name: c.name }, m);
    });
    return this.get(c.id);
  }

  async update(actor: Actor, id: string, dto: UpdateCampaignDto) {
    const c = await this.mustFind(id);
    if (!transition(c.state, 'edit', this.ctx(c))) {
      throw invalidTransition(id, c.state, 'be edited');
    }
    const current = this.toDto(c);
    const merged: CreateCampaignDto = { ...current, ...dto, schedule: dto.schedule ?? current.schedule };
    // `actions` replaces them all; the grant, bonusRule and message fields each replace their own kind.
    const base = dto.actions !== undefined ? {} : parseActions(c.actions);
    await this.transactions.retrying(async (m) => {
      await this.repo.update(m, id, { name: merged.name, ...this.definition(merged, base), updatedAt: new Date() });
      if (dto.budgetPoints !== undefined) {
        await this.repo.setCap(m, id, dto.budgetPoints);
      }
      await this.audit.record(actor, 'campaign.update', { type: 'campaign', id }, { fields: Object.keys(dto) }, m);
    });
    return this.get(id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const c = await this.mustFind(id);
    if (c.state !== 'draft') {
      throw invalidTransition(id, c.state, 'be deleted');
    }
    await this.transactions.retrying(async (m) => {
      await this.repo.delete(m, id);
      await this.audit.record(actor, 'campaign.delete', { type: 'campaign', id }, { name: c.name }, m);
    });
  }

  async get(id: string) {
    const c = await this.mustFind(id);
    const budget = await this.repo.budget(id);
    return { ...this.view(c), budget: { capPoints: budget.capPoints, spentPoints: budget.spentPoints, bonusPoints: budget.bonusPoints } };
  }

  /** A page of campaigns, each with the list's figures (reached, budget, progress) and the unit its budget counts. */
  async list(limit: number, cursor: string | null, state: CampaignState | null = null, name: string | null = null) {
    const rows = await this.repo.list(limit, cursor, state, name);
    const figures = await this.repo.listFigures(rows);
    return {
      items: rows.map((c) => {
        const f = figures.get(c.id);
        return {
          ...this.view(c),
          figures: {
            reached: f?.reached ?? 0,
            delivered: f?.delivered ?? 0,
            budgetUnit: budgetUnitOf(parseActions(c.actions)),
            capPoints: f?.capPoints ?? null,
            spentPoints: f?.spentPoints ?? 0,
            progress: f?.progress ?? null,
          },
        };
      }),
      nextCursor: rows.length === limit ? rows[rows.length - 1].id : null,
    };
  }

  /**
   * Maker-checker: a campaign whose points per member or estimated cost is above the program's limits waits in
   * pending_approval (nothing armed) with the cost asked for; otherwise it starts, and none of its occurrences may
   * grant more than the program's total limit.
   */
  async launch(actor: Actor, id: string) {
    const c = await this.mustFind(id);
    const limits = await this.approvalLimits();
    const cost = await this.cost(c);
    const reasons = approvalReasons(cost, limits);
    const to = this.allowed(c, 'launch', reasons.length > 0);
    if (to === 'pending_approval') {
      await this.changeState(
        actor,
        c,
        'launch',
        to,
        { approvalPoints: cost.totalPoints, submittedBy: actor.id },
        { approval: { reasons, ...cost, limits } },
      );
      return this.get(id);
    }
    const startsAt = c.scheduleKind === 'now' ? this.clock.now() : (c.startsAt ?? undefined);
    await this.changeState(actor, c, 'launch', to, { startsAt, submittedBy: actor.id, occurrenceGrantLimit: limits.totalPoints });
    await this.arm(c);
    return this.get(id);
  }

  /**
   * A second person lets a pending campaign start as its launch would have; each occurrence's grants stop at the cost
   * approved (members past it are over_budget). Neither its creator nor who launched it may approve it.
   */
  async approve(actor: Actor, id: string) {
    const c = await this.mustFind(id);
    const to = this.allowed(c, 'approve');
    this.mustNotBeAuthor(actor, c);
    const now = this.clock.now();
    const startsAt = c.scheduleKind === 'now' ? now : (c.startsAt ?? undefined);
    await this.changeState(
      actor,
      c,
      'approve',
      to,
      { startsAt, approvedBy: actor.id, approvedAt: now, occurrenceGrantLimit: c.approvalPoints },
      { approvedPoints: c.approvalPoints },
    );
    await this.arm(c);
    return this.get(id);
  }

  /** Back to draft, with the approver's reason in the audit; the marketer may change it and launch again. */
  async reject(actor: Actor, id: string, reason: string | null) {
    const c = await this.mustFind(id);
    const to = this.allowed(c, 'reject');
    this.mustNotBeAuthor(actor, c);
    await this.changeState(actor, c, 'reject', to, { approvalPoints: null, submittedBy: null }, { reason, askedPoints: c.approvalPoints });
    return this.get(id);
  }

  async pause(actor: Actor, id: string) {
    const c = await this.mustFind(id);
    const to = this.allowed(c, 'pause');
    await this.changeState(actor, c, 'pause', to, { pausedFrom: c.state });
    await this.disarm(c);
    return this.get(id);
  }

  async resume(actor: Actor, id: string) {
    const c = await this.mustFind(id);
    const to = this.allowed(c, 'resume');
    await this.changeState(actor, c, 'resume', to, { pausedFrom: null });
    await this.arm(c);
    if (to === 'running' && c.runId) {
      await this.fanout.resumeRun(c.runId);
    }
    return this.get(id);
  }

  async cancel(actor: Actor, id: string) {
    const c = await this.mustFind(id);
    const to = this.allowed(c, 'cancel');
    await this.changeState(actor, c, 'cancel', to, { pausedFrom: null });
    await this.disarm(c);
    return this.get(id);
  }

  /** A launched campaign's cap goes up (under the budget row's lock; audited): a running bonus rule pays on at once. */
  async raiseBudget(actor: Actor, id: string, capPoints: number) {
    const c = await this.mustFind(id);
    if (!budgetMayBeRaised(c.state)) {
      throw invalidTransition(id, c.state, 'have its budget raised');
    }
    await this.transactions.retrying(async (m) => {
      const budget = await this.repo.lockBudget(m, id);
      if (budget.capPoints === null || capPoints <= budget.capPoints) {
        throw budgetNotRaised(id, budget.capPoints, capPoints);
      }
      await this.repo.setCap(m, id, capPoints);
      await this.audit.record(actor, 'campaign.budget', { type: 'campaign', id }, { from: budget.capPoints, to: capPoints }, m);
    });
    return this.get(id);
  }

  /** Size, holdout, estimated points cost and a masked sample; reads only. */
  async preview(id: string) {
    const c = await this.mustFind(id);
    const [estimate, sample, limits] = await Promise.all([
      this.estimate(c),
      this.repo.sample(this.audienceOf(c), SAMPLE_SIZE),
      this.approvalLimits(),
    ]);
    const reasons = approvalReasons(costOf(c, estimate.estimatedPoints), limits);
    return {
      campaignId: c.id,
      ...estimate,
      needsApproval: reasons.length > 0,
      approvalReasons: reasons,
      sample: sample.map((s) => ({ memberId: s.id, name: maskName(s.name), phone: maskPhone(s.phone), tier: s.tier_code })),
    };
  }

  /** Size, holdout, targeted and the grants' cost (to the targeted members, stopped at the budget cap), as of now. */
  private async estimate(c: Campaign) {
    const actions = parseActions(c.actions);
    const [{ size, holdout }, budget] = await Promise.all([
      this.repo.previewCounts(this.audienceOf(c), c.id, c.holdoutPermille),
      this.repo.budget(c.id),
    ]);
    const targeted = size - holdout;
    const estimatedPoints = estimatedPointsOf(actions, targeted, budget);
    return { size, holdout, targeted, estimatedPoints };
  }

  private audienceOf(c: Campaign) {
    return compileAudience(parseStoredAudience(c.audience), {
      now: this.clock.now(),
      timezone: c.timezone,
      consentChannel: consentChannelOf(parseActions(c.actions)),
    });
  }

  private async cost(c: Campaign): Promise<CampaignCost> {
    return costOf(c, (await this.estimate(c)).estimatedPoints);
  }

  private async approvalLimits(): Promise<ApprovalLimits> {
    const program = await this.program.get();
    return { pointsPerMember: program.campaignApprovalPointsPerMember, totalPoints: program.campaignApprovalTotalPoints };
  }

  private mustNotBeAuthor(actor: Actor, c: Campaign): void {
    if (actor.id !== null && (actor.id === c.createdBy || actor.id === c.submittedBy)) {
      throw approverIsAuthor(c.id);
    }
  }

  /** Live figures: deliveries, points, the groups' behaviour after delivery, uplift, and the run's progress. */
  async results(id: string) {
    const c = await this.mustFind(id);
    const [totals, budget, groups, progress, coupons] = await Promise.all([
      this.repo.deliveryTotals(id),
      this.repo.budget(id),
      this.repo.groupFigures(id, c.resultsDays),
      c.runId ? this.runs.view(c.runId) : Promise.resolve(null),
      budgetUnitOf(parseActions(c.actions)) === 'coupons' ? this.coupons.ofCampaign(c.id) : Promise.resolve(null),
    ]);
    const t = groups.targeted;
    const h = groups.holdout;
    return {
      campaignId: c.id,
      state: c.state,
      occurrence: c.lastOccurrence,
      audience: totals.granted + totals.holdout + totals.over_budget + totals.failed,
      holdout: totals.holdout,
      delivered: totals.granted,
      overBudget: totals.over_budget,
      failed: totals.failed,
      messages: totals.messages,
      messagesSkipped: { noAddress: totals.no_address, noConsent: totals.no_consent },
      pointsGranted: totals.points,
      bonusRulePoints: budget.bonusPoints,
      budget: { capPoints: budget.capPoints, spentPoints: budget.spentPoints },
      coupons: coupons && {
        ...coupons,
        usedRate: coupons.issued > 0 ? coupons.used / coupons.issued : null,
        // Receipts with a campaign coupon per targeted member, beside the holdout's receipts per member (who had none).
        purchasesPerTargetedMember: t.members > 0 ? coupons.purchases / t.members : null,
      },
      afterDays: c.resultsDays,
      targeted: groupView(t),
      holdoutGroup: groupView(h),
      uplift: {
        purchaseRate: proportionUplift(t.buyers, t.members, h.buyers, h.members),
        spendPerMemberCents: meanUplift(
          { n: t.members, sum: t.spendCents, sumOfSquares: t.spendSquares },
          { n: h.members, sum: h.spendCents, sumOfSquares: h.spendSquares },
        ),
      },
      progress: progress
        ? { jobId: progress.jobId, state: progress.state, done: progress.done, total: progress.total, percent: progress.percent }
        : null,
    };
  }

  /** Starts what the schedule says: a plan job now, at a time, or a BullMQ job scheduler for a cron. */
  private async arm(c: Campaign): Promise<void> {
    const data = { campaignId: c.id };
    if (c.scheduleKind === 'cron' && c.cron) {
      await this.queue.upsertJobScheduler(`campaign-${c.id}`, { pattern: c.cron, tz: c.timezone }, { name: JobName.PlanCampaign, data });
    } else if (c.scheduleKind === 'at' && c.startsAt) {
      await this.queue.add(JobName.PlanCampaign, data, { jobId: `plan-${c.id}-at`, delay: Math.max(c.startsAt.getTime() - Date.now(), 0) });
    } else {
      await this.queue.add(JobName.PlanCampaign, data, { jobId: `plan-${c.id}-now` });
    }
  }

  private async disarm(c: Campaign): Promise<void> {
    if (c.scheduleKind === 'cron') {
      await this.queue.removeJobScheduler(`campaign-${c.id}`);
    } else if (c.scheduleKind === 'at') {
      await this.queue.remove(`plan-${c.id}-at`);
    }
  }

  private allowed(c: Campaign, action: CampaignAction, needsApproval = false) {
    const to = transition(c.state, action, { ...this.ctx(c), needsApproval });
    if (!to) {
      throw invalidTransition(c.id, c.state, action);
    }
    return to;
  }

  private ctx(c: Campaign) {
    return {
      startsNow: c.scheduleKind === 'now',
      recurring: c.scheduleKind === 'cron',
      pausedFrom: c.pausedFrom,
      bonusWindow: bonusWindowAt(parseActions(c.actions), this.clock.now()),
    };
  }

  private async changeState(
    actor: Actor,
    c: Campaign,
    action: CampaignAction,
    to: Campaign['state'],
    extra: StateChangeColumns,
    auditDetails: Record<string, unknown> = {},
  ): Promise<void> {
    await this.transactions.retrying(async (m) => {
      if (!(await this.repo.moveState(m, c.id, c.state, to, extra))) {
        const now = await this.repo.state(c.id);
        throw invalidTransition(c.id, now ?? c.state, action);
      }
      await this.audit.record(actor, `campaign.${action}`, { type: 'campaign', id: c.id }, { from: c.state, to, ...auditDetails }, m);
    });
    await this.bonus.rulesChanged();
  }

  private async mustFind(id: string): Promise<Campaign> {
    const c = await this.repo.find(id);
    if (!c) {
      throw campaignNotFound(id);
    }
    return c;
  }

  /**
   * Checks a definition beyond the DTO (audience, schedule, rule fields) and returns its columns. `base`: the stored
   * actions an update starts from (the legacy fields replace their own kind in it).
   */
  private definition(dto: CreateCampaignDto, base: StoredActions = {}) {
    let audience;
    try {
      audience = parseAudience(dto.audience);
    } catch (err) {
      if (err instanceof AudienceError) {
        throw invalidCampaign(err.field, err.message);
      }
      throw err;
    }
    const actions = actionsOf(dto, base);
    if (Object.keys(actions).length === 0) {
      throw invalidCampaign('actions', `a campaign needs at least one of ${CAMPAIGN_ACTION_KINDS.map((k) => k.type).join(', ')}`);
    }
    const timezone = dto.schedule.timezone ?? DEFAULT_TIMEZONE;
    if (!isTimezone(timezone)) {
      throw invalidCampaign('schedule.timezone', `is not a known timezone: ${timezone}`);
    }
    let startsAt: Date | null = null;
    let cron: string | null = null;
    if (dto.schedule.kind === 'at') {
      if (!dto.schedule.at) {
        throw invalidCampaign('schedule.at', 'is required when kind is at');
      }
      startsAt = new Date(dto.schedule.at);
    } else if (dto.schedule.kind === 'cron') {
      const problem = dto.schedule.cron ? cronProblem(dto.schedule.cron, timezone) : 'is required when kind is cron';
      if (problem) {
        throw invalidCampaign('schedule.cron', problem);
      }
      cron = dto.schedule.cron as string;
    }
    return {
      audience: JSON.stringify(audience),
      actions: JSON.stringify(actions),
      scheduleKind: dto.schedule.kind,
      startsAt,
      cron,
      timezone,
      holdoutPermille: dto.holdoutPermille ?? 0,
      resultsDays: dto.resultsDays ?? 14,
    };
  }

  /** The stored definition as a request (what an update changes); the actions stay stored (see definition's base). */
  private toDto(c: Campaign): CreateCampaignDto {
    return {
      name: c.name,
      audience: JSON.parse(c.audience) as Record<string, unknown>,
      schedule: { kind: c.scheduleKind, at: c.startsAt?.toISOString(), cron: c.cron ?? undefined, timezone: c.timezone },
      holdoutPermille: c.holdoutPermille,
      resultsDays: c.resultsDays,
    };
  }

  private view(c: Campaign) {
    const actions = parseActions(c.actions);
    return {
      campaignId: c.id,
      name: c.name,
      state: c.state,
      audience: JSON.parse(c.audience) as unknown,
      actions,
      schedule: {
        kind: c.scheduleKind,
        at: c.startsAt ? c.startsAt.toISOString() : null,
        cron: c.cron,
        timezone: c.timezone,
        nextRunAt:
          c.cron && (c.state === 'scheduled' || c.state === 'running') ? nextRun(c.cron, c.timezone, this.clock.now()).toISOString() : null,
      },
      holdoutPermille: c.holdoutPermille,
      resultsDays: c.resultsDays,
      jobId: c.runId,
      lastOccurrence: c.lastOccurrence,
      createdBy: c.createdBy,
      approval:
        c.approvalPoints !== null || c.occurrenceGrantLimit !== null
          ? {
              askedPoints: c.approvalPoints,
              submittedBy: c.submittedBy,
              approvedBy: c.approvedBy,
              approvedAt: c.approvedAt ? c.approvedAt.toISOString() : null,
              occurrenceGrantLimit: c.occurrenceGrantLimit,
            }
          : null,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    };
  }
}

/** What a campaign costs for approval: the most one member gets (a grant, or a fixed bonus per purchase) and the grants' total. */
function costOf(c: Campaign, grantsCost: number): CampaignCost {
  return { pointsPerMember: pointsPerMemberOf(parseActions(c.actions)), totalPoints: grantsCost };
}

function groupView(g: { members: number; buyers: number; purchases: number; spendCents: number; redemptions: number }) {
  return {
    members: g.members,
    buyers: g.buyers,
    purchases: g.purchases,
    spendCents: g.spendCents,
    redemptions: g.redemptions,
    purchaseRate: g.members > 0 ? Math.round((g.buyers / g.members) * 1e6) / 1e6 : null,
    spendPerMemberCents: g.members > 0 ? Math.round(g.spendCents / g.members) : null,
  };
}

/** The actions of a request: the `actions` list, then the legacy grant, bonusRule and message fields (null removes one). */
function actionsOf(dto: CreateCampaignDto, base: StoredActions): StoredActions {
  const kept: Record<string, unknown> = { ...base };
  const given = (dto.actions ?? []).map((input, i) => ({ input, field: `actions[${i}]` }));
  const legacy = { grant: dto.grant, bonusRule: dto.bonusRule, message: dto.message };
  for (const [type, body] of Object.entries(legacy)) {
    if (body === null) {
      delete kept[type];
    } else if (body !== undefined) {
      given.push({ input: { ...body, type } as CampaignActionInput, field: type });
    }
  }
  return checkActions(given, kept);
}

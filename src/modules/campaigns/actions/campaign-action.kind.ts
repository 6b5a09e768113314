import { Type } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LedgerSession } from '../../points/ledger/ledger-writer';
import { ActiveCampaignBonus } from '../../points/rules/campaign-bonus';
import { MessageChannel } from '../audience/audience-part.kind';
import { Campaign } from '../entities/campaign.entity';
import { RuleDescription } from '../rule-description';
import type { CategoryNameLookup } from '../../categories/category-names';

/**
 * One kind of campaign action (grant points, a bonus rule, a message…): the
 * contract every file under actions/ implements, listed once in
 * campaign-actions.registry.ts. A campaign holds at most one action of each
 * kind; stored (and answered) as an object keyed by the kind's type, taken by
 * the admin API as a list discriminated by `type`.
 *
 * Only `type`, `input`, `stored`, `validate` and `describe` are required; the
 * rest are the places an action may take part in, each optional.
 */
export interface CampaignActionKind<Input extends { type: string }, Stored> {
  readonly type: Input['type'];
  /** The action as the admin API takes it: class-validator checks its shape, OpenAPI publishes it (one branch of the `oneOf`). */
  readonly input: Type<Input>;
  /** The stored body, as GET answers it under `actions[type]` (OpenAPI). */
  readonly stored: Type<Stored>;
  /** Checks beyond the DTO's decorators (fields that go together) and returns the stored body; throws invalidCampaign. */
  validate(input: Omit<Input, 'type'>, field: string): Stored;
  /** The action in words; categories by the catalog's names when `categoryNames` is given, else by code. */
  describe(stored: Stored, categoryNames?: CategoryNameLookup): RuleDescription;
  /** The category codes it names (for their names in `describe`). */
  categories?(stored: Stored): string[];

  /** What the campaign's one budget counts when this action spends it: a campaign's actions share one unit. */
  readonly budgetUnit?: 'points' | 'coupons';
  /** The fan-out: what the action does to each batch of the audience, run in the registry's order (a Nest provider). */
  readonly delivery?: Type<ActionDelivery<Stored>>;
  /** The most points one member may get from it (maker-checker's per-member limit). */
  pointsPerMember?(stored: Stored): number;
  /** What it costs to reach `targeted` members, within what is left of the budget (preview, maker-checker). */
  estimatedPoints?(stored: Stored, targeted: number, budget: { capPoints: number | null; spentPoints: number }): number;
  /** A channel whose consent the whole audience must have. */
  consentChannel?(stored: Stored): MessageChannel;
  /** The campaign outlives its fan-out until then (active, then ended): a bonus rule's window. */
  liveUntil?(stored: Stored): Date;
  /** A bonus the purchase path pays to the audience while the campaign is live. */
  purchaseBonus?(stored: Stored, campaign: Pick<Campaign, 'id' | 'name'>): ActiveCampaignBonus;
}

/**
 * One batch of a fan-out occurrence, in its transaction: the members it
 * reaches, narrowed by actions that stop at a limit (a grant past the budget),
 * and what each reached member got, for the delivery rows.
 */
export class DeliveryBatch {
  /** Members left without the actions: a budget or limit ran out before them. */
  readonly overBudget: string[] = [];
  /** Points each reached member was granted. */
  pointsEach = 0;
  /** The message status of each reached member that was sent one. */
  readonly messageStatus = new Map<string, string>();
  /** Run once the batch's transaction has committed (e.g. the "coupon issued" notices). */
  readonly afterCommit: Array<() => Promise<void>> = [];

  constructor(
    readonly m: EntityManager,
    readonly campaign: Campaign,
    readonly occurrence: string,
    readonly now: Date,
    /** The ledger session of the batch (accounts locked); credits are written at the end of the batch. */
    readonly ledger: LedgerSession,
    private reachedIds: string[],
  ) {}

  /** Members the actions reach (so far). */
  get reached(): readonly string[] {
    return this.reachedIds;
  }

  /** Only the first `count` reached members go on; the others are over budget. */
  stopAfter(count: number): void {
    this.overBudget.push(...this.reachedIds.slice(count));
    this.reachedIds = this.reachedIds.slice(0, count);
  }
}

/** The fan-out part of an action: a Nest provider, so it may inject what it needs. */
export interface ActionDelivery<Stored> {
  apply(batch: DeliveryBatch, stored: Stored): Promise<void>;
}

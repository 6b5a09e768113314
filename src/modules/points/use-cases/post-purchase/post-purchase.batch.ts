import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../../../common/errors/domain-error';
import { isDatabaseUnavailable, isDuplicateKey } from '../../../../common/errors/mysql-errors';
import { ItemOutcome } from '../../../../common/group-commit';
import { newId } from '../../../../common/ids';
import { addDays } from '../../../../common/time';
import { Transactions } from '../../../../database/transactions';
import { memberCodeNotFound } from '../../../cards/member-code.errors';
import { MemberCodesService } from '../../../cards/member-codes.service';
import { cardInactive, memberNotFound } from '../../../members/members.errors';
import { MembersRepository } from '../../../members/members.repository';
import { EntryHandle, LedgerWriter } from '../../ledger/ledger-writer';
import { LedgerRepository, MonthlyStatsDelta } from '../../ledger/ledger.repository';
import { replayOf } from '../../idempotency/post-once';
import { PostedBatch, PostingEvents } from '../../posting-events';
import { noPointsAccount, receiptTooOld, totalMismatch } from '../../points.errors';
import { PostingResult, pointsSummary, PurchaseCommand, PurchaseResult } from '../../points.types';
import { Program, ProgramSettingsService } from '../../../program/program-settings.service';
import { NewPurchase, receiptKey, ReceiptsRepository, StoredPosting } from '../../receipts/receipts.repository';
import { PURCHASE_CAMPAIGN_BONUSES, PurchaseCampaignBonuses } from '../../campaign-bonuses.port';
import { PURCHASE_COUPONS, PurchaseCouponAnswer, PurchaseCoupons } from '../../purchase-coupons.port';
import { PURCHASE_TIER_PROMOTION, PurchaseLadder, PurchaseTierMove, PurchaseTierPromotion } from '../../tier-promotion.port';
import { ActiveCampaignBonus, campaignBonusPoints, CampaignBreakdownRow, inWindow } from '../../rules/campaign-bonus';
import { computeEarning, EarningResult } from '../../rules/earning';
import { lotExpiresAt } from '../../rules/lots';
import { monthKey } from '../../rules/monthly-stats';
import { pendingUntil } from '../../rules/return-window';

export type PurchaseOutcome = ItemOutcome<PostingResult<PurchaseResult>>;

const RECEIPT_KEY = 'ux_purchases_store_receipt';
const ATTEMPTS_ON_RECEIPT_RACE = 3;

interface Live {
  index: number;
  cmd: PurchaseCommand;
  memberId: string;
  cardNo: string | null;
}

/**
 * Posts a batch of purchases in one transaction: the accounts of all their
 * members are locked in member-id order, every rule is applied in memory in
 * arrival order, and the writes go out as a handful of multi-row statements
 * and one commit. Every purchase gets exactly the answer it would have got
 * alone: a request that fails (unknown member, inactive card, a number used
 * before) fails alone and writes nothing, and if the batch itself fails on
 * one item's data, every item is posted again on its own.
 */
@Injectable()
export class PostPurchaseBatch {
  constructor(
    private readonly transactions: Transactions,
    private readonly ledger: LedgerWriter,
    private readonly ledgerRepo: LedgerRepository,
    private readonly receipts: ReceiptsRepository,
    private readonly members: MembersRepository,
    private readonly program: ProgramSettingsService,
    @Inject(PURCHASE_TIER_PROMOTION) private readonly tiers: PurchaseTierPromotion,
    private readonly events: PostingEvents,
    private readonly memberCodes: MemberCodesService,
    @Optional() @Inject(PURCHASE_CAMPAIGN_BONUSES) private readonly campaignBonuses?: PurchaseCampaignBonuses,
    @Optional() @Inject(PURCHASE_COUPONS) private readonly coupons?: PurchaseCoupons,
  ) {}

  async post(cmds: PurchaseCommand[]): Promise<PurchaseOutcome[]> {
    // The same receipt twice in one batch: the first is posted, the copies answer after it as replays.
    const primaries: number[] = [];
    const copies: number[] = [];
    const seen = new Set<string>();
    cmds.forEach((c, i) => {
      const key = receiptKey(c.storeId, c.receiptNo);
      (seen.has(key) ? copies : primaries).push(i);
      seen.add(key);
    });
    const outcomes: PurchaseOutcome[] = new Array<PurchaseOutcome>(cmds.length);
    const primaryOutcomes = await this.postDistinct(primaries.map((i) => cmds[i]));
    primaries.forEach((i, k) => (outcomes[i] = primaryOutcomes[k]));
    if (copies.length > 0) {
      const copyOutcomes = await this.post(copies.map((i) => cmds[i]));
      copies.forEach((i, k) => (outcomes[i] = copyOutcomes[k]));
    }
    return outcomes;
  }

  private async postDistinct(cmds: PurchaseCommand[]): Promise<PurchaseOutcome[]> {
    if (cmds.length === 0) {
      return [];
    }
    const [program, ladder] = await Promise.all([this.program.get(), this.tiers.ladder()]);
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          const posted: PostedBatch = { purchases: [], tierMoves: [], lineCategories: [] };
          const outcomes = await this.transactions.retrying((m) => {
            posted.purchases = [];
            posted.tierMoves = [];
            posted.lineCategories = [];
            return this.postInTransaction(m, cmds, program, ladder, posted);
          });
          // Committed: webhooks and notices follow, off the till's path.
          this.events.emit(posted);
          return outcomes;
        } catch (err) {
          // Another process posted one of these receipts between our read and our insert: read again.
          if (!isDuplicateKey(err, RECEIPT_KEY) || attempt >= ATTEMPTS_ON_RECEIPT_RACE) {
            throw err;
          }
        }
      }
    } catch (err) {
      if (cmds.length === 1 || isDatabaseUnavailable(err)) {
        return cmds.map(() => ({ ok: false, error: err }));
      }
      // Something in one item's data broke the shared transaction: post each alone, in order.
      const outcomes: PurchaseOutcome[] = [];
      for (const cmd of cmds) {
        outcomes.push(...(await this.postDistinct([cmd])));
      }
      return outcomes;
    }
  }

  private async postInTransaction(
    m: EntityManager,
    cmds: PurchaseCommand[],
    program: Program,
    ladder: PurchaseLadder,
    posted: PostedBatch,
  ): Promise<PurchaseOutcome[]> {
    const now = new Date();
    const outcomes: Array<PurchaseOutcome | undefined> = new Array<PurchaseOutcome | undefined>(cmds.length);
    const fail = (i: number, error: DomainError) => (outcomes[i] = { ok: false, error });

    // Numbers used before: a replay or a conflict, nothing written.
    const stored = await this.receipts.findPurchases(m, cmds);
    const fresh: number[] = [];
    cmds.forEach((cmd, i) => {
      const previous = stored.get(receiptKey(cmd.storeId, cmd.receiptNo));
      if (previous) {
        outcomes[i] = replayOutcome(previous, cmd);
      } else {
        fresh.push(i);
      }
    });

    // Checks on the request alone.
    const oldestAccepted = addDays(now, -program.offlineAcceptanceDays);
    const checked = fresh.filter((i) => {
      const cmd = cmds[i];
      const sum = cmd.lines.reduce((s, l) => s + l.amountCents, 0);
      if (sum !== cmd.totalCents) {
        fail(i, totalMismatch(cmd.totalCents, sum));
        return false;
      }
      if (cmd.occurredAt < oldestAccepted) {
        fail(i, receiptTooOld(cmd.occurredAt, program.offlineAcceptanceDays, oldestAccepted));
        return false;
      }
      return true;
    });

    // The members, by card, phone or id.
    const live = await this.resolveMembers(m, cmds, checked, fail);

    // Lock the accounts, then re-read the cards under a shared lock (a freeze may have committed meanwhile).
    const session = await this.ledger.open(
      m,
      live.map((l) => l.memberId),
      now,
    );
    const cardStatus = await this.members.lockCardStatuses(
      m,
      live.filter((l) => l.cardNo !== null).map((l) => l.cardNo as string),
    );
    const posting = live.filter((l) => {
      if (!session.has(l.memberId)) {
        fail(l.index, noPointsAccount());
        return false;
      }
      const status = l.cardNo !== null ? cardStatus.get(l.cardNo) : 'active';
      if (status !== 'active') {
        fail(l.index, cardInactive(l.cardNo as string, status ?? 'unknown'));
        return false;
      }
      return true;
    });

    // Qualifying figures of the members who can still move up.
    const promotions = await ladder.start(
      [...new Set(posting.map((l) => l.memberId))].map((memberId) => ({ memberId, tierCode: session.account(memberId).tierCode })),
      now,
      program.qualifyingWindowMonths,
      (memberIds, fromMonth) => this.ledgerRepo.qualifyingStats(m, memberIds, fromMonth),
    );
    // Live campaign bonus rules of these members: one audience query for the whole batch.
    const bonuses =
      this.campaignBonuses && posting.length > 0
        ? await this.campaignBonuses.forMembers(
            m,
            [...new Set(posting.map((l) => l.memberId))],
            now,
            new Date(Math.min(...posting.map((l) => l.cmd.occurredAt.getTime()))),
          )
        : new Map<string, ActiveCampaignBonus[]>();

    const purchases: Array<{ row: NewPurchase; lot: EntryHandle | null }> = [];
    const monthly: MonthlyStatsDelta[] = [];
    const tierMoves: PurchaseTierMove[] = [];
    for (const l of posting) {
      const { cmd, memberId } = l;
      const purchaseId = newId();
      // Coupons first: a coupon that refuses the sale fails this purchase alone, before it has written anything.
      let couponAnswers: PurchaseCouponAnswer[] | undefined;
      if (cmd.coupons && cmd.coupons.length > 0) {
        try {
          couponAnswers = await this.redeemCoupons(m, cmd, memberId, purchaseId, now);
        } catch (err) {
          if (err instanceof DomainError) {
            fail(l.index, err);
            continue;
          }
          throw err;
        }
      }
      const account = session.account(memberId);
      const tier = ladder.tierOf(account.tierCode);
      const earning = await this.withCampaignBonuses(
        m,
        computeEarning({
          lines: cmd.lines,
          excludedCategories: program.excludedCategories,
          centsPerPoint: program.centsPerPoint,
          tierMultiplierPermille: tier.earnMultiplierPermille,
        }),
        cmd,
        bonuses.get(memberId) ?? [],
        program.centsPerPoint,
      );
      const lot =
        earning.pointsEarned > 0
          ? session.credit(memberId, {
              type: 'accrual',
              points: earning.pointsEarned,
              storeId: cmd.storeId,
              refType: 'purchase',
              refId: purchaseId,
              earned: true,
              lot: {
                earnedAt: cmd.occurredAt,
                expiresAt: lotExpiresAt(cmd.occurredAt, program.pointsExpiryMonths),
                pendingUntil: pendingUntil(cmd.occurredAt, program.returnWindowDays, now),
              },
            })
          : null;

      let tierAfter = tier.code;
      const target = promotions.afterPurchase(memberId, tier.code, {
        occurredAt: cmd.occurredAt,
        spendCents: cmd.totalCents,
        points: earning.pointsEarned,
      });
      if (target) {
        tierMoves.push({ memberId, from: tier.code, to: target, purchaseId });
        account.tierCode = target;
        tierAfter = target;
      }
      monthly.push({ memberId, month: monthKey(cmd.occurredAt), spendCents: cmd.totalCents, points: earning.pointsEarned, purchases: 1 });

      const body: PurchaseResult = {
        transactionId: purchaseId,
        receiptNo: cmd.receiptNo,
        memberId,
        pointsEarned: earning.pointsEarned,
        breakdown: earning.breakdown,
        points: pointsSummary(account.balance, account.pending),
        tier: { code: tierAfter, changed: tierAfter !== tier.code, previous: tierAfter !== tier.code ? tier.code : null },
        ...(couponAnswers ? { coupons: couponAnswers } : {}),
      };
      purchases.push({
        lot,
        row: {
          id: purchaseId,
          storeId: cmd.storeId,
          receiptNo: cmd.receiptNo,
          memberId,
          cardNo: l.cardNo,
          occurredAt: cmd.occurredAt,
          totalCents: cmd.totalCents,
          eligibleCents: earning.eligibleCents,
          pointsEarned: earning.pointsEarned,
          lotId: null,
          requestHash: cmd.requestHash,
          response: JSON.stringify(body),
          createdAt: now,
          lines: cmd.lines.map((line, k) => ({ ...line, eligible: earning.lineEligible[k] })),
        },
      });
      outcomes[l.index] = { ok: true, value: { status: 201, body } };
    }

    await session.flush();
    await this.receipts.insertPurchases(
      m,
      purchases.map((p) => ({ ...p.row, lotId: p.lot?.lotId ?? null })),
    );
    await this.ledgerRepo.addMonthlyStats(m, mergeMonthly(monthly));
    for (const p of purchases) {
      posted.purchases.push({
        purchaseId: p.row.id,
        storeId: p.row.storeId,
        receiptNo: p.row.receiptNo,
        memberId: p.row.memberId,
        occurredAt: p.row.occurredAt.toISOString(),
        totalCents: p.row.totalCents,
        pointsEarned: p.row.pointsEarned,
      });
      for (const line of p.row.lines) {
        posted.lineCategories?.push(line.category);
      }
    }
    posted.tierMoves.push(...tierMoves.map((move) => ({ ...move, at: now.toISOString() })));
    await promotions.record(m, tierMoves, now, program.tierReviewMonths);
    return outcomes.map((o) => o ?? { ok: false, error: new Error('purchase left without an answer') });
  }

  /** The coupons a purchase names, redeemed in its transaction (through the rewards module's PURCHASE_COUPONS). */
  private redeemCoupons(m: EntityManager, cmd: PurchaseCommand, memberId: string, purchaseId: string, now: Date) {
    if (!this.coupons) {
      throw new Error('Coupons are not available in this process (PURCHASE_COUPONS is not provided)');
    }
    return this.coupons.redeem(m, cmd.coupons ?? [], {
      purchaseId,
      storeId: cmd.storeId,
      receiptNo: cmd.receiptNo,
      memberId,
      occurredAt: cmd.occurredAt,
      totalCents: cmd.totalCents,
      now,
      offline: cmd.offline === true,
    });
  }

  /** Adds a breakdown row per campaign bonus rule that applies and fits in its campaign's budget. */
  private async withCampaignBonuses(
    m: EntityManager,
    earning: EarningResult,
    cmd: PurchaseCommand,
    bonuses: ActiveCampaignBonus[],
    centsPerPoint: number,
  ): Promise<EarningResult> {
    const rows: CampaignBreakdownRow[] = [];
    for (const bonus of bonuses) {
      if (!this.campaignBonuses || !inWindow(bonus, cmd.occurredAt)) {
        continue;
      }
      const points = campaignBonusPoints(bonus.rule, { ...earning, lines: cmd.lines }, centsPerPoint);
      if (points > 0 && (await this.campaignBonuses.reserve(m, bonus.campaignId, points))) {
        rows.push({ rule: 'campaign', campaignId: bonus.campaignId, name: bonus.name, points });
      }
    }
    if (rows.length === 0) {
      return earning;
    }
    return {
      ...earning,
      breakdown: [...earning.breakdown, ...rows],
      pointsEarned: earning.pointsEarned + rows.reduce((sum, r) => sum + r.points, 0),
    };
  }

  private async resolveMembers(
    m: EntityManager,
    cmds: PurchaseCommand[],
    indexes: number[],
    fail: (i: number, error: DomainError) => void,
  ): Promise<Live[]> {
    const refs = indexes.map((i) => ({ i, ref: cmds[i].member }));
    const [cards, phones, ids, codes] = await Promise.all([
      this.members.cardsByNumber(
        refs.flatMap((r) => (r.ref.cardNo ? [r.ref.cardNo] : [])),
        m,
      ),
      this.members.memberIdsByPhone(
        refs.flatMap((r) => (r.ref.phone ? [r.ref.phone] : [])),
        m,
      ),
      this.members.survivingMemberIds(
        refs.flatMap((r) => (r.ref.memberId ? [r.ref.memberId] : [])),
        m,
      ),
      this.memberCodes.resolveMany(
        refs.flatMap((r) => (r.ref.memberCode ? [{ code: r.ref.memberCode, at: r.ref.codeShownAt }] : [])),
        m,
      ),
    ]);
    // A merged member's code names the survivor, as its cards do.
    const codeSurvivors = await this.members.survivingMemberIds(
      [...codes.values()].flatMap((c) => (c instanceof DomainError ? [] : [c.memberId])),
      m,
    );
    const live: Live[] = [];
    for (const { i, ref } of refs) {
      if (ref.cardNo) {
        const card = cards.get(ref.cardNo);
        if (!card) {
          fail(i, memberNotFound('cardNo', ref.cardNo));
        } else if (card.status !== 'active') {
          fail(i, cardInactive(ref.cardNo, card.status));
        } else {
          live.push({ index: i, cmd: cmds[i], memberId: card.memberId, cardNo: ref.cardNo });
        }
      } else if (ref.phone) {
        const memberId = phones.get(ref.phone);
        if (memberId) {
          live.push({ index: i, cmd: cmds[i], memberId, cardNo: null });
        } else {
          fail(i, memberNotFound('phone', ref.phone));
        }
      } else if (ref.memberCode) {
        const code = codes.get(ref.memberCode);
        const memberId = code && !(code instanceof DomainError) ? codeSurvivors.get(code.memberId) : undefined;
        if (memberId) {
          live.push({ index: i, cmd: cmds[i], memberId, cardNo: null });
        } else {
          fail(i, code instanceof DomainError ? code : memberCodeNotFound());
        }
      } else {
        const named = ref.memberId ?? '';
        const memberId = ids.get(named);
        if (memberId) {
          live.push({ index: i, cmd: cmds[i], memberId, cardNo: null });
        } else {
          fail(i, memberNotFound('memberId', named));
        }
      }
    }
    return live;
  }
}

function replayOutcome(stored: StoredPosting, cmd: PurchaseCommand): PurchaseOutcome {
  try {
    return { ok: true, value: replayOf<PurchaseResult>(stored, cmd.requestHash, 'receiptNo', cmd.receiptNo) };
  } catch (error) {
    return { ok: false, error };
  }
}

function mergeMonthly(deltas: MonthlyStatsDelta[]): MonthlyStatsDelta[] {
  const merged = new Map<string, MonthlyStatsDelta>();
  for (const d of deltas) {
    const key = `${d.memberId}|${d.month}`;
    const m = merged.get(key);
    if (m) {
      m.spendCents += d.spendCents;
      m.points += d.points;
      m.purchases += d.purchases;
    } else {
      merged.set(key, { ...d });
    }
  }
  return [...merged.values()];
}

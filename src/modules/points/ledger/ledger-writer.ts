import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EntryType } from '../entities/point-entry.entity';
import { LotTake, splitCredit, takeFromLots } from '../rules/lots';
import { mergeArithmetic } from '../rules/merge';
import { AccountChange, Consumption, LedgerRepository, LockedAccount, NewEntry, NewLot } from './ledger.repository';

const LOT_PAGE = 200;

export interface CreditSpec {
  type: EntryType;
  points: number;
  storeId: string | null;
  refType: string;
  refId: string;
  note?: string | null;
  /** Counts towards lifetime earned (accruals and bonuses do; a cancelled redemption does not). */
  earned: boolean;
  lot: { earnedAt: Date; expiresAt: Date; pendingUntil: Date | null };
}

export interface DebitSpec {
  type: EntryType;
  points: number;
  storeId: string | null;
  refType: string;
  refId: string;
  note?: string | null;
  /** Take from this lot first (a refund takes from its purchase's own lot, pending or not). */
  firstLotId?: number | null;
  /** How the debit counts in the lifetime figures. */
  counts: 'redeemed' | 'unearned' | 'none';
}

/** Filled in when the session flushes. */
export interface EntryHandle {
  entryId: number;
  lotId: number | null;
  balanceAfter: number;
}

interface PendingEntry {
  entry: NewEntry;
  handle: EntryHandle;
  lot: Omit<NewLot, 'entryId'> | null;
  consumptions: LotTake[];
}

/**
 * One transaction's view of the ledger: the locked accounts, and the entries,
 * lots and account changes written through it. Entries and lots of a session
 * are written together at flush(), as multi-row inserts, so a batch of many
 * postings costs a handful of statements. Every balance a caller sees is the
 * locked balance plus what this session has posted.
 */
export class LedgerSession {
  private readonly queued: PendingEntry[] = [];
  private readonly lotChanges: LotTake[] = [];
  private readonly changes = new Map<string, AccountChange>();

  constructor(
    readonly manager: EntityManager,
    private readonly repo: LedgerRepository,
    private readonly accounts: Map<string, LockedAccount>,
    readonly now: Date,
  ) {}

  account(memberId: string): LockedAccount {
    const account = this.accounts.get(memberId);
    if (!account) {
      throw new Error(`Account ${memberId} is not locked by this session`);
    }
    return account;
  }

  has(memberId: string): boolean {
    return this.accounts.has(memberId);
  }

  /**
   * Points in: an entry and a lot. A member in debt repays it first; only the
   * rest goes into the lot. Points inside a return window are pending.
   */
  credit(memberId: string, spec: CreditSpec): EntryHandle {
    const account = this.account(memberId);
    const { toLots } = splitCredit(account.balance, spec.points);
    account.balance += spec.points;
    const pending = spec.lot.pendingUntil !== null;
    if (pending) {
      account.pending += toLots;
    }
    const handle: EntryHandle = { entryId: 0, lotId: null, balanceAfter: account.balance };
    this.queued.push({
      entry: this.entry(memberId, spec, spec.points, account.balance),
      handle,
      lot: {
        memberId,
        points: spec.points,
        remaining: toLots,
        earnedAt: spec.lot.earnedAt,
        expiresAt: spec.lot.expiresAt,
        pending,
        availableAt: spec.lot.pendingUntil,
      },
      consumptions: [],
    });
    this.change(memberId, { balanceDelta: spec.points, pendingDelta: pending ? toLots : 0, earnedDelta: spec.earned ? spec.points : 0 });
    return handle;
  }

  /**
   * Points out: an entry, and the points taken from lots (`firstLotId` first,
   * then spendable lots soonest expiry first). What the lots cannot cover
   * becomes a visible debt.
   */
  async debit(memberId: string, spec: DebitSpec): Promise<EntryHandle> {
    const account = this.account(memberId);
    const { takes, pendingTaken } = await this.planDebit(memberId, spec.points, spec.firstLotId ?? null);
    account.balance -= spec.points;
    account.pending -= pendingTaken;
    const handle: EntryHandle = { entryId: 0, lotId: null, balanceAfter: account.balance };
    this.queued.push({ entry: this.entry(memberId, spec, -spec.points, account.balance), handle, lot: null, consumptions: takes });
    this.lotChanges.push(...takes.map((t) => ({ lotId: t.lotId, points: -t.points })));
    this.change(memberId, {
      balanceDelta: -spec.points,
      pendingDelta: -pendingTaken,
      earnedDelta: spec.counts === 'unearned' ? -spec.points : 0,
      redeemedDelta: spec.counts === 'redeemed' ? spec.points : 0,
    });
    return handle;
  }

  /**
   * Points back into the lots they were taken from (a cancelled redemption).
   * A debt run up meanwhile is paid first.
   */
  async restore(
    memberId: string,
    spec: { type: EntryType; points: number; storeId: string | null; refType: string; refId: string; takenBy: number },
  ): Promise<EntryHandle> {
    const account = this.account(memberId);
    let toLots = splitCredit(account.balance, spec.points).toLots;
    const returns: LotTake[] = [];
    for (const c of await this.repo.consumptionsOf(this.manager, memberId, spec.takenBy)) {
      if (toLots <= 0) {
        break;
      }
      const back = Math.min(c.points, toLots);
      returns.push({ lotId: c.lotId, points: back });
      toLots -= back;
    }
    account.balance += spec.points;
    const handle: EntryHandle = { entryId: 0, lotId: null, balanceAfter: account.balance };
    this.queued.push({
      entry: this.entry(memberId, { ...spec, note: null }, spec.points, account.balance),
      handle,
      lot: null,
      consumptions: [],
    });
    this.lotChanges.push(...returns);
    this.change(memberId, { balanceDelta: spec.points, redeemedDelta: -spec.points });
    return handle;
  }

  /** Expiry: each lot's remaining points leave through an `expiry` entry of their own. */
  expireLots(memberId: string, lots: Array<{ id: number; remaining: number }>): number {
    const account = this.account(memberId);
    let points = 0;
    for (const lot of lots) {
      account.balance -= lot.remaining;
      points += lot.remaining;
      this.queued.push({
        entry: this.entry(
          memberId,
          { type: 'expiry', storeId: null, refType: 'lot', refId: String(lot.id), note: null },
          -lot.remaining,
          account.balance,
        ),
        handle: { entryId: 0, lotId: null, balanceAfter: account.balance },
        lot: null,
        consumptions: [{ lotId: lot.id, points: lot.remaining }],
      });
      this.lotChanges.push({ lotId: lot.id, points: -lot.remaining });
    }
    this.change(memberId, { balanceDelta: -points });
    return points;
  }

  /** Pending lots whose window has run become spendable. */
  async releaseLots(memberId: string, lots: Array<{ id: number; remaining: number }>): Promise<number> {
    const account = this.account(memberId);
    const points = lots.reduce((sum, l) => sum + l.remaining, 0);
    account.pending -= points;
    await this.repo.markLotsReleased(
      this.manager,
      lots.map((l) => l.id),
    );
    this.change(memberId, { pendingDelta: -points });
    return points;
  }

  /**
   * A merge of two members' accounts (both locked by this session, nothing
   * else posted in it yet): the source's whole balance leaves through a
   * `merge_out` entry (it ends at 0) and arrives through a `merge_in` entry
   * on the survivor; the source's lots move with their expiry dates. When one
   * side is in debt, the merge_in takes the excess off the survivor's lots.
   */
  async mergeAccounts(sourceId: string, survivorId: string, ref: { refType: string; refId: string }): Promise<{ moved: number }> {
    if (this.queued.length > 0 || this.lotChanges.length > 0) {
      throw new Error('mergeAccounts must be the first posting of its session');
    }
    const source = this.account(sourceId);
    const survivor = this.account(survivorId);
    const { moved, lotExcess } = mergeArithmetic(source.balance, survivor.balance);
    const pendingMoved = source.pending;
    await this.repo.moveLots(this.manager, sourceId, survivorId);
    source.balance = 0;
    source.pending = 0;
    this.queued.push({
      entry: this.entry(sourceId, { type: 'merge_out', storeId: null, ...ref }, -moved, 0),
      handle: { entryId: 0, lotId: null, balanceAfter: 0 },
      lot: null,
      consumptions: [],
    });
    this.change(sourceId, { balanceDelta: -moved, pendingDelta: -pendingMoved });
    survivor.pending += pendingMoved;
    const { takes } = lotExcess > 0 ? await this.planDebit(survivorId, lotExcess, null) : { takes: [] };
    survivor.balance += moved;
    this.queued.push({
      entry: this.entry(survivorId, { type: 'merge_in', storeId: null, ...ref }, moved, survivor.balance),
      handle: { entryId: 0, lotId: null, balanceAfter: survivor.balance },
      lot: null,
      consumptions: takes,
    });
    this.lotChanges.push(...takes.map((t) => ({ lotId: t.lotId, points: -t.points })));
    this.change(survivorId, { balanceDelta: moved, pendingDelta: pendingMoved });
    return { moved };
  }

  /** Writes everything queued: entries, lots, consumptions, lot changes, then each account once. */
  async flush(): Promise<void> {
    const queued = this.queued.splice(0);
    if (queued.length > 0) {
      const entryIds = await this.repo.insertEntries(
        this.manager,
        queued.map((q) => q.entry),
      );
      queued.forEach((q, i) => (q.handle.entryId = entryIds[i]));
      const withLots = queued.filter((q) => q.lot !== null);
      const lotIds = await this.repo.insertLots(
        this.manager,
        withLots.map((q) => ({ ...(q.lot as Omit<NewLot, 'entryId'>), entryId: q.handle.entryId })),
      );
      withLots.forEach((q, i) => (q.handle.lotId = lotIds[i]));
      const consumptions: Consumption[] = queued.flatMap((q) =>
        q.consumptions.map((c) => ({ memberId: q.entry.memberId, entryId: q.handle.entryId, lotId: c.lotId, points: c.points })),
      );
      await this.repo.insertConsumptions(this.manager, consumptions);
    }
    await this.repo.adjustLots(this.manager, mergeLotChanges(this.lotChanges.splice(0)), 1);
    const changes = [...this.changes.values()];
    this.changes.clear();
    await this.repo.applyAccountChanges(this.manager, changes, this.now);
  }

  private async planDebit(
    memberId: string,
    points: number,
    firstLotId: number | null,
  ): Promise<{ takes: LotTake[]; pendingTaken: number }> {
    const takes: LotTake[] = [];
    let pendingTaken = 0;
    let left = points;
    const skip: number[] = [];
    // Lots already touched in this session but not yet written: count their changes.
    const unwritten = new Map<number, number>();
    for (const c of this.lotChanges) {
      unwritten.set(c.lotId, (unwritten.get(c.lotId) ?? 0) + c.points);
    }
    const remainingOf = (lot: { id: number; remaining: number }) => lot.remaining + (unwritten.get(lot.id) ?? 0);
    if (firstLotId !== null) {
      const lot = await this.repo.lockLot(this.manager, memberId, firstLotId);
      if (lot) {
        const r = takeFromLots([{ id: lot.id, remaining: remainingOf(lot) }], left);
        takes.push(...r.takes);
        if (lot.pending) {
          pendingTaken += points - r.shortfall;
        }
        left = r.shortfall;
        skip.push(lot.id);
      }
    }
    while (left > 0) {
      const lots = await this.repo.lockSpendableLots(this.manager, memberId, skip, LOT_PAGE);
      if (lots.length === 0) {
        break; // the rest becomes a visible debt (negative balance)
      }
      const r = takeFromLots(
        lots.map((l) => ({ id: l.id, remaining: remainingOf(l) })),
        left,
      );
      takes.push(...r.takes);
      left = r.shortfall;
      skip.push(...lots.map((l) => l.id));
    }
    return { takes, pendingTaken };
  }

  private entry(
    memberId: string,
    spec: { type: EntryType; storeId: string | null; refType: string; refId: string; note?: string | null },
    points: number,
    balanceAfter: number,
  ): NewEntry {
    return {
      memberId,
      type: spec.type,
      points,
      balanceAfter,
      storeId: spec.storeId,
      refType: spec.refType,
      refId: spec.refId,
      note: spec.note ?? null,
      createdAt: this.now,
    };
  }

  private change(memberId: string, delta: Partial<Omit<AccountChange, 'memberId'>>): void {
    const c = this.changes.get(memberId) ?? { memberId, balanceDelta: 0, pendingDelta: 0, earnedDelta: 0, redeemedDelta: 0 };
    c.balanceDelta += delta.balanceDelta ?? 0;
    c.pendingDelta += delta.pendingDelta ?? 0;
    c.earnedDelta += delta.earnedDelta ?? 0;
    c.redeemedDelta += delta.redeemedDelta ?? 0;
    this.changes.set(memberId, c);
  }
}

function mergeLotChanges(changes: LotTake[]): LotTake[] {
  const byLot = new Map<number, number>();
  for (const c of changes) {
    byLot.set(c.lotId, (byLot.get(c.lotId) ?? 0) + c.points);
  }
  return [...byLot.entries()].filter(([, points]) => points !== 0).map(([lotId, points]) => ({ lotId, points }));
}

/**
 * The one way points enter or leave the ledger. Every use case (purchases,
 * refunds, redemptions, expiry, the pending release, and later tier bonuses,
 * campaign grants, adjustments) opens a session inside its transaction,
 * posts through it and flushes it before it commits.
 */
@Injectable()
export class LedgerWriter {
  constructor(private readonly repo: LedgerRepository) {}

  /** Locks the members' accounts (in member-id order) and opens a session over them. */
  async open(m: EntityManager, memberIds: string[], now = new Date()): Promise<LedgerSession> {
    const accounts = await this.repo.lockAccounts(m, memberIds);
    return new LedgerSession(m, this.repo, accounts, now);
  }
}

import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { newId } from '../../src/common/ids';
import { requestHash } from '../../src/common/canonical-json';
import { PurchaseCommand } from '../../src/modules/points/points.types';
import { CancelRedemptionUseCase } from '../../src/modules/points/use-cases/cancel-redemption/cancel-redemption.use-case';
import { ExpirePointsUseCase } from '../../src/modules/points/use-cases/expire-points/expire-points.use-case';
import { PostPurchaseBatch } from '../../src/modules/points/use-cases/post-purchase/post-purchase.batch';
import { PostPurchaseUseCase } from '../../src/modules/points/use-cases/post-purchase/post-purchase.use-case';
import { PostRefundUseCase } from '../../src/modules/points/use-cases/post-refund/post-refund.use-case';
import { RedeemPointsUseCase } from '../../src/modules/points/use-cases/redeem-points/redeem-points.use-case';
import { ReleasePendingUseCase } from '../../src/modules/points/use-cases/release-pending/release-pending.use-case';
import { ledgerInvariants, uniq } from '../support/factories';
import { newMember, startMediumContext, withProgram } from './medium-context';

const STORE = newId();
const DAY = 86_400_000;

describe('points engine on the real database (no HTTP)', () => {
  let ctx: INestApplicationContext;
  let db: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ ctx, db, close } = await startMediumContext());
  });

  afterAll(async () => {
    await close();
  });

  function purchase(cardNo: string, amountCents: number, overrides: Partial<PurchaseCommand> = {}): PurchaseCommand {
    const lines = [{ sku: 'SKU-1', category: 'grocery', quantityMilli: 1000, amountCents }];
    const cmd = {
      storeId: STORE,
      receiptNo: uniq('R'),
      member: { cardNo },
      occurredAt: new Date(),
      lines,
      totalCents: amountCents,
      ...overrides,
    };
    return { ...cmd, requestHash: overrides.requestHash ?? requestHash({ ...cmd, occurredAt: cmd.occurredAt.toISOString() }) };
  }
  const buy = (cmd: PurchaseCommand) => ctx.get(PostPurchaseUseCase).post(cmd);
  const refundAll = (receiptNo: string, amountCents: number) =>
    ctx.get(PostRefundUseCase).refund({
      storeId: STORE,
      refundNo: uniq('F'),
      receiptNo,
      lines: [{ sku: 'SKU-1', quantityMilli: 1000, amountCents }],
      requestHash: uniq('h'),
    });
  const redeem = (cardNo: string, points: number, redemptionNo = uniq('D')) =>
    ctx
      .get(RedeemPointsUseCase)
      .redeem({ storeId: STORE, redemptionNo, member: { cardNo }, points, requestHash: `${redemptionNo}:${points}` });
  const lots = async (memberId: string) =>
    (await db.query('SELECT remaining, pending FROM point_lots WHERE member_id = ? ORDER BY id', [memberId])).map(
      (l: { remaining: string; pending: number }) => [Number(l.remaining), Number(l.pending)],
    );

  describe('group commit', () => {
    it('one bad item among many good ones fails alone; the good ones post exactly once', async () => {
      const members = await Promise.all(Array.from({ length: 6 }, () => newMember(ctx)));
      const frozen = await newMember(ctx);
      await db.query("UPDATE cards SET status = 'frozen' WHERE card_no = ?", [frozen.cardNo]);
      const dup = purchase(members[0].cardNo, 700);
      const cmds: PurchaseCommand[] = [
        ...members.map((m) => purchase(m.cardNo, 1000)),
        purchase('8000000000000002', 1000), // no such card
        purchase(frozen.cardNo, 1000),
        { ...purchase(members[1].cardNo, 1000), totalCents: 999 },
        purchase(members[2].cardNo, 1000, { occurredAt: new Date(Date.now() - 40 * DAY) }),
        dup,
        dup, // the same request twice in one batch: posted once, then a replay
        { ...dup, totalCents: 700, lines: [{ ...dup.lines[0], sku: 'OTHER' }], requestHash: 'another body' },
      ];
      const outcomes = await ctx.get(PostPurchaseBatch).post(cmds);
      const summary = outcomes.map((o) => (o.ok ? o.value.status : (o.error as { code?: string }).code));
      expect(summary).toEqual([
        201,
        201,
        201,
        201,
        201,
        201,
        'MEMBER_NOT_FOUND',
        'CARD_INACTIVE',
        'TOTAL_MISMATCH',
        'RECEIPT_TOO_OLD',
        201,
        200,
        'IDEMPOTENCY_CONFLICT',
      ]);
      const first = outcomes[10];
      const replay = outcomes[11];
      expect(first.ok && replay.ok && replay.value.body).toEqual(first.ok && first.value.body);
      expect((await ledgerInvariants(db, members[0].memberId)).balance).toBe(17);
      for (const m of members.slice(1)) {
        expect(await ledgerInvariants(db, m.memberId)).toMatchObject({ balance: 10, entrySum: 10, lotSum: 10 });
      }
      expect((await ledgerInvariants(db, frozen.memberId)).entrySum).toBe(0);
    });

    it('an item that breaks the shared transaction in the database is retried alone; the others still post', async () => {
      const a = await newMember(ctx);
      const b = await newMember(ctx);
      const tooLong = purchase(b.cardNo, 500);
      tooLong.lines = [{ ...tooLong.lines[0], sku: 'X'.repeat(300) }]; // past the column: only the database refuses it
      const outcomes = await ctx.get(PostPurchaseBatch).post([purchase(a.cardNo, 1200), tooLong, purchase(a.cardNo, 800)]);
      expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
      expect(await ledgerInvariants(db, a.memberId)).toMatchObject({ balance: 20, entrySum: 20, lotSum: 20 });
      expect(await ledgerInvariants(db, b.memberId)).toMatchObject({ balance: 0, entrySum: 0 });
      const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM purchases WHERE receipt_no = ?', [tooLong.receiptNo]);
      expect(Number(n)).toBe(0);
    });

    it('concurrent purchases of one member all count, with balances after each in arrival order', async () => {
      const m = await newMember(ctx);
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => buy(purchase(m.cardNo, 100 * (i + 1)))));
      expect(results.every((r) => r.status === 201)).toBe(true);
      const total = (40 * 41) / 2;
      expect(await ledgerInvariants(db, m.memberId)).toEqual({ balance: total, entrySum: total, lotSum: total, lowestLot: 1 });
      const balances = (await db.query('SELECT balance_after FROM point_entries WHERE member_id = ? ORDER BY id', [m.memberId])).map(
        (r: { balance_after: string }) => Number(r.balance_after),
      );
      expect(balances[balances.length - 1]).toBe(total);
      expect([...balances].sort((x, y) => x - y)).toEqual(balances);
    });
  });

  describe('refund clawback', () => {
    it('takes from the purchase’s own lot first, not the oldest lot', async () => {
      const m = await newMember(ctx);
      await buy(purchase(m.cardNo, 30_000)); // older lot, expires first
      const second = purchase(m.cardNo, 50_000);
      await buy(second);
      await refundAll(second.receiptNo, 50_000);
      expect(await lots(m.memberId)).toEqual([
        [300, 0],
        [0, 0],
      ]);
      expect(await ledgerInvariants(db, m.memberId)).toMatchObject({ balance: 300, entrySum: 300, lotSum: 300 });
    });

    it('with negative balances off, a clawback of spent points stops at zero and the rest is forgiven with a note', async () => {
      await withProgram(ctx, { allow_negative_balance: false }, async () => {
        const m = await newMember(ctx);
        const p = purchase(m.cardNo, 10_000);
        await buy(p);
        await redeem(m.cardNo, 80);
        const res = await refundAll(p.receiptNo, 10_000);
        expect(res.body.pointsReversed).toBe(20);
        expect(res.body.points.balance).toBe(0);
        const [entry] = await db.query("SELECT points, note FROM point_entries WHERE member_id = ? AND type = 'refund_clawback'", [
          m.memberId,
        ]);
        expect(Number(entry.points)).toBe(-20);
        expect(entry.note).toContain('80 points forgiven');
        expect(await ledgerInvariants(db, m.memberId)).toMatchObject({ balance: 0, entrySum: 0, lotSum: 0 });
      });
    });
  });

  describe('cancelling a redemption', () => {
    it('after a debt was run up, the returned points pay the debt before any lot', async () => {
      const m = await newMember(ctx);
      const p = purchase(m.cardNo, 10_000);
      await buy(p);
      const redemptionNo = uniq('D');
      await redeem(m.cardNo, 100, redemptionNo);
      await refundAll(p.receiptNo, 10_000); // claws back 100 already spent: balance -100
      expect((await ledgerInvariants(db, m.memberId)).balance).toBe(-100);
      const cancelled = await ctx.get(CancelRedemptionUseCase).cancel(STORE, redemptionNo);
      expect(cancelled.points.balance).toBe(0);
      expect(await ledgerInvariants(db, m.memberId)).toEqual({ balance: 0, entrySum: 0, lotSum: 0, lowestLot: 0 });
    });
  });

  describe('tier qualifying window', () => {
    it('counts the months inside the window only: spend from the month before the window does not lift the tier', async () => {
      const m = await newMember(ctx);
      const now = new Date();
      const month = (back: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 10);
      await db.query(
        'INSERT INTO member_monthly_stats (member_id, month, spend_cents, points, purchases) VALUES (?, ?, 490000, 4900, 5), (?, ?, 400000, 4000, 4)',
        [
          m.memberId,
          month(12), // just outside a 12-month window
          m.memberId,
          month(11), // the first month inside it
        ],
      );
      const outside = await buy(purchase(m.cardNo, 50_000));
      expect(outside.body.tier).toEqual({ code: 'STANDARD', changed: false, previous: null });
      const crossing = await buy(purchase(m.cardNo, 50_000)); // 400000 + 50000 + 50000 = the VIP threshold exactly
      expect(crossing.body.tier).toEqual({ code: 'VIP', changed: true, previous: 'STANDARD' });
    });
  });

  describe('return window (pending points)', () => {
    it('points stay pending until the window has run; the release is safe to run twice', async () => {
      await withProgram(ctx, { return_window_days: 7 }, async () => {
        const m = await newMember(ctx);
        const occurredAt = new Date(Date.now() - 2 * DAY);
        const res = await buy(purchase(m.cardNo, 12_000, { occurredAt }));
        expect(res.body.points).toEqual({ balance: 120, available: 0, pending: 120 });
        await expect(redeem(m.cardNo, 1)).rejects.toMatchObject({ code: 'INSUFFICIENT_POINTS' });

        const release = ctx.get(ReleasePendingUseCase);
        const availableAt = new Date(occurredAt.getTime() + 7 * DAY);
        const everyone = { fromId: '', toId: null };
        expect((await release.release(everyone, new Date(availableAt.getTime() - 1))).points).toBe(0);
        expect(await lots(m.memberId)).toEqual([[120, 1]]);
        await release.release(everyone, availableAt);
        expect(await release.release(everyone, availableAt)).toMatchObject({ lots: 0, points: 0 });
        expect(await lots(m.memberId)).toEqual([[120, 0]]);
        const [account] = await db.query('SELECT balance, pending FROM point_accounts WHERE member_id = ?', [m.memberId]);
        expect([Number(account.balance), Number(account.pending)]).toEqual([120, 0]);
        expect((await redeem(m.cardNo, 120)).status).toBe(201);
      });
    });

    it('a refund inside the window takes back the pending points', async () => {
      await withProgram(ctx, { return_window_days: 7 }, async () => {
        const m = await newMember(ctx);
        const p = purchase(m.cardNo, 5_000);
        await buy(p);
        const res = await refundAll(p.receiptNo, 5_000);
        expect(res.body.points).toEqual({ balance: 0, available: 0, pending: 0 });
        expect(await lots(m.memberId)).toEqual([[0, 1]]);
      });
    });
  });

  describe('expiry over member-id ranges', () => {
    it('ranges that split the members expire every due lot exactly once', async () => {
      const members = await Promise.all(Array.from({ length: 4 }, () => newMember(ctx)));
      for (const m of members) {
        await buy(purchase(m.cardNo, 10_000));
        await buy(purchase(m.cardNo, 5_000));
      }
      const ids = members.map((m) => m.memberId).sort();
      // The first lot of each member expired yesterday.
      for (const m of members) {
        await db.query('UPDATE point_lots SET expires_at = ? WHERE member_id = ? ORDER BY id LIMIT 1', [
          new Date(Date.now() - DAY),
          m.memberId,
        ]);
      }
      const expire = ctx.get(ExpirePointsUseCase);
      const asOf = new Date();
      const ranges = [
        { fromId: ids[0], toId: ids[2] },
        { fromId: ids[2], toId: ids[3] },
        { fromId: ids[3], toId: null },
      ];
      const totals = [];
      for (const r of ranges) {
        totals.push(await expire.expire(r, asOf));
      }
      expect(totals.map((t) => t.members)).toEqual([2, 1, 1]);
      for (const r of ranges) {
        expect(await expire.expire(r, asOf)).toEqual({ members: 0, lots: 0, points: 0 });
      }
      for (const m of members) {
        expect(await ledgerInvariants(db, m.memberId)).toEqual({ balance: 50, entrySum: 50, lotSum: 50, lowestLot: 0 });
      }
    });
  });
});

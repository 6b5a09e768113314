import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { requestHash } from '../../src/common/canonical-json';
import { newId } from '../../src/common/ids';
import { coreImports } from '../../src/core.module';
import { TierPortsModule } from '../../src/modules/tiers/tier-ports.module';
import { IMPORT_MAX_ROWS, IMPORT_PART_ROWS, MemberImportService } from '../../src/modules/archive/import/member-import.service';
import { ArchiveModule } from '../../src/modules/archive/archive.module';
import { AdjustPointsUseCase } from '../../src/modules/archive/use-cases/adjust-points.use-case';
import { MergeMembersUseCase } from '../../src/modules/archive/use-cases/merge-members.use-case';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.service';
import { MembersModule } from '../../src/modules/members/members.module';
import { PointsModule } from '../../src/modules/points/points.module';
import { PostPurchaseUseCase } from '../../src/modules/points/use-cases/post-purchase/post-purchase.use-case';
import { RedeemPointsUseCase } from '../../src/modules/points/use-cases/redeem-points/redeem-points.use-case';
import { CancelRedemptionUseCase } from '../../src/modules/points/use-cases/cancel-redemption/cancel-redemption.use-case';
import { ledgerInvariants, uniq, uniquePhone } from '../support/factories';
import { newMember } from './medium-context';

const STORE = newId();
const ADMIN = { type: 'admin' as const, id: newId() };

describe('member archive on the real database (no HTTP)', () => {
  let ctx: INestApplicationContext;
  let db: DataSource;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [...coreImports('worker'), TierPortsModule, MembersModule, PointsModule, ArchiveModule],
    }).compile();
    ctx = moduleRef.createNestApplication({ logger: false });
    await ctx.init();
    db = ctx.get(DataSource);
  });

  afterAll(async () => {
    await ctx.close();
  });

  const buy = async (cardNo: string, amountCents: number) => {
    const cmd = {
      storeId: STORE,
      receiptNo: uniq('R'),
      member: { cardNo },
      occurredAt: new Date(),
      lines: [{ sku: 'SKU-1', category: 'grocery', quantityMilli: 1000, amountCents }],
      totalCents: amountCents,
    };
    return ctx.get(PostPurchaseUseCase).post({ ...cmd, requestHash: requestHash({ ...cmd, occurredAt: cmd.occurredAt.toISOString() }) });
  };
  const adjust = (memberId: string, points: number, key = uniq('adj'), reason = 'goodwill', mayExceedLimit = true) =>
    ctx.get(AdjustPointsUseCase).adjust(ADMIN, { memberId, points, reason, idempotencyKey: key, mayExceedLimit });
  const merge = (survivor: string, source: string) => ctx.get(MergeMembersUseCase).merge(ADMIN, { survivorId: survivor, sourceId: source });
  const expectConsistent = async (memberId: string, balance: number) => {
    const inv = await ledgerInvariants(db, memberId);
    expect(inv).toEqual({ balance, entrySum: balance, lotSum: Math.max(balance, 0), lowestLot: inv.lowestLot });
    expect(inv.lowestLot).toBeGreaterThanOrEqual(0);
  };

  describe('adjustments', () => {
    it('posts once per idempotency key: a replay answers the first result and writes nothing more', async () => {
      const { memberId } = await newMember(ctx);
      const key = uniq('adj');
      const first = await adjust(memberId, 700, key);
      const again = await adjust(memberId, 700, key);
      expect(first.status).toBe(201);
      expect(again).toEqual({ status: 200, body: first.body });
      const [entries] = await db.query(
        "SELECT COUNT(*) AS n, SUM(points) AS s FROM point_entries WHERE member_id = ? AND type = 'adjustment'",
        [memberId],
      );
      expect([Number(entries.n), Number(entries.s)]).toEqual([1, 700]);
      await expectConsistent(memberId, 700);
    });

    it('refuses the same key with another body (409) and a debit above the available points (422)', async () => {
      const { memberId } = await newMember(ctx);
      const key = uniq('adj');
      await adjust(memberId, 100, key);
      await expect(adjust(memberId, 101, key)).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
      await expect(adjust(memberId, -101)).rejects.toMatchObject({ code: 'INSUFFICIENT_POINTS' });
      await adjust(memberId, -60);
      await expectConsistent(memberId, 40);
    });

    it('refuses more than ADJUSTMENT_LIMIT_POINTS without points.adjust.large', async () => {
      const { memberId } = await newMember(ctx);
      await expect(adjust(memberId, 10_001, uniq('adj'), 'big', false)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect((await adjust(memberId, 10_000, uniq('adj'), 'at the limit', false)).status).toBe(201);
    });
  });

  describe('merge', () => {
    it('moves the whole balance: both ledgers sum exactly, lots keep their expiry dates, history follows', async () => {
      const source = await newMember(ctx);
      const survivor = await newMember(ctx);
      await buy(source.cardNo, 12_345); // 123 points
      await adjust(source.memberId, 77);
      await buy(survivor.cardNo, 5_000); // 50 points
      const sourceLots = await db.query('SELECT id, expires_at FROM point_lots WHERE member_id = ? ORDER BY id', [source.memberId]);
      const result = await merge(survivor.memberId, source.memberId);
      expect(result.status).toBe(201);
      expect(result.body).toMatchObject({ pointsMoved: 200, survivorBalance: 250 });
      await expectConsistent(source.memberId, 0);
      await expectConsistent(survivor.memberId, 250);
      const moved = await db.query(
        `SELECT id, expires_at FROM point_lots WHERE id IN (${sourceLots.map(() => '?').join(',')}) AND member_id = ? ORDER BY id`,
        [...sourceLots.map((l: { id: string }) => l.id), survivor.memberId],
      );
      expect(moved).toEqual(sourceLots);
      const types = await db.query('SELECT member_id, type, points FROM point_entries WHERE type IN (?, ?) AND ref_id = ?', [
        'merge_in',
        'merge_out',
        source.memberId,
      ]);
      expect(types.map((t: { member_id: string; type: string; points: string }) => [t.member_id, t.type, Number(t.points)]).sort()).toEqual(
        [
          [source.memberId, 'merge_out', -200],
          [survivor.memberId, 'merge_in', 200],
        ].sort(),
      );
      const [cards] = await db.query('SELECT COUNT(*) AS n FROM cards WHERE member_id = ?', [survivor.memberId]);
      expect(Number(cards.n)).toBe(2);
      const [stats] = await db.query('SELECT SUM(spend_cents) AS s, SUM(purchases) AS p FROM member_monthly_stats WHERE member_id = ?', [
        survivor.memberId,
      ]);
      expect([Number(stats.s), Number(stats.p)]).toEqual([17_345, 2]);
      const [gone] = await db.query('SELECT COUNT(*) AS n FROM member_monthly_stats WHERE member_id = ?', [source.memberId]);
      expect(Number(gone.n)).toBe(0);
      const [src] = await db.query('SELECT status, merged_into, phone FROM members WHERE id = ?', [source.memberId]);
      expect(src).toEqual({ status: 'merged', merged_into: survivor.memberId, phone: null });
    });

    it('is idempotent: asking again answers the first result and moves nothing; another survivor is refused', async () => {
      const source = await newMember(ctx);
      const survivor = await newMember(ctx);
      const other = await newMember(ctx);
      await adjust(source.memberId, 300);
      const first = await merge(survivor.memberId, source.memberId);
      const again = await merge(survivor.memberId, source.memberId);
      expect(again.status).toBe(200);
      expect(again.body.pointsMoved).toBe(first.body.pointsMoved);
      const [n] = await db.query("SELECT COUNT(*) AS n FROM point_entries WHERE type = 'merge_in' AND ref_id = ?", [source.memberId]);
      expect(Number(n.n)).toBe(1);
      await expectConsistent(survivor.memberId, 300);
      await expect(merge(other.memberId, source.memberId)).rejects.toMatchObject({ code: 'MERGE_REFUSED' });
      await expect(merge(survivor.memberId, survivor.memberId)).rejects.toMatchObject({ code: 'MERGE_REFUSED' });
    });

    it('a survivor in debt repays it from the moved lots, and a moved redemption can still be cancelled', async () => {
      const source = await newMember(ctx);
      const survivor = await newMember(ctx);
      await adjust(source.memberId, 500);
      const redemptionNo = uniq('D');
      await ctx
        .get(RedeemPointsUseCase)
        .redeem({ storeId: STORE, redemptionNo, member: { cardNo: source.cardNo }, points: 200, requestHash: redemptionNo });
      await db.query('UPDATE point_accounts SET balance = balance - 120 WHERE member_id = ?', [survivor.memberId]);
      await db.query(
        "INSERT INTO point_entries (member_id, type, points, balance_after, store_id, ref_type, ref_id, note, created_at) VALUES (?, 'refund_clawback', -120, -120, NULL, 'test', 'debt', NULL, NOW(3))",
        [survivor.memberId],
      );
      await merge(survivor.memberId, source.memberId);
      await expectConsistent(source.memberId, 0);
      await expectConsistent(survivor.memberId, 180);
      await ctx.get(CancelRedemptionUseCase).cancel(STORE, redemptionNo);
      await expectConsistent(survivor.memberId, 380);
    });
  });

  describe('CSV import', () => {
    it('accepts the good rows, lists the bad ones, writes opening balances through the ledger, and imports an external id once', async () => {
      const p1 = uniquePhone();
      const ext = uniq('X');
      const csv = [
        'external_id,name,phone,email,birthday,opening_points',
        `${ext}-1,李四,${p1},li@example.com,1990-05-17,1200`,
        `${ext}-2,Anna,,,,`,
        `${ext}-3,,13800,nope,1990-02-30,-1`,
        `${ext}-1,Again,,,,5`,
        `${ext}-4,Same Phone,${p1},,,`,
      ].join('\n');
      const importer = ctx.get(MemberImportService);
      const staged = await importer.stage(SYSTEM_ACTOR, csv);
      expect(staged).toMatchObject({ rows: 5, parts: 1 });
      const result = await importer.processPart(staged.runId, 1, 5);
      expect(result).toEqual({ rows: 5, accepted: 2, exists: 0, rejected: 3, openingPoints: 1200 });
      const again = await importer.processPart(staged.runId, 1, 5);
      expect(again).toEqual({ rows: 5, accepted: 0, exists: 0, rejected: 0, openingPoints: 0 });
      const rows = await importer.rows(staged.runId, undefined, 0, 10);
      expect(rows.items.map((r) => r.status)).toEqual(['accepted', 'accepted', 'rejected', 'rejected', 'rejected']);
      expect(rows.items[2].errors.map((e) => e.split(':')[0])).toEqual(['name', 'phone', 'email', 'birthday', 'opening_points']);
      expect(rows.items[3].errors).toEqual(['external_id: repeated in the file (first at row 1)']);
      const [member] = await db.query('SELECT id, name, phone FROM members WHERE external_id = ?', [`${ext}-1`]);
      expect(member).toMatchObject({ name: '李四', phone: p1 });
      await expectConsistent(member.id, 1200);
      const [entry] = await db.query('SELECT type, note FROM point_entries WHERE member_id = ?', [member.id]);
      expect(entry).toEqual({ type: 'adjustment', note: 'opening balance' });
      const reimport = await importer.stage(SYSTEM_ACTOR, `external_id,name,opening_points\n${ext}-1,李四,1200\n`);
      expect(await importer.processPart(reimport.runId, 1, 1)).toMatchObject({ accepted: 0, exists: 1 });
      await expectConsistent(member.id, 1200);
    });

    it('an external id repeated in a later part is rejected naming its first row, not reported as exists', async () => {
      const ext = uniq('P');
      const lines = ['external_id,name'];
      for (let i = 1; i <= IMPORT_PART_ROWS; i++) {
        lines.push(`${ext}-${i},Member ${i}`);
      }
      lines.push(`${ext}-7,Someone Else`);
      const importer = ctx.get(MemberImportService);
      const staged = await importer.stage(SYSTEM_ACTOR, lines.join('\n'));
      expect(staged.parts).toBe(2);
      // The later part runs first: the first row's member does not exist yet, and the repeat is still refused.
      expect(await importer.processPart(staged.runId, IMPORT_PART_ROWS + 1, IMPORT_PART_ROWS + 1)).toEqual({
        rows: 1,
        accepted: 0,
        exists: 0,
        rejected: 1,
        openingPoints: 0,
      });
      expect(await importer.processPart(staged.runId, 1, IMPORT_PART_ROWS)).toMatchObject({ accepted: IMPORT_PART_ROWS, rejected: 0 });
      const rejected = await importer.rows(staged.runId, 'rejected', 0, 10);
      expect(rejected.items).toEqual([
        {
          row: IMPORT_PART_ROWS + 1,
          externalId: `${ext}-7`,
          status: 'rejected',
          errors: ['external_id: repeated in the file (first at row 7)'],
          memberId: null,
        },
      ]);
      const [member] = await db.query('SELECT name FROM members WHERE external_id = ?', [`${ext}-7`]);
      expect(member.name).toBe('Member 7');
    });

    it('refuses a file whose header misses a required column', async () => {
      await expect(ctx.get(MemberImportService).stage(SYSTEM_ACTOR, 'name,phone\nA,+8613800000000\n')).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    });

    it('refuses a file over the row limit with a message saying to split it, and writes nothing', async () => {
      const lines = ['external_id,name'];
      for (let i = 0; i <= IMPORT_MAX_ROWS; i++) {
        lines.push(`LIMIT-${i},Member ${i}`);
      }
      const [runsBefore] = await db.query<Array<{ n: string | number }>>("SELECT COUNT(*) AS n FROM job_runs WHERE kind = 'member-import'");
      await expect(ctx.get(MemberImportService).stage(SYSTEM_ACTOR, lines.join('\n'))).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'csv', message: `at most ${IMPORT_MAX_ROWS} rows per file; split it` }],
      });
      const [runsAfter] = await db.query<Array<{ n: string | number }>>("SELECT COUNT(*) AS n FROM job_runs WHERE kind = 'member-import'");
      expect(Number(runsAfter.n)).toBe(Number(runsBefore.n));
      const [staged] = await db.query<Array<{ n: string | number }>>(
        "SELECT COUNT(*) AS n FROM member_import_rows WHERE raw LIKE '%LIMIT-%'",
      );
      expect(Number(staged.n)).toBe(0);
    });
  });
});

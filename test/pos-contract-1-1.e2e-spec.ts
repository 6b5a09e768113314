import { createConnection } from 'mysql2/promise';
import { loadConfig } from '../src/config/app-config';
import { ProgramSettingsService } from '../src/modules/program/program-settings.service';
import {
  createMember,
  createStore,
  ledgerInvariants,
  pos,
  purchaseBody,
  TestStore,
  uniq,
  writeCounts,
  memberWithPoints,
} from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe('POS contract 1.1', () => {
  let t: TestApp;
  let store: TestStore;

  beforeAll(async () => {
    t = await startTestApp();
    store = await createStore(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const memberWith = (points: number) => memberWithPoints(t, store, points);

  describe('REDEMPTION_CANCELLED', () => {
    it('a redemptionNo sent again after its cancellation is 409 REDEMPTION_CANCELLED and writes nothing', async () => {
      const m = await memberWith(1000);
      const body = { redemptionNo: uniq('D'), member: { cardNo: m.cardNo }, points: 300 };
      await pos(t, store).redeem(body).expect(201);
      expect((await pos(t, store).redeem(body).expect(200)).body.pointsRedeemed).toBe(300);
      await pos(t, store).cancel(body.redemptionNo).expect(200);

      const before = await writeCounts(t.db);
      const res = await pos(t, store).redeem(body).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, code: 'REDEMPTION_CANCELLED', details: [{ field: 'redemptionNo' }] });
      expect(res.body.message).toContain('new redemptionNo');
      // The same number with another body is just as dead: no discount either way.
      expect(
        (
          await pos(t, store)
            .redeem({ ...body, points: 10 })
            .expect(409)
        ).body.code,
      ).toBe('REDEMPTION_CANCELLED');
      expect(await writeCounts(t.db)).toEqual(before);
      expect(await ledgerInvariants(t.db, m.memberId)).toMatchObject({ balance: 1000, entrySum: 1000, lotSum: 1000 });
      // A new number redeems normally.
      await pos(t, store)
        .redeem({ ...body, redemptionNo: uniq('D') })
        .expect(201);
    });
  });

  describe('RECEIPT_TOO_OLD', () => {
    it('a receipt older than the 30-day offline window is 422 RECEIPT_TOO_OLD and writes nothing; 29 days old is accepted', async () => {
      const m = await createMember(t);
      const before = await writeCounts(t.db);
      const old = purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 10_000 }], { occurredAt: daysAgo(30.01) });
      const res = await pos(t, store).purchase(old).expect(422);
      expect(res.body).toMatchObject({ statusCode: 422, code: 'RECEIPT_TOO_OLD', details: [{ field: 'occurredAt' }] });
      expect(res.body.message).toContain('30-day');
      expect(await writeCounts(t.db)).toEqual(before);

      const recent = purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 10_000 }], { occurredAt: daysAgo(29.9) });
      expect((await pos(t, store).purchase(recent).expect(201)).body.pointsEarned).toBe(100);
    });

    it('each item of an offline batch is judged alone: the too-old receipt fails, the others post', async () => {
      const m = await createMember(t);
      const ok1 = purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 500 }], { occurredAt: daysAgo(2) });
      const old = purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 700 }], { occurredAt: daysAgo(45) });
      const ok2 = purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 900 }], { occurredAt: daysAgo(1) });
      const res = await pos(t, store)
        .batch({ transactions: [ok1, old, ok2] })
        .expect(200);
      expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([201, 422, 201]);
      expect(res.body.results[1]).toMatchObject({ receiptNo: old.receiptNo, error: { code: 'RECEIPT_TOO_OLD' } });
      expect(await ledgerInvariants(t.db, m.memberId)).toMatchObject({ balance: 14, entrySum: 14 });
    });

    it('the window is a program setting read from the database', async () => {
      const settings = t.app.get(ProgramSettingsService);
      const m = await createMember(t);
      const body = purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 1000 }], { occurredAt: daysAgo(15) });
      await t.db.query('UPDATE program_settings SET offline_acceptance_days = 10 WHERE id = 1');
      settings.invalidate();
      try {
        expect((await pos(t, store).purchase(body).expect(422)).body.code).toBe('RECEIPT_TOO_OLD');
      } finally {
        await t.db.query('UPDATE program_settings SET offline_acceptance_days = 30 WHERE id = 1');
        settings.invalidate();
      }
      await pos(t, store).purchase(body).expect(201);
    });
  });

  describe('a card frozen while a posting is in flight', () => {
    async function withUncommittedFreeze<T>(cardNo: string, during: () => Promise<T>): Promise<T> {
      const db = loadConfig().database;
      const conn = await createConnection({ host: db.host, port: db.port, user: db.user, password: db.password, database: db.database });
      try {
        await conn.beginTransaction();
        await conn.query("UPDATE cards SET status = 'frozen' WHERE card_no = ?", [cardNo]);
        const pending = during();
        // Let the request resolve the card (still active to everyone else) and block on the card row.
        await new Promise((resolve) => setTimeout(resolve, 400));
        await conn.commit();
        return await pending;
      } finally {
        await conn.end();
      }
    }

    it('a purchase that read the card as active before the freeze committed is 422 CARD_INACTIVE and writes nothing', async () => {
      const m = await createMember(t);
      const before = await writeCounts(t.db);
      const res = await withUncommittedFreeze(m.cardNo, async () =>
        pos(t, store).purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 5000 }])),
      );
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('CARD_INACTIVE');
      expect(res.body.message).not.toContain(m.cardNo);
      expect(await writeCounts(t.db)).toEqual(before);
    });

    it('a redemption racing a freeze is refused the same way', async () => {
      const m = await memberWith(500);
      const before = await writeCounts(t.db);
      const res = await withUncommittedFreeze(m.cardNo, async () =>
        pos(t, store).redeem({ redemptionNo: uniq('D'), member: { cardNo: m.cardNo }, points: 100 }),
      );
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('CARD_INACTIVE');
      expect(await writeCounts(t.db)).toEqual(before);
      expect((await ledgerInvariants(t.db, m.memberId)).balance).toBe(500);
    });
  });
});

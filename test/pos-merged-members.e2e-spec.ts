import { createMember, createStore, loginAdmin, pos, purchaseBody, TestStore, uniq } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** POS-API 1.2 "Member reference": a memberId that was merged into another member resolves to the survivor. */
describe('POS: a merged-away memberId names the survivor', () => {
  let t: TestApp;
  let store: TestStore;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    store = await createStore(t);
    token = await loginAdmin(t);
  });

  afterAll(async () => {
    await t.close();
  });

  async function merge(survivorId: string, sourceId: string) {
    await t.http
      .post(`/api/v1/admin/members/${survivorId}/merge`)
      .set('Authorization', `Bearer ${token}`)
      .send({ sourceMemberId: sourceId })
      .expect(201);
  }

  async function balanceOf(memberId: string): Promise<number> {
    const rows: Array<{ balance: string }> = await t.db.query('SELECT balance FROM point_accounts WHERE member_id = ?', [memberId]);
    return Number(rows[0].balance);
  }

  it('a purchase naming a merged-away memberId posts to the survivor, as the merged card does', async () => {
    const source = await createMember(t);
    const survivor = await createMember(t);
    await merge(survivor.memberId, source.memberId);

    const byId = await pos(t, store)
      .purchase(purchaseBody({ memberId: source.memberId }, [{ amountCents: 12_300 }]))
      .expect(201);
    expect(byId.body).toMatchObject({ memberId: survivor.memberId, pointsEarned: 123, points: { balance: 123 } });
    const byCard = await pos(t, store)
      .purchase(purchaseBody({ cardNo: source.cardNo }, [{ amountCents: 1_000 }]))
      .expect(201);
    expect(byCard.body.memberId).toBe(survivor.memberId);

    expect(await balanceOf(survivor.memberId)).toBe(133);
    expect(await balanceOf(source.memberId)).toBe(0);
    const onSource: Array<{ n: string }> = await t.db.query('SELECT COUNT(*) AS n FROM purchases WHERE member_id = ?', [source.memberId]);
    expect(Number(onSource[0].n)).toBe(0);
  });

  it('an offline batch naming a merged-away memberId posts each receipt to the survivor', async () => {
    const source = await createMember(t);
    const survivor = await createMember(t);
    await merge(survivor.memberId, source.memberId);
    const res = await pos(t, store)
      .batch({
        transactions: [
          purchaseBody({ memberId: source.memberId }, [{ amountCents: 500 }]),
          purchaseBody({ memberId: survivor.memberId }, [{ amountCents: 700 }]),
        ],
      })
      .expect(200);
    expect(res.body.results.map((r: { status: number; body: { memberId: string } }) => [r.status, r.body.memberId])).toEqual([
      [201, survivor.memberId],
      [201, survivor.memberId],
    ]);
    expect(await balanceOf(survivor.memberId)).toBe(12);
    expect(await balanceOf(source.memberId)).toBe(0);
  });

  it('a member merged twice (A into B, B into C): A’s memberId reaches C', async () => {
    const a = await createMember(t);
    const b = await createMember(t);
    const c = await createMember(t);
    await merge(b.memberId, a.memberId);
    await merge(c.memberId, b.memberId);
    const res = await pos(t, store)
      .purchase(purchaseBody({ memberId: a.memberId }, [{ amountCents: 4_200 }]))
      .expect(201);
    expect(res.body.memberId).toBe(c.memberId);
    expect(await balanceOf(c.memberId)).toBe(42);
  });

  it('a redemption naming a merged-away memberId spends the survivor’s points', async () => {
    const source = await createMember(t);
    const survivor = await createMember(t);
    await pos(t, store)
      .purchase(purchaseBody({ cardNo: source.cardNo }, [{ amountCents: 50_000 }]))
      .expect(201);
    await merge(survivor.memberId, source.memberId);
    const res = await pos(t, store)
      .redeem({ redemptionNo: uniq('D'), member: { memberId: source.memberId }, points: 200 })
      .expect(201);
    expect(res.body).toMatchObject({ pointsRedeemed: 200, points: { balance: 300, available: 300 } });
    expect(await balanceOf(survivor.memberId)).toBe(300);
    expect(await balanceOf(source.memberId)).toBe(0);
    const [redemption] = await t.db.query('SELECT member_id FROM redemptions WHERE redemption_no = ?', [res.body.redemptionNo]);
    expect(redemption.member_id).toBe(survivor.memberId);
  });

  it('a merged-away memberId whose survivor asked to be erased is MEMBER_NOT_FOUND and writes nothing', async () => {
    const source = await createMember(t);
    const survivor = await createMember(t);
    await merge(survivor.memberId, source.memberId);
    await t.db.query("UPDATE members SET status = 'erasing' WHERE id = ?", [survivor.memberId]);
    const before = await t.db.query('SELECT COUNT(*) AS n FROM purchases');
    const res = await pos(t, store)
      .purchase(purchaseBody({ memberId: source.memberId }, [{ amountCents: 500 }]))
      .expect(404);
    expect(res.body.code).toBe('MEMBER_NOT_FOUND');
    const redeem = await pos(t, store)
      .redeem({ redemptionNo: uniq('D'), member: { memberId: source.memberId }, points: 1 })
      .expect(404);
    expect(redeem.body.code).toBe('MEMBER_NOT_FOUND');
    expect(await t.db.query('SELECT COUNT(*) AS n FROM purchases')).toEqual(before);
  });
});

import { generateCardNo } from '../src/modules/cards/card-number';
import { createMember, createStore, loginAdmin, pos, purchaseBody, TestMember, TestStore, uniq, writeCounts } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The request half of an erasure, with no worker running: from the request on (README, Privacy) the POS must
 * neither find nor credit the member, although the worker that anonymises them has not run yet.
 */
describe('privacy: from the erasure request on, before the worker runs (HTTP, no worker)', () => {
  let t: TestApp;
  let token: string;
  let store: TestStore;

  beforeAll(async () => {
    t = await startTestApp();
    token = await loginAdmin(t);
    store = await createStore(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const requestErasure = async (m: TestMember) => {
    const res = await t.http.post(`/api/v1/admin/members/${m.memberId}/erasure`).set('Authorization', `Bearer ${token}`).expect(202);
    expect(res.body.state).toBe('requested');
    return res;
  };

  it('the POS answers MEMBER_NOT_FOUND by old phone and CARD_INACTIVE by card, and a purchase, a batch item or a redemption credits nothing', async () => {
    const member = await createMember(t);
    await pos(t, store)
      .purchase(purchaseBody({ cardNo: member.cardNo }, [{ amountCents: 50_000 }]))
      .expect(201);
    // A second card the member carries (any card of theirs, not only the one they registered with).
    const secondCard = generateCardNo();
    await t.db.query(
      `INSERT INTO cards (card_no, member_id, kind, status, issued_at, issued_store_id, status_changed_at)
       SELECT ?, member_id, kind, 'active', issued_at, issued_store_id, NOW(3) FROM cards WHERE card_no = ?`,
      [secondCard, member.cardNo],
    );

    await requestErasure(member);
    // The worker has not run: the profile still holds the phone.
    const [row] = await t.db.query<Array<{ status: string; phone: string | null }>>('SELECT status, phone FROM members WHERE id = ?', [
      member.memberId,
    ]);
    expect(row).toEqual({ status: 'erasing', phone: member.phone });
    expect(
      await t.db.query<Array<{ card_no: string; status: string }>>(
        'SELECT card_no, status FROM cards WHERE member_id = ? ORDER BY card_no',
        [member.memberId],
      ),
    ).toEqual([member.cardNo, secondCard].sort().map((card_no) => ({ card_no, status: 'closed' })));

    const before = await writeCounts(t.db);
    const byPhone = await pos(t, store).lookup({ phone: member.phone }).expect(404);
    expect(byPhone.body.code).toBe('MEMBER_NOT_FOUND');
    for (const cardNo of [member.cardNo, secondCard]) {
      expect((await pos(t, store).lookup({ cardNo }).expect(422)).body.code).toBe('CARD_INACTIVE');
      const bought = await pos(t, store)
        .purchase(purchaseBody({ cardNo }, [{ amountCents: 10_000 }]))
        .expect(422);
      expect(bought.body.code).toBe('CARD_INACTIVE');
    }
    const boughtByPhone = await pos(t, store)
      .purchase(purchaseBody({ phone: member.phone }, [{ amountCents: 10_000 }]))
      .expect(404);
    expect(boughtByPhone.body.code).toBe('MEMBER_NOT_FOUND');
    const boughtById = await pos(t, store)
      .purchase(purchaseBody({ memberId: member.memberId }, [{ amountCents: 10_000 }]))
      .expect(404);
    expect(boughtById.body.code).toBe('MEMBER_NOT_FOUND');
    const batch = await pos(t, store)
      .batch({
        transactions: [
          purchaseBody({ phone: member.phone }, [{ amountCents: 10_000 }]),
          purchaseBody({ cardNo: member.cardNo }, [{ amountCents: 10_000 }]),
        ],
      })
      .expect(200);
    expect(batch.body.results.map((r: { status: number; error: { code: string } }) => [r.status, r.error.code])).toEqual([
      [404, 'MEMBER_NOT_FOUND'],
      [422, 'CARD_INACTIVE'],
    ]);
    const redeemed = await pos(t, store)
      .redeem({ redemptionNo: uniq('D'), member: { phone: member.phone }, points: 10 })
      .expect(404);
    expect(redeemed.body.code).toBe('MEMBER_NOT_FOUND');
    expect(await writeCounts(t.db)).toEqual(before);
    const [account] = await t.db.query<Array<{ balance: string }>>('SELECT balance FROM point_accounts WHERE member_id = ?', [
      member.memberId,
    ]);
    expect(Number(account.balance)).toBe(500);
  });

  it('asking again answers the same request and leaves the cards closed', async () => {
    const member = await createMember(t);
    const first = await requestErasure(member);
    const again = await requestErasure(member);
    expect(again.body.jobId).toBe(first.body.jobId);
    expect((await pos(t, store).lookup({ cardNo: member.cardNo }).expect(422)).body.code).toBe('CARD_INACTIVE');
  });
});

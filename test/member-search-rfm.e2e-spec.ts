import { newId } from '../src/common/ids';
import { createMember, loginAdmin, TestMember, uniq } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';
import { scoreMembers } from './support/rfm-scores';

/**
 * The member search filtered to an RFM segment (issue 18, "each openable to its members"): exactly the members whose
 * last value run scored them into the segment's R×F cells, paged like every search, masked per role like every search.
 */
describe('member search by RFM segment', () => {
  let t: TestApp;
  let admin: string;
  let marketer: string;
  /** This file's members share a name prefix: other suites of the run score members too, so each search is also "q = prefix". */
  const prefix = `Rfm${uniq('s').replace(/-/g, '')}`;
  const seeded: Record<string, TestMember[]> = {};

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
    const email = `${uniq('mk')}@example.com`.toLowerCase();
    const password = 'a long enough password';
    await t.http
      .post('/api/v1/admin/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ email, password, role: 'marketer' })
      .expect(201);
    marketer = (await t.http.post('/api/v1/admin/auth/login').send({ email, password }).expect(200)).body.accessToken as string;
    const runId = newId();
    // r, f as the value run writes them: champions R5 F4–5, loyal R3–4 F4–5, at risk R1–2 F3–4, hibernating R1–2 F1–2.
    const cells: Record<string, Array<[number | null, number | null]>> = {
      champions: [
        [5, 4],
        [5, 5],
        [5, 5],
      ],
      loyal: [
        [4, 4],
        [3, 5],
      ],
      atRisk: [[2, 3]],
      hibernating: [[1, 1]],
      none: [[null, null]],
    };
    for (const [segment, list] of Object.entries(cells)) {
      seeded[segment] = [];
      for (const [r, f] of list) {
        const m = await createMember(t, { name: `${prefix}${segment}${seeded[segment].length}` });
        seeded[segment].push(m);
        await scoreMembers(t.db, runId, [[m.memberId, r, f]]);
      }
    }
    seeded.unscored = [await createMember(t, { name: `${prefix}unscored` })];
  });

  afterAll(async () => {
    await t.close();
  });

  const search = (token: string, query: Record<string, string | number>) =>
    t.http.get('/api/v1/admin/members').query(query).set('Authorization', `Bearer ${token}`);
  const ids = (members: TestMember[]) => members.map((m) => m.memberId).sort();

  it('lists exactly the members scored into the segment, and no one unscored', async () => {
    for (const segment of ['champions', 'loyal', 'atRisk', 'hibernating']) {
      const res = await search(admin, { q: prefix, rfmSegment: segment }).expect(200);
      expect(res.body.items.map((i: { memberId: string }) => i.memberId).sort()).toEqual(ids(seeded[segment]));
      expect(res.body.nextCursor).toBeNull();
    }
    // A segment none of them is in: an empty list, not everyone.
    expect((await search(admin, { q: prefix, rfmSegment: 'cantLose' }).expect(200)).body.items).toEqual([]);
    // Without the filter the same search finds all nine (scored or not).
    expect((await search(admin, { q: prefix }).expect(200)).body.items).toHaveLength(9);
  });

  it('pages like the rest of the search: two pages of the three champions, nothing twice', async () => {
    const first = await search(admin, { q: prefix, rfmSegment: 'champions', limit: 2 }).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toBe(first.body.items[1].memberId);
    const second = await search(admin, { q: prefix, rfmSegment: 'champions', limit: 2, cursor: first.body.nextCursor as string }).expect(
      200,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const all = [...first.body.items, ...second.body.items].map((i: { memberId: string }) => i.memberId);
    expect(all.sort()).toEqual(ids(seeded.champions));
  });

  it('rows carry tier and card; names are masked for a marketer and plain for an admin', async () => {
    const plain = await search(admin, { q: prefix, rfmSegment: 'atRisk' }).expect(200);
    expect(plain.body.unmasked).toBe(true);
    expect(plain.body.items[0]).toMatchObject({
      name: `${prefix}atRisk0`,
      tier: { code: expect.any(String), name: expect.any(String) },
      card: { cardNo: seeded.atRisk[0].cardNo, status: 'active' },
    });
    const masked = await search(marketer, { q: prefix, rfmSegment: 'atRisk' }).expect(200);
    expect(masked.body.unmasked).toBe(false);
    expect(masked.body.items).toHaveLength(1);
    expect(masked.body.items[0].memberId).toBe(seeded.atRisk[0].memberId);
    expect(masked.body.items[0].name).not.toContain(prefix);
    expect(masked.body.items[0].name).toMatch(/^R\*+$/);
    expect(masked.body.items[0].phone).not.toBe(seeded.atRisk[0].phone);
  });

  it('an unknown segment is 400 VALIDATION_FAILED naming the field and listing the segments', async () => {
    for (const bad of ['vip', 'Champions', '']) {
      const res = await search(admin, { q: prefix, rfmSegment: bad }).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'rfmSegment' }] });
      expect(res.body.message).toContain('champions');
    }
  });
});

import { DEMO_CATEGORIES, DEMO_REWARDS, loadDemo } from '../src/demo/demo-loader';
import { MemberTokensService } from '../src/modules/portal/auth/member-tokens.service';
import { ownDatabase } from './support/own-database';
import { startTestApp, TestApp } from './support/test-app';

interface CatalogItem {
  nameZh: string;
  nameEn: string;
  descriptionZh: string | null;
  descriptionEn: string | null;
  pointsPrice: number;
  exchangeable: boolean;
  blockers: string[];
}

/**
 * The first-look demo (npm run demo) on an empty database of its own: a new member signing in to the member page
 * sees a rewards catalog in both languages, some of it within reach of the demo member's points, some not (why not).
 */
describe('demo program (loadDemo)', () => {
  const own = ownDatabase('demo');
  let t: TestApp;

  beforeAll(async () => {
    await own.enter();
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
    await own.leave();
  });

  const catalogOf = async (memberId: string) => {
    const token = (await t.app.get(MemberTokensService).issue(memberId)).accessToken;
    return (await t.http.get('/api/v1/portal/rewards').set('Authorization', `Bearer ${token}`).expect(200)).body as {
      availablePoints: number;
      items: CatalogItem[];
    };
  };

  it('loads rewards with zh-CN and English names and descriptions; the demo member can exchange some now and sees why not for the rest', async () => {
    const info = await loadDemo(t.app);
    expect(info.loaded).toBe(true);
    const [member] = await t.db.query<Array<{ id: string }>>('SELECT id FROM members WHERE phone = ?', [info.memberPhone]);
    const catalog = await catalogOf(member.id);
    expect(catalog.items.map((i) => i.nameEn).sort()).toEqual(DEMO_REWARDS.map((r) => r.nameEn).sort());
    for (const item of catalog.items) {
      expect(item.nameZh).toMatch(/[\u4e00-\u9fff]/);
      expect(item.nameEn).toMatch(/^[\x20-\x7e¥]+$/);
      expect(item.descriptionZh).toMatch(/[\u4e00-\u9fff]/);
      expect(item.descriptionEn).toMatch(/^[\x20-\x7e¥]+$/);
    }
    expect(catalog.availablePoints).toBeGreaterThan(0);
    const now = catalog.items.filter((i) => i.exchangeable);
    const later = catalog.items.filter((i) => !i.exchangeable);
    expect(now.length).toBeGreaterThanOrEqual(2); // Home's strip has something to show
    expect(later.length).toBeGreaterThanOrEqual(1);
    expect(later.every((i) => i.blockers.includes('points') && i.pointsPrice > catalog.availablePoints)).toBe(true);
    // Every category code the demo's receipts carry has a name: the console's Categories screen starts with none unknown.
    const lineCodes = await t.db.query<Array<{ category: string }>>('SELECT DISTINCT category FROM purchase_lines');
    const named = new Set(DEMO_CATEGORIES.map((c) => c.code));
    expect(lineCodes.map((l) => l.category).filter((c) => !named.has(c))).toEqual([]);
    const [{ n }] = await t.db.query<Array<{ n: string }>>(
      `SELECT COUNT(*) AS n FROM categories WHERE code IN (${DEMO_CATEGORIES.map(() => '?').join(', ')})`,
      DEMO_CATEGORIES.map((c) => c.code),
    );
    expect(Number(n)).toBe(DEMO_CATEGORIES.length);
  });

  it('run again, it loads nothing twice: the same rewards, no copies', async () => {
    const again = await loadDemo(t.app);
    expect(again.loaded).toBe(false);
    expect(again.apiKey).toEqual(expect.any(String));
    const [{ n }] = await t.db.query<Array<{ n: number | string }>>('SELECT COUNT(*) AS n FROM rewards');
    expect(Number(n)).toBe(DEMO_REWARDS.length);
  });
});

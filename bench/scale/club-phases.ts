import { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { ClubMembershipService } from '../../src/modules/clubs/club-membership.service';
import { ClubsService } from '../../src/modules/clubs/clubs.service';
import { windowStart } from '../../src/modules/clubs/rules/club-rule';
import { PlanMemberRanges } from '../../src/modules/jobs/plan-member-ranges';
import { Phase } from './phase';

const CODE = 'BENCH_BABY_SH';
/** Tesco's baby club, narrowed: bought baby products at least twice in 90 days, and lives in Shanghai. */
const RULE = {
  combine: 'all',
  conditions: [
    { type: 'categoryPurchases', categories: ['baby'], minPurchases: 2, days: 90 },
    { type: 'city', cities: ['Shanghai'] },
  ],
};

/** One instant for both sides: the 90-day window's edge must not move between them. */
let asOf = new Date();
let clubId = '';

export const CLUB_PHASES: Phase[] = [
  {
    name: 'club full regroup (baby x2 in 90 days, Shanghai): joined',
    target: 'target < 60 s at 1M',
    prepare: async (pool, app) => {
      asOf = new Date();
      const [old] = await pool.query<RowDataPacket[]>('SELECT id FROM clubs WHERE code = ?', [CODE]);
      for (const c of old) {
        await pool.query('DELETE FROM club_member_history WHERE club_id = ?', [c.id]);
        await pool.query('DELETE FROM club_members WHERE club_id = ?', [c.id]);
        await pool.query('DELETE FROM clubs WHERE id = ?', [c.id]);
      }
      clubId = (
        await app
          .get(ClubsService)
          .create(
            { type: 'system', id: null },
            { code: CODE, nameZh: '上海宝宝俱乐部', nameEn: 'Shanghai baby club', joinPolicy: 'automatic', rule: RULE },
          )
      ).clubId;
      await pool.query('DROP TABLE IF EXISTS bench_club_raw');
      await pool.query(
        'CREATE TABLE bench_club_raw (member_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin PRIMARY KEY, joined_at DATETIME(3) NOT NULL)',
      );
      await pool.query('DROP TABLE IF EXISTS bench_club_raw_history');
      await pool.query('CREATE TABLE bench_club_raw_history LIKE club_member_history');
    },
    // The same work by hand over all members at once: the matching members into a membership table, and their history rows.
    raw: async (pool) => {
      const [res] = await pool.query<ResultSetHeader>(
        `INSERT INTO bench_club_raw (member_id, joined_at)
         SELECT m.id, ? FROM members m
          WHERE LOWER(TRIM(m.city)) = 'shanghai'
            AND m.id IN (SELECT p.member_id FROM purchases p
                          WHERE p.occurred_at >= ? AND p.occurred_at <= ?
                            AND EXISTS (SELECT 1 FROM purchase_lines l WHERE l.purchase_id = p.id AND l.category = 'baby'
                                           AND l.refunded_quantity_milli < l.quantity_milli)
                          GROUP BY p.member_id HAVING COUNT(*) >= 2)`,
        [asOf, windowStart(asOf, 90), asOf],
      );
      await pool.query(
        `INSERT INTO bench_club_raw_history (club_id, member_id, event, reason, actor_id, at)
         SELECT ?, member_id, 'joined', 'rule', NULL, joined_at FROM bench_club_raw`,
        [clubId],
      );
      return res.affectedRows;
    },
    // The regroup run's range parts in this process (the queue only carries them between processes).
    project: async (app) => {
      const membership = app.get(ClubMembershipService);
      let joined = 0;
      for (const range of await app.get(PlanMemberRanges).plan()) {
        joined += (await membership.regroupRange([clubId], range, asOf)).joined;
      }
      return joined;
    },
    cleanup: async (pool) => {
      await pool.query('DROP TABLE IF EXISTS bench_club_raw');
      await pool.query('DROP TABLE IF EXISTS bench_club_raw_history');
    },
  },
];

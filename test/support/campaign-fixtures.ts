import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { newId } from '../../src/common/ids';

/** A club with these members active in it (clubs have no API in this branch yet: rows written directly). */
export async function createClubWith(db: DataSource, memberIds: string[]): Promise<string> {
  const clubId = newId();
  const code = `C${randomBytes(6).toString('hex')}`;
  await db.query(
    "INSERT INTO clubs (id, code, name, description, join_policy, status, created_at) VALUES (?, ?, ?, NULL, 'open', 'active', NOW(3))",
    [clubId, code, `Club ${code}`],
  );
  for (let start = 0; start < memberIds.length; start += 5000) {
    const chunk = memberIds.slice(start, start + 5000);
    await db.query(
      `INSERT INTO club_members (member_id, club_id, status, joined_at, left_at) VALUES ${chunk.map(() => "(?, ?, 'active', NOW(3), NULL)").join(', ')}`,
      chunk.flatMap((id) => [id, clubId]),
    );
  }
  return clubId;
}

/** Members with accounts, seeded with multi-row INSERTs (many thousands in seconds). */
export async function seedMembers(db: DataSource, count: number, chunk = 5000): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += chunk) {
    const n = Math.min(chunk, count - start);
    const batch = Array.from({ length: n }, () => newId());
    const now = new Date();
    await db.query(
      `INSERT INTO members (id, status, name, tier_code, tier_since, created_at, updated_at) VALUES ${batch.map(() => "(?, 'active', 'Seed', 'STANDARD', ?, ?, ?)").join(', ')}`,
      batch.flatMap((id) => [id, now, now, now]),
    );
    await db.query(
      `INSERT INTO point_accounts (member_id, balance, pending, lifetime_earned, lifetime_redeemed, updated_at) VALUES ${batch.map(() => '(?, 0, 0, 0, 0, ?)').join(', ')}`,
      batch.flatMap((id) => [id, now]),
    );
    ids.push(...batch);
  }
  return ids;
}

/** Entries written by one campaign's grants: count, points and distinct members. */
export async function campaignLedger(db: DataSource, campaignId: string) {
  const [row] = await db.query(
    "SELECT COUNT(*) AS n, COALESCE(SUM(points), 0) AS points, COUNT(DISTINCT member_id) AS members FROM point_entries WHERE ref_type = 'campaign' AND ref_id LIKE ?",
    [`${campaignId}:%`],
  );
  return { entries: Number(row.n), points: Number(row.points), members: Number(row.members) };
}

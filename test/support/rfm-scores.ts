import { DataSource } from 'typeorm';

/** R and F of members as a value run writes them (score, grade and M neutral; null for a member without them), under the run `runId`. */
export async function scoreMembers(
  db: DataSource,
  runId: string,
  scores: ReadonlyArray<readonly [memberId: string, r: number | null, f: number | null]>,
): Promise<void> {
  for (const [memberId, r, f] of scores) {
    await db.query(
      `INSERT INTO member_values (member_id, score, grade, r, f, m, spend_12m, points_12m, purchases_12m, run_id, computed_at)
       VALUES (?, 0, 'B', ?, ?, 3, 0, 0, 0, ?, NOW(3))`,
      [memberId, r, f, runId],
    );
  }
}

/** The finished value run those scores are of (the analytics snapshot dates its RFM card by it). */
export async function finishValueRun(db: DataSource, runId: string, memberCount: number): Promise<void> {
  await db.query(
    `INSERT INTO value_runs (id, as_of, started_at, finished_at, weight_spend_permille, weight_points_permille, weight_purchases_permille, member_count)
     VALUES (?, NOW(3), NOW(3), NOW(3), 500, 300, 200, ?)`,
    [runId, memberCount],
  );
}

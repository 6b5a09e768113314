import { MigrationInterface, QueryRunner } from 'typeorm';

/** The rank review's job totals, snake_case as stored before → camelCase. */
const TO_CAMEL_CASE: Array<[string, string]> = [
  ['stepped_down', 'steppedDown'],
  ['kept_by_grant', 'keptByGrant'],
];

/**
 * Who each rank review picked (rank_review_picks), so that the end of a grant of a rank tier is decided from the
 * last rank review's picks instead of the member's review date; and the rank review's job totals in camelCase like
 * every other job's: the figures already stored by rank review parts (`stepped_down`, `kept_by_grant`) are renamed,
 * so GET jobs/{id} of an old run answers the same keys as a new one.
 */
export class RankReviewPicks1795714141401 implements MigrationInterface {
  name = 'RankReviewPicks1795714141401';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`rank_review_picks\` (
                \`run_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`tier_code\` varchar(32) NOT NULL,
                INDEX \`ix_rank_review_picks_member\` (\`member_id\`, \`run_id\`),
                PRIMARY KEY (\`run_id\`, \`member_id\`)
            ) ENGINE = InnoDB
        `);
    await RankReviewPicks1795714141401.renameTotals(queryRunner, TO_CAMEL_CASE);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await RankReviewPicks1795714141401.renameTotals(
      queryRunner,
      TO_CAMEL_CASE.map(([snake, camel]) => [camel, snake]),
    );
    await queryRunner.query(`
            DROP INDEX \`ix_rank_review_picks_member\` ON \`rank_review_picks\`
        `);
    await queryRunner.query(`
            DROP TABLE \`rank_review_picks\`
        `);
  }

  /**
   * Renames keys of the JSON figures stored by the parts of rank review runs (REPLACE on the quoted key: MySQL 8 and
   * MariaDB alike). Static: TypeORM takes every export of a migration file for a migration.
   */
  static async renameTotals(queryRunner: QueryRunner, renames: Array<[string, string]> = TO_CAMEL_CASE): Promise<void> {
    for (const [from, to] of renames) {
      await queryRunner.query(
        `UPDATE job_run_parts p JOIN job_runs r ON r.id = p.run_id
            SET p.result = REPLACE(p.result, ?, ?)
          WHERE r.kind = 'tier-rank-review' AND p.state = 'done' AND p.result LIKE ?`,
        [`"${from}":`, `"${to}":`, `%"${from}":%`],
      );
    }
  }
}

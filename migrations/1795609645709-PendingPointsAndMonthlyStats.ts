import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Points engine: pending lots for the return window, and qualifying figures
 * per member and month kept by the postings (backfilled from the purchases).
 */
export class PendingPointsAndMonthlyStats1795609645709 implements MigrationInterface {
  name = 'PendingPointsAndMonthlyStats1795609645709';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`member_monthly_stats\` (
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`month\` date NOT NULL,
                \`spend_cents\` bigint NOT NULL DEFAULT '0',
                \`points\` bigint NOT NULL DEFAULT '0',
                \`purchases\` int NOT NULL DEFAULT '0',
                PRIMARY KEY (\`member_id\`, \`month\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            ALTER TABLE \`point_lots\`
            ADD \`pending\` tinyint NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE \`point_lots\`
            ADD \`available_at\` datetime(3) NULL
        `);
    await queryRunner.query(`
            ALTER TABLE \`program_settings\`
            ADD \`return_window_days\` int NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            CREATE INDEX \`ix_point_lots_pending\` ON \`point_lots\` (\`pending\`, \`available_at\`)
        `);
    // Purchases posted before this migration count in their month.
    await queryRunner.query(`
            INSERT INTO \`member_monthly_stats\` (\`member_id\`, \`month\`, \`spend_cents\`, \`points\`, \`purchases\`)
            SELECT member_id, DATE_FORMAT(occurred_at, '%Y-%m-01'),
                   SUM(total_cents - refunded_cents), SUM(points_earned - points_reversed),
                   SUM(CASE WHEN refunded_cents < total_cents THEN 1 ELSE 0 END)
              FROM \`purchases\`
             GROUP BY member_id, DATE_FORMAT(occurred_at, '%Y-%m-01')
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX \`ix_point_lots_pending\` ON \`point_lots\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`program_settings\` DROP COLUMN \`return_window_days\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`point_lots\` DROP COLUMN \`available_at\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`point_lots\` DROP COLUMN \`pending\`
        `);
    await queryRunner.query(`
            DROP TABLE \`member_monthly_stats\`
        `);
  }
}

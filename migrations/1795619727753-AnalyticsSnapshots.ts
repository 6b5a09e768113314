import { MigrationInterface, QueryRunner } from 'typeorm';

/** Analytics snapshots: one row per snapshot and its precomputed figures (report, series, label, value). */
export class AnalyticsSnapshots1795619727753 implements MigrationInterface {
  name = 'AnalyticsSnapshots1795619727753';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`analytics_figures\` (
                \`snapshot_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`report\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`series\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`label\` varchar(80) NOT NULL,
                \`value\` bigint NOT NULL,
                PRIMARY KEY (\`snapshot_id\`, \`report\`, \`series\`, \`label\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`analytics_snapshots\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`as_of\` datetime(3) NOT NULL,
                \`started_at\` datetime(3) NOT NULL,
                \`finished_at\` datetime(3) NULL,
                \`value_run_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`value_run_as_of\` datetime(3) NULL,
                \`redemption_cents_per_100_points\` int NOT NULL,
                INDEX \`ix_analytics_snapshots_finished\` (\`finished_at\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_analytics_snapshots_finished\` ON \`analytics_snapshots\``);
    await queryRunner.query(`DROP TABLE \`analytics_snapshots\``);
    await queryRunner.query(`DROP TABLE \`analytics_figures\``);
  }
}

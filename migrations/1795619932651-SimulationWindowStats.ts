import { MigrationInterface, QueryRunner } from 'typeorm';

/** The what-if simulation's snapshot of every member's window sums, the record of each refresh, and members by tier. */
export class SimulationWindowStats1795619932651 implements MigrationInterface {
  name = 'SimulationWindowStats1795619932651';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`member_window_stats\` (
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`spend_cents\` bigint NOT NULL,
                \`points\` bigint NOT NULL,
                \`purchases\` int NOT NULL,
                \`spend_12m_cents\` bigint NOT NULL,
                \`computed_at\` datetime(3) NOT NULL,
                PRIMARY KEY (\`member_id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`window_stats_snapshots\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`window_start\` date NOT NULL,
                \`spend_start\` date NOT NULL,
                \`as_of\` datetime(3) NOT NULL,
                \`finished_at\` datetime(3) NULL,
                INDEX \`ix_window_stats_snapshots_finished\` (\`finished_at\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE INDEX \`ix_members_tier\` ON \`members\` (\`tier_code\`)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX \`ix_members_tier\` ON \`members\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_window_stats_snapshots_finished\` ON \`window_stats_snapshots\`
        `);
    await queryRunner.query(`
            DROP TABLE \`window_stats_snapshots\`
        `);
    await queryRunner.query(`
            DROP TABLE \`member_window_stats\`
        `);
  }
}

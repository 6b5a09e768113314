import { MigrationInterface, QueryRunner } from 'typeorm';

/** Campaigns: definitions, budgets, one run per occurrence, and a delivery row per member and occurrence (the guard against doubles). */
export class Campaigns1795612302371 implements MigrationInterface {
  name = 'Campaigns1795612302371';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`campaign_budgets\` (
                \`campaign_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`cap_points\` bigint NULL,
                \`spent_points\` bigint NOT NULL DEFAULT '0',
                \`bonus_points\` bigint NOT NULL DEFAULT '0',
                PRIMARY KEY (\`campaign_id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`campaign_deliveries\` (
                \`campaign_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`occurrence\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`status\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`points\` bigint NOT NULL DEFAULT '0',
                \`message_status\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`created_at\` datetime(3) NOT NULL,
                PRIMARY KEY (\`campaign_id\`, \`occurrence\`, \`member_id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`campaign_runs\` (
                \`campaign_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`occurrence\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`run_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`created_at\` datetime(3) NOT NULL,
                PRIMARY KEY (\`campaign_id\`, \`occurrence\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`campaigns\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`name\` varchar(100) NOT NULL,
                \`state\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`paused_from\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`audience\` text NOT NULL,
                \`actions\` text NOT NULL,
                \`schedule_kind\` varchar(8) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`starts_at\` datetime(3) NULL,
                \`cron\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`timezone\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`holdout_permille\` int NOT NULL DEFAULT '0',
                \`results_days\` int NOT NULL DEFAULT '14',
                \`run_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`last_occurrence\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`created_by\` varchar(64) NULL,
                \`created_at\` datetime(3) NOT NULL,
                \`updated_at\` datetime(3) NOT NULL,
                INDEX \`ix_campaigns_state\` (\`state\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`campaigns\``);
    await queryRunner.query(`DROP TABLE \`campaign_runs\``);
    await queryRunner.query(`DROP TABLE \`campaign_deliveries\``);
    await queryRunner.query(`DROP TABLE \`campaign_budgets\``);
  }
}

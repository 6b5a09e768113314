import { MigrationInterface, QueryRunner } from 'typeorm';

/** Customer value: each member's score, grade, RFM and rank; the value runs; the score's weights. */
export class MemberValues1795612547292 implements MigrationInterface {
  name = 'MemberValues1795612547292';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`member_values\` (
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`score\` bigint NOT NULL,
                \`grade\` char(1) NULL,
                \`previous_grade\` char(1) NULL,
                \`r\` tinyint NULL,
                \`f\` tinyint NULL,
                \`m\` tinyint NULL,
                \`value_rank\` int NULL,
                \`spend_12m\` bigint NOT NULL,
                \`points_12m\` bigint NOT NULL,
                \`purchases_12m\` int NOT NULL,
                \`last_purchase_at\` datetime(3) NULL,
                \`run_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`graded_run_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`computed_at\` datetime(3) NOT NULL,
                INDEX \`ix_member_values_rank\` (\`score\`, \`spend_12m\`, \`member_id\`),
                PRIMARY KEY (\`member_id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`value_runs\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`as_of\` datetime(3) NOT NULL,
                \`started_at\` datetime(3) NOT NULL,
                \`finished_at\` datetime(3) NULL,
                \`weight_spend_permille\` int NOT NULL,
                \`weight_points_permille\` int NOT NULL,
                \`weight_purchases_permille\` int NOT NULL,
                \`member_count\` int NULL,
                \`total_score\` bigint NULL,
                \`cutoff_a\` bigint NULL,
                \`cutoff_b\` bigint NULL,
                \`summary\` text NULL,
                INDEX \`ix_value_runs_finished\` (\`finished_at\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`value_settings\` (
                \`id\` tinyint NOT NULL,
                \`weight_spend_permille\` int NOT NULL,
                \`weight_points_permille\` int NOT NULL,
                \`weight_purchases_permille\` int NOT NULL,
                \`reference_spend_cents\` bigint NOT NULL,
                \`reference_points\` bigint NOT NULL,
                \`reference_purchases\` int NOT NULL,
                \`updated_at\` datetime(3) NOT NULL,
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `value_settings`');
    await queryRunner.query('DROP TABLE `value_runs`');
    await queryRunner.query('DROP TABLE `member_values`');
  }
}

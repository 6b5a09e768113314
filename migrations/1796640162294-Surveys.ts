import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Satisfaction surveys (issue 19): surveys with their post-purchase invitation settings, their questions (rated
 * dimensions with weights, recommend, free text), invitations (one open per member, one per source) and answers.
 */
export class Surveys1796640162294 implements MigrationInterface {
  name = 'Surveys1796640162294';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`surveys\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`title_zh\` varchar(100) NOT NULL,
                \`title_en\` varchar(100) NOT NULL,
                \`status\` varchar(8) NOT NULL,
                \`after_purchase\` tinyint NOT NULL DEFAULT 0,
                \`sample_percent\` decimal(5, 2) NOT NULL DEFAULT '0.00',
                \`store_ids\` text NULL,
                \`cooldown_days\` int NOT NULL DEFAULT '30',
                \`valid_days\` int NOT NULL DEFAULT '7',
                \`created_at\` datetime(3) NOT NULL,
                \`updated_at\` datetime(3) NOT NULL,
                \`activated_at\` datetime(3) NULL,
                \`closed_at\` datetime(3) NULL,
                INDEX \`ix_surveys_status\` (\`status\`, \`id\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`survey_questions\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`survey_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`position\` int NOT NULL,
                \`kind\` varchar(16) NOT NULL,
                \`text_zh\` varchar(300) NOT NULL,
                \`text_en\` varchar(300) NOT NULL,
                \`weight\` int NULL,
                \`required\` tinyint NOT NULL DEFAULT 1,
                INDEX \`ix_survey_questions_survey\` (\`survey_id\`, \`position\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`survey_invitations\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`survey_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`open_member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`source\` varchar(16) NOT NULL,
                \`source_ref\` varchar(100) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`store_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`tier_code\` varchar(32) NOT NULL,
                \`status\` varchar(16) NOT NULL,
                \`message_status\` varchar(16) NULL,
                \`created_at\` datetime(3) NOT NULL,
                \`expires_at\` datetime(3) NOT NULL,
                \`reminded_at\` datetime(3) NULL,
                \`answered_at\` datetime(3) NULL,
                INDEX \`ix_survey_invitations_status_expires\` (\`status\`, \`expires_at\`),
                INDEX \`ix_survey_invitations_survey\` (\`survey_id\`, \`created_at\`),
                INDEX \`ix_survey_invitations_member\` (\`member_id\`, \`created_at\`),
                UNIQUE INDEX \`ux_survey_invitations_source\` (\`survey_id\`, \`member_id\`, \`source_ref\`),
                UNIQUE INDEX \`ux_survey_invitations_open_member\` (\`open_member_id\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`survey_answers\` (
                \`id\` bigint NOT NULL AUTO_INCREMENT,
                \`invitation_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`survey_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`question_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`score\` int NULL,
                \`text\` varchar(2000) NULL,
                \`created_at\` datetime(3) NOT NULL,
                INDEX \`ix_survey_answers_member\` (\`member_id\`),
                INDEX \`ix_survey_answers_survey_question\` (\`survey_id\`, \`question_id\`, \`score\`),
                UNIQUE INDEX \`ux_survey_answers_invitation_question\` (\`invitation_id\`, \`question_id\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX \`ux_survey_answers_invitation_question\` ON \`survey_answers\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_survey_answers_survey_question\` ON \`survey_answers\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_survey_answers_member\` ON \`survey_answers\`
        `);
    await queryRunner.query(`
            DROP TABLE \`survey_answers\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ux_survey_invitations_open_member\` ON \`survey_invitations\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ux_survey_invitations_source\` ON \`survey_invitations\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_survey_invitations_member\` ON \`survey_invitations\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_survey_invitations_survey\` ON \`survey_invitations\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_survey_invitations_status_expires\` ON \`survey_invitations\`
        `);
    await queryRunner.query(`
            DROP TABLE \`survey_invitations\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_survey_questions_survey\` ON \`survey_questions\`
        `);
    await queryRunner.query(`
            DROP TABLE \`survey_questions\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_surveys_status\` ON \`surveys\`
        `);
    await queryRunner.query(`
            DROP TABLE \`surveys\`
        `);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Complaint cases and their steps (issue 19): who complained about which store and receipt, severity, state, owner,
 * due time, first answer and resolution; every change of a case as a step with who and when.
 */
export class Complaints1796639626192 implements MigrationInterface {
  name = 'Complaints1796639626192';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`complaints\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`case_no\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`store_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`receipt_no\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`category\` varchar(16) NOT NULL,
                \`description\` varchar(2000) NULL,
                \`severity\` varchar(8) NOT NULL,
                \`state\` varchar(16) NOT NULL,
                \`owner_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`raised_by_type\` varchar(8) NOT NULL,
                \`raised_by_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`due_at\` datetime(3) NOT NULL,
                \`first_answer_at\` datetime(3) NULL,
                \`resolved_at\` datetime(3) NULL,
                \`closed_at\` datetime(3) NULL,
                \`goodwill_points\` int NOT NULL DEFAULT '0',
                \`apology_sent_at\` datetime(3) NULL,
                \`created_at\` datetime(3) NOT NULL,
                \`updated_at\` datetime(3) NOT NULL,
                UNIQUE INDEX \`ux_complaints_case_no\` (\`case_no\`),
                INDEX \`ix_complaints_created\` (\`created_at\`),
                INDEX \`ix_complaints_state_due\` (\`state\`, \`due_at\`),
                INDEX \`ix_complaints_store\` (\`store_id\`, \`created_at\`),
                INDEX \`ix_complaints_member\` (\`member_id\`, \`created_at\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`complaint_steps\` (
                \`id\` bigint NOT NULL AUTO_INCREMENT,
                \`complaint_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`kind\` varchar(16) NOT NULL,
                \`from_state\` varchar(16) NULL,
                \`to_state\` varchar(16) NULL,
                \`owner_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`text\` varchar(2000) NULL,
                \`points\` int NULL,
                \`entry_id\` bigint NULL,
                \`message_status\` varchar(16) NULL,
                \`actor_type\` varchar(8) NOT NULL,
                \`actor_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                \`created_at\` datetime(3) NOT NULL,
                INDEX \`ix_complaint_steps_member\` (\`member_id\`, \`id\`),
                INDEX \`ix_complaint_steps_case\` (\`complaint_id\`, \`id\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX \`ix_complaint_steps_case\` ON \`complaint_steps\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_complaint_steps_member\` ON \`complaint_steps\`
        `);
    await queryRunner.query(`
            DROP TABLE \`complaint_steps\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_complaints_member\` ON \`complaints\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_complaints_store\` ON \`complaints\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_complaints_state_due\` ON \`complaints\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_complaints_created\` ON \`complaints\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ux_complaints_case_no\` ON \`complaints\`
        `);
    await queryRunner.query(`
            DROP TABLE \`complaints\`
        `);
  }
}

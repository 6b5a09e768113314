import { MigrationInterface, QueryRunner } from 'typeorm';

/** The member archive: change history, notes, tags, adjustments, merges, CSV import rows; external ids; audit search indexes. */
export class MemberArchive1795613350539 implements MigrationInterface {
  name = 'MemberArchive1795613350539';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`member_import_rows\` (
                \`job_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`row_no\` int NOT NULL,
                \`raw\` varchar(2000) NOT NULL,
                \`status\` varchar(10) NOT NULL,
                \`errors\` varchar(1000) NULL,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
                PRIMARY KEY (\`job_id\`, \`row_no\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`member_merges\` (
                \`source_member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`survivor_member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`points_moved\` bigint NOT NULL,
                \`actor_id\` varchar(64) NULL,
                \`created_at\` datetime(3) NOT NULL,
                INDEX \`ix_member_merges_survivor\` (\`survivor_member_id\`),
                PRIMARY KEY (\`source_member_id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`point_adjustments\` (
                \`idempotency_key\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`points\` bigint NOT NULL,
                \`reason\` varchar(200) NOT NULL,
                \`expires_at\` datetime(3) NULL,
                \`entry_id\` bigint NOT NULL,
                \`balance_after\` bigint NOT NULL,
                \`request_hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`actor_type\` varchar(16) NOT NULL,
                \`actor_id\` varchar(64) NULL,
                \`created_at\` datetime(3) NOT NULL,
                INDEX \`ix_point_adjustments_member\` (\`member_id\`),
                PRIMARY KEY (\`idempotency_key\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`member_changes\` (
                \`id\` bigint NOT NULL AUTO_INCREMENT,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`actor_type\` varchar(16) NOT NULL,
                \`actor_id\` varchar(64) NULL,
                \`field\` varchar(32) NOT NULL,
                \`old_value\` varchar(300) NULL,
                \`new_value\` varchar(300) NULL,
                \`created_at\` datetime(3) NOT NULL,
                INDEX \`ix_member_changes_member\` (\`member_id\`, \`id\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`member_notes\` (
                \`id\` bigint NOT NULL AUTO_INCREMENT,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`author_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`text\` varchar(2000) NOT NULL,
                \`created_at\` datetime(3) NOT NULL,
                INDEX \`ix_member_notes_member\` (\`member_id\`, \`id\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`member_tags\` (
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`tag\` varchar(40) NOT NULL,
                \`created_at\` datetime(3) NOT NULL,
                PRIMARY KEY (\`member_id\`, \`tag\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\`
            ADD \`external_id\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\`
            ADD \`merged_into\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL
        `);
    await queryRunner.query(`
            CREATE INDEX \`ix_audit_created\` ON \`audit_log\` (\`created_at\`)
        `);
    await queryRunner.query(`
            CREATE INDEX \`ix_audit_action\` ON \`audit_log\` (\`action\`)
        `);
    await queryRunner.query(`
            CREATE INDEX \`ix_audit_actor\` ON \`audit_log\` (\`actor_type\`, \`actor_id\`)
        `);
    await queryRunner.query(`
            CREATE INDEX \`ix_members_name\` ON \`members\` (\`name\`)
        `);
    await queryRunner.query(`
            CREATE INDEX \`ix_members_email\` ON \`members\` (\`email\`)
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX \`ux_members_external_id\` ON \`members\` (\`external_id\`)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX \`ux_members_external_id\` ON \`members\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_members_email\` ON \`members\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_members_name\` ON \`members\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_audit_actor\` ON \`audit_log\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_audit_action\` ON \`audit_log\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_audit_created\` ON \`audit_log\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\` DROP COLUMN \`merged_into\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\` DROP COLUMN \`external_id\`
        `);
    await queryRunner.query(`
            DROP TABLE \`member_tags\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_member_notes_member\` ON \`member_notes\`
        `);
    await queryRunner.query(`
            DROP TABLE \`member_notes\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_member_changes_member\` ON \`member_changes\`
        `);
    await queryRunner.query(`
            DROP TABLE \`member_changes\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_point_adjustments_member\` ON \`point_adjustments\`
        `);
    await queryRunner.query(`
            DROP TABLE \`point_adjustments\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_member_merges_survivor\` ON \`member_merges\`
        `);
    await queryRunner.query(`
            DROP TABLE \`member_merges\`
        `);
    await queryRunner.query(`
            DROP TABLE \`member_import_rows\`
        `);
  }
}

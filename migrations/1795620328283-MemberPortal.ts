import { MigrationInterface, QueryRunner } from 'typeorm';

/** Member portal: refresh tokens (hashed, rotated, in families); outbox rows to a phone no member holds yet (registration codes). */
export class MemberPortal1795620328283 implements MigrationInterface {
  name = 'MemberPortal1795620328283';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`member_refresh_tokens\` (
                \`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`family_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`token_hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`created_at\` datetime(3) NOT NULL,
                \`expires_at\` datetime(3) NOT NULL,
                \`used_at\` datetime(3) NULL,
                \`revoked_at\` datetime(3) NULL,
                INDEX \`ix_member_refresh_tokens_member\` (\`member_id\`),
                INDEX \`ix_member_refresh_tokens_family\` (\`family_id\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            ALTER TABLE \`outbox_messages\`
            ADD \`to_address\` varchar(254) NULL
        `);
    await queryRunner.query(`
            ALTER TABLE \`outbox_messages\` CHANGE \`member_id\` \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DELETE FROM \`outbox_messages\` WHERE \`member_id\` IS NULL
        `);
    await queryRunner.query(`
            ALTER TABLE \`outbox_messages\` CHANGE \`member_id\` \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE \`outbox_messages\` DROP COLUMN \`to_address\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_member_refresh_tokens_family\` ON \`member_refresh_tokens\`
        `);
    await queryRunner.query(`
            DROP INDEX \`ix_member_refresh_tokens_member\` ON \`member_refresh_tokens\`
        `);
    await queryRunner.query(`
            DROP TABLE \`member_refresh_tokens\`
        `);
  }
}

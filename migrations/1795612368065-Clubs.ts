import { MigrationInterface, QueryRunner } from 'typeorm';

/** Niche clubs: names in two languages, the automatic rule, how members joined and left, and the membership history. */
export class Clubs1795612368065 implements MigrationInterface {
  name = 'Clubs1795612368065';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`club_member_history\` (
                \`id\` bigint NOT NULL AUTO_INCREMENT,
                \`club_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`event\` varchar(8) NOT NULL,
                \`reason\` varchar(16) NOT NULL,
                \`actor_id\` varchar(64) NULL,
                \`at\` datetime(3) NOT NULL,
                INDEX \`ix_club_member_history_member\` (\`member_id\`, \`club_id\`),
                INDEX \`ix_club_member_history_club_at\` (\`club_id\`, \`at\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            ALTER TABLE \`club_members\`
            ADD \`joined_via\` varchar(16) NOT NULL DEFAULT 'admin',
            ADD \`left_reason\` varchar(16) NULL
        `);
    await queryRunner.query(`
            CREATE INDEX \`ix_club_members_club_status\` ON \`club_members\` (\`club_id\`, \`status\`, \`member_id\`)
        `);
    await queryRunner.query(`
            ALTER TABLE \`clubs\`
            ADD \`name_en\` varchar(100) NOT NULL DEFAULT '',
            ADD \`rule\` text NULL,
            ADD \`drop_unmatched\` tinyint NOT NULL DEFAULT 0,
            ADD \`updated_at\` datetime(3) NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`clubs\` DROP COLUMN \`updated_at\`, DROP COLUMN \`drop_unmatched\`, DROP COLUMN \`rule\`, DROP COLUMN \`name_en\``,
    );
    await queryRunner.query(`DROP INDEX \`ix_club_members_club_status\` ON \`club_members\``);
    await queryRunner.query(`ALTER TABLE \`club_members\` DROP COLUMN \`left_reason\`, DROP COLUMN \`joined_via\``);
    await queryRunner.query(`DROP TABLE \`club_member_history\``);
  }
}

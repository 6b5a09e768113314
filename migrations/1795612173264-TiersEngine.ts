import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tiers engine: zh-CN tier names, rank tiers by share, review dates, manual grants, birthday bonuses once a year. */
export class TiersEngine1795612173264 implements MigrationInterface {
  name = 'TiersEngine1795612173264';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`birthday_bonuses\` (
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`year\` smallint NOT NULL,
                \`points\` int NOT NULL,
                \`tier_code\` varchar(32) NOT NULL,
                \`created_at\` datetime(3) NOT NULL,
                PRIMARY KEY (\`member_id\`, \`year\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`tier_grants\` (
                \`id\` bigint NOT NULL AUTO_INCREMENT,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`tier_code\` varchar(32) NOT NULL,
                \`from_tier\` varchar(32) NOT NULL,
                \`ends_at\` datetime(3) NOT NULL,
                \`reason\` varchar(500) NOT NULL,
                \`granted_by\` varchar(64) NULL,
                \`created_at\` datetime(3) NOT NULL,
                \`ended_at\` datetime(3) NULL,
                INDEX \`ix_tier_grants_open_ends\` (\`ended_at\`, \`ends_at\`),
                INDEX \`ix_tier_grants_member\` (\`member_id\`, \`ended_at\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`ALTER TABLE \`members\` ADD \`tier_review_at\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`program_settings\` ADD \`tier_review_months\` int NOT NULL DEFAULT '12'`);
    await queryRunner.query(`ALTER TABLE \`tiers\` ADD \`name_zh\` varchar(100) NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE \`tiers\` ADD \`rank_top_permille\` int NULL`);
    // Members already above the lowest tier get their first review date: 12 months after they reached the tier.
    await queryRunner.query(`
            UPDATE \`members\` m JOIN \`tiers\` t ON t.\`code\` = m.\`tier_code\`
               SET m.\`tier_review_at\` = DATE_ADD(m.\`tier_since\`, INTERVAL 12 MONTH)
             WHERE t.\`rank\` > 0
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`tiers\` DROP COLUMN \`rank_top_permille\``);
    await queryRunner.query(`ALTER TABLE \`tiers\` DROP COLUMN \`name_zh\``);
    await queryRunner.query(`ALTER TABLE \`program_settings\` DROP COLUMN \`tier_review_months\``);
    await queryRunner.query(`ALTER TABLE \`members\` DROP COLUMN \`tier_review_at\``);
    await queryRunner.query(`DROP TABLE \`tier_grants\``);
    await queryRunner.query(`DROP TABLE \`birthday_bonuses\``);
  }
}

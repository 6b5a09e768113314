import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The category catalog (issue 18): `categories` names the codes the tills send in zh-CN and English;
 * `category_usage` counts the purchase lines of every code seen (named or not), with first and last seen. The
 * usage of the lines already posted is counted once here (one pass over purchase_lines); later lines are counted
 * by the API processes as they post them. The codes the program excludes by default are named.
 */
export class CategoryCatalog1796639358411 implements MigrationInterface {
  name = 'CategoryCatalog1796639358411';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`categories\` (
                \`code\` varchar(64) NOT NULL,
                \`name_zh\` varchar(100) NOT NULL,
                \`name_en\` varchar(100) NOT NULL,
                \`created_at\` datetime(3) NOT NULL,
                \`updated_at\` datetime(3) NOT NULL,
                PRIMARY KEY (\`code\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`category_usage\` (
                \`code\` varchar(64) NOT NULL,
                \`line_count\` bigint NOT NULL,
                \`first_seen_at\` datetime(3) NOT NULL,
                \`last_seen_at\` datetime(3) NOT NULL,
                PRIMARY KEY (\`code\`)
            ) ENGINE = InnoDB
        `);
    // The codes the program excludes by default (PROGRAM_EXCLUDED_CATEGORIES) ship with their names.
    await queryRunner.query(`
            INSERT INTO \`categories\` (\`code\`, \`name_zh\`, \`name_en\`, \`created_at\`, \`updated_at\`)
            VALUES ('tobacco', '香烟', 'Tobacco', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)), ('gift_card', '礼品卡', 'Gift cards', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))
        `);
    await queryRunner.query(`
            INSERT INTO \`category_usage\` (\`code\`, \`line_count\`, \`first_seen_at\`, \`last_seen_at\`)
            SELECT MIN(l.\`category\`), COUNT(*), MIN(p.\`created_at\`), MAX(p.\`created_at\`)
              FROM \`purchase_lines\` l JOIN \`purchases\` p ON p.\`id\` = l.\`purchase_id\`
             GROUP BY l.\`category\`
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE \`category_usage\`
        `);
    await queryRunner.query(`
            DROP TABLE \`categories\`
        `);
  }
}

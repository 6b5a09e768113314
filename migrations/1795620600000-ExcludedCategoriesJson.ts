import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Excluded categories follow the POS's rule for category codes (any text up
 * to 64 characters, `香烟`, commas included): stored as a JSON array in a
 * TEXT column instead of a comma-joined VARCHAR(1000) of ASCII codes. The old
 * codes (letters, digits, _ and -) convert as they are.
 */
export class ExcludedCategoriesJson1795620600000 implements MigrationInterface {
  name = 'ExcludedCategoriesJson1795620600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`program_settings\` MODIFY \`excluded_categories\` text NOT NULL`);
    await queryRunner.query(`
            UPDATE \`program_settings\`
               SET \`excluded_categories\` = CASE
                     WHEN TRIM(\`excluded_categories\`) = '' THEN '[]'
                     ELSE CONCAT('["', REPLACE(REPLACE(\`excluded_categories\`, ' ', ''), ',', '","'), '"]')
                   END
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            UPDATE \`program_settings\`
               SET \`excluded_categories\` = REPLACE(REPLACE(REPLACE(\`excluded_categories\`, '","', ','), '["', ''), '"]', '')
        `);
    await queryRunner.query(`UPDATE \`program_settings\` SET \`excluded_categories\` = '' WHERE \`excluded_categories\` = '[]'`);
    await queryRunner.query(`ALTER TABLE \`program_settings\` MODIFY \`excluded_categories\` varchar(1000) NOT NULL`);
  }
}

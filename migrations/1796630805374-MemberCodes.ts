import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each member's code secret, sealed, with the index a member code carries and the step of the last code that spent points. */
export class MemberCodes1796630805374 implements MigrationInterface {
  name = 'MemberCodes1796630805374';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`member_codes\` (
                \`code_index\` int UNSIGNED NOT NULL AUTO_INCREMENT,
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`secret\` varbinary(64) NOT NULL,
                \`rotated_at\` datetime(3) NOT NULL,
                \`last_spent_step\` bigint NULL,
                UNIQUE INDEX \`ux_member_codes_member\` (\`member_id\`),
                PRIMARY KEY (\`code_index\`)
            ) ENGINE = InnoDB
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX \`ux_member_codes_member\` ON \`member_codes\`
        `);
    await queryRunner.query(`
            DROP TABLE \`member_codes\`
        `);
  }
}

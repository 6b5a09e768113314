import { MigrationInterface, QueryRunner } from 'typeorm';

export class MemberErasures1795619756060 implements MigrationInterface {
  name = 'MemberErasures1795619756060';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`member_erasures\` (
                \`member_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`state\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`job_run_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`actor_type\` varchar(16) NOT NULL,
                \`actor_id\` varchar(64) NULL,
                \`requested_at\` datetime(3) NOT NULL,
                \`completed_at\` datetime(3) NULL,
                PRIMARY KEY (\`member_id\`)
            ) ENGINE = InnoDB
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE \`member_erasures\`
        `);
  }
}

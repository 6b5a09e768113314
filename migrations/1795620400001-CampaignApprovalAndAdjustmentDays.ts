import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Maker-checker: program limits above which a campaign waits for approval; on a campaign, the total asked
 * for, who launched and who approved it, and the most one occurrence may grant; on its budget, what the
 * current occurrence has granted. Console adjustments: each user's running total per day.
 */
export class CampaignApprovalAndAdjustmentDays1795620400001 implements MigrationInterface {
  name = 'CampaignApprovalAndAdjustmentDays1795620400001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`program_settings\`
            ADD \`campaign_approval_points_per_member\` int NOT NULL DEFAULT 10000,
            ADD \`campaign_approval_total_points\` bigint NOT NULL DEFAULT 1000000
        `);
    await queryRunner.query(`
            ALTER TABLE \`campaigns\`
            ADD \`approval_points\` bigint NULL,
            ADD \`submitted_by\` varchar(64) NULL,
            ADD \`approved_by\` varchar(64) NULL,
            ADD \`approved_at\` datetime(3) NULL,
            ADD \`occurrence_grant_limit\` bigint NULL
        `);
    await queryRunner.query(`
            ALTER TABLE \`campaign_budgets\`
            ADD \`occurrence\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL,
            ADD \`occurrence_granted_points\` bigint NOT NULL DEFAULT 0
        `);
    await queryRunner.query(`
            CREATE TABLE \`console_adjustment_days\` (
                \`actor_id\` varchar(64) NOT NULL,
                \`day\` date NOT NULL,
                \`points\` bigint NOT NULL DEFAULT 0,
                PRIMARY KEY (\`actor_id\`, \`day\`)
            ) ENGINE = InnoDB
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE \`console_adjustment_days\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`campaign_budgets\` DROP COLUMN \`occurrence_granted_points\`, DROP COLUMN \`occurrence\`
        `);
    // A campaign waiting for approval goes back to draft: the state does not exist before this migration.
    await queryRunner.query(`
            UPDATE \`campaigns\` SET \`state\` = 'draft' WHERE \`state\` = 'pending_approval'
        `);
    await queryRunner.query(`
            ALTER TABLE \`campaigns\`
            DROP COLUMN \`occurrence_grant_limit\`,
            DROP COLUMN \`approved_at\`,
            DROP COLUMN \`approved_by\`,
            DROP COLUMN \`submitted_by\`,
            DROP COLUMN \`approval_points\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`program_settings\` DROP COLUMN \`campaign_approval_total_points\`, DROP COLUMN \`campaign_approval_points_per_member\`
        `);
  }
}

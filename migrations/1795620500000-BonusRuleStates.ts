import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bonus rules get states of their own: a one-off campaign with a bonus rule
 * whose fan-out finished was `completed` (and could not be paused while the
 * rule kept paying); it becomes `active` (the workers mark it `ended` once its
 * window has closed). Down: both back to `completed`.
 */
export class BonusRuleStates1795620500000 implements MigrationInterface {
  name = 'BonusRuleStates1795620500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE \`campaigns\` SET \`state\` = 'active' WHERE \`state\` = 'completed' AND \`actions\` LIKE '%"bonusRule"%'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE \`campaigns\` SET \`state\` = 'completed' WHERE \`state\` IN ('active', 'ended')`);
    await queryRunner.query(`UPDATE \`campaigns\` SET \`paused_from\` = 'completed' WHERE \`paused_from\` IN ('active', 'ended')`);
  }
}

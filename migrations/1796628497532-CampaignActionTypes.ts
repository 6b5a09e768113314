import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The kinds of action each campaign holds, as rows keyed for the purchase
 * path (it looked for bonus rules with `actions LIKE '%"bonusRule"%'`). The
 * `actions` JSON stays as it was; existing campaigns get their rows from the
 * keys of their JSON. Table from migration:generate on the entity.
 */
export class CampaignActionTypes1796628497532 implements MigrationInterface {
  name = 'CampaignActionTypes1796628497532';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`campaign_action_types\` (
                \`campaign_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                \`type\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL,
                INDEX \`ix_campaign_action_types_type\` (\`type\`, \`campaign_id\`),
                PRIMARY KEY (\`campaign_id\`, \`type\`)
            ) ENGINE = InnoDB
        `);
    const campaigns: Array<{ id: string; actions: string }> = await queryRunner.query('SELECT id, actions FROM campaigns');
    const rows = campaigns.flatMap((c) => Object.keys(JSON.parse(c.actions) as Record<string, unknown>).map((type) => [c.id, type]));
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await queryRunner.query(
        `INSERT INTO \`campaign_action_types\` (\`campaign_id\`, \`type\`) VALUES ${chunk.map(() => '(?, ?)').join(', ')}`,
        chunk.flat(),
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`campaign_action_types\``);
  }
}

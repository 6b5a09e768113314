import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { outboxSecretsKey } from '../../src/modules/messages/outbox-secrets.store';
import { REDIS } from '../../src/queue/redis.module';
import { TestApp } from './test-app';

/**
 * The newest sign-in code asked for the phone, as its SMS will carry it: the outbox row keeps only `{{code}}`, the
 * code itself waits in Redis for the sender (by the row's id) for the code's life. Polls briefly: the row and the
 * Redis value are written just before the answer of POST auth/code.
 */
export async function signInCodeSentTo(t: TestApp, phone: string): Promise<string> {
  const db: DataSource = t.db;
  const redis = t.app.get<Redis>(REDIS);
  const prefix = loadConfig().queuePrefix;
  for (let i = 0; i < 50; i++) {
    const rows: Array<{ id: string }> = await db.query(
      `SELECT o.id FROM outbox_messages o LEFT JOIN members m ON m.id = o.member_id
        WHERE o.template_code = 'portal.sign-in-code' AND (o.to_address = ? OR m.phone = ?) ORDER BY o.id DESC LIMIT 1`,
      [phone, phone],
    );
    const raw = rows[0] ? await redis.get(outboxSecretsKey(prefix, rows[0].id)) : null;
    const code = raw === null ? undefined : (JSON.parse(raw) as { code?: string }).code;
    if (code) {
      return code;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no sign-in code for ${phone}`);
}

import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditMemberNamesMasked1795620400000 } from '../../migrations/1795620400000-AuditMemberNamesMasked';
import { startMediumContext } from './medium-context';

describe('audit entries written before names were masked (real database)', () => {
  let db: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, close } = await startMediumContext());
  });

  afterAll(async () => {
    await close();
  });

  const insert = async (action: string, entityType: string, changes: object | null) => {
    const entityId = randomUUID();
    await db.query(
      'INSERT INTO audit_log (actor_type, actor_id, action, entity_type, entity_id, changes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ['admin', 'old-admin', action, entityType, entityId, changes ? JSON.stringify(changes) : null, new Date()],
    );
    return entityId;
  };
  const changesOf = async (entityId: string) => {
    const [row] = await db.query<Array<{ changes: string | null }>>('SELECT changes FROM audit_log WHERE entity_id = ?', [entityId]);
    return row.changes === null ? null : (JSON.parse(row.changes) as Record<string, unknown>);
  };

  it('the migration masks the clear names of old member.created entries the way the audit now masks them, and nothing else', async () => {
    const created = { phone: '+86138****8000', email: 'a***@example.com', cardNo: '8123456789012345', consents: { sms: true } };
    const chinese = await insert('member.created', 'member', { name: '张三丰', ...created });
    const english = await insert('member.created', 'member', { name: 'Anna "Ann" Smith', ...created });
    const single = await insert('member.created', 'member', { name: 'X', ...created });
    const masked = await insert('member.created', 'member', { name: '李*', ...created });
    const erased = await insert('member.created', 'member', { name: null, phone: null });
    const club = await insert('club.create', 'club', { name: 'Wine lovers', code: 'WINE' });
    const migration = new AuditMemberNamesMasked1795620400000();
    const runner = db.createQueryRunner();
    try {
      await migration.up(runner);
      await migration.up(runner); // a second run changes nothing more
    } finally {
      await runner.release();
    }
    expect(await changesOf(chinese)).toEqual({ name: '张**', ...created });
    expect(await changesOf(english)).toEqual({ name: 'A***************', ...created });
    expect(await changesOf(single)).toEqual({ name: 'X*', ...created });
    expect(await changesOf(masked)).toEqual({ name: '李*', ...created });
    expect(await changesOf(erased)).toEqual({ name: null, phone: null });
    expect(await changesOf(club)).toEqual({ name: 'Wine lovers', code: 'WINE' });
  });
});

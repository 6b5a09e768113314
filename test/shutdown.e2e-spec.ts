import { Queue } from 'bullmq';
import { createConnection, RowDataPacket } from 'mysql2/promise';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config/app-config';
import { redisConnection } from '../src/queue/queue.module';
import { JobName, QueueName } from '../src/queue/queue.constants';
import { createMember, createStore, purchaseBody, TestMember, TestStore } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/**
 * A graceful stop (what SIGTERM runs) of an API that is taking purchases: the requests in flight are answered, and
 * what they posted reaches its queues (webhook and tier-notice events, club re-evaluation) before the queues close.
 * Those events wait in memory for up to 200 ms after the till's answer, so a stop that closed the queues first lost
 * the last ones ("Connection is closed").
 */
describe('graceful stop of the API under POS traffic', () => {
  const config = loadConfig();
  let t: TestApp;
  let store: TestStore;
  let members: TestMember[];
  let base: string;
  const queues: Queue[] = [];

  function queue(name: QueueName): Queue {
    const q = new Queue(name, { connection: redisConnection(config.redisUrl), prefix: config.queuePrefix });
    queues.push(q);
    return q;
  }

  beforeAll(async () => {
    t = await startTestApp();
    store = await createStore(t);
    members = [];
    for (let i = 0; i < 4; i++) {
      members.push(await createMember(t));
    }
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await Promise.all(queues.map((q) => q.close()));
  });

  function purchase(member: TestMember): Promise<{ status: number; transactionId?: string } | { error: string }> {
    return fetch(`${base}/api/v1/pos/transactions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${store.key}` },
      body: JSON.stringify(purchaseBody({ cardNo: member.cardNo }, [{ amountCents: 12_300 }])),
    }).then(
      async (res) => ({ status: res.status, transactionId: ((await res.json()) as { transactionId?: string }).transactionId }),
      (err: Error) => ({ error: err.message }),
    );
  }

  it('answers every purchase in flight, and queues the events of every answered purchase before the queues close', async () => {
    // Answered just before the stop: their events are still gathering in memory.
    const answered = await Promise.all(members.map((m) => purchase(m)));
    // In flight when the stop begins: the server has received all of them, and answered few if any.
    const server = t.app.getHttpServer();
    let received = 0;
    const allReceived = new Promise<void>((resolve) =>
      server.on('request', () => {
        received += 1;
        if (received === 24) {
          resolve();
        }
      }),
    );
    const inFlight = Array.from({ length: 24 }, (_, i) => purchase(members[i % members.length]));
    await allReceived;
    await t.close();
    const late = await Promise.all(inFlight);

    const outcomes = [...answered, ...late];
    expect(outcomes.map((o) => ('status' in o ? o.status : o.error))).toEqual(outcomes.map(() => 201));
    const posted = outcomes.flatMap((o) => ('transactionId' in o && o.transactionId ? [o.transactionId] : []));
    expect(posted).toHaveLength(28);
    // Every purchase the database holds for the store was answered, and the other way round.
    const db = await createConnection(process.env.DATABASE_URL as string);
    try {
      const [rows] = await db.query<RowDataPacket[]>('SELECT id FROM purchases WHERE store_id = ?', [store.storeId]);
      expect(rows.map((r) => String(r.id)).sort()).toEqual([...posted].sort());
    } finally {
      await db.end();
    }

    const events = await queue(QueueName.Messages).getJobs(['waiting', 'prioritized', 'delayed']);
    const queuedPurchases = new Set(
      events
        .filter((j) => j.name === JobName.PostingEvents)
        .flatMap((j) => (j.data as { purchases: Array<{ purchaseId: string }> }).purchases.map((p) => p.purchaseId)),
    );
    expect(posted.filter((id) => !queuedPurchases.has(id))).toEqual([]);

    const clubJobs = await queue(QueueName.ClubMembership).getJobs(['waiting', 'prioritized', 'delayed']);
    const queuedMembers = new Set(
      clubJobs.filter((j) => j.name === JobName.EvaluateClubMembers).flatMap((j) => (j.data as { memberIds: string[] }).memberIds),
    );
    expect(members.map((m) => m.memberId).filter((id) => !queuedMembers.has(id))).toEqual([]);
  });
});

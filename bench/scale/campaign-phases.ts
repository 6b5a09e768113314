import { performance } from 'node:perf_hooks';
import { INestApplicationContext } from '@nestjs/common';
import { Job } from 'bullmq';
import { Pool, PoolConnection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { newId } from '../../src/common/ids';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.service';
import {
  CAMPAIGN_MEMBERS_PER_BATCH,
  CAMPAIGN_MEMBERS_PER_RANGE,
  CampaignBatchPayload,
  CampaignFanoutService,
} from '../../src/modules/campaigns/campaign-fanout.service';
import { CampaignsService } from '../../src/modules/campaigns/campaigns.service';
import { JobRunsService, PartPayload } from '../../src/modules/jobs/job-runs.service';
import { OutboxSenderService } from '../../src/modules/messages/outbox-sender.service';
import { TemplatesService } from '../../src/modules/messages/templates.service';
import { PlanMemberRanges } from '../../src/modules/jobs/plan-member-ranges';
import { fmt } from '../lib';
import { Phase } from './phase';

/*
 * Campaign phases: a 1M-member audience (every member) granted points through
 * the real fan-out — the planner's member-id ranges, each range run as its
 * part job would run it (JobRunsService.runPart around
 * CampaignFanoutService.runRange: 500-member batches, one transaction each,
 * with the account locks, delivery keys, budget row, ledger writer) — beside
 * a raw twin writing the same rows (ledger entries, lots, account updates,
 * delivery rows) with multi-row statements over the same 500-member batches.
 * Both run one range at a time on one connection, in the same run.
 * Then a 1M-member message fan-out: the campaign's outbox rows enqueued by the
 * fan-out, and drained by the outbox sender to the log adapter. Its line
 * before the phase's sets each part beside its half of the raw twin: enqueue
 * against the 500-row inserts (and the member reads), send against the
 * 500-row mark-sent updates. Only this phase:
 *   node dist/bench/scale.js --members 200000 --only 'campaign message'
 * The sender claims MESSAGES_BATCH_SIZE rows at a time (default 100; the env
 * variable passes through, e.g. 500 to match the raw twin's batches).
 */

const GRANT_POINTS = 10;
const OCCURRENCE = 'bench';
const TEMPLATE = 'bench-sms';

/** A queue job as BullMQ hands it to a processor (one attempt). */
const partJob = (runId: string, partNo: number) =>
  ({ data: { runId, partNo }, attemptsMade: 0, opts: { attempts: 1 } }) as unknown as Job<PartPayload>;

async function launchRunning(app: INestApplicationContext, dto: Record<string, unknown>): Promise<string> {
  const campaigns = app.get(CampaignsService);
  const created = (await campaigns.create(SYSTEM_ACTOR, dto as never)) as { campaignId: string };
  // Running without a queued plan job: the bench plays the planner and the part jobs itself.
  await app.get(DataSource).query("UPDATE campaigns SET state = 'running', updated_at = NOW(3) WHERE id = ?", [created.campaignId]);
  return created.campaignId;
}

/** The project's fan-out over every range, as the part jobs would run it; answers the members delivered. */
async function projectFanout(app: INestApplicationContext, campaignId: string): Promise<number> {
  const runs = app.get(JobRunsService);
  const fanout = app.get(CampaignFanoutService);
  const ranges = await app.get(PlanMemberRanges).plan(CAMPAIGN_MEMBERS_PER_RANGE);
  const asOf = new Date().toISOString();
  const runId = await runs.start('campaign', ranges.length, { campaignId, occurrence: OCCURRENCE, asOf, ranges });
  let delivered = 0;
  for (const [partNo, r] of ranges.entries()) {
    const payload: CampaignBatchPayload = { runId, partNo, campaignId, occurrence: OCCURRENCE, asOf, fromId: r.fromId, toId: r.toId };
    const { result } = await runs.runPart(partJob(runId, partNo) as Job<CampaignBatchPayload>, () => fanout.runRange(payload));
    delivered += Number(result?.granted ?? 0);
  }
  await fanout.finishOccurrence(campaignId, runId);
  return delivered;
}

/** Member-id batches of CAMPAIGN_MEMBERS_PER_BATCH in id order, as the fan-out walks them. */
async function* memberBatches(pool: Pool, where = ''): AsyncGenerator<string[]> {
  let after = '';
  for (;;) {
    const [rows] = await pool.query<RowDataPacket[]>(
      `SELECT m.id FROM members m ${where ? `JOIN member_consents c ON c.member_id = m.id AND c.channel = 'sms' AND c.granted = 1` : ''}
        WHERE m.id > ? AND m.status = 'active' ORDER BY m.id LIMIT ${CAMPAIGN_MEMBERS_PER_BATCH}`,
      [after],
    );
    if (rows.length === 0) {
      return;
    }
    yield rows.map((r) => r.id as string);
    after = rows[rows.length - 1].id as string;
  }
}

async function inTx<T>(pool: Pool, fn: (c: PoolConnection) => Promise<T>): Promise<T> {
  const c = await pool.getConnection();
  try {
    await c.beginTransaction();
    const out = await fn(c);
    await c.commit();
    return out;
  } catch (err) {
    await c.rollback();
    throw err;
  } finally {
    c.release();
  }
}

const rows = (n: number, width: number) => new Array(n).fill(`(${new Array(width).fill('?').join(', ')})`).join(', ');

/** The raw twin of a grant batch: the same rows, written with one multi-row statement per table. */
async function rawGrantBatch(pool: Pool, campaignId: string, ids: string[], expiresAt: Date): Promise<void> {
  await inTx(pool, async (c) => {
    const now = new Date();
    const [accounts] = await c.query<RowDataPacket[]>(
      `SELECT member_id, balance FROM point_accounts WHERE member_id IN (?) ORDER BY member_id FOR UPDATE`,
      [ids],
    );
    const balance = new Map(accounts.map((a) => [a.member_id as string, Number(a.balance)]));
    const members = ids.filter((id) => balance.has(id));
    const refId = `${campaignId}:${OCCURRENCE}`;
    const [entries] = await c.query<ResultSetHeader>(
      `INSERT INTO point_entries (member_id, type, points, balance_after, store_id, ref_type, ref_id, note, created_at) VALUES ${rows(members.length, 9)}`,
      members.flatMap((id) => [id, 'bonus', GRANT_POINTS, balance.get(id)! + GRANT_POINTS, null, 'campaign', refId, 'bench', now]),
    );
    await c.query(
      `INSERT INTO point_lots (member_id, entry_id, points, remaining, earned_at, expires_at, pending, available_at) VALUES ${rows(members.length, 8)}`,
      members.flatMap((id, i) => [id, entries.insertId + i, GRANT_POINTS, GRANT_POINTS, now, expiresAt, 0, null]),
    );
    await c.query(
      'UPDATE point_accounts SET balance = balance + ?, lifetime_earned = lifetime_earned + ?, updated_at = ? WHERE member_id IN (?)',
      [GRANT_POINTS, GRANT_POINTS, now, members],
    );
    await c.query(
      `INSERT INTO campaign_deliveries (campaign_id, occurrence, member_id, status, points, message_status, created_at) VALUES ${rows(members.length, 7)}`,
      members.flatMap((id) => [campaignId, OCCURRENCE, id, 'granted', GRANT_POINTS, null, now]),
    );
  });
}

async function countDeliveries(pool: Pool, campaignId: string): Promise<number> {
  const [r] = await pool.query<RowDataPacket[]>(
    "SELECT COUNT(*) AS n FROM campaign_deliveries WHERE campaign_id = ? AND status = 'granted'",
    [campaignId],
  );
  return Number(r[0].n);
}

let messageCampaignSeconds = 0;
/** The raw twin's two halves, timed apart so the sender can be set beside its own raw part (the mark-sent updates). */
let rawEnqueueSeconds = 0;
let rawMarkSeconds = 0;
/** The raw twin's read of the due messages with their addresses before it marks them (a sender must read what it sends). */
let rawReadSeconds = 0;

export const CAMPAIGN_PHASES: Phase[] = [
  {
    name: 'campaign grant, every member (fan-out vs raw)',
    target: 'target project >= 50% of the raw rate',
    unit: 'members',
    raw: async (pool) => {
      const campaignId = newId();
      const expiresAt = new Date(Date.now() + 365 * 24 * 3600 * 1000);
      for await (const ids of memberBatches(pool)) {
        await rawGrantBatch(pool, campaignId, ids, expiresAt);
      }
      return countDeliveries(pool, campaignId);
    },
    project: async (app) => {
      const campaignId = await launchRunning(app, {
        name: 'Scale bench grant',
        audience: { include: [{ type: 'all' }] },
        grant: { points: GRANT_POINTS, reason: 'Scale bench' },
        schedule: { kind: 'now' },
        holdoutPermille: 0,
      });
      return projectFanout(app, campaignId);
    },
  },
  {
    name: 'campaign message to the log adapter (enqueue + send)',
    target: 'messages/s (figure for the note)',
    unit: 'messages',
    prepare: async (pool) => {
      await pool.query(
        `INSERT INTO member_consents (member_id, channel, granted, source, updated_at)
         SELECT id, 'sms', 1, 'bench', NOW(3) FROM members ON DUPLICATE KEY UPDATE granted = 1`,
      );
    },
    // The raw twin: the same outbox rows inserted 500 at a time, then read as due (with the members' phones) and
    // marked sent 500 at a time. The send part is set beside the mark-sent UPDATEs alone (the issue's measure) and
    // beside the read and the UPDATEs together (the same work as the sender's: it reads what it sends).
    raw: async (pool) => {
      const source = `campaign:${newId()}:${OCCURRENCE}`;
      let n = 0;
      rawEnqueueSeconds = 0;
      rawReadSeconds = 0;
      rawMarkSeconds = 0;
      let t = performance.now();
      for await (const ids of memberBatches(pool, 'sms')) {
        const now = new Date();
        const msgIds = ids.map(() => newId());
        await pool.query(
          `INSERT INTO outbox_messages (id, source, member_id, channel, template_code, template_version, locale, transactional, subject, body, status, attempts, next_attempt_at, created_at, updated_at)
           VALUES ${rows(ids.length, 15)}`,
          ids.flatMap((id, i) => [msgIds[i], source, id, 'sms', TEMPLATE, 1, 'zh-CN', 0, null, '会员您好', 'queued', 0, now, now, now]),
        );
        const reading = performance.now();
        rawEnqueueSeconds += (reading - t) / 1000;
        // What a sender cannot do without: the due messages with their text and the members' addresses.
        const [due] = await pool.query<RowDataPacket[]>(
          `SELECT o.id, o.body, m.phone FROM outbox_messages o JOIN members m ON m.id = o.member_id
            WHERE o.status = 'queued' AND o.next_attempt_at <= ? ORDER BY o.next_attempt_at LIMIT ${CAMPAIGN_MEMBERS_PER_BATCH}`,
          [now],
        );
        const marking = performance.now();
        rawReadSeconds += (marking - reading) / 1000;
        await pool.query("UPDATE outbox_messages SET status = 'sent', attempts = 1, sent_at = ?, updated_at = ? WHERE id IN (?)", [
          now,
          now,
          due.map((r) => r.id as string),
        ]);
        t = performance.now();
        rawMarkSeconds += (t - marking) / 1000;
        n += ids.length;
      }
      return n;
    },
    project: async (app) => {
      await app.get(TemplatesService).save(SYSTEM_ACTOR, {
        code: TEMPLATE,
        channel: 'sms',
        variants: { 'zh-CN': { subject: null, body: '{{name}}您好，您有{{points}}积分' } },
      });
      let t = Date.now();
      const campaignId = await launchRunning(app, {
        name: 'Scale bench message',
        audience: { include: [{ type: 'all' }] },
        message: { channel: 'sms', template: TEMPLATE },
        schedule: { kind: 'now' },
        holdoutPermille: 0,
      });
      await projectFanout(app, campaignId);
      messageCampaignSeconds = (Date.now() - t) / 1000;
      t = Date.now();
      const sender = app.get(OutboxSenderService);
      let sent = 0;
      for (;;) {
        const round = await sender.sendDue(3_600_000);
        sent += round.sent;
        if (round.claimed === 0) {
          break;
        }
      }
      const sendSeconds = (Date.now() - t) / 1000;
      const part = (name: string, seconds: number, rawSeconds: number) =>
        `${name} ${fmt(seconds, 1)} s (${fmt(sent / seconds, 0)}/s; raw ${fmt(rawSeconds, 1)} s, ${fmt(sent / rawSeconds, 0)}/s; ` +
        `${fmt((100 * rawSeconds) / seconds, 0)}% of raw)`;
      process.stdout.write(
        `  message fan-out: ${part('enqueue', messageCampaignSeconds, rawEnqueueSeconds)}, ${part('send', sendSeconds, rawMarkSeconds)}; ` +
          `send beside raw read + mark-sent ${fmt(rawReadSeconds + rawMarkSeconds, 1)} s: ` +
          `${fmt((100 * (rawReadSeconds + rawMarkSeconds)) / sendSeconds, 0)}% of raw\n`,
      );
      return sent;
    },
  },
];

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { placeholders } from '../../database/multi-row';
import { isRetryableTxError } from '../../common/errors/mysql-errors';
import { inTransaction, WriteResult } from '../../database/transaction';
import { newId } from '../../common/ids';
import { MessageChannel, MessageStatus, OutboxMessage } from './entities/outbox-message.entity';

/** What a message is rendered for: the member's own figures, read in one query per batch. */
export interface Recipient {
  memberId: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  tierCode: string;
  balance: number;
  consented: boolean;
}

export interface NewOutboxRow {
  id: string;
  source: string;
  /** Null for a message to an address no member holds (a registration code); then toAddress is set. */
  memberId: string | null;
  toAddress?: string | null;
  channel: MessageChannel;
  templateCode: string;
  templateVersion: number;
  locale: string;
  transactional: boolean;
  subject: string | null;
  body: string;
  status: MessageStatus;
  now: Date;
}

/** A claimed row with the address it goes to now. */
export interface ClaimedMessage {
  id: string;
  memberId: string | null;
  channel: MessageChannel;
  locale: string;
  /** Sign-in codes and the like: the only rows whose text may hold a secret's placeholder. */
  transactional: boolean;
  subject: string | null;
  body: string;
  attempts: number;
  email: string | null;
  phone: string | null;
}

/** A sender's claim on a batch (an outbox_claims row): other senders pass over its rows until leaseUntil. */
export interface BatchClaim {
  id: string;
  leaseUntil: Date;
}

/** What became of one claimed message: recorded for a whole batch at once by recordOutcomes. */
export type SendOutcome =
  | { kind: 'sent'; id: string; providerMessageId: string | null }
  | { kind: 'retry'; id: string; error: string; retryAt: Date }
  | { kind: 'ended'; id: string; status: 'failed' | 'skipped_no_address'; error: string };

export interface OutboxFilter {
  status?: MessageStatus;
  channel?: MessageChannel;
  memberId?: string;
  /** Keyset paging: rows older than this id (ids are time-ordered). */
  before?: string;
  limit: number;
}

const COLUMNS = [
  'id',
  'source',
  'member_id',
  'to_address',
  'channel',
  'template_code',
  'template_version',
  'locale',
  'transactional',
  'subject',
  'body',
  'status',
  'attempts',
  'next_attempt_at',
  'created_at',
  'updated_at',
];
const INSERT_CHUNK = 500;
/** Outcomes written by one UPDATE (two or three parameters per row): bounds the statement's size. */
const OUTCOME_CHUNK = 500;

/** An outcome could not be written with the others (the transaction is rolled back; they are written apart). */
class OutcomesRefused extends Error {}
/** How long a row whose outcome cannot be written stays parked in 'sending' when its claim is not known. */
const UNWRITTEN_PARK_MS = 90_000;

/** A DATETIME(3) literal in UTC, as the connections write dates (timezone 'Z'). */
const sqlUtc = (d: Date) => d.toISOString().slice(0, 23).replace('T', ' ');

/** Outcomes by kind (sent, queued again, ended), in chunks of OUTCOME_CHUNK: one UPDATE each. */
function groupsOf(outcomes: SendOutcome[]): SendOutcome[][] {
  const out: SendOutcome[][] = [];
  for (const kind of ['sent', 'retry', 'ended'] as const) {
    const group = outcomes.filter((o) => o.kind === kind);
    for (let i = 0; i < group.length; i += OUTCOME_CHUNK) {
      out.push(group.slice(i, i + OUTCOME_CHUNK));
    }
  }
  return out;
}

/** Locking reads a claim makes when another sender's claim, committed meanwhile, took every row it locked. */
const CLAIM_ATTEMPTS = 3;

/** All SQL of the outbox. */
@Injectable()
export class OutboxRepository {
  private mariaDb: Promise<boolean> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async recipients(m: EntityManager | undefined, memberIds: string[], consentChannel: string): Promise<Map<string, Recipient>> {
    const out = new Map<string, Recipient>();
    if (memberIds.length === 0) {
      return out;
    }
    const rows: Array<Record<string, unknown>> = await (m ?? this.dataSource.manager).query(
      `SELECT mb.id, mb.name, mb.email, mb.phone, mb.tier_code, COALESCE(a.balance, 0) AS balance, COALESCE(c.granted, 0) AS consented
         FROM members mb
         LEFT JOIN point_accounts a ON a.member_id = mb.id
         LEFT JOIN member_consents c ON c.member_id = mb.id AND c.channel = ?
        WHERE mb.id IN (?)`,
      [consentChannel, memberIds],
    );
    for (const r of rows) {
      out.set(String(r.id), {
        memberId: String(r.id),
        name: (r.name as string | null) ?? null,
        email: (r.email as string | null) ?? null,
        phone: (r.phone as string | null) ?? null,
        tierCode: String(r.tier_code),
        balance: Number(r.balance),
        consented: Number(r.consented) === 1,
      });
    }
    return out;
  }

  /**
   * Inserts the rows whose (source, member, channel) has none yet; answers the ids of the rows written.
   *
   * Without the caller's transaction, in one of its own that a deadlock or lock wait retries: INSERT ... ON DUPLICATE
   * KEY takes next-key locks on the unique index, so it can deadlock with a campaign batch or notice range inserting
   * at the same moment (the likely cause of a sign-in code answered 500 in one CI run; that run kept no log to be
   * sure). In the caller's transaction, the caller retries.
   */
  async insertNew(m: EntityManager | undefined, rows: NewOutboxRow[]): Promise<Set<string>> {
    if (!m) {
      return rows.length === 0 ? new Set() : inTransaction(this.dataSource, (tx) => this.insertNew(tx, rows));
    }
    const manager = m;
    const inserted = new Set<string>();
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      // ON DUPLICATE KEY with a no-op update: a row already there is left as it is, and no other error is silenced (unlike IGNORE).
      await manager.query(
        `INSERT INTO outbox_messages (${COLUMNS.join(', ')}) VALUES ${placeholders(chunk.length, COLUMNS.length)}
         ON DUPLICATE KEY UPDATE id = id`,
        chunk.flatMap((r) => [
          r.id,
          r.source,
          r.memberId,
          r.toAddress ?? null,
          r.channel,
          r.templateCode,
          r.templateVersion,
          r.locale,
          r.transactional ? 1 : 0,
          r.subject,
          r.body,
          r.status,
          0,
          r.now,
          r.now,
          r.now,
        ]),
      );
      // The fresh ids that exist now are the rows this statement wrote (affectedRows cannot tell: mysql2 counts found rows).
      const found: Array<{ id: string }> = await manager.query('SELECT id FROM outbox_messages WHERE id IN (?)', [chunk.map((r) => r.id)]);
      found.forEach((f) => inserted.add(f.id));
    }
    return inserted;
  }

  /** member id → status of that source's rows for these members (the unique key's prefix reads them). */
  async statusesOf(m: EntityManager, source: string, memberIds: string[]): Promise<Map<string, MessageStatus>> {
    if (memberIds.length === 0) {
      return new Map();
    }
    const rows: Array<{ member_id: string; status: MessageStatus }> = await m.query(
      'SELECT member_id, status FROM outbox_messages WHERE source = ? AND member_id IN (?)',
      [source, memberIds],
    );
    return new Map(rows.map((r) => [r.member_id, r.status]));
  }

  /**
   * Locks up to `limit` due rows in the caller's transaction, oldest first, but the ids in `except` (rows of live
   * claims), skipping rows another transaction holds (FOR UPDATE SKIP LOCKED: MySQL 8, MariaDB 10.6+), so
   * claimants never wait for each other. One status value keeps the scan in (status, next_attempt_at) order.
   */
  async lockDue(m: EntityManager, now: Date, limit: number, except: Iterable<string> = []): Promise<string[]> {
    return (await this.lockDueRows(m, now, limit, except)).map((r) => String(r.id));
  }

  /** lockDue answering the rows (the clustered records are read to be locked anyway). */
  private lockDueRows(m: EntityManager, now: Date, limit: number, except: Iterable<string>): Promise<Array<Record<string, unknown>>> {
    const skip = [...except];
    return m.query(
      `SELECT id, member_id, to_address, channel, locale, transactional, subject, body, attempts FROM outbox_messages
        WHERE status = 'queued' AND next_attempt_at <= ?${skip.length > 0 ? ' AND id NOT IN (?)' : ''}
        ORDER BY next_attempt_at LIMIT ${Number(limit)}
        FOR UPDATE SKIP LOCKED`,
      skip.length > 0 ? [now, skip] : [now],
    );
  }

  /**
   * Rows parked in 'sending' past their lease (an outcome that could not be written, or a row an older sender
   * claimed that way) are queued again; claims whose lease has lapsed are deleted (they cover nothing any more).
   */
  async requeueLapsed(now: Date): Promise<number> {
    const result: WriteResult = await this.dataSource.query(
      `UPDATE outbox_messages SET status = 'queued', updated_at = ? WHERE status = 'sending' AND next_attempt_at <= ?`,
      [now, now],
    );
    await this.dataSource.query('DELETE FROM outbox_claims WHERE lease_until <= ?', [now]);
    return result.affectedRows;
  }

  /**
   * Claims up to `limit` due rows for `leaseMs` (committed) and answers them with their addresses; the claim row
   * stays until the batch's outcomes are written (recordOutcomes with the claim) or its lease lapses.
   */
  async claim(now: Date, limit: number, leaseMs: number): Promise<ClaimedMessage[]> {
    return (await this.claimBatch(now, limit, leaseMs)).claimed;
  }

  /** claim() answering the claim too (to be released with the batch's outcomes). */
  async claimBatch(now: Date, limit: number, leaseMs: number): Promise<{ claim: BatchClaim | null; claimed: ClaimedMessage[] }> {
    const { claim, claimed } = await this.recordAndClaim([], null, now, limit, leaseMs);
    return { claim, claimed };
  }

  /**
   * The last batch's outcomes, the release of its claim and the next batch's claim in one transaction (one commit
   * for all): the sender's loop. The claim takes the due rows no live claim covers, oldest first, locking them
   * with SKIP LOCKED (a sender claiming at the same moment holds its rows' locks until its claim is committed, so
   * it is passed over without waiting), reads the live claims again once the rows are locked (a claim committed
   * meanwhile covers rows it locked just before), and records one claim row with the ids it keeps: the message
   * rows themselves are not written until their outcome is. In READ COMMITTED, so both reads of the claims see
   * every claim committed before them. If an outcome cannot be written with the others, the transaction is
   * rolled back and the outcomes are written apart (recordOutcomes: row by row where a statement fails; answers
   * what stayed unwritten), then the claim alone.
   */
  async recordAndClaim(
    outcomes: SendOutcome[],
    done: BatchClaim | null,
    now: Date,
    limit: number,
    leaseMs: number,
  ): Promise<{ claim: BatchClaim | null; claimed: ClaimedMessage[]; unwritten: string[] }> {
    const leaseUntil = new Date(now.getTime() + leaseMs);
    try {
      const next = await inTransaction(
        this.dataSource,
        async (m) => {
          try {
            for (const group of groupsOf(outcomes)) {
              await this.writeOutcomes(m, group, now);
            }
          } catch (err) {
            throw isRetryableTxError(err) ? err : new OutcomesRefused();
          }
          return this.claimIn(m, now, limit, leaseUntil, done);
        },
        4,
        'READ COMMITTED',
      );
      return { ...next, unwritten: [] };
    } catch (err) {
      if (!(err instanceof OutcomesRefused)) {
        throw err;
      }
    }
    const unwritten = await this.recordOutcomes(outcomes, now, done ?? undefined);
    const next = await inTransaction(this.dataSource, (m) => this.claimIn(m, now, limit, leaseUntil), 4, 'READ COMMITTED');
    return { ...next, unwritten };
  }

  /**
   * The claim, in the caller's READ COMMITTED transaction (see recordAndClaim). `done`, the batch whose outcomes
   * the transaction has written, gives its claim row to the new batch (one statement; a new id, since another
   * sender knows claims by id), or is deleted when nothing is due.
   */
  private async claimIn(
    m: EntityManager,
    now: Date,
    limit: number,
    leaseUntil: Date,
    done: BatchClaim | null = null,
  ): Promise<{ claim: BatchClaim | null; claimed: ClaimedMessage[] }> {
    const known = await this.liveClaims(m, now, done ? [done.id] : []);
    const covered = new Set([...known.values()].flat());
    const seen = [...known.keys(), ...(done ? [done.id] : [])];
    let rows: Array<Record<string, unknown>> = [];
    for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
      const locked = await this.lockDueRows(m, now, limit, covered);
      if (locked.length === 0) {
        break;
      }
      // A claim committed between the first read and the locks covers rows this transaction may have locked.
      const since = await this.liveClaims(m, now, seen);
      const claimedMeanwhile = new Set([...since.values()].flat());
      rows = locked.filter((r) => !claimedMeanwhile.has(String(r.id)));
      if (rows.length > 0) {
        break;
      }
      // Every row it locked went to a sender that committed first: look past that claim rather than answer
      // "nothing due" while rows are waiting (the sender would stop its round).
      claimedMeanwhile.forEach((id) => covered.add(id));
      seen.push(...since.keys());
    }
    if (rows.length === 0) {
      if (done) {
        await m.query('DELETE FROM outbox_claims WHERE id = ?', [done.id]);
      }
      return { claim: null, claimed: [] };
    }
    const ids = rows.map((r) => String(r.id));
    const claim: BatchClaim = { id: newId(), leaseUntil };
    const moved: WriteResult | null = done
      ? await m.query('UPDATE outbox_claims SET id = ?, lease_until = ?, message_ids = ?, created_at = ? WHERE id = ?', [
          claim.id,
          leaseUntil,
          JSON.stringify(ids),
          now,
          done.id,
        ])
      : null;
    if (!moved || moved.affectedRows === 0) {
      await m.query('INSERT INTO outbox_claims (id, lease_until, message_ids, created_at) VALUES (?, ?, ?, ?)', [
        claim.id,
        leaseUntil,
        JSON.stringify(ids),
        now,
      ]);
    }
    const memberIds = [...new Set(rows.filter((r) => r.member_id !== null && r.member_id !== undefined).map((r) => String(r.member_id)))];
    const addresses: Array<{ id: string; email: string | null; phone: string | null }> =
      memberIds.length > 0 ? await m.query('SELECT id, email, phone FROM members WHERE id IN (?)', [memberIds]) : [];
    const byMember = new Map(addresses.map((a) => [a.id, a]));
    return {
      claim,
      claimed: rows.map((r) => {
        const memberId = r.member_id === null || r.member_id === undefined ? null : String(r.member_id);
        const address = memberId === null ? undefined : byMember.get(memberId);
        return {
          id: String(r.id),
          memberId,
          channel: r.channel as MessageChannel,
          locale: String(r.locale),
          transactional: Number(r.transactional) === 1,
          subject: (r.subject as string | null) ?? null,
          body: String(r.body),
          // This attempt's number (the outcome counts it).
          attempts: Number(r.attempts) + 1,
          email: address?.email ?? null,
          // A message to no member goes to its own address (a registration code's phone).
          phone: memberId === null ? ((r.to_address as string | null) ?? null) : (address?.phone ?? null),
        };
      }),
    };
  }

  /** Claim id → message ids of the claims whose lease has not lapsed, but those in `except`. */
  private async liveClaims(m: EntityManager, now: Date, except: string[]): Promise<Map<string, string[]>> {
    const rows: Array<{ id: string; message_ids: string }> = await m.query(
      `SELECT id, message_ids FROM outbox_claims WHERE lease_until > ?${except.length > 0 ? ' AND id NOT IN (?)' : ''}`,
      except.length > 0 ? [now, except] : [now],
    );
    return new Map(rows.map((r) => [r.id, JSON.parse(r.message_ids) as string[]]));
  }

  /** Whether the server is MariaDB (asked once): outcomes go through JSON_TABLE there. */
  private onMariaDb(): Promise<boolean> {
    this.mariaDb ??= this.dataSource
      .query('SELECT VERSION() AS v')
      .then((rows: Array<{ v: string }>) => /mariadb/i.test(String(rows[0]?.v)))
      .catch((err: unknown) => {
        this.mariaDb = null;
        throw err;
      });
    return this.mariaDb;
  }

  /**
   * Records outcomes: one UPDATE per outcome kind (sent, queued again, ended) and per OUTCOME_CHUNK rows, each
   * counting the attempt. Only rows still 'queued' change (a row erased meanwhile, or written by another sender
   * after this one's lease lapsed, is left alone). If a kind's statement fails, its rows are written one by one,
   * so one row that cannot be written does not lose the others; a row that cannot be written is parked in
   * 'sending' until the claim's lease ends (UNWRITTEN_PARK_MS without a claim), then queued again and sent again.
   * With the batch's claim and `release` (the batch's last outcomes), the claim is deleted once every row is
   * written or parked (else it lapses). Answers the ids whose outcome could not be written.
   */
  async recordOutcomes(outcomes: SendOutcome[], now: Date, claim?: BatchClaim, release = true): Promise<string[]> {
    const unwritten: string[] = [];
    for (const chunk of groupsOf(outcomes)) {
      try {
        await this.writeOutcomes(this.dataSource.manager, chunk, now);
      } catch {
        for (const one of chunk) {
          await this.writeOutcomes(this.dataSource.manager, [one], now).catch(() => unwritten.push(one.id));
        }
      }
    }
    let parked = true;
    if (unwritten.length > 0) {
      const until = claim?.leaseUntil ?? new Date(now.getTime() + UNWRITTEN_PARK_MS);
      parked = await this.dataSource
        .query(
          `UPDATE outbox_messages SET status = 'sending', attempts = attempts + 1, next_attempt_at = ?, updated_at = ?
            WHERE id IN (?) AND status = 'queued'`,
          [until, now, unwritten],
        )
        .then(
          () => true,
          () => false,
        );
    }
    if (claim && release && parked) {
      await this.dataSource.query('DELETE FROM outbox_claims WHERE id = ?', [claim.id]);
    }
    return unwritten;
  }

  /**
   * One UPDATE for outcomes of one kind, counting the attempt: the rows' own values passed as one JSON array and
   * read by JSON_TABLE on MariaDB (one parameter, no SELECT per row to parse); on MySQL, whose JSON_TABLE is not
   * tested here, a derived table of `SELECT ?, ? UNION ALL ...`. Joined on the primary key.
   */
  private async writeOutcomes(m: EntityManager, chunk: SendOutcome[], now: Date): Promise<void> {
    if (chunk.length === 0) {
      return;
    }
    const mariaDb = await this.onMariaDb();
    // `columns`: the JSON_TABLE columns after the id, in order; on MySQL the same values go through a UNION ALL derived table.
    const joined = async (columns: string, values: (o: SendOutcome) => unknown[], set: string, params: unknown[]) => {
      const names = ['id', ...columns.split(', ').map((c) => c.split(' ')[0])];
      const source = mariaDb
        ? {
            sql: `JSON_TABLE(?, '$[*]' COLUMNS (id CHAR(36) CHARACTER SET ascii PATH '$[0]', ${columns}))`,
            params: [JSON.stringify(chunk.map(values))],
          }
        : {
            sql: `(${chunk.map((_, i) => `SELECT ${names.map((n) => (i === 0 ? `? AS ${n}` : '?')).join(', ')}`).join(' UNION ALL ')})`,
            params: chunk.flatMap(values),
          };
      await m.query(
        `UPDATE outbox_messages o
           JOIN ${source.sql} v ON v.id = o.id
            SET ${set}, o.attempts = o.attempts + 1
          WHERE o.status = 'queued'`,
        [...source.params, ...params],
      );
    };
    const error = (o: SendOutcome) => ('error' in o ? o.error.slice(0, 500) : null);
    const kind = chunk[0].kind;
    if (kind === 'sent') {
      await joined(
        "provider_id TEXT PATH '$[1]'",
        (o) => [o.id, o.kind === 'sent' ? o.providerMessageId : null],
        `o.status = 'sent', o.provider_message_id = v.provider_id, o.last_error = NULL, o.sent_at = ?, o.updated_at = ?`,
        [now, now],
      );
    } else if (kind === 'retry') {
      await joined(
        "error TEXT PATH '$[1]', retry_at DATETIME(3) PATH '$[2]'",
        (o) => [o.id, error(o), o.kind === 'retry' ? sqlUtc(o.retryAt) : null],
        `o.status = 'queued', o.last_error = v.error, o.next_attempt_at = v.retry_at, o.updated_at = ?`,
        [now],
      );
    } else {
      await joined(
        "status VARCHAR(24) CHARACTER SET ascii PATH '$[1]', error TEXT PATH '$[2]'",
        (o) => [o.id, o.kind === 'ended' ? o.status : null, error(o)],
        `o.status = v.status, o.last_error = v.error, o.updated_at = ?`,
        [now],
      );
    }
  }

  async list(filter: OutboxFilter): Promise<Array<OutboxMessage & { memberName: string | null }>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) {
      where.push('o.status = ?');
      params.push(filter.status);
    }
    if (filter.channel) {
      where.push('o.channel = ?');
      params.push(filter.channel);
    }
    if (filter.memberId) {
      where.push('o.member_id = ?');
      params.push(filter.memberId);
    }
    if (filter.before) {
      where.push('o.id < ?');
      params.push(filter.before);
    }
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT o.*, mb.name AS member_name FROM outbox_messages o LEFT JOIN members mb ON mb.id = o.member_id
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY o.id DESC LIMIT ${Number(filter.limit)}`,
      params,
    );
    return rows.map((r) => ({
      id: String(r.id),
      source: String(r.source),
      memberId: r.member_id === null || r.member_id === undefined ? null : String(r.member_id),
      toAddress: (r.to_address as string | null) ?? null,
      channel: r.channel as MessageChannel,
      templateCode: String(r.template_code),
      templateVersion: Number(r.template_version),
      locale: String(r.locale),
      transactional: Number(r.transactional) === 1,
      subject: (r.subject as string | null) ?? null,
      body: String(r.body),
      status: r.status as MessageStatus,
      attempts: Number(r.attempts),
      nextAttemptAt: r.next_attempt_at as Date,
      providerMessageId: (r.provider_message_id as string | null) ?? null,
      lastError: (r.last_error as string | null) ?? null,
      createdAt: r.created_at as Date,
      updatedAt: r.updated_at as Date,
      sentAt: (r.sent_at as Date | null) ?? null,
      memberName: (r.member_name as string | null) ?? null,
    }));
  }

  /** An erasure: rendered subjects and texts go; a message not sent yet is never sent (it has no address any more). */
  async clearForMembers(m: EntityManager, memberIds: string[], now: Date): Promise<number> {
    const res: WriteResult = await m.query(
      `UPDATE outbox_messages
          SET subject = NULL, body = '', last_error = NULL, updated_at = ?,
              status = CASE WHEN status IN ('queued', 'sending') THEN 'skipped_no_address' ELSE status END
        WHERE member_id IN (${memberIds.map(() => '?').join(', ')}) AND (body <> '' OR subject IS NOT NULL OR last_error IS NOT NULL)`,
      [now, ...memberIds],
    );
    return res.affectedRows;
  }

  /** An erasure: sign-in codes sent to one of the person's phones before it was registered (member_id NULL, to_address set). */
  async clearToAddresses(m: EntityManager, addresses: string[], now: Date): Promise<number> {
    if (addresses.length === 0) {
      return 0;
    }
    const res: WriteResult = await m.query(
      `UPDATE outbox_messages
          SET subject = NULL, body = '', last_error = NULL, to_address = NULL, updated_at = ?,
              status = CASE WHEN status IN ('queued', 'sending') THEN 'skipped_no_address' ELSE status END
        WHERE member_id IS NULL AND to_address IN (${addresses.map(() => '?').join(', ')})`,
      [now, ...addresses],
    );
    return res.affectedRows;
  }
}

import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { isDuplicateKey } from '../../../common/errors/mysql-errors';
import { newId } from '../../../common/ids';
import { Transactions } from '../../../database/transactions';
import { JobName, QueueName } from '../../../queue/queue.constants';
import { Actor, AuditService } from '../../audit/audit.service';
import { generateCardNo } from '../../cards/card-number';
import { CardsRepository } from '../../cards/cards.repository';
import { JobRunsService } from '../../jobs/job-runs.service';
import { MembersRepository } from '../../members/members.repository';
import { LedgerWriter } from '../../points/ledger/ledger-writer';
import { ProgramSettingsService } from '../../program/program-settings.service';
import { lotExpiresAt } from '../../points/rules/lots';
import { TiersRepository } from '../../tiers/tiers.repository';
import { TiersService } from '../../tiers/tiers.service';
import { ImportRowStatus } from '../entities/member-import-row.entity';
import { parseCsv } from './csv';
import { checkHeader, checkImportRow, ImportColumn, ImportedMember, RawImportRow } from './import-row';
import { MemberImportsRepository, SettledRow, StagedRow } from './member-imports.repository';

export const IMPORT_PART_ROWS = 1000;
export const IMPORT_MAX_ROWS = 200_000;
const STAGE_CHUNK = 1000;

export interface ImportPartResult {
  rows: number;
  accepted: number;
  exists: number;
  rejected: number;
  openingPoints: number;
}

/**
 * CSV import of members and opening balances from a retailer's previous
 * system. The API stages the rows (member_import_rows) and starts a job run
 * of parts of IMPORT_PART_ROWS rows; each part validates its rows, creates
 * the members with a card, an account and the entry tier, and writes the
 * opening balances through the ledger writer as `adjustment` entries, all in
 * one transaction. A row's external id is unique among members, so an
 * external id imported before is reported as `exists` and not imported again
 * (a part run twice, or the same file imported twice, changes nothing).
 * An external id repeated anywhere in the file is found while staging, before
 * any part runs: every later row with it is rejected naming the first row
 * (the parts cannot tell a repeat from another part from an earlier import).
 */
@Injectable()
export class MemberImportService {
  constructor(
    private readonly transactions: Transactions,
    private readonly imports: MemberImportsRepository,
    private readonly members: MembersRepository,
    private readonly cards: CardsRepository,
    private readonly tierHistory: TiersRepository,
    private readonly runs: JobRunsService,
    private readonly ledger: LedgerWriter,
    private readonly tiers: TiersService,
    private readonly program: ProgramSettingsService,
    private readonly audit: AuditService,
    @InjectQueue(QueueName.MemberImport) private readonly queue: Queue,
  ) {}

  /** Parses and stages the file, starts the run and queues its parts. */
  async start(actor: Actor, csv: string): Promise<{ jobId: string; rows: number; parts: number }> {
    const { runId, rows, parts } = await this.stage(actor, csv);
    const payloads = Array.from({ length: parts }, (_, partNo) => ({
      fromRow: partNo * IMPORT_PART_ROWS + 1,
      toRow: Math.min((partNo + 1) * IMPORT_PART_ROWS, rows),
    }));
    await this.runs.queueParts(this.queue, JobName.ImportMembersPart, runId, payloads);
    return { jobId: runId, rows, parts };
  }

  /** The parse and the staging alone (the tests and the benchmark run the parts themselves). */
  async stage(actor: Actor, csv: string): Promise<{ runId: string; rows: number; parts: number }> {
    // The header, the row limit and one more: enough to tell a file over the limit without reading all of it.
    const table = parseCsv(csv, IMPORT_MAX_ROWS + 2);
    const header = (table[0] ?? []).map((h) => h.trim().toLowerCase()) as ImportColumn[];
    const headerErrors = table.length === 0 ? ['the file is empty'] : checkHeader(header);
    const data = table.slice(1);
    if (headerErrors.length === 0 && data.length === 0) {
      headerErrors.push('the file has a header but no rows');
    }
    if (data.length > IMPORT_MAX_ROWS) {
      headerErrors.push(`at most ${IMPORT_MAX_ROWS} rows per file; split it`);
    }
    if (headerErrors.length > 0) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        'The CSV cannot be imported.',
        headerErrors.map((message) => ({ field: 'csv', message })),
      );
    }
    const parts = Math.ceil(data.length / IMPORT_PART_ROWS);
    const runId = await this.runs.start('member-import', parts, { rows: data.length }, actor.id);
    const idColumn = header.indexOf('external_id');
    /** external id → the row it first appears in (rows count from 1 after the header). */
    const firstRowOf = new Map<string, number>();
    for (let start = 0; start < data.length; start += STAGE_CHUNK) {
      const chunk = data.slice(start, start + STAGE_CHUNK);
      await this.imports.stage(
        runId,
        chunk.map((cells, i): StagedRow => {
          const rowNo = start + i + 1;
          const raw: RawImportRow = {};
          header.forEach((column, c) => (raw[column] = (cells[c] ?? '').slice(0, 300)));
          if (cells.length > header.length) {
            return { rowNo, raw: JSON.stringify(raw), status: 'rejected', errors: 'more cells than columns' };
          }
          // A repeat stays pending with its error: the part that settles it rejects it and counts it.
          const externalId = (cells[idColumn] ?? '').trim();
          const first = externalId === '' ? undefined : firstRowOf.get(externalId);
          if (externalId !== '' && first === undefined) {
            firstRowOf.set(externalId, rowNo);
          }
          return { rowNo, raw: JSON.stringify(raw), status: 'pending', errors: first === undefined ? null : repeatedIn(first) };
        }),
      );
    }
    await this.audit.record(actor, 'member.import_started', { type: 'job', id: runId }, { rows: data.length, parts });
    return { runId, rows: data.length, parts };
  }

  /** Settles rows fromRow..toRow of a run. Safe to run twice: settled rows are skipped, external ids are unique. */
  async processPart(runId: string, fromRow: number, toRow: number): Promise<ImportPartResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.transactions.run((m) => this.settle(m, runId, fromRow, toRow));
      } catch (err) {
        // Another part (or a run of the same file) committed the same external id or phone first: settle again, it now reads as taken.
        if (!isDuplicateKey(err) || attempt >= 3) {
          throw err;
        }
      }
    }
  }

  async rows(jobId: string, status: ImportRowStatus | undefined, after: number, limit: number) {
    const rows = await this.imports.page(jobId, status, after, limit + 1);
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => {
        const raw = JSON.parse(r.raw) as RawImportRow;
        return {
          row: r.rowNo,
          externalId: raw.external_id ?? null,
          status: r.status,
          errors: r.errors ? r.errors.split('; ') : [],
          memberId: r.memberId,
        };
      }),
      nextCursor: rows.length > limit ? page[page.length - 1].rowNo : null,
    };
  }

  private async settle(m: EntityManager, runId: string, fromRow: number, toRow: number): Promise<ImportPartResult> {
    const staged = await this.imports.lockRange(m, runId, fromRow, toRow);
    const settled: SettledRow[] = [];
    const candidates: Array<{ rowNo: number; member: ImportedMember }> = [];
    for (const r of staged.filter((s) => s.status === 'pending')) {
      if (r.errors) {
        // Found while staging (an external id repeated in the file).
        settled.push({ rowNo: r.rowNo, status: 'rejected', errors: r.errors, memberId: null });
        continue;
      }
      const check = checkImportRow(JSON.parse(r.raw) as RawImportRow);
      if (check.ok) {
        candidates.push({ rowNo: r.rowNo, member: check.member });
      } else {
        settled.push({ rowNo: r.rowNo, status: 'rejected', errors: check.errors.join('; '), memberId: null });
      }
    }
    const existing = await this.members.idsBy(
      m,
      'external_id',
      candidates.map((c) => c.member.externalId),
    );
    const phonesTaken = await this.members.idsBy(
      m,
      'phone',
      candidates.flatMap((c) => (c.member.phone ? [c.member.phone] : [])),
    );
    const seenIds = new Map<string, number>();
    const seenPhones = new Set<string>();
    const fresh: Array<{ rowNo: number; member: ImportedMember; memberId: string }> = [];
    for (const c of candidates) {
      const before = existing.get(c.member.externalId);
      if (before) {
        settled.push({ rowNo: c.rowNo, status: 'exists', errors: null, memberId: before });
      } else if (seenIds.has(c.member.externalId)) {
        settled.push({ rowNo: c.rowNo, status: 'rejected', errors: repeatedIn(seenIds.get(c.member.externalId) ?? 0), memberId: null });
      } else if (c.member.phone && (phonesTaken.has(c.member.phone) || seenPhones.has(c.member.phone))) {
        settled.push({ rowNo: c.rowNo, status: 'rejected', errors: 'phone: already registered to another member', memberId: null });
      } else {
        seenIds.set(c.member.externalId, c.rowNo);
        if (c.member.phone) {
          seenPhones.add(c.member.phone);
        }
        const memberId = newId();
        fresh.push({ ...c, memberId });
        settled.push({ rowNo: c.rowNo, status: 'accepted', errors: null, memberId });
      }
    }
    const openingPoints = await this.createMembers(m, fresh);
    await this.imports.settle(m, runId, settled);
    const count = (s: ImportRowStatus) => settled.filter((r) => r.status === s).length;
    return { rows: staged.length, accepted: count('accepted'), exists: count('exists'), rejected: count('rejected'), openingPoints };
  }

  /** Members, cards, accounts and enrolment history in multi-row inserts; then the opening balances through the ledger writer. */
  private async createMembers(m: EntityManager, fresh: Array<{ member: ImportedMember; memberId: string }>): Promise<number> {
    if (fresh.length === 0) {
      return 0;
    }
    const now = new Date();
    const entry = await this.tiers.entryTier();
    await this.members.insertImported(
      m,
      fresh.map((f) => ({ id: f.memberId, ...f.member })),
      entry.code,
      now,
    );
    await this.cards.insertMany(
      m,
      fresh.map((f) => ({ cardNo: generateCardNo(), memberId: f.memberId, kind: 'standard', storeId: null, now })),
    );
    const ids = fresh.map((f) => f.memberId);
    await this.members.openAccounts(m, ids, now);
    await this.tierHistory.recordEnrolments(m, ids, entry.code, now);
    const withPoints = fresh.filter((f) => f.member.openingPoints > 0);
    if (withPoints.length === 0) {
      return 0;
    }
    const program = await this.program.get();
    const session = await this.ledger.open(
      m,
      withPoints.map((f) => f.memberId),
      now,
    );
    for (const f of withPoints) {
      session.credit(f.memberId, {
        type: 'adjustment',
        points: f.member.openingPoints,
        storeId: null,
        refType: 'import',
        refId: f.member.externalId,
        note: 'opening balance',
        earned: false,
        lot: { earnedAt: now, expiresAt: lotExpiresAt(now, program.pointsExpiryMonths), pendingUntil: null },
      });
    }
    await session.flush();
    return withPoints.reduce((sum, f) => sum + f.member.openingPoints, 0);
  }
}

function repeatedIn(firstRow: number): string {
  return `external_id: repeated in the file (first at row ${firstRow})`;
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { placeholders } from '../../../database/multi-row';
import { execute, marks, select } from '../../../database/sql';
import { ImportRowStatus } from '../entities/member-import-row.entity';

export interface StagedRow {
  rowNo: number;
  /** The CSV row as given, as JSON. */
  raw: string;
  status: ImportRowStatus;
  errors: string | null;
}

export interface SettledRow {
  rowNo: number;
  status: ImportRowStatus;
  errors: string | null;
  memberId: string | null;
}

interface ImportRow {
  row_no: number;
  raw: string;
  status: ImportRowStatus;
  errors: string | null;
  member_id: string | null;
}

/** The owner of `member_import_rows`: the rows of a CSV import, staged, then settled by the parts. */
@Injectable()
export class MemberImportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async stage(jobId: string, rows: StagedRow[]): Promise<void> {
    if (rows.length === 0) {
      return;
    }
    await execute(
      this.dataSource.manager,
      `INSERT INTO member_import_rows (job_id, row_no, raw, status, errors, member_id) VALUES ${placeholders(rows.length, 6)}`,
      rows.flatMap((r) => [jobId, r.rowNo, r.raw, r.status, r.errors, null]),
    );
  }

  /** Rows fromRow..toRow of a run, locked for the part that settles them. */
  async lockRange(m: EntityManager, jobId: string, fromRow: number, toRow: number): Promise<StagedRow[]> {
    const rows = await select<Omit<ImportRow, 'member_id'>>(
      m,
      'SELECT row_no, raw, status, errors FROM member_import_rows WHERE job_id = ? AND row_no BETWEEN ? AND ? ORDER BY row_no FOR UPDATE',
      [jobId, fromRow, toRow],
    );
    return rows.map((r) => ({ rowNo: r.row_no, raw: r.raw, status: r.status, errors: r.errors }));
  }

  /** Each row's outcome, in one UPDATE. */
  async settle(m: EntityManager, jobId: string, settled: SettledRow[]): Promise<void> {
    if (settled.length === 0) {
      return;
    }
    const cases = (pick: (s: SettledRow) => unknown) => ({
      sql: `CASE row_no ${settled.map(() => 'WHEN ? THEN ?').join(' ')} END`,
      params: settled.flatMap((s) => [s.rowNo, pick(s)]),
    });
    const status = cases((s) => s.status);
    const errors = cases((s) => s.errors);
    const member = cases((s) => s.memberId);
    await execute(
      m,
      `UPDATE member_import_rows SET status = ${status.sql}, errors = ${errors.sql}, member_id = ${member.sql}
        WHERE job_id = ? AND row_no IN (${marks(settled.length)})`,
      [...status.params, ...errors.params, ...member.params, jobId, ...settled.map((s) => s.rowNo)],
    );
  }

  /** A page of a run's rows after `afterRow`, optionally of one status. */
  async page(
    jobId: string,
    status: ImportRowStatus | undefined,
    afterRow: number,
    limit: number,
  ): Promise<Array<SettledRow & { raw: string }>> {
    const rows = await select<ImportRow>(
      this.dataSource.manager,
      `SELECT row_no, raw, status, errors, member_id FROM member_import_rows
        WHERE job_id = ? AND row_no > ? ${status ? 'AND status = ?' : ''} ORDER BY row_no LIMIT ?`,
      status ? [jobId, afterRow, status, limit] : [jobId, afterRow, limit],
    );
    return rows.map((r) => ({ rowNo: r.row_no, raw: r.raw, status: r.status, errors: r.errors, memberId: r.member_id }));
  }

  /** An erasure: the imported CSV row (name, phone, email as given) goes; its outcome stays for the import report. */
  async clearRawOf(m: EntityManager, memberIds: string[]): Promise<number> {
    const res = await execute(
      m,
      `UPDATE member_import_rows SET raw = '{}' WHERE member_id IN (${marks(memberIds.length)}) AND raw <> '{}'`,
      memberIds,
    );
    return res.affectedRows;
  }
}

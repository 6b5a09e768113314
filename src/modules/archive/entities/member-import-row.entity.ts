import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ImportRowStatus = 'pending' | 'accepted' | 'exists' | 'rejected';

/** One CSV row of a member import, staged by the API and settled by the import job's part. */
@Entity('member_import_rows')
export class MemberImportRow {
  @PrimaryColumn({ name: 'job_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  jobId: string;

  /** 1-based line of the data (the header is line 0). */
  @PrimaryColumn({ name: 'row_no', type: 'int' })
  rowNo: number;

  /** The row as given, JSON of the named columns (cleared once the row is settled is not needed: kept for the report). */
  @Column({ type: 'varchar', length: 2000 })
  raw: string;

  @Column({ type: 'varchar', length: 10 })
  status: ImportRowStatus;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  errors: string | null;

  @Column({ name: 'member_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  memberId: string | null;
}

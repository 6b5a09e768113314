import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, marks, select } from '../../database/sql';
import { MemberErasure } from './entities/member-erasure.entity';

/**
 * The owner of `member_erasures`: one request per member, from `requested` to `done`. (The erasure's
 * steps write through the owners of the tables they clear; see erasure-steps.ts.)
 */
@Injectable()
export class PrivacyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findErasure(memberId: string, m: EntityManager = this.dataSource.manager): Promise<MemberErasure | null> {
    return m.getRepository(MemberErasure).findOne({ where: { memberId } });
  }

  async insertErasure(m: EntityManager, row: MemberErasure): Promise<void> {
    await m.insert(MemberErasure, row);
  }

  async setErasureRun(m: EntityManager, memberId: string, jobRunId: string): Promise<void> {
    await execute(m, 'UPDATE member_erasures SET job_run_id = ? WHERE member_id = ?', [jobRunId, memberId]);
  }

  async completeErasure(m: EntityManager, memberId: string, now: Date): Promise<void> {
    await execute(m, "UPDATE member_erasures SET state = 'done', completed_at = ? WHERE member_id = ?", [now, memberId]);
  }

  /** The members merged into this one, and into those, and so on: their rows hold the same person's data. */
  async mergedInto(m: EntityManager, memberId: string): Promise<string[]> {
    const out: string[] = [];
    let frontier = [memberId];
    while (frontier.length > 0) {
      const rows = await select<{ source_member_id: string }>(
        m,
        `SELECT source_member_id FROM member_merges WHERE survivor_member_id IN (${marks(frontier.length)})`,
        frontier,
      );
      frontier = rows.map((r) => r.source_member_id).filter((id) => !out.includes(id) && id !== memberId);
      out.push(...frontier);
    }
    return out;
  }
}

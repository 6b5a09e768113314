import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class ClubsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Codes of the active clubs a member currently belongs to. */
  async clubCodesOf(memberId: string): Promise<string[]> {
    const rows: Array<{ code: string }> = await this.dataSource.query(
      `SELECT c.code FROM club_members cm JOIN clubs c ON c.id = cm.club_id
        WHERE cm.member_id = ? AND cm.status = 'active' AND c.status = 'active' ORDER BY c.code`,
      [memberId],
    );
    return rows.map((r) => r.code);
  }
}

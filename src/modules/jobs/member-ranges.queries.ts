import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The one read behind member-id ranges: the ids that split the members table into slices. */
@Injectable()
export class MemberRangesQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Member ids splitting the members into ranges of about `size`: [first, b1), [b1, b2), … */
  async boundaries(size: number): Promise<string[]> {
    const bounds: string[] = [];
    let after = '';
    for (;;) {
      const rows: Array<{ id: string }> = await this.dataSource.query(
        `SELECT id FROM members WHERE id > ? ORDER BY id LIMIT 1 OFFSET ${Number(size) - 1}`,
        [after],
      );
      if (!rows[0]) {
        return bounds;
      }
      bounds.push(rows[0].id);
      after = rows[0].id;
    }
  }
}

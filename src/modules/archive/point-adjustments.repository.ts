import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, selectOne } from '../../database/sql';
import { PointAdjustment } from './entities/point-adjustment.entity';

/** The owner of `point_adjustments` and `console_adjustment_days` (each console user's adjusted points per day). */
@Injectable()
export class PointAdjustmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** An idempotency key used before fails with a duplicate key. */
  async insert(m: EntityManager, row: PointAdjustment): Promise<void> {
    await m.insert(PointAdjustment, row);
  }

  byKey(idempotencyKey: string): Promise<PointAdjustment | null> {
    return this.dataSource.getRepository(PointAdjustment).findOne({ where: { idempotencyKey } });
  }

  /**
   * Adds points to the user's total of the day unless it would pass the limit (a conditional UPDATE, so
   * two adjustments at once cannot both pass it). Answers null when added, else the day's total so far.
   */
  async addToDay(m: EntityManager, actorId: string, day: string, points: number, limit: number): Promise<number | null> {
    await execute(
      m,
      'INSERT INTO console_adjustment_days (actor_id, day, points) VALUES (?, ?, 0) ON DUPLICATE KEY UPDATE points = points',
      [actorId, day],
    );
    const raised = await execute(
      m,
      'UPDATE console_adjustment_days SET points = points + ? WHERE actor_id = ? AND day = ? AND points + ? <= ?',
      [points, actorId, day, points, limit],
    );
    if (raised.affectedRows === 1) {
      return null;
    }
    const row = await selectOne<{ points: string }>(m, 'SELECT points FROM console_adjustment_days WHERE actor_id = ? AND day = ?', [
      actorId,
      day,
    ]);
    return Number(row?.points ?? 0);
  }
}

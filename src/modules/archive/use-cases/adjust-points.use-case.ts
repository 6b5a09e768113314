import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { requestHash } from '../../../common/canonical-json';
import { isDuplicateKey } from '../../../common/errors/mysql-errors';
import { AppConfig } from '../../../config/app-config';
import { Transactions } from '../../../database/transactions';
import { Actor, AuditService } from '../../audit/audit.service';
import { MemberArchiveService } from '../../members/member-archive.service';
import { LedgerWriter } from '../../points/ledger/ledger-writer';
import { insufficientPoints } from '../../points/points.errors';
import { ProgramSettingsService } from '../../program/program-settings.service';
import { lotExpiresAt } from '../../points/rules/lots';
import { adjustmentConflict, adjustmentDailyLimit, adjustmentTooLarge } from '../archive.errors';
import { PointAdjustment } from '../entities/point-adjustment.entity';
import { PointAdjustmentsRepository } from '../point-adjustments.repository';

export interface AdjustPointsCommand {
  memberId: string;
  /** Non-zero: positive credits a lot, negative debits lots soonest expiry first. */
  points: number;
  reason: string;
  /** Expiry of a credit's lot; the program's default (months after now) when absent. */
  expiresAt?: Date | null;
  idempotencyKey: string;
  /** The caller may post above ADJUSTMENT_LIMIT_POINTS, and past ADJUSTMENT_DAILY_LIMIT_POINTS a day (points.adjust.large). */
  mayExceedLimit: boolean;
  /**
   * A credit for something else than a plain adjustment (goodwill for a complaint case): the entry's type and
   * what it refers to (refType/refId name the case). Defaults to an `adjustment` referring to the key.
   */
  entry?: { type: 'goodwill'; refType: string; refId: string; note: string };
  /** Written in the posting's own transaction after the entry (the case step naming the entry); not on a replay. */
  within?: (m: EntityManager, result: AdjustmentResult) => Promise<void>;
}

export interface AdjustmentResult {
  adjustmentId: string;
  memberId: string;
  points: number;
  reason: string;
  expiresAt: string | null;
  entryId: number;
  balanceAfter: number;
  createdAt: string;
}

/**
 * A manual points adjustment, written through the ledger writer as an
 * `adjustment` entry. Posted at most once per idempotency key (the key is
 * the primary key of point_adjustments, written in the same transaction): a
 * replay answers the first result, the key with another body is 409.
 * A debit never takes more than the available (non-pending) balance.
 * Without points.adjust.large, a console user's adjustments of a day (either
 * sign, in all) stop at ADJUSTMENT_DAILY_LIMIT_POINTS: the running total is a
 * row per user and day, raised by a conditional UPDATE in the adjustment's own
 * transaction, so two adjustments at once cannot both pass it.
 */
@Injectable()
export class AdjustPointsUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly adjustments: PointAdjustmentsRepository,
    private readonly ledger: LedgerWriter,
    private readonly program: ProgramSettingsService,
    private readonly archive: MemberArchiveService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async adjust(actor: Actor, cmd: AdjustPointsCommand): Promise<{ status: 200 | 201; body: AdjustmentResult }> {
    const hash = requestHash({
      memberId: cmd.memberId,
      points: cmd.points,
      reason: cmd.reason,
      expiresAt: cmd.expiresAt?.toISOString() ?? null,
      ...(cmd.entry ? { entryType: cmd.entry.type, refId: cmd.entry.refId } : {}),
    });
    const existing = await this.find(cmd.idempotencyKey);
    if (existing) {
      return this.replay(existing, hash, cmd.idempotencyKey);
    }
    if (Math.abs(cmd.points) > this.config.adjustmentLimitPoints && !cmd.mayExceedLimit) {
      throw adjustmentTooLarge(Math.abs(cmd.points), this.config.adjustmentLimitPoints);
    }
    await this.archive.requireLive(cmd.memberId);
    const program = await this.program.get();
    try {
      const body = await this.transactions.retrying(async (m) => {
        const now = new Date();
        if (!cmd.mayExceedLimit) {
          await this.countTowardsDailyLimit(m, actor.id ?? actor.type, Math.abs(cmd.points), now);
        }
        const session = await this.ledger.open(m, [cmd.memberId], now);
        const ref = cmd.entry
          ? { storeId: null, refType: cmd.entry.refType, refId: cmd.entry.refId, note: cmd.entry.note }
          : { storeId: null, refType: 'adjustment', refId: cmd.idempotencyKey, note: cmd.reason };
        const type = cmd.entry?.type ?? 'adjustment';
        const expiresAt = cmd.points > 0 ? (cmd.expiresAt ?? lotExpiresAt(now, program.pointsExpiryMonths)) : null;
        let handle;
        if (cmd.points > 0) {
          handle = session.credit(cmd.memberId, {
            type,
            ...ref,
            points: cmd.points,
            earned: false,
            lot: { earnedAt: now, expiresAt: expiresAt as Date, pendingUntil: null },
          });
        } else {
          const account = session.account(cmd.memberId);
          const available = account.balance - account.pending;
          if (-cmd.points > available) {
            throw insufficientPoints(Math.max(available, 0), -cmd.points);
          }
          handle = await session.debit(cmd.memberId, { type, ...ref, points: -cmd.points, counts: 'none' });
        }
        await session.flush();
        const row: PointAdjustment = {
          idempotencyKey: cmd.idempotencyKey,
          memberId: cmd.memberId,
          points: cmd.points,
          reason: cmd.reason,
          expiresAt,
          entryId: handle.entryId,
          balanceAfter: handle.balanceAfter,
          requestHash: hash,
          actorType: actor.type,
          actorId: actor.id,
          createdAt: now,
        };
        await this.adjustments.insert(m, row);
        await this.audit.record(
          actor,
          'points.adjusted',
          { type: 'member', id: cmd.memberId },
          {
            points: cmd.points,
            reason: cmd.reason,
            expiresAt: expiresAt?.toISOString() ?? null,
            entryId: handle.entryId,
            ...(cmd.entry ? { entryType: cmd.entry.type, refType: cmd.entry.refType, refId: cmd.entry.refId } : {}),
          },
          m,
        );
        const result = toResult(row);
        if (cmd.within) {
          await cmd.within(m, result);
        }
        return result;
      });
      return { status: 201, body };
    } catch (err) {
      if (isDuplicateKey(err)) {
        const stored = await this.find(cmd.idempotencyKey);
        if (stored) {
          return this.replay(stored, hash, cmd.idempotencyKey);
        }
      }
      throw err;
    }
  }

  /** Adds to the user's total of the day, or refuses (403 ADJUSTMENT_DAILY_LIMIT) when it would pass the limit. */
  private async countTowardsDailyLimit(m: EntityManager, actorId: string, points: number, now: Date): Promise<void> {
    const day = calendarDay(now, ADJUSTMENT_DAY_ZONE);
    const limit = this.config.adjustmentDailyLimitPoints;
    const dayTotal = await this.adjustments.addToDay(m, actorId, day, points, limit);
    if (dayTotal !== null) {
      throw adjustmentDailyLimit(points, dayTotal, limit);
    }
  }

  private find(key: string): Promise<PointAdjustment | null> {
    return this.adjustments.byKey(key);
  }

  private replay(stored: PointAdjustment, hash: string, key: string): { status: 200; body: AdjustmentResult } {
    if (stored.requestHash !== hash) {
      throw adjustmentConflict(key);
    }
    return { status: 200, body: toResult(stored) };
  }
}

/** The day of the daily limit: the calendar date in the program's zone (where the support desk works). */
const ADJUSTMENT_DAY_ZONE = 'Asia/Shanghai';

function calendarDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

function toResult(a: PointAdjustment): AdjustmentResult {
  return {
    adjustmentId: a.idempotencyKey,
    memberId: a.memberId,
    points: a.points,
    reason: a.reason,
    expiresAt: a.expiresAt ? a.expiresAt.toISOString() : null,
    entryId: a.entryId,
    balanceAfter: a.balanceAfter,
    createdAt: a.createdAt.toISOString(),
  };
}

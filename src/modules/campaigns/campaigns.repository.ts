import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toInt } from '../../common/transformers';
import { placeholders } from '../../database/multi-row';
import { execute, marks, select } from '../../database/sql';
import { WriteResult } from '../../database/transaction';
import { DeliveryStatus } from './entities/campaign-delivery.entity';
import { Campaign } from './entities/campaign.entity';
import { holdoutSql } from './rules/holdout';
import { SqlFragment } from './rules/audience';
import { BONUS_RULE_LIVE_STATES, CampaignState } from './rules/states';

const LIVE_STATES_SQL = BONUS_RULE_LIVE_STATES.map((s) => `'${s}'`).join(', ');

/** Columns a state change may set with the state (only those given). */
export interface StateChangeColumns {
  pausedFrom?: CampaignState | null;
  startsAt?: Date;
  approvalPoints?: number | null;
  submittedBy?: string | null;
  approvedBy?: string | null;
  approvedAt?: Date | null;
  occurrenceGrantLimit?: number | null;
}

const STATE_CHANGE_COLUMNS: Record<keyof StateChangeColumns, string> = {
  pausedFrom: 'paused_from',
  startsAt: 'starts_at',
  approvalPoints: 'approval_points',
  submittedBy: 'submitted_by',
  approvedBy: 'approved_by',
  approvedAt: 'approved_at',
  occurrenceGrantLimit: 'occurrence_grant_limit',
};

export interface NewDelivery {
  memberId: string;
  status: DeliveryStatus;
  points: number;
  messageStatus: string | null;
}

export interface GroupFigures {
  members: number;
  buyers: number;
  purchases: number;
  spendCents: number;
  spendSquares: number;
  redemptions: number;
}

/** All SQL of campaigns: definitions, budgets, runs, deliveries, audiences and results. */
/** A campaign_budgets row as mysql2 answers it (BIGINT columns may come as strings). */
/** A campaign's figures in the list: members reached and delivered, its budget, its latest run's progress. */
export interface ListFigures {
  reached: number;
  delivered: number;
  capPoints: number | null;
  spentPoints: number;
  progress: { state: string; percent: number } | null;
}

interface BudgetRow {
  cap_points: number | string | null;
  spent_points: number | string;
  bonus_points: number | string;
}

interface LockedBudgetRow {
  cap_points: number | string | null;
  spent_points: number | string;
  occurrence: string | null;
  occurrence_granted_points: number | string;
}

@Injectable()
export class CampaignsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(c: Campaign, capPoints: number | null, m: EntityManager = this.dataSource.manager): Promise<void> {
    await m.getRepository(Campaign).insert(c);
    await this.writeActionTypes(m, c.id, c.actions);
    await m.query('INSERT INTO campaign_budgets (campaign_id, cap_points, spent_points, bonus_points) VALUES (?, ?, 0, 0)', [
      c.id,
      capPoints,
    ]);
  }

  find(id: string, m: EntityManager = this.dataSource.manager): Promise<Campaign | null> {
    return m.getRepository(Campaign).findOne({ where: { id } });
  }

  async state(id: string): Promise<CampaignState | null> {
    const rows: Array<{ state: CampaignState }> = await this.dataSource.query('SELECT state FROM campaigns WHERE id = ?', [id]);
    return rows[0]?.state ?? null;
  }

  inState(state: CampaignState): Promise<Campaign[]> {
    return this.dataSource.getRepository(Campaign).find({ where: { state } });
  }

  /** Newest first, keyset-paged on id (uuid v7 ids sort by creation); `name`: only names containing it (any case). */
  list(limit: number, beforeId: string | null, state: CampaignState | null = null, name: string | null = null): Promise<Campaign[]> {
    const q = this.dataSource.getRepository(Campaign).createQueryBuilder('c').orderBy('c.id', 'DESC').limit(limit);
    if (beforeId) {
      q.andWhere('c.id < :beforeId', { beforeId });
    }
    if (state) {
      q.andWhere('c.state = :state', { state });
    }
    if (name) {
      q.andWhere("LOWER(c.name) LIKE :name ESCAPE '!'", { name: `%${name.toLowerCase().replace(/[!%_]/g, (ch) => `!${ch}`)}%` });
    }
    return q.getMany();
  }

  /**
   * The list's figures of these campaigns, in three statements: members reached (all occurrences, holdout included)
   * and delivered, the budget, and the latest run's progress.
   */
  async listFigures(campaigns: Array<{ id: string; runId: string | null }>): Promise<Map<string, ListFigures>> {
    const out = new Map<string, ListFigures>();
    if (campaigns.length === 0) {
      return out;
    }
    const ids = campaigns.map((c) => c.id);
    const runIds = campaigns.flatMap((c) => (c.runId ? [c.runId] : []));
    const [deliveries, budgets, runs] = await Promise.all([
      select<{ campaign_id: string; reached: unknown; delivered: unknown }>(
        this.dataSource.manager,
        `SELECT campaign_id, COUNT(*) AS reached, SUM(status = 'granted') AS delivered
           FROM campaign_deliveries WHERE campaign_id IN (${marks(ids.length)}) GROUP BY campaign_id`,
        ids,
      ),
      select<BudgetRow & { campaign_id: string }>(
        this.dataSource.manager,
        `SELECT campaign_id, cap_points, spent_points, bonus_points FROM campaign_budgets WHERE campaign_id IN (${marks(ids.length)})`,
        ids,
      ),
      runIds.length === 0
        ? Promise.resolve([])
        : select<{ id: string; state: string; total: unknown; done: unknown; failed: unknown }>(
            this.dataSource.manager,
            `SELECT id, state, total, done, failed FROM job_runs WHERE id IN (${marks(runIds.length)})`,
            runIds,
          ),
    ]);
    const reached = new Map(deliveries.map((d) => [d.campaign_id, d]));
    const budget = new Map(budgets.map((b) => [b.campaign_id, b]));
    const run = new Map(runs.map((r) => [r.id, r]));
    for (const c of campaigns) {
      const d = reached.get(c.id);
      const b = budget.get(c.id);
      const r = c.runId ? run.get(c.runId) : undefined;
      const total = toInt(r?.total);
      out.set(c.id, {
        reached: toInt(d?.reached),
        delivered: toInt(d?.delivered),
        capPoints: b?.cap_points === null || b?.cap_points === undefined ? null : toInt(b.cap_points),
        spentPoints: toInt(b?.spent_points),
        progress: r ? { state: r.state, percent: total === 0 ? 100 : Math.floor((100 * (toInt(r.done) + toInt(r.failed))) / total) } : null,
      });
    }
    return out;
  }

  async update(m: EntityManager, id: string, changes: Partial<Campaign>): Promise<void> {
    await m.getRepository(Campaign).update({ id }, changes);
    if (changes.actions !== undefined) {
      await m.query('DELETE FROM campaign_action_types WHERE campaign_id = ?', [id]);
      await this.writeActionTypes(m, id, changes.actions);
    }
  }

  /** One row per kind of action in the `actions` JSON (its keys), beside it in the same transaction. */
  private async writeActionTypes(m: EntityManager, id: string, actions: string): Promise<void> {
    const types = Object.keys(JSON.parse(actions) as Record<string, unknown>);
    if (types.length > 0) {
      await m.query(
        `INSERT INTO campaign_action_types (campaign_id, type) VALUES ${types.map(() => '(?, ?)').join(', ')}`,
        types.flatMap((t) => [id, t]),
      );
    }
  }

  async setCap(m: EntityManager, id: string, capPoints: number | null): Promise<void> {
    await m.query('UPDATE campaign_budgets SET cap_points = ? WHERE campaign_id = ?', [capPoints, id]);
  }

  async delete(m: EntityManager, id: string): Promise<void> {
    await m.query('DELETE FROM campaign_budgets WHERE campaign_id = ?', [id]);
    await m.query('DELETE FROM campaign_action_types WHERE campaign_id = ?', [id]);
    await m.query('DELETE FROM campaigns WHERE id = ?', [id]);
  }

  /** Moves the state only if it is still `from` (two admins, or an admin and a worker, cannot both move it). */
  async moveState(m: EntityManager, id: string, from: CampaignState, to: CampaignState, extra: StateChangeColumns = {}): Promise<boolean> {
    const sets = ['state = ?', 'updated_at = ?'];
    const params: unknown[] = [to, new Date()];
    for (const [key, column] of Object.entries(STATE_CHANGE_COLUMNS) as Array<[keyof StateChangeColumns, string]>) {
      if (extra[key] !== undefined) {
        sets.push(`${column} = ?`);
        params.push(extra[key]);
      }
    }
    const result: WriteResult = await m.query(`UPDATE campaigns SET ${sets.join(', ')} WHERE id = ? AND state = ?`, [...params, id, from]);
    return result.affectedRows === 1;
  }

  async budget(id: string): Promise<{ capPoints: number | null; spentPoints: number; bonusPoints: number }> {
    const [row] = await select<BudgetRow>(
      this.dataSource.manager,
      'SELECT cap_points, spent_points, bonus_points FROM campaign_budgets WHERE campaign_id = ?',
      [id],
    );
    return {
      capPoints: row?.cap_points === null || row?.cap_points === undefined ? null : toInt(row.cap_points),
      spentPoints: toInt(row?.spent_points),
      bonusPoints: toInt(row?.bonus_points),
    };
  }

  /** The budget row under a lock, for a batch that reserves its grants; with what `occurrence` has granted so far. */
  async lockBudget(
    m: EntityManager,
    id: string,
    occurrence?: string,
  ): Promise<{ capPoints: number | null; spentPoints: number; occurrenceGrantedPoints: number }> {
    const [row] = await select<LockedBudgetRow>(
      m,
      'SELECT cap_points, spent_points, occurrence, occurrence_granted_points FROM campaign_budgets WHERE campaign_id = ? FOR UPDATE',
      [id],
    );
    return {
      capPoints: row.cap_points === null ? null : toInt(row.cap_points),
      spentPoints: toInt(row.spent_points),
      occurrenceGrantedPoints: occurrence !== undefined && row.occurrence === occurrence ? toInt(row.occurrence_granted_points) : 0,
    };
  }

  /** Grants of `occurrence` (under lockBudget's lock): spent in all, and granted in this occurrence (restarting at a new one). */
  async spend(m: EntityManager, id: string, points: number, occurrence: string): Promise<void> {
    if (points > 0) {
      // Assignments run left to right on MySQL and MariaDB: occurrence_granted_points reads the old occurrence.
      await m.query(
        `UPDATE campaign_budgets SET spent_points = spent_points + ?,
                occurrence_granted_points = IF(occurrence <=> ?, occurrence_granted_points, 0) + ?, occurrence = ?
          WHERE campaign_id = ?`,
        [points, occurrence, points, occurrence, id],
      );
    }
  }

  /**
   * A bonus-rule reservation: one conditional UPDATE, so it never passes the cap whoever runs it, and it
   * reads the campaign's state under a lock, so a rule paused or cancelled before it pays nothing (a
   * process's cached list of live rules cannot outlive a pause).
   */
  async reserveBonus(m: EntityManager, id: string, points: number): Promise<boolean> {
    const result: WriteResult = await m.query(
      `UPDATE campaign_budgets b JOIN campaigns c ON c.id = b.campaign_id
          SET b.spent_points = b.spent_points + ?, b.bonus_points = b.bonus_points + ?
        WHERE b.campaign_id = ? AND c.state IN (${LIVE_STATES_SQL}) AND (b.cap_points IS NULL OR b.spent_points + ? <= b.cap_points)`,
      [points, points, id, points],
    );
    return result.affectedRows === 1;
  }

  /** Bonus points clawed back by a refund return to the budget (never below what the rule has given). */
  async giveBackBonus(m: EntityManager, id: string, points: number): Promise<void> {
    if (points > 0) {
      await m.query(
        `UPDATE campaign_budgets SET spent_points = spent_points - ?, bonus_points = bonus_points - ?
          WHERE campaign_id = ? AND bonus_points >= ? AND spent_points >= ?`,
        [points, points, id, points, points],
      );
    }
  }

  /** Campaigns in a live state holding an action of one of these types (the caller checks the rule and its window). */
  withActionTypesLive(types: readonly string[]): Promise<Campaign[]> {
    if (types.length === 0) {
      return Promise.resolve([]);
    }
    return this.dataSource
      .getRepository(Campaign)
      .createQueryBuilder('c')
      .where(`c.state IN (${LIVE_STATES_SQL})`)
      .andWhere('EXISTS (SELECT 1 FROM campaign_action_types t WHERE t.campaign_id = c.id AND t.type IN (:...types))', { types })
      .getMany();
  }

  /** The next audience members of a range, in id order, after `afterId`. */
  async audienceInRange(audience: SqlFragment, fromId: string, toId: string | null, afterId: string, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT m.id FROM members m
        WHERE m.id >= ? AND m.id > ? ${toId === null ? '' : 'AND m.id < ?'} AND ${audience.sql}
        ORDER BY m.id LIMIT ${Number(limit)}`,
      [fromId, afterId, ...(toId === null ? [] : [toId]), ...audience.params],
    );
    return rows.map((r) => r.id);
  }

  /** Which of these members are in which audiences: one UNION ALL query over every campaign's predicate. */
  async audienceMembership(m: EntityManager, audiences: Array<{ campaignId: string; audience: SqlFragment }>, memberIds: string[]) {
    const out = new Map<string, Set<string>>();
    if (audiences.length === 0 || memberIds.length === 0) {
      return out;
    }
    const inIds = `m.id IN (${memberIds.map(() => '?').join(', ')})`;
    const rows: Array<{ campaign_id: string; id: string }> = await m.query(
      audiences.map((a) => `SELECT ? AS campaign_id, m.id FROM members m WHERE ${inIds} AND ${a.audience.sql}`).join(' UNION ALL '),
      audiences.flatMap((a) => [a.campaignId, ...memberIds, ...a.audience.params]),
    );
    for (const r of rows) {
      const set = out.get(r.id) ?? new Set<string>();
      set.add(r.campaign_id);
      out.set(r.id, set);
    }
    return out;
  }

  /** How many members the compiled audience holds now. */
  async countAudience(audience: SqlFragment): Promise<number> {
    const [row] = await select<{ n: number | string }>(
      this.dataSource.manager,
      `SELECT COUNT(*) AS n FROM members m WHERE ${audience.sql}`,
      audience.params,
    );
    return toInt(row?.n);
  }

  async previewCounts(audience: SqlFragment, campaignId: string, holdoutPermille: number): Promise<{ size: number; holdout: number }> {
    const h = holdoutSql(campaignId, holdoutPermille);
    const [row] = await select<{ size: number | string; holdout: number | string }>(
      this.dataSource.manager,
      `SELECT COUNT(*) AS size, COALESCE(SUM(${h.sql}), 0) AS holdout FROM members m WHERE ${audience.sql}`,
      [...h.params, ...audience.params],
    );
    return { size: toInt(row.size), holdout: toInt(row.holdout) };
  }

  sample(
    audience: SqlFragment,
    limit: number,
  ): Promise<Array<{ id: string; name: string | null; phone: string | null; tier_code: string }>> {
    return this.dataSource.query(
      `SELECT m.id, m.name, m.phone, m.tier_code FROM members m WHERE ${audience.sql} ORDER BY m.id LIMIT ${Number(limit)}`,
      [...audience.params],
    );
  }

  /** Members of these that already have a delivery of the occurrence (locked: a concurrent copy of the batch waits). */
  async lockExistingDeliveries(m: EntityManager, campaignId: string, occurrence: string, memberIds: string[]): Promise<Set<string>> {
    if (memberIds.length === 0) {
      return new Set();
    }
    const rows: Array<{ member_id: string }> = await m.query(
      `SELECT member_id FROM campaign_deliveries WHERE campaign_id = ? AND occurrence = ? AND member_id IN (${memberIds.map(() => '?').join(', ')}) FOR UPDATE`,
      [campaignId, occurrence, ...memberIds],
    );
    return new Set(rows.map((r) => r.member_id));
  }

  async insertDeliveries(m: EntityManager, campaignId: string, occurrence: string, rows: NewDelivery[], now: Date): Promise<void> {
    if (rows.length === 0) {
      return;
    }
    await m.query(
      `INSERT INTO campaign_deliveries (campaign_id, occurrence, member_id, status, points, message_status, created_at) VALUES ${placeholders(rows.length, 7)}`,
      rows.flatMap((r) => [campaignId, occurrence, r.memberId, r.status, r.points, r.messageStatus, now]),
    );
  }

  /** Deliveries of an occurrence within a member-id range, by status: a part's exact figures, however often it ran. */
  async rangeCounts(campaignId: string, occurrence: string, fromId: string, toId: string | null): Promise<Record<string, number>> {
    const rows: Array<{ status: string; n: string; points: string }> = await this.dataSource.query(
      `SELECT status, COUNT(*) AS n, COALESCE(SUM(points), 0) AS points FROM campaign_deliveries
        WHERE campaign_id = ? AND occurrence = ? AND member_id >= ? ${toId === null ? '' : 'AND member_id < ?'} GROUP BY status`,
      [campaignId, occurrence, fromId, ...(toId === null ? [] : [toId])],
    );
    const out: Record<string, number> = { granted: 0, holdout: 0, over_budget: 0, failed: 0, points: 0 };
    for (const r of rows) {
      out[r.status] = toInt(r.n);
      out.points += toInt(r.points);
    }
    return out;
  }

  async findRun(campaignId: string, occurrence: string): Promise<string | null> {
    const rows: Array<{ run_id: string }> = await this.dataSource.query(
      'SELECT run_id FROM campaign_runs WHERE campaign_id = ? AND occurrence = ?',
      [campaignId, occurrence],
    );
    return rows[0]?.run_id ?? null;
  }

  /** Records the occurrence's run unless another planner did first; answers the run that holds it. */
  async claimRun(campaignId: string, occurrence: string, runId: string): Promise<string> {
    await this.dataSource.query('INSERT IGNORE INTO campaign_runs (campaign_id, occurrence, run_id, created_at) VALUES (?, ?, ?, ?)', [
      campaignId,
      occurrence,
      runId,
      new Date(),
    ]);
    return (await this.findRun(campaignId, occurrence)) ?? runId;
  }

  /** The campaign's current occurrence and its run (the fan-out planner). */
  async setCurrentRun(id: string, runId: string, occurrence: string, now: Date): Promise<void> {
    await execute(this.dataSource.manager, 'UPDATE campaigns SET run_id = ?, last_occurrence = ?, updated_at = ? WHERE id = ?', [
      runId,
      occurrence,
      now,
      id,
    ]);
  }

  async doneParts(runId: string): Promise<number[]> {
    const rows: Array<{ part_no: number }> = await this.dataSource.query(
      "SELECT part_no FROM job_run_parts WHERE run_id = ? AND state = 'done'",
      [runId],
    );
    return rows.map((r) => Number(r.part_no));
  }

  async deliveryTotals(campaignId: string): Promise<Record<string, number>> {
    const rows: Array<{
      status: string;
      n: string;
      points: string;
      messages: string | null;
      no_address: string | null;
      no_consent: string | null;
    }> = await this.dataSource.query(
      `SELECT status, COUNT(*) AS n, COALESCE(SUM(points), 0) AS points, SUM(message_status = 'outbox') AS messages,
              SUM(message_status = 'no_address') AS no_address, SUM(message_status = 'no_consent') AS no_consent
         FROM campaign_deliveries WHERE campaign_id = ? GROUP BY status`,
      [campaignId],
    );
    const out: Record<string, number> = {
      granted: 0,
      holdout: 0,
      over_budget: 0,
      failed: 0,
      points: 0,
      messages: 0,
      no_address: 0,
      no_consent: 0,
    };
    for (const r of rows) {
      out[r.status] = toInt(r.n);
      out.points += toInt(r.points);
      out.messages += toInt(r.messages ?? 0);
      out.no_address += toInt(r.no_address ?? 0);
      out.no_consent += toInt(r.no_consent ?? 0);
    }
    return out;
  }

  /**
   * Per group (targeted = granted, holdout): members, members who bought,
   * purchases, net spend (and its sum of squares per member, for the
   * interval) and redemptions, each within `days` after the member's delivery.
   */
  async groupFigures(campaignId: string, days: number): Promise<{ targeted: GroupFigures; holdout: GroupFigures }> {
    const rows: Array<Record<string, string>> = await this.dataSource.query(
      `SELECT g.grp, COUNT(*) AS members, SUM(g.purchases > 0) AS buyers, COALESCE(SUM(g.purchases), 0) AS purchases,
              COALESCE(SUM(g.spend), 0) AS spend, COALESCE(SUM(g.spend * g.spend), 0) AS squares, COALESCE(SUM(g.redemptions), 0) AS redemptions
         FROM (
           SELECT x.member_id, x.grp,
                  (SELECT COUNT(*) FROM purchases p WHERE p.member_id = x.member_id
                      AND p.occurred_at >= x.at AND p.occurred_at < x.at + INTERVAL ? DAY) AS purchases,
                  (SELECT COALESCE(SUM(p.total_cents - p.refunded_cents), 0) FROM purchases p WHERE p.member_id = x.member_id
                      AND p.occurred_at >= x.at AND p.occurred_at < x.at + INTERVAL ? DAY) AS spend,
                  (SELECT COUNT(*) FROM redemptions r WHERE r.member_id = x.member_id
                      AND r.created_at >= x.at AND r.created_at < x.at + INTERVAL ? DAY) AS redemptions
             FROM (SELECT member_id, MIN(status) AS grp, MIN(created_at) AS at FROM campaign_deliveries
                    WHERE campaign_id = ? AND status IN ('granted', 'holdout') GROUP BY member_id) x
         ) g
        GROUP BY g.grp`,
      [days, days, days, campaignId],
    );
    const empty = (): GroupFigures => ({ members: 0, buyers: 0, purchases: 0, spendCents: 0, spendSquares: 0, redemptions: 0 });
    const out = { targeted: empty(), holdout: empty() };
    for (const r of rows) {
      const g = r.grp === 'holdout' ? out.holdout : out.targeted;
      g.members = toInt(r.members);
      g.buyers = toInt(r.buyers);
      g.purchases = toInt(r.purchases);
      g.spendCents = toInt(r.spend);
      g.spendSquares = Number(r.squares);
      g.redemptions = toInt(r.redemptions);
    }
    return out;
  }

  /** Campaigns that should have something in Redis (a planned job, a scheduler, a running run), with their run's state. */
  async armedCampaigns(): Promise<ArmedCampaign[]> {
    const rows: Array<{
      id: string;
      state: CampaignState;
      schedule_kind: string;
      starts_at: Date | null;
      cron: string | null;
      timezone: string;
      run_id: string | null;
      run_state: string | null;
    }> = await this.dataSource.query(
      `SELECT c.id, c.state, c.schedule_kind, c.starts_at, c.cron, c.timezone, c.run_id, r.state AS run_state
         FROM campaigns c LEFT JOIN job_runs r ON r.id = c.run_id
        WHERE c.state IN ('scheduled', 'running')`,
    );
    return rows.map((r) => ({
      id: r.id,
      state: r.state,
      scheduleKind: r.schedule_kind,
      startsAt: r.starts_at,
      cron: r.cron,
      timezone: r.timezone,
      runId: r.run_id,
      runState: r.run_state,
    }));
  }

  /** The campaign a fan-out run belongs to. */
  async campaignOfRun(runId: string): Promise<{ id: string; state: CampaignState } | null> {
    const rows: Array<{ id: string; state: CampaignState }> = await this.dataSource.query(
      'SELECT c.id, c.state FROM campaign_runs cr JOIN campaigns c ON c.id = cr.campaign_id WHERE cr.run_id = ?',
      [runId],
    );
    return rows[0] ?? null;
  }
}

export interface ArmedCampaign {
  id: string;
  state: CampaignState;
  scheduleKind: string;
  startsAt: Date | null;
  cron: string | null;
  timezone: string;
  runId: string | null;
  runState: string | null;
}

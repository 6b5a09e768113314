import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toInt } from '../../common/transformers';
import { placeholders } from '../../database/multi-row';
import { execute, marks, select, selectOne, Sql } from '../../database/sql';
import { SurveyAnswer } from './entities/survey-answer.entity';
import { SurveyInvitation } from './entities/survey-invitation.entity';
import { SurveyQuestion } from './entities/survey-question.entity';
import { Survey, SurveyStatus } from './entities/survey.entity';

/** How results are grouped: the whole survey, or by the invitation's store, the member's tier when invited, club, month (China time). */
export type ResultsBy = 'survey' | 'store' | 'tier' | 'club' | 'month';

export interface ResultsFilter {
  surveyId: string;
  /** Invitations made at or after / before. */
  from: Date | null;
  to: Date | null;
  storeId?: string | null;
  tierCode?: string | null;
  clubId?: string | null;
}

const GROUP: Record<ResultsBy, string> = {
  survey: "''",
  store: "COALESCE(i.store_id, '')",
  tier: 'i.tier_code',
  club: 'cm.club_id',
  // Months of the program's zone (Asia/Shanghai, UTC+8 all year).
  month: "DATE_FORMAT(DATE_ADD(i.created_at, INTERVAL 8 HOUR), '%Y-%m')",
};

function whereOf(f: ResultsFilter, by: ResultsBy): { joins: string; where: string; params: unknown[] } {
  const where = ['i.survey_id = ?'];
  const params: unknown[] = [f.surveyId];
  if (f.from) {
    where.push('i.created_at >= ?');
    params.push(f.from);
  }
  if (f.to) {
    where.push('i.created_at < ?');
    params.push(f.to);
  }
  if (f.storeId) {
    where.push('i.store_id = ?');
    params.push(f.storeId);
  }
  if (f.tierCode) {
    where.push('i.tier_code = ?');
    params.push(f.tierCode);
  }
  const clubJoin = by === 'club' || f.clubId;
  if (f.clubId) {
    where.push('cm.club_id = ?');
    params.push(f.clubId);
  }
  return {
    joins: clubJoin ? "JOIN club_members cm ON cm.member_id = i.member_id AND cm.status = 'active'" : '',
    where: where.join(' AND '),
    params,
  };
}

/** The owner of `surveys`, `survey_questions`, `survey_invitations` and `survey_answers`: all their SQL and the results' reads. */
@Injectable()
export class SurveysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async insertSurvey(m: EntityManager, survey: Survey): Promise<void> {
    await m.insert(Survey, survey);
  }

  async updateSurvey(m: EntityManager, id: string, changes: Partial<Survey>): Promise<void> {
    await m.update(Survey, { id }, changes);
  }

  async replaceQuestions(m: EntityManager, surveyId: string, questions: SurveyQuestion[]): Promise<void> {
    await m.delete(SurveyQuestion, { surveyId });
    if (questions.length > 0) {
      await m.insert(SurveyQuestion, questions);
    }
  }

  lockSurvey(m: EntityManager, id: string): Promise<Survey | null> {
    return m.getRepository(Survey).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  survey(id: string, db: EntityManager = this.dataSource.manager): Promise<Survey | null> {
    return db.getRepository(Survey).findOne({ where: { id } });
  }

  questions(surveyId: string, db: EntityManager = this.dataSource.manager): Promise<SurveyQuestion[]> {
    return db.getRepository(SurveyQuestion).find({ where: { surveyId }, order: { position: 'ASC' } });
  }

  /** Newest first (UUIDv7 ids), by status. */
  async list(status: SurveyStatus | null, before: string | null, limit: number): Promise<Survey[]> {
    const qb = this.dataSource.getRepository(Survey).createQueryBuilder('s').orderBy('s.id', 'DESC').take(limit);
    if (status) {
      qb.andWhere('s.status = :status', { status });
    }
    if (before) {
      qb.andWhere('s.id < :before', { before });
    }
    return qb.getMany();
  }

  /** Active surveys that invite after a purchase. */
  afterPurchase(): Promise<Survey[]> {
    return this.dataSource.getRepository(Survey).find({ where: { status: 'active', afterPurchase: true }, order: { id: 'ASC' } });
  }

  /** Each member's latest invitation time (any survey). */
  async lastInvitedAt(memberIds: string[]): Promise<Map<string, Date>> {
    if (memberIds.length === 0) {
      return new Map();
    }
    const rows = await select<{ member_id: string; at: Date }>(
      this.dataSource.manager,
      `SELECT member_id, MAX(created_at) AS at FROM survey_invitations WHERE member_id IN (${marks(memberIds.length)}) GROUP BY member_id`,
      memberIds,
    );
    return new Map(rows.map((r) => [r.member_id, r.at]));
  }

  /** The members' tiers now (the tier an invitation is counted under). */
  async tiersOf(db: Sql, memberIds: string[]): Promise<Map<string, string>> {
    if (memberIds.length === 0) {
      return new Map();
    }
    const rows = await select<{ id: string; tier_code: string }>(
      db,
      `SELECT id, tier_code FROM members WHERE id IN (${marks(memberIds.length)}) AND status = 'active'`,
      memberIds,
    );
    return new Map(rows.map((r) => [r.id, r.tier_code]));
  }

  /** Open invitations of these members whose life is over become expired (freeing the member's one open invitation). */
  async expireOpenOf(m: EntityManager, memberIds: string[], now: Date): Promise<number> {
    if (memberIds.length === 0) {
      return 0;
    }
    const result = await execute(
      m,
      `UPDATE survey_invitations SET status = 'expired', open_member_id = NULL
        WHERE open_member_id IN (${marks(memberIds.length)}) AND expires_at <= ?`,
      [...memberIds, now],
    );
    return result.affectedRows;
  }

  /**
   * New invitations; one the database refuses (the member has an open invitation, or this source invited them
   * already) is skipped. Answers the ids written.
   */
  async insertInvitations(m: EntityManager, rows: SurveyInvitation[]): Promise<Set<string>> {
    const written = new Set<string>();
    for (const r of rows) {
      const result = await execute(
        m,
        `INSERT IGNORE INTO survey_invitations
           (id, survey_id, member_id, open_member_id, source, source_ref, store_id, tier_code, status, message_status, created_at, expires_at, reminded_at, answered_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)`,
        [
          r.id,
          r.surveyId,
          r.memberId,
          r.openMemberId,
          r.source,
          r.sourceRef,
          r.storeId,
          r.tierCode,
          r.status,
          r.messageStatus,
          r.createdAt,
          r.expiresAt,
        ],
      );
      if (result.affectedRows === 1) {
        written.add(r.id);
      }
    }
    return written;
  }

  /** Invitations taken back in their own transaction (their message could not be sent). */
  async deleteInvitations(m: EntityManager, ids: string[]): Promise<void> {
    if (ids.length > 0) {
      await execute(m, `DELETE FROM survey_invitations WHERE id IN (${marks(ids.length)})`, ids);
    }
  }

  async setMessageStatus(m: EntityManager, statuses: Map<string, string>): Promise<void> {
    for (const [id, status] of statuses) {
      await execute(m, 'UPDATE survey_invitations SET message_status = ? WHERE id = ?', [status, id]);
    }
  }

  invitation(id: string, db: EntityManager = this.dataSource.manager): Promise<SurveyInvitation | null> {
    return db.getRepository(SurveyInvitation).findOne({ where: { id } });
  }

  /** open → answered, once: answers whether this call did it (an answered, expired or lapsed invitation is not changed). */
  async markAnswered(m: EntityManager, id: string, now: Date): Promise<boolean> {
    const result = await execute(
      m,
      `UPDATE survey_invitations SET status = 'answered', answered_at = ?, open_member_id = NULL
        WHERE id = ? AND status = 'open' AND expires_at > ?`,
      [now, id, now],
    );
    return result.affectedRows === 1;
  }

  async insertAnswers(m: EntityManager, answers: Array<Omit<SurveyAnswer, 'id'>>): Promise<void> {
    if (answers.length === 0) {
      return;
    }
    await execute(
      m,
      `INSERT INTO survey_answers (invitation_id, survey_id, question_id, member_id, score, text, created_at) VALUES ${placeholders(answers.length, 7)}`,
      answers.flatMap((a) => [a.invitationId, a.surveyId, a.questionId, a.memberId, a.score, a.text, a.createdAt]),
    );
  }

  answersOf(invitationId: string): Promise<SurveyAnswer[]> {
    return this.dataSource.getRepository(SurveyAnswer).find({ where: { invitationId }, order: { id: 'ASC' } });
  }

  /** Scored answers by group, question and score: the distributions every figure is computed from. */
  async distributions(f: ResultsFilter, by: ResultsBy): Promise<Array<{ group: string; questionId: string; score: number; n: number }>> {
    const { joins, where, params } = whereOf(f, by);
    const rows = await select<{ g: string | null; question_id: string; score: number | string; n: number | string }>(
      this.dataSource.manager,
      `SELECT ${GROUP[by]} AS g, a.question_id, a.score, COUNT(*) AS n
         FROM survey_answers a JOIN survey_invitations i ON i.id = a.invitation_id ${joins}
        WHERE ${where} AND a.score IS NOT NULL
        GROUP BY g, a.question_id, a.score`,
      params,
    );
    return rows.map((r) => ({ group: r.g ?? '', questionId: r.question_id, score: toInt(r.score), n: toInt(r.n) }));
  }

  /** Invitations and answered invitations by group (the response rate). */
  async invitationCounts(f: ResultsFilter, by: ResultsBy): Promise<Map<string, { invited: number; answered: number }>> {
    const { joins, where, params } = whereOf(f, by);
    const rows = await select<{ g: string | null; invited: number | string; answered: number | string | null }>(
      this.dataSource.manager,
      `SELECT ${GROUP[by]} AS g, COUNT(*) AS invited, SUM(i.status = 'answered') AS answered
         FROM survey_invitations i ${joins} WHERE ${where} GROUP BY g`,
      params,
    );
    return new Map(rows.map((r) => [r.g ?? '', { invited: toInt(r.invited), answered: toInt(r.answered ?? 0) }]));
  }

  /** Text answers given, by question (the count shown beside a free-text question). */
  async textCounts(surveyId: string): Promise<Map<string, number>> {
    const rows = await select<{ question_id: string; n: number | string }>(
      this.dataSource.manager,
      'SELECT question_id, COUNT(*) AS n FROM survey_answers WHERE survey_id = ? AND text IS NOT NULL GROUP BY question_id',
      [surveyId],
    );
    return new Map(rows.map((r) => [r.question_id, toInt(r.n)]));
  }

  /** Free-text answers, newest first, with words to find; with the member's name for masking. */
  async textAnswers(
    surveyId: string,
    q: string | null,
    before: number | null,
    limit: number,
  ): Promise<
    Array<{
      id: number;
      questionId: string;
      memberId: string;
      memberName: string | null;
      storeId: string | null;
      text: string;
      createdAt: Date;
    }>
  > {
    const like = q ? `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null;
    const rows = await select<{
      id: number | string;
      question_id: string;
      member_id: string;
      member_name: string | null;
      store_id: string | null;
      text: string;
      created_at: Date;
    }>(
      this.dataSource.manager,
      `SELECT a.id, a.question_id, a.member_id, mb.name AS member_name, i.store_id, a.text, a.created_at
         FROM survey_answers a JOIN survey_invitations i ON i.id = a.invitation_id LEFT JOIN members mb ON mb.id = a.member_id
        WHERE a.survey_id = ? AND a.text IS NOT NULL ${like ? 'AND a.text LIKE ?' : ''} ${before ? 'AND a.id < ?' : ''}
        ORDER BY a.id DESC LIMIT ?`,
      [surveyId, ...(like ? [like] : []), ...(before ? [before] : []), limit],
    );
    return rows.map((r) => ({
      id: toInt(r.id),
      questionId: r.question_id,
      memberId: r.member_id,
      memberName: r.member_name,
      storeId: r.store_id,
      text: r.text,
      createdAt: r.created_at,
    }));
  }

  /** Names for the groups of results. */
  async groupNames(by: ResultsBy, keys: string[]): Promise<Map<string, string>> {
    const ids = keys.filter((k) => k !== '');
    if (ids.length === 0 || by === 'survey' || by === 'month') {
      return new Map();
    }
    const sql: Record<'store' | 'tier' | 'club', string> = {
      store: 'SELECT id AS k, name FROM stores WHERE id IN',
      tier: "SELECT code AS k, CONCAT(name_zh, ' / ', name) AS name FROM tiers WHERE code IN",
      club: "SELECT id AS k, CONCAT(name, ' / ', name_en) AS name FROM clubs WHERE id IN",
    };
    const rows = await select<{ k: string; name: string }>(this.dataSource.manager, `${sql[by]} (${marks(ids.length)})`, ids);
    return new Map(rows.map((r) => [r.k, r.name]));
  }

  /** The scored answers of the invitations answered in [from, to), with the invitation's store and member. */
  async respondentAnswers(
    surveyId: string,
    from: Date,
    to: Date,
  ): Promise<Array<{ invitationId: string; memberId: string; storeId: string | null; questionId: string; score: number }>> {
    const rows = await select<{
      invitation_id: string;
      member_id: string;
      store_id: string | null;
      question_id: string;
      score: number | string;
    }>(
      this.dataSource.manager,
      `SELECT a.invitation_id, i.member_id, i.store_id, a.question_id, a.score
         FROM survey_invitations i JOIN survey_answers a ON a.invitation_id = i.id
        WHERE i.survey_id = ? AND i.status = 'answered' AND i.answered_at >= ? AND i.answered_at < ? AND a.score IS NOT NULL`,
      [surveyId, from, to],
    );
    return rows.map((r) => ({
      invitationId: r.invitation_id,
      memberId: r.member_id,
      storeId: r.store_id,
      questionId: r.question_id,
      score: toInt(r.score),
    }));
  }

  /** Each member's purchases in [from, to) and their last purchase up to `to` (purchases read by member). */
  async purchaseActivity(
    memberIds: string[],
    from: Date,
    to: Date,
  ): Promise<Map<string, { purchasesInPeriod: number; lastPurchaseAt: Date | null }>> {
    const out = new Map<string, { purchasesInPeriod: number; lastPurchaseAt: Date | null }>();
    for (let i = 0; i < memberIds.length; i += 1000) {
      const ids = memberIds.slice(i, i + 1000);
      const rows = await select<{ member_id: string; n: number | string | null; last_at: Date | null }>(
        this.dataSource.manager,
        `SELECT member_id, SUM(occurred_at >= ?) AS n, MAX(occurred_at) AS last_at
           FROM purchases WHERE member_id IN (${marks(ids.length)}) AND occurred_at < ? GROUP BY member_id`,
        [from, ...ids, to],
      );
      for (const r of rows) {
        out.set(r.member_id, { purchasesInPeriod: toInt(r.n ?? 0), lastPurchaseAt: r.last_at });
      }
    }
    return out;
  }

  /** Open, unexpired, never reminded invitations of the survey made before `madeBefore` (a page of them). */
  async remindable(surveyId: string, madeBefore: Date, now: Date, limit: number): Promise<SurveyInvitation[]> {
    return this.dataSource
      .getRepository(SurveyInvitation)
      .createQueryBuilder('i')
      .where("i.surveyId = :surveyId AND i.status = 'open' AND i.remindedAt IS NULL", { surveyId })
      .andWhere('i.createdAt <= :madeBefore AND i.expiresAt > :now', { madeBefore, now })
      .orderBy('i.id', 'ASC')
      .take(limit)
      .getMany();
  }

  /** Marks the reminder sent, once: answers whether this call did it. */
  async markReminded(m: EntityManager, id: string, now: Date): Promise<boolean> {
    const result = await execute(
      m,
      "UPDATE survey_invitations SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL AND status = 'open'",
      [now, id],
    );
    return result.affectedRows === 1;
  }

  /** Erasure: the person's open invitations end (their links stop working). */
  async expireAllOpenOf(m: EntityManager, memberIds: string[]): Promise<number> {
    if (memberIds.length === 0) {
      return 0;
    }
    const result = await execute(
      m,
      `UPDATE survey_invitations SET status = 'expired', open_member_id = NULL WHERE open_member_id IN (${marks(memberIds.length)})`,
      memberIds,
    );
    return result.affectedRows;
  }

  /** Erasure: the person's free-text answers cleared (scores kept: the figures stay exact). */
  async clearTextsOf(m: EntityManager, memberIds: string[]): Promise<number> {
    if (memberIds.length === 0) {
      return 0;
    }
    const result = await execute(
      m,
      `UPDATE survey_answers SET text = NULL WHERE member_id IN (${marks(memberIds.length)}) AND text IS NOT NULL`,
      memberIds,
    );
    return result.affectedRows;
  }

  /** Whether the member has an open, unexpired invitation (for tests and the campaign action's counts). */
  async openInvitationOf(memberId: string, now: Date): Promise<SurveyInvitation | null> {
    const row = await selectOne<{ id: string }>(
      this.dataSource.manager,
      'SELECT id FROM survey_invitations WHERE open_member_id = ? AND expires_at > ?',
      [memberId, now],
    );
    return row ? this.invitation(row.id) : null;
  }
}

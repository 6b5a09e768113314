import { Injectable } from '@nestjs/common';
import { SatisfactionLoyaltyResponse } from '../dto/survey.response';
import { bandOf, loyaltyOf, respondentIndex, SATISFACTION_BANDS, SatisfactionBand } from '../rules/satisfaction-loyalty';
import { surveyInvalid, surveyNotFound } from '../surveys.errors';
import { SurveysRepository } from '../surveys.repository';

/**
 * The report that puts satisfaction beside loyalty, by store: the members who
 * answered the survey in the period, each in a satisfaction band by their own
 * answers (rules/satisfaction-loyalty.ts), and for each store and band how
 * many of them bought again (2+ purchases in the period) and how many left (no
 * purchase in the 90 days before its end) — where satisfied members still
 * leave and unhappy ones stay. A member who answered several times counts once
 * per store, by their latest answer.
 */
@Injectable()
export class SatisfactionLoyaltyUseCase {
  constructor(private readonly repo: SurveysRepository) {}

  async report(surveyId: string, from: Date, to: Date): Promise<SatisfactionLoyaltyResponse> {
    if (to <= from) {
      throw surveyInvalid([{ field: 'to', message: 'to must be after from' }]);
    }
    if (!(await this.repo.survey(surveyId))) {
      throw surveyNotFound(surveyId);
    }
    const questions = await this.repo.questions(surveyId);
    const weightOf = new Map(questions.filter((q) => q.kind === 'rating').map((q) => [q.id, q.weight ?? 1]));
    const recommendId = questions.find((q) => q.kind === 'recommend')?.id ?? null;
    const answers = await this.repo.respondentAnswers(surveyId, from, to);
    const byInvitation = new Map<
      string,
      { memberId: string; storeKey: string; rated: Array<{ score: number; weight: number }>; recommend: number | null }
    >();
    for (const a of answers) {
      const r = byInvitation.get(a.invitationId) ?? { memberId: a.memberId, storeKey: a.storeId ?? '', rated: [], recommend: null };
      if (weightOf.has(a.questionId)) {
        r.rated.push({ score: a.score, weight: weightOf.get(a.questionId) as number });
      } else if (a.questionId === recommendId) {
        r.recommend = a.score;
      }
      byInvitation.set(a.invitationId, r);
    }
    // store → member → band (the later invitation wins: ids are time-ordered)
    const bands = new Map<string, Map<string, SatisfactionBand>>();
    for (const [, r] of [...byInvitation.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const band = bandOf(respondentIndex(r.rated), r.recommend);
      if (band) {
        const store = bands.get(r.storeKey) ?? new Map<string, SatisfactionBand>();
        store.set(r.memberId, band);
        bands.set(r.storeKey, store);
      }
    }
    const memberIds = [...new Set([...bands.values()].flatMap((m) => [...m.keys()]))];
    const activity = await this.repo.purchaseActivity(memberIds, from, to);
    const names = await this.repo.groupNames('store', [...bands.keys()]);
    const none = { purchasesInPeriod: 0, lastPurchaseAt: null };
    const rows = [...bands.entries()].flatMap(([storeKey, members]) =>
      SATISFACTION_BANDS.map((band) => {
        const inBand = [...members.entries()].filter(([, b]) => b === band).map(([id]) => activity.get(id) ?? none);
        return { storeId: storeKey || null, storeName: names.get(storeKey) ?? null, band, ...loyaltyOf(inBand, to) };
      }),
    );
    return { surveyId, from: from.toISOString(), to: to.toISOString(), rows };
  }
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../../common/transformers';

const ID = { type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' } as const;

/**
 * One answer of one invitation to one question: a score (1–5 rated, 0–10
 * recommend) or free text (personal data: exported, cleared on erasure).
 * (invitation, question) is unique: an invitation is answered once.
 */
@Entity('survey_answers')
@Index('ux_survey_answers_invitation_question', ['invitationId', 'questionId'], { unique: true })
@Index('ix_survey_answers_survey_question', ['surveyId', 'questionId', 'score'])
@Index('ix_survey_answers_member', ['memberId'])
export class SurveyAnswer {
  @PrimaryColumn({ type: 'bigint', generated: 'increment', transformer: bigintNumber })
  id: number;

  @Column({ name: 'invitation_id', ...ID })
  invitationId: string;

  @Column({ name: 'survey_id', ...ID })
  surveyId: string;

  @Column({ name: 'question_id', ...ID })
  questionId: string;

  @Column({ name: 'member_id', ...ID })
  memberId: string;

  @Column({ type: 'int', nullable: true })
  score: number | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  text: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}

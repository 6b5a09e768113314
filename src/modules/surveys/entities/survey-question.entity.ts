import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { QuestionKind } from '../rules/survey-definition';

const ID = { type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' } as const;

/** One question of a survey, in its order: a rated dimension with its weight, the recommend question, or free text. */
@Entity('survey_questions')
@Index('ix_survey_questions_survey', ['surveyId', 'position'])
export class SurveyQuestion {
  @PrimaryColumn(ID)
  id: string;

  @Column({ name: 'survey_id', ...ID })
  surveyId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 16 })
  kind: QuestionKind;

  @Column({ name: 'text_zh', type: 'varchar', length: 300 })
  textZh: string;

  @Column({ name: 'text_en', type: 'varchar', length: 300 })
  textEn: string;

  /** Rated dimensions only: 1–100. */
  @Column({ type: 'int', nullable: true })
  weight: number | null;

  /** The member must answer it to submit. */
  @Column({ type: 'boolean', default: true })
  required: boolean;
}

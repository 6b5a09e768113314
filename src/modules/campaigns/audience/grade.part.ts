import { ApiProperty } from '@nestjs/swagger';
import { bilingual, listed } from '../rule-description';
import { allowOnly, AudiencePartKind, ids, inList, inListIgnoringCase, MAX_IDS } from './audience-part.kind';

/** Members whose customer-value grade (member_values.grade) is any of these. */
export class GradeAudiencePart {
  @ApiProperty({ enum: ['grade'], example: 'grade' })
  type: 'grade';

  @ApiProperty({ type: [String], minItems: 1, maxItems: MAX_IDS, pattern: '^[A-Z]$', example: ['A', 'B'] })
  grades: string[];
}

export const gradePart: AudiencePartKind<GradeAudiencePart> = {
  type: 'grade',
  schema: GradeAudiencePart,
  parse(p, field) {
    allowOnly(p, field, 'grades');
    return { type: 'grade', grades: ids(p.grades, `${field}.grades`, /^[A-Z]$/, 'a grade letter (A, B, C)') };
  },
  describe: (part) => bilingual(`价值等级为 ${listed(part.grades)}`, `value grade ${listed(part.grades)}`),
  compile(part) {
    const list = inList('mv.grade', part.grades);
    return { sql: `EXISTS (SELECT 1 FROM member_values mv WHERE mv.member_id = m.id AND ${list.sql})`, params: list.params };
  },
  matches: (part, member) => inListIgnoringCase(member.grade, part.grades),
  explain: (_part, member) =>
    member.grade === null
      ? bilingual('尚无价值等级', 'not graded yet')
      : bilingual(`价值等级 ${member.grade}`, `value grade is ${member.grade}`),
};

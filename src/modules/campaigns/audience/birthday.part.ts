import { ApiProperty } from '@nestjs/swagger';
import { bilingual } from '../rule-description';
import { allowOnly, AudienceContext, AudienceError, AudiencePartKind, isLeapYear, localDate } from './audience-part.kind';

/** Members whose birthday is today, or this month, in the campaign's timezone. */
export class BirthdayAudiencePart {
  @ApiProperty({ enum: ['birthday'], example: 'birthday' })
  type: 'birthday';

  @ApiProperty({ enum: ['today', 'month'], example: 'today' })
  when: 'today' | 'month';
}

/** The (month, days) a birthday must fall on: born on 29 February is celebrated on the 28th in other years. */
function wanted(part: BirthdayAudiencePart, ctx: AudienceContext): { month: number; days: number[] | null } {
  const today = localDate(ctx.now, ctx.timezone);
  if (part.when === 'month') {
    return { month: today.month, days: null };
  }
  if (today.month === 2 && today.day === 28 && !isLeapYear(today.year)) {
    return { month: 2, days: [28, 29] };
  }
  return { month: today.month, days: [today.day] };
}

export const birthdayPart: AudiencePartKind<BirthdayAudiencePart> = {
  type: 'birthday',
  schema: BirthdayAudiencePart,
  parse(p, field) {
    allowOnly(p, field, 'when');
    if (p.when !== 'today' && p.when !== 'month') {
      throw new AudienceError(`${field}.when`, 'must be today or month');
    }
    return { type: 'birthday', when: p.when };
  },
  describe: (part) => (part.when === 'today' ? bilingual('今天生日', 'birthday today') : bilingual('本月生日', 'birthday this month')),
  compile(part, ctx) {
    const w = wanted(part, ctx);
    if (w.days === null) {
      return { sql: 'MONTH(m.birthday) = ?', params: [w.month] };
    }
    if (w.days.length === 2) {
      return { sql: 'MONTH(m.birthday) = 2 AND DAYOFMONTH(m.birthday) IN (28, 29)', params: [] };
    }
    return { sql: 'MONTH(m.birthday) = ? AND DAYOFMONTH(m.birthday) = ?', params: [w.month, w.days[0]] };
  },
  matches(part, member, ctx) {
    if (member.birthday === null) {
      // MONTH(NULL) = ? is NULL: not in an include, and not excluded by an exclude (the audience's COALESCE).
      return null;
    }
    const [, month, day] = member.birthday.split('-').map(Number);
    const w = wanted(part, ctx);
    return month === w.month && (w.days === null || w.days.includes(day));
  },
  explain: (_part, member) =>
    member.birthday === null
      ? bilingual('未填写生日', 'no birthday on file')
      : bilingual(`生日 ${member.birthday.slice(5)}`, `birthday ${member.birthday.slice(5)}`),
};

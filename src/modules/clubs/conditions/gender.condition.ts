import { ApiProperty } from '@nestjs/swagger';
import { ClubConditionKind, listEn, placeholders, profileGap } from './club-condition';

export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];

/** Has one of the genders of the profile. */
export interface GenderCondition {
  type: 'gender';
  genders: Gender[];
}

export class GenderConditionModel {
  @ApiProperty({ enum: ['gender'], example: 'gender' })
  type: 'gender';
  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...GENDERS] }, minItems: 1, example: ['female'] })
  genders: Gender[];
}

const GENDER_EN: Record<Gender, string> = {
  female: 'female',
  male: 'male',
  other: 'of another gender',
  undisclosed: 'of undisclosed gender',
};
const GENDER_ZH: Record<Gender, string> = { female: '女', male: '男', other: '其他', undisclosed: '未透露' };

export const gender: ClubConditionKind<GenderCondition> = {
  type: 'gender',
  fields: ['type', 'genders'],
  schema: GenderConditionModel,

  validate(raw, path, fail) {
    const genders = raw.genders;
    if (
      !Array.isArray(genders) ||
      genders.length === 0 ||
      !genders.every((g) => typeof g === 'string' && (GENDERS as readonly string[]).includes(g))
    ) {
      fail(`${path}.genders`, `must be a list of ${GENDERS.join(', ')}`);
      return null;
    }
    return { type: 'gender', genders: [...new Set(genders as Gender[])].sort() };
  },

  describe: (c) => ({
    en: `are ${listEn(c.genders.map((g) => GENDER_EN[g]))}`,
    zhCN: `性别为${c.genders.map((g) => GENDER_ZH[g]).join('或')}`,
  }),

  holds: (c, facts) => facts.gender !== null && (c.genders as string[]).includes(facts.gender),
  sql: (c) => ({ sql: `m.gender IN (${placeholders(c.genders.length)})`, params: [...c.genders] }),
  gap: (c, facts, now) => profileGap(gender.holds(c, facts, now)),
  windowDays: () => 0,
  categories: () => [],
};

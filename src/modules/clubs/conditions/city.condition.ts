import { ApiProperty } from '@nestjs/swagger';
import { ClubConditionKind, listEn, placeholders, profileGap, RULE_LIMITS, stringList } from './club-condition';

/** Lives in one of the cities (compared trimmed, ignoring case). */
export interface CityCondition {
  type: 'city';
  cities: string[];
}

export class CityConditionModel {
  @ApiProperty({ enum: ['city'], example: 'city' })
  type: 'city';
  @ApiProperty({ type: [String], minItems: 1, maxItems: RULE_LIMITS.cities, example: ['Shanghai'] })
  cities: string[];
}

export const city: ClubConditionKind<CityCondition> = {
  type: 'city',
  fields: ['type', 'cities'],
  schema: CityConditionModel,

  validate(raw, path, fail) {
    const cities = stringList(raw.cities, `${path}.cities`, RULE_LIMITS.cities, RULE_LIMITS.cityLength, fail, (s) => s);
    return cities && { type: 'city', cities };
  },

  describe: (c) => ({ en: `live in ${listEn(c.cities)}`, zhCN: `所在城市为${c.cities.join('或')}` }),

  holds(c, facts) {
    const own = facts.city?.trim().toLowerCase();
    return own !== undefined && c.cities.some((x) => x.toLowerCase() === own);
  },
  sql: (c) => ({ sql: `LOWER(TRIM(m.city)) IN (${placeholders(c.cities.length)})`, params: c.cities.map((x) => x.toLowerCase()) }),
  gap: (c, facts, now) => profileGap(city.holds(c, facts, now)),
  windowDays: () => 0,
  categories: () => [],
};

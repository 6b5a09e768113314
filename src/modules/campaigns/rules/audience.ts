/**
 * Campaign audiences: a validated definition (parts combined with include and
 * exclude) and its compilation to one set-based SQL predicate over `members m`.
 * Pure: no I/O. The caller supplies the instant and the campaign's timezone.
 */

export const CONSENT_CHANNELS_FOR_MESSAGES = ['sms', 'email', 'push'] as const;
export type MessageChannel = (typeof CONSENT_CHANNELS_FOR_MESSAGES)[number];

export type AudiencePart =
  | { type: 'all' }
  | { type: 'club'; clubIds: string[] }
  | { type: 'tier'; codes: string[] }
  | { type: 'grade'; grades: string[] }
  /** Preferred store, or (with boughtWithinDays) a purchase there in the last D days. */
  | { type: 'store'; storeIds: string[]; boughtWithinDays?: number }
  | { type: 'noPurchaseDays'; days: number }
  | { type: 'birthday'; when: 'today' | 'month' }
  | { type: 'joinedWithinDays'; days: number }
  | { type: 'pointsExpiringDays'; days: number }
  /** Members who consented to any of these channels, whatever the campaign does (a grant to "BABY ∩ email consent"). */
  | { type: 'consent'; channels: MessageChannel[] };

export interface AudienceDefinition {
  /** Members in any of these parts (or all of them with requireAll). */
  include: AudiencePart[];
  requireAll?: boolean;
  /** Members in any of these parts are left out. */
  exclude?: AudiencePart[];
}

export interface AudienceContext {
  now: Date;
  timezone: string;
  /** The channel of the campaign's message: the audience is limited to members who consented to it. */
  consentChannel: MessageChannel | null;
}

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

const MAX_PARTS = 20;
const MAX_IDS = 200;
const MAX_DAYS = 3650;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[A-Za-z0-9_-]{1,32}$/;
const CHANNEL = new RegExp(`^(${CONSENT_CHANNELS_FOR_MESSAGES.join('|')})$`);

export class AudienceError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Checks an untrusted definition (JSON from the admin API) and returns it typed and normalised (ids deduplicated). */
export function parseAudience(input: unknown): AudienceDefinition {
  if (!isRecord(input)) {
    throw new AudienceError('audience', 'must be an object with include (and optionally exclude, requireAll)');
  }
  for (const key of Object.keys(input)) {
    if (!['include', 'exclude', 'requireAll'].includes(key)) {
      throw new AudienceError(`audience.${key}`, 'is not a known field');
    }
  }
  const include = parseParts(input.include, 'audience.include');
  if (include.length === 0) {
    throw new AudienceError('audience.include', 'needs at least one part (use { "type": "all" } for every member)');
  }
  const exclude = input.exclude === undefined ? [] : parseParts(input.exclude, 'audience.exclude');
  if (input.requireAll !== undefined && typeof input.requireAll !== 'boolean') {
    throw new AudienceError('audience.requireAll', 'must be a boolean');
  }
  return { include, exclude, requireAll: input.requireAll === true };
}

function parseParts(value: unknown, field: string): AudiencePart[] {
  if (!Array.isArray(value)) {
    throw new AudienceError(field, 'must be an array of parts');
  }
  if (value.length > MAX_PARTS) {
    throw new AudienceError(field, `has more than ${MAX_PARTS} parts`);
  }
  return value.map((p, i) => parsePart(p, `${field}[${i}]`));
}

function parsePart(p: unknown, field: string): AudiencePart {
  if (!isRecord(p) || typeof p.type !== 'string') {
    throw new AudienceError(field, 'must be an object with a type');
  }
  const allowOnly = (...keys: string[]) => {
    for (const k of Object.keys(p)) {
      if (k !== 'type' && !keys.includes(k)) {
        throw new AudienceError(`${field}.${k}`, 'is not a field of this part');
      }
    }
  };
  switch (p.type) {
    case 'all':
      allowOnly();
      return { type: 'all' };
    case 'club':
      allowOnly('clubIds');
      return { type: 'club', clubIds: ids(p.clubIds, `${field}.clubIds`, UUID, 'a uuid') };
    case 'tier':
      allowOnly('codes');
      return { type: 'tier', codes: ids(p.codes, `${field}.codes`, CODE, 'a tier code') };
    case 'grade':
      allowOnly('grades');
      return { type: 'grade', grades: ids(p.grades, `${field}.grades`, /^[A-Z]$/, 'a grade letter (A, B, C)') };
    case 'store': {
      allowOnly('storeIds', 'boughtWithinDays');
      const storeIds = ids(p.storeIds, `${field}.storeIds`, UUID, 'a uuid');
      return p.boughtWithinDays === undefined
        ? { type: 'store', storeIds }
        : { type: 'store', storeIds, boughtWithinDays: days(p.boughtWithinDays, `${field}.boughtWithinDays`) };
    }
    case 'noPurchaseDays':
    case 'joinedWithinDays':
    case 'pointsExpiringDays':
      allowOnly('days');
      return { type: p.type, days: days(p.days, `${field}.days`) };
    case 'birthday':
      allowOnly('when');
      if (p.when !== 'today' && p.when !== 'month') {
        throw new AudienceError(`${field}.when`, 'must be today or month');
      }
      return { type: 'birthday', when: p.when };
    case 'consent':
      allowOnly('channels');
      return {
        type: 'consent',
        channels: ids(
          p.channels,
          `${field}.channels`,
          CHANNEL,
          `a channel (${CONSENT_CHANNELS_FOR_MESSAGES.join(', ')})`,
        ) as MessageChannel[],
      };
    default:
      throw new AudienceError(
        `${field}.type`,
        'must be one of all, club, tier, grade, store, noPurchaseDays, birthday, joinedWithinDays, pointsExpiringDays, consent',
      );
  }
}

function ids(value: unknown, field: string, pattern: RegExp, what: string): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_IDS) {
    throw new AudienceError(field, `must be a list of 1 to ${MAX_IDS} values`);
  }
  for (const v of value) {
    if (typeof v !== 'string' || !pattern.test(v)) {
      throw new AudienceError(field, `each value must be ${what}`);
    }
  }
  return [...new Set(value as string[])];
}

function days(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_DAYS) {
    throw new AudienceError(field, `must be a whole number of days from 1 to ${MAX_DAYS}`);
  }
  return value;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The calendar date of an instant in a timezone. */
export function localDate(at: Date, timezone: string): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    at,
  );
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function inList(column: string, values: string[]): SqlFragment {
  return { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: values };
}

/** The predicate of one part over `members m`. */
export function compilePart(part: AudiencePart, ctx: AudienceContext): SqlFragment {
  const daysAgo = (d: number) => new Date(ctx.now.getTime() - d * 86_400_000);
  switch (part.type) {
    case 'all':
      return { sql: '1 = 1', params: [] };
    case 'club': {
      const list = inList('cm.club_id', part.clubIds);
      return {
        sql: `EXISTS (SELECT 1 FROM club_members cm WHERE cm.member_id = m.id AND ${list.sql} AND cm.status = 'active')`,
        params: list.params,
      };
    }
    case 'tier':
      return inList('m.tier_code', part.codes);
    case 'grade': {
      const list = inList('mv.grade', part.grades);
      return { sql: `EXISTS (SELECT 1 FROM member_values mv WHERE mv.member_id = m.id AND ${list.sql})`, params: list.params };
    }
    case 'store': {
      const preferred = inList('m.preferred_store_id', part.storeIds);
      if (part.boughtWithinDays === undefined) {
        return preferred;
      }
      const bought = inList('p.store_id', part.storeIds);
      return {
        sql: `(${preferred.sql} OR EXISTS (SELECT 1 FROM purchases p WHERE p.member_id = m.id AND ${bought.sql} AND p.occurred_at >= ?))`,
        params: [...preferred.params, ...bought.params, daysAgo(part.boughtWithinDays)],
      };
    }
    case 'noPurchaseDays':
      return {
        sql: 'NOT EXISTS (SELECT 1 FROM purchases p WHERE p.member_id = m.id AND p.occurred_at >= ?)',
        params: [daysAgo(part.days)],
      };
    case 'birthday': {
      const today = localDate(ctx.now, ctx.timezone);
      if (part.when === 'month') {
        return { sql: 'MONTH(m.birthday) = ?', params: [today.month] };
      }
      // Born on 29 February: celebrated on the 28th in other years.
      if (today.month === 2 && today.day === 28 && !isLeapYear(today.year)) {
        return { sql: 'MONTH(m.birthday) = 2 AND DAYOFMONTH(m.birthday) IN (28, 29)', params: [] };
      }
      return { sql: 'MONTH(m.birthday) = ? AND DAYOFMONTH(m.birthday) = ?', params: [today.month, today.day] };
    }
    case 'joinedWithinDays':
      return { sql: 'm.created_at >= ?', params: [daysAgo(part.days)] };
    case 'pointsExpiringDays':
      return {
        sql: 'EXISTS (SELECT 1 FROM point_lots l WHERE l.member_id = m.id AND l.remaining > 0 AND l.expires_at > ? AND l.expires_at <= ?)',
        params: [ctx.now, new Date(ctx.now.getTime() + part.days * 86_400_000)],
      };
    case 'consent': {
      const list = inList('mc.channel', part.channels);
      return {
        sql: `EXISTS (SELECT 1 FROM member_consents mc WHERE mc.member_id = m.id AND ${list.sql} AND mc.granted = 1)`,
        params: list.params,
      };
    }
    default: {
      const unknownPart: never = part;
      throw new Error(`Unknown audience part ${JSON.stringify(unknownPart)}`);
    }
  }
}

function combine(fragments: SqlFragment[], op: 'AND' | 'OR'): SqlFragment {
  if (fragments.length === 1) {
    return fragments[0];
  }
  return { sql: `(${fragments.map((f) => f.sql).join(` ${op} `)})`, params: fragments.flatMap((f) => f.params) };
}

/**
 * The whole audience as one predicate over `members m`: (include parts, any
 * or all) AND NOT (any exclude part) AND the member is not erased, being
 * erased or merged away AND, for a message, consented to its channel.
 */
export function compileAudience(def: AudienceDefinition, ctx: AudienceContext): SqlFragment {
  const parts: SqlFragment[] = [
    { sql: "m.status NOT IN ('erased', 'erasing', 'merged')", params: [] },
    combine(
      def.include.map((p) => compilePart(p, ctx)),
      def.requireAll ? 'AND' : 'OR',
    ),
  ];
  if (def.exclude && def.exclude.length > 0) {
    const excluded = combine(
      def.exclude.map((p) => compilePart(p, ctx)),
      'OR',
    );
    parts.push({ sql: `NOT ${excluded.sql.startsWith('(') ? excluded.sql : `(${excluded.sql})`}`, params: excluded.params });
  }
  if (ctx.consentChannel) {
    parts.push({
      sql: 'EXISTS (SELECT 1 FROM member_consents mc WHERE mc.member_id = m.id AND mc.channel = ? AND mc.granted = 1)',
      params: [ctx.consentChannel],
    });
  }
  return combine(parts, 'AND');
}

/** The parts that read member_values (the value grades), so a caller can tell whether that table is needed. */
export function usesGrades(def: AudienceDefinition): boolean {
  return [...def.include, ...(def.exclude ?? [])].some((p) => p.type === 'grade');
}

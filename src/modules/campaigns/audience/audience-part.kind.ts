import { Type } from '@nestjs/common';
import { IdNames, RuleDescription } from '../rule-description';

/**
 * One kind of audience part (a club, a tier, a birthday…): the contract every
 * file under audience/ implements, listed once in audience-parts.registry.ts.
 * A part has two forms that must agree — a SQL predicate over `members m` for
 * the fan-out, the preview and the purchase path, and a TypeScript predicate
 * over a member's facts for explanations — and a medium test proves they do
 * over random populations (test/medium/audience-parts.spec.ts).
 */
export interface AudiencePartKind<P extends { type: string }> {
  readonly type: P['type'];
  /** The part as published in OpenAPI (one branch of the `oneOf`; it must declare `type` with this kind's value). */
  readonly schema: Type<P>;
  /** Checks an untrusted part (JSON from the admin API; its `type` already read) and returns it typed and normalised. */
  parse(input: Record<string, unknown>, field: string): P;
  /** The part in words; the ids it names (see namedIds) by code when names has them. */
  describe(part: P, names?: IdNames): RuleDescription;
  /** Ids of clubs or stores the description names (read as codes for it). */
  namedIds?(part: P): string[];
  /** The SQL form: a predicate over `members m`. */
  compile(part: P, ctx: AudienceContext): SqlFragment;
  /**
   * The TypeScript form: the same predicate over one member's facts, with SQL's three values: null where the SQL
   * predicate is NULL (it reads a NULL column), so that the combinator's NOT and AND/OR answer exactly as the database.
   */
  matches(part: P, member: MemberFacts, ctx: AudienceContext): boolean | null;
  /** What of the member the part looks at (for an explanation of why a member is in or out). */
  explain(part: P, member: MemberFacts, ctx: AudienceContext): RuleDescription;
}

export const CONSENT_CHANNELS_FOR_MESSAGES = ['sms', 'email', 'push'] as const;
export type MessageChannel = (typeof CONSENT_CHANNELS_FOR_MESSAGES)[number];

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

/** What the audience parts read of one member (loaded by member-facts.queries.ts). */
export interface MemberFacts {
  id: string;
  status: string;
  tierCode: string;
  preferredStoreId: string | null;
  /** YYYY-MM-DD */
  birthday: string | null;
  createdAt: Date;
  /** Clubs the member is an active member of. */
  activeClubIds: string[];
  /** The value grade (member_values.grade), if graded. */
  grade: string | null;
  /** The recency and frequency scores (member_values.r, .f, 1–5) of the last value run; null if not scored. */
  rfmR: number | null;
  rfmF: number | null;
  purchases: Array<{ storeId: string; occurredAt: Date }>;
  lots: Array<{ remaining: number; expiresAt: Date }>;
  /** Channels the member consented to. */
  consents: string[];
}

export class AudienceError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export const MAX_IDS = 200;
export const MAX_DAYS = 3650;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const CODE = /^[A-Za-z0-9_-]{1,32}$/;
export const DAY_MS = 86_400_000;

/** Refuses fields the part does not have. */
export function allowOnly(p: Record<string, unknown>, field: string, ...keys: string[]): void {
  for (const k of Object.keys(p)) {
    if (k !== 'type' && !keys.includes(k)) {
      throw new AudienceError(`${field}.${k}`, 'is not a field of this part');
    }
  }
}

/** A list of 1 to MAX_IDS strings matching `pattern`, deduplicated. */
export function ids(value: unknown, field: string, pattern: RegExp, what: string): string[] {
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

export function days(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_DAYS) {
    throw new AudienceError(field, `must be a whole number of days from 1 to ${MAX_DAYS}`);
  }
  return value;
}

export function inList(column: string, values: readonly string[]): SqlFragment {
  return { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] };
}

export function daysBefore(now: Date, d: number): Date {
  return new Date(now.getTime() - d * DAY_MS);
}

/**
 * Whether `value` is in `list` as the database compares them: the columns are
 * utf8mb4_unicode_ci, so case does not count (codes and channels are ASCII).
 */
export function inListIgnoringCase(value: string | null, list: readonly string[]): boolean {
  if (value === null) {
    return false;
  }
  const v = value.toLowerCase();
  return list.some((x) => x.toLowerCase() === v);
}

/** The calendar date of an instant in a timezone. */
export function localDate(at: Date, timezone: string): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    at,
  );
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

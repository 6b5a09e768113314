/**
 * Campaign audiences: a validated definition (parts combined with include and
 * exclude) and its compilation to one set-based SQL predicate over `members m`.
 * Each kind of part is one file under audience/ (listed in
 * audience-parts.registry.ts); this file only combines them. Pure: no I/O.
 * The caller supplies the instant and the campaign's timezone.
 */
import { AudienceContext, AudienceError, inListIgnoringCase, MemberFacts, SqlFragment } from '../audience/audience-part.kind';
import { AUDIENCE_PART_KINDS, AudiencePart, audiencePartKind, kindOfPart } from '../audience/audience-parts.registry';
import { bilingual, IdNames, joinDescriptions, RuleDescription } from '../rule-description';

export {
  AudienceError,
  CONSENT_CHANNELS_FOR_MESSAGES,
  localDate,
  type AudienceContext,
  type MemberFacts,
  type MessageChannel,
  type SqlFragment,
} from '../audience/audience-part.kind';
export type { AudiencePart } from '../audience/audience-parts.registry';

export interface AudienceDefinition {
  /** Members in any of these parts (or all of them with requireAll). */
  include: AudiencePart[];
  requireAll?: boolean;
  /** Members in any of these parts are left out. */
  exclude?: AudiencePart[];
}

const MAX_PARTS = 20;

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
  return value.map((p, i) => parseAudiencePart(p, `${field}[${i}]`));
}

/** Checks one untrusted part with its kind. */
export function parseAudiencePart(p: unknown, field: string): AudiencePart {
  if (!isRecord(p) || typeof p.type !== 'string') {
    throw new AudienceError(field, 'must be an object with a type');
  }
  const kind = audiencePartKind(p.type);
  if (!kind) {
    throw new AudienceError(`${field}.type`, `must be one of ${AUDIENCE_PART_KINDS.map((k) => k.type).join(', ')}`);
  }
  return kind.parse(p, field);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The predicate of one part over `members m`. */
export function compilePart(part: AudiencePart, ctx: AudienceContext): SqlFragment {
  return kindOfPart(part).compile(part, ctx);
}

function combine(fragments: SqlFragment[], op: 'AND' | 'OR'): SqlFragment {
  if (fragments.length === 1) {
    return fragments[0];
  }
  return { sql: `(${fragments.map((f) => f.sql).join(` ${op} `)})`, params: fragments.flatMap((f) => f.params) };
}

const NOT_GONE: SqlFragment = { sql: "m.status NOT IN ('erased', 'erasing', 'merged')", params: [] };
const GONE_STATUSES = ['erased', 'erasing', 'merged'];

/**
 * The whole audience as one predicate over `members m`: (include parts, any
 * or all) AND NOT (any exclude part) AND the member is not erased, being
 * erased or merged away AND, for a message, consented to its channel.
 */
export function compileAudience(def: AudienceDefinition, ctx: AudienceContext): SqlFragment {
  const parts: SqlFragment[] = [
    NOT_GONE,
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
    // A member an exclude part cannot judge (no birthday, no preferred store: the part is NULL) is not excluded:
    // "everyone except preferred store X" keeps the members without a preferred store.
    parts.push({ sql: `NOT COALESCE(${excluded.sql}, FALSE)`, params: excluded.params });
  }
  if (ctx.consentChannel) {
    parts.push({
      sql: 'EXISTS (SELECT 1 FROM member_consents mc WHERE mc.member_id = m.id AND mc.channel = ? AND mc.granted = 1)',
      params: [ctx.consentChannel],
    });
  }
  return combine(parts, 'AND');
}

type Truth = boolean | null;

/** SQL's OR and AND over three values (NULL: unknown). */
function anyOf(values: Truth[]): Truth {
  return values.includes(true) ? true : values.includes(null) ? null : false;
}

function allOf(values: Truth[]): Truth {
  return values.includes(false) ? false : values.includes(null) ? null : true;
}

/**
 * The TypeScript form of compileAudience over one member's facts, in SQL's three-valued logic (a part over a NULL
 * column is unknown; an unknown exclusion does not exclude): they agree, test/medium/audience-parts.spec.ts.
 */
export function audienceMatches(def: AudienceDefinition, member: MemberFacts, ctx: AudienceContext): boolean {
  const matches = (p: AudiencePart) => kindOfPart(p).matches(p, member, ctx);
  const included = def.requireAll ? allOf(def.include.map(matches)) : anyOf(def.include.map(matches));
  const excluded = anyOf((def.exclude ?? []).map(matches));
  // Unknown (a NULL column) is not excluded, as compileAudience's COALESCE says.
  const notExcluded = excluded !== true;
  const consented = ctx.consentChannel === null || member.consents.some((c) => inListIgnoringCase(c, [ctx.consentChannel as string]));
  return allOf([!inListIgnoringCase(member.status, GONE_STATUSES), included, notExcluded, consented]) === true;
}

export function describeAudiencePart(part: AudiencePart, names?: IdNames): RuleDescription {
  return kindOfPart(part).describe(part, names);
}

/** The club and store ids the audience's descriptions name. */
export function namedIdsOf(def: AudienceDefinition): string[] {
  const ids = [...def.include, ...(def.exclude ?? [])].flatMap((p) => kindOfPart(p).namedIds?.(p) ?? []);
  return [...new Set(ids)];
}

/** The audience in words: "(a or b) and not (c)". */
export function describeAudience(def: AudienceDefinition, names?: IdNames): RuleDescription {
  const include = joinDescriptions(
    def.include.map((p) => kindOfPart(p).describe(p, names)),
    def.requireAll ? '，且' : '，或',
    def.requireAll ? '; and ' : '; or ',
  );
  if (!def.exclude || def.exclude.length === 0) {
    return include;
  }
  const exclude = joinDescriptions(
    def.exclude.map((p) => kindOfPart(p).describe(p, names)),
    '，或',
    '; or ',
  );
  return bilingual(`${include['zh-CN']}；排除：${exclude['zh-CN']}`, `${include.en}; except: ${exclude.en}`);
}

/** Each part of the audience for one member: in it or not, and what of the member it looks at. */
export function explainAudience(def: AudienceDefinition, member: MemberFacts, ctx: AudienceContext, names?: IdNames) {
  const explainPart = (p: AudiencePart) => {
    const kind = kindOfPart(p);
    return {
      part: p,
      description: kind.describe(p, names),
      matches: kind.matches(p, member, ctx) === true,
      member: kind.explain(p, member, ctx),
    };
  };
  return {
    inAudience: audienceMatches(def, member, ctx),
    include: def.include.map(explainPart),
    exclude: (def.exclude ?? []).map(explainPart),
  };
}

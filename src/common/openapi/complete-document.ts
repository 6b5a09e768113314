import type { OpenAPIObject, OperationObject, PathItemObject, TagObject } from '@nestjs/swagger';

/**
 * What third-party linters (Redocly `recommended`, Spectral `spectral:oas`) ask of every operation, filled in once for
 * the whole document so that a route added anywhere passes them without a hand list: every tag used is declared with
 * a description, a route without an auth guard says `security: []`, an operation without a description gets one
 * from its summary and its access rule, and a pattern only ECMAScript's u flag can read moves to x-unicode-pattern.
 * test/openapi-lint.e2e-spec.ts runs both linters on the live document.
 */

/** One line per tag; a tag not listed here gets GENERIC_TAG_DESCRIPTION. Listed first, in this order. */
export const TAG_DESCRIPTIONS: Readonly<Record<string, string>> = {
  pos: 'Store tills: member lookup, purchases, refunds, redemptions, counter cards and offline batches, with a store API key.',
  portal: "The member portal: sign in with a one-time code, then the member's own points, history, tier, clubs, cards and consents.",
  admin: 'The console: sign-in, stores and API keys, tiers, clubs, campaigns, messages, webhooks, analytics and jobs, by role permission.',
  'admin: members': "The console's member archive: search, profile, notes, tags, ledger, adjustments, merge, import, export and erasure.",
  'admin: cards': 'The console: freeze, unfreeze, replace and close member cards.',
  'admin: users': 'The console: console users and their roles.',
  'admin: audit': 'The console: the audit log of every change, who made it and when.',
  health: 'Liveness and readiness probes for the load balancer and the orchestrator; no credentials.',
};

export const GENERIC_TAG_DESCRIPTION = 'Operations of this part of the API.';

/** How each security scheme is named in a derived description; a scheme not listed is named by its key. */
const SCHEME_WORDS: Readonly<Record<string, string>> = {
  pos: "the store's API key (Authorization: Bearer <key>)",
  admin: "a console user's access token",
  member: "the member's access token",
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The console permission that RequirePermission records on an operation (x-permission). */
interface PermissionExtension {
  permission: string;
  roles: string[];
}

export interface RouteGuards {
  /** Operation ids (without the `[n]` of a route with several paths) of routes that have no guard at all. */
  unguarded: ReadonlySet<string>;
}

/** Completes the document in place and returns it. */
export function completeDocument(document: OpenAPIObject, routes: RouteGuards): OpenAPIObject {
  const used = new Set<string>();
  for (const operation of operations(document)) {
    operation.tags?.forEach((tag) => used.add(tag));
    if (operation.security === undefined && isUnguarded(operation, routes)) {
      operation.security = [];
    }
    if (!operation.description?.trim() && operation.summary?.trim()) {
      operation.description = derivedDescription(operation);
    }
  }
  document.tags = declaredTags(document.tags ?? [], used);
  if (moveUnicodePatterns(document) > 0) {
    document.info.description = `${document.info.description ?? ''} ${UNICODE_PATTERN_NOTE}`.trim();
  }
  return document;
}

export const UNICODE_PATTERN_NOTE =
  'x-unicode-pattern: a pattern with Unicode property escapes (\\p{L} is any letter), an ECMAScript regex with the u flag; OpenAPI 3.0 patterns cannot carry one.';

/** A regex that uses Unicode property escapes (\p{L}, \P{N}, ...): ECMAScript reads them only with the u flag. */
const UNICODE_PROPERTY_ESCAPE = /(^|[^\\])(\\\\)*\\[pP]\{/;

/**
 * OpenAPI 3.0 reads `pattern` as an ECMA-262 5.1 regex, which has no Unicode property escapes, so validators read
 * `^[\p{L}]` as the letters p, {, L, } and reject valid values (Spectral does; so would a generated JavaScript client).
 * Such a pattern (class-validator's @Matches with the u flag, copied by the swagger plugin) is kept as
 * `x-unicode-pattern` instead, for readers that know it, and the API still enforces it.
 */
function moveUnicodePatterns(node: unknown): number {
  if (!node || typeof node !== 'object') {
    return 0;
  }
  let moved = 0;
  const object = node as Record<string, unknown>;
  if (!Array.isArray(node) && typeof object.pattern === 'string' && UNICODE_PROPERTY_ESCAPE.test(object.pattern)) {
    object['x-unicode-pattern'] = object.pattern;
    delete object.pattern;
    moved += 1;
  }
  for (const child of Object.values(object)) {
    moved += moveUnicodePatterns(child);
  }
  return moved;
}

function operations(document: OpenAPIObject): OperationObject[] {
  return Object.values(document.paths).flatMap((item: PathItemObject) =>
    METHODS.map((method) => item[method]).filter((op): op is OperationObject => op !== undefined),
  );
}

/** Only a route known to have no guard is public: an operation that cannot be matched to its route stays unmarked. */
function isUnguarded(operation: OperationObject, routes: RouteGuards): boolean {
  return operation.operationId !== undefined && routes.unguarded.has(routeKey(operation.operationId));
}

/** `HealthController_ready[1]` (one of a route's several paths) is the route `HealthController_ready`. */
export function routeKey(operationId: string): string {
  return operationId.replace(/\[\d+\]$/, '');
}

/** The summary as a sentence, then who may call the operation. */
function derivedDescription(operation: OperationObject): string {
  const summary = operation.summary!.trim();
  return `${/[.!?]$/.test(summary) ? summary : `${summary}.`} ${accessSentence(operation)}`;
}

function accessSentence(operation: OperationObject): string {
  const security = operation.security ?? [];
  if (security.length === 0) {
    return 'No credentials needed.';
  }
  const permission = (operation as OperationObject & { 'x-permission'?: PermissionExtension })['x-permission'];
  if (permission) {
    return `Needs the console permission ${permission.permission} (roles: ${permission.roles.join(', ')}).`;
  }
  const schemes = [...new Set(security.flatMap((requirement) => Object.keys(requirement)))];
  return `Needs ${schemes.map((scheme) => SCHEME_WORDS[scheme] ?? `the ${scheme} credentials`).join(' or ')}.`;
}

/** Tags already declared keep their text; every tag in use is declared; each has a description; known tags first, in table order. */
function declaredTags(declared: TagObject[], used: Set<string>): TagObject[] {
  const byName = new Map(declared.map((tag) => [tag.name, tag]));
  for (const name of new Set([...byName.keys(), ...used])) {
    const tag = byName.get(name) ?? { name };
    byName.set(name, { ...tag, description: tag.description?.trim() || TAG_DESCRIPTIONS[name] || GENERIC_TAG_DESCRIPTION });
  }
  const order = Object.keys(TAG_DESCRIPTIONS);
  const rank = (name: string): number => (order.includes(name) ? order.indexOf(name) : order.length);
  return [...byName.values()].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

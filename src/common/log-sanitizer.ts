import { maskEmail, maskName, maskPhone } from './masking';

/**
 * Cleans anything before it is logged: no phone number, email, name or full
 * card number may reach a log line, whether it sits in a URL, an error
 * message, a failed query's parameters or a nested object.
 */

const MAX_DEPTH = 6;
const MAX_KEYS = 50;
const MAX_ITEMS = 20;
const MAX_STRING = 4000;
const MAX_STACK_FRAMES = 15;

/** "8123456789012345" → "************2345". */
export function maskCardNo(cardNo: string): string {
  return '*'.repeat(Math.max(cardNo.length - 4, 1)) + cardNo.slice(-4);
}

/**
 * Free text: card numbers (12 to 19 digits in a row), phones (international
 * with + or %2B, or a bare mainland mobile number) and emails.
 */
export function cleanText(text: string): string {
  let s = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…[truncated]` : text;
  s = s.replace(/(%2B|\+)(\d{6,15})(?!\d)/gi, (_m, plus: string, digits: string) => `${plus}${maskPhone(digits) ?? ''}`);
  s = s.replace(/(?<![0-9A-Za-z.-])\d{12,19}(?![0-9A-Za-z])/g, (digits) => maskCardNo(digits));
  s = s.replace(/(?<![0-9A-Za-z*-])1[3-9]\d{9}(?![0-9A-Za-z])/g, (digits) => maskPhone(digits) ?? '');
  s = s.replace(/[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, (email) =>
    email.includes('%40') ? (maskEmail(email.replace('%40', '@')) ?? '').replace('@', '%40') : (maskEmail(email) ?? ''),
  );
  return s;
}

/**
 * Database messages quote the offending value ("Duplicate entry '+86138…' for
 * key 'ux_members_phone'"): the quoted values go, the names of keys, columns
 * and tables stay.
 */
export function cleanSqlMessage(text: string): string {
  return cleanText(text).replace(
    /(\b(?:key|column|table|database|constraint|index|schema|function|procedure)\s+)?'((?:[^'\\]|\\.)*)'/gi,
    (match, identifier: string | undefined) => (identifier ? match : "'[masked]'"),
  );
}

type KeyRule = (value: unknown) => unknown;

const asString = (value: unknown) => (typeof value === 'string' ? value : null);

/** Keys whose values are personal data or secrets, whatever their content. */
const KEY_RULES: Array<[RegExp, KeyRule]> = [
  [/^(authorization|cookie|set-cookie|password|passwordhash|secret|token|accesstoken|apikey|key|x-api-key)$/i, () => '[redacted]'],
  // SQL with values inlined (mysql2 `sql`) and bound parameters (TypeORM `parameters`).
  [/^(sql|parameters|params|bindings|values)$/i, () => '[redacted]'],
  [/^(phone|mobile|phonenumber|tel)$/i, (v) => (asString(v) ? maskPhone(asString(v)) : '[masked]')],
  [/^(email|mail)$/i, (v) => (asString(v) ? maskEmail(asString(v)) : '[masked]')],
  [/^(cardno|card_no|cardnumber|cardnos)$/i, (v) => (asString(v) ? maskCardNo(asString(v) as string) : '[masked]')],
  [/^(name|fullname|firstname|lastname|membername)$/i, (v) => (asString(v) ? maskName(asString(v)) : '[masked]')],
  [/^(birthday|address|birthdate|idcard|idnumber)$/i, () => '[masked]'],
];

function ruleFor(key: string): KeyRule | undefined {
  return KEY_RULES.find(([pattern]) => pattern.test(key))?.[1];
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
  code?: unknown;
  errno?: unknown;
  sqlState?: unknown;
  sqlMessage?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

function isSqlError(e: ErrorLike): boolean {
  return e.sqlMessage !== undefined || e.sqlState !== undefined || e.driverError !== undefined || e.name === 'QueryFailedError';
}

/**
 * An error as it may be logged: type, cleaned message, code and stack frames.
 * Never its parameters, the SQL with values or other enumerable properties.
 */
export function describeError(err: unknown, depth = 0): Record<string, unknown> {
  if (!(err instanceof Error) && (typeof err !== 'object' || err === null)) {
    return { type: typeof err, message: cleanText(String(err)) };
  }
  const e = err as ErrorLike;
  const clean = isSqlError(e) ? cleanSqlMessage : cleanText;
  const out: Record<string, unknown> = {
    type: typeof e.name === 'string' ? e.name : (err.constructor?.name ?? 'Error'),
    message: clean(String(e.message ?? '')),
  };
  for (const field of ['code', 'errno', 'sqlState'] as const) {
    if (typeof e[field] === 'string' || typeof e[field] === 'number') {
      out[field] = e[field];
    }
  }
  if (typeof e.stack === 'string') {
    const frames = e.stack
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .slice(0, MAX_STACK_FRAMES)
      .map((line) => clean(line));
    out.stack = [`${String(out.type)}: ${String(out.message)}`, ...frames].join('\n');
  }
  if (e.cause !== undefined && depth < 3) {
    out.cause = describeError(e.cause, depth + 1);
  }
  return out;
}

function looksLikeError(value: object): boolean {
  // A plain { message, stack } is an error from another realm; one with `type` was already described.
  return value instanceof Error || ('message' in value && 'stack' in value && !('type' in value));
}

/** A deep, bounded, cleaned copy of any value, fit for a log line. */
export function sanitizeForLog(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') {
    return cleanText(value);
  }
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  }
  if (seen.has(value)) {
    return '[circular]';
  }
  if (looksLikeError(value)) {
    return describeError(value);
  }
  if (value instanceof Date) {
    return value;
  }
  if (Buffer.isBuffer(value)) {
    return `[${value.length} bytes]`;
  }
  if (depth >= MAX_DEPTH) {
    return Array.isArray(value) ? `[array of ${value.length}]` : '[object]';
  }
  seen.add(value);
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item) => sanitizeForLog(item, depth + 1, seen));
    if (value.length > MAX_ITEMS) {
      items.push(`…${value.length - MAX_ITEMS} more`);
    }
    return items;
  }
  const out: Record<string, unknown> = {};
  const keys = Object.keys(value);
  for (const key of keys.slice(0, MAX_KEYS)) {
    const raw = (value as Record<string, unknown>)[key];
    const rule = ruleFor(key);
    if (rule && raw !== null && raw !== undefined) {
      out[key] = rule(raw);
    } else {
      out[key] = sanitizeForLog(raw, depth + 1, seen);
    }
  }
  if (keys.length > MAX_KEYS) {
    out['…'] = `${keys.length - MAX_KEYS} more keys`;
  }
  return out;
}

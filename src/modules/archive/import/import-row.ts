import { isSafeText } from '../../../common/validation/safe-text';
import { codePointLength } from '../../../common/validation/max-code-points';

/** The columns of a member import, in any order; the header names them. */
export const IMPORT_COLUMNS = ['external_id', 'name', 'phone', 'email', 'birthday', 'opening_points'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_COLUMNS: ImportColumn[] = ['external_id', 'name'];
export const MAX_OPENING_POINTS = 100_000_000;
/**
 * A name no person has: it starts like a spreadsheet formula (=HYPERLINK(…), +cmd|…, @SUM(…)), the mark of a
 * poisoned export. A leading "-" stays allowed (names such as "-Anna" exist); every CSV we write neutralises
 * such cells anyway (src/common/csv.ts).
 */
const FORMULA_NAME = /^[=+@]/;

export type RawImportRow = Partial<Record<ImportColumn, string>>;

export interface ImportedMember {
  externalId: string;
  name: string;
  phone: string | null;
  email: string | null;
  birthday: string | null;
  openingPoints: number;
}

export type RowCheck = { ok: true; member: ImportedMember } | { ok: false; errors: string[] };

/** Checks the header: every required column, nothing unknown, no column twice. Answers the errors (none: fine). */
export function checkHeader(header: string[]): string[] {
  const names = header.map((h) => h.trim().toLowerCase());
  const errors: string[] = [];
  for (const required of REQUIRED_COLUMNS) {
    if (!names.includes(required)) {
      errors.push(`column ${required} is missing`);
    }
  }
  for (const n of names) {
    if (!(IMPORT_COLUMNS as readonly string[]).includes(n)) {
      errors.push(`column ${n || '(empty)'} is unknown; the columns are ${IMPORT_COLUMNS.join(', ')}`);
    }
  }
  if (new Set(names).size !== names.length) {
    errors.push('a column is named twice');
  }
  return errors;
}

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value && d.getTime() <= Date.now();
}

/** Validates one data row. Empty optional cells are null; every problem of the row is listed. */
export function checkImportRow(raw: RawImportRow): RowCheck {
  const errors: string[] = [];
  const cell = (c: ImportColumn) => (raw[c] ?? '').trim();
  const externalId = cell('external_id');
  if (!/^[A-Za-z0-9._:-]{1,64}$/.test(externalId)) {
    errors.push('external_id: 1 to 64 letters, digits or . _ : -');
  }
  const name = cell('name');
  if (name === '' || codePointLength(name) > 100 || !isSafeText(name)) {
    errors.push('name: 1 to 100 characters, no control characters');
  } else if (FORMULA_NAME.test(name)) {
    errors.push('name: must not start with =, + or @ (a spreadsheet would run it as a formula)');
  }
  const phone = cell('phone');
  if (phone !== '' && !/^\+[1-9]\d{6,14}$/.test(phone)) {
    errors.push('phone: E.164, e.g. +8613800138000');
  }
  const email = cell('email').toLowerCase();
  if (email !== '' && (email.length > 254 || !/^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/.test(email))) {
    errors.push('email: not an email address');
  }
  const birthday = cell('birthday');
  if (birthday !== '' && !isRealDate(birthday)) {
    errors.push('birthday: a past date, YYYY-MM-DD');
  }
  const points = cell('opening_points');
  if (points !== '' && (!/^\d{1,9}$/.test(points) || Number(points) > MAX_OPENING_POINTS)) {
    errors.push(`opening_points: a whole number from 0 to ${MAX_OPENING_POINTS}`);
  }
  if (errors.length > 0) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    member: {
      externalId,
      name,
      phone: phone || null,
      email: email || null,
      birthday: birthday || null,
      openingPoints: points === '' ? 0 : Number(points),
    },
  };
}

/** Personal data shown to cashiers and written to logs is masked. */

/** "+8613800138000" → "+86138****8000": the four digits before the last four are hidden. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) {
    return null;
  }
  if (phone.length <= 8) {
    return phone.slice(0, 1) + '*'.repeat(Math.max(phone.length - 3, 1)) + phone.slice(-2);
  }
  return phone.slice(0, phone.length - 8) + '****' + phone.slice(-4);
}

/** "张三" → "张*", "Anna Smith" → "A*********": only the first character shows. */
export function maskName(name: string | null | undefined): string | null {
  if (!name) {
    return null;
  }
  const chars = Array.from(name);
  return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
}

/** "anna.smith@example.com" → "a*********@example.com". */
export function maskEmail(email: string | null | undefined): string | null {
  if (!email) {
    return null;
  }
  const at = email.lastIndexOf('@');
  if (at <= 0) {
    return '***';
  }
  return email[0] + '*'.repeat(Math.max(at - 1, 1)) + email.slice(at);
}

/** "8123456789012345" → "************2345": card numbers show only their last four digits. */
export function maskCardNo(cardNo: string | null | undefined): string | null {
  if (!cardNo) {
    return null;
  }
  return '*'.repeat(Math.max(cardNo.length - 4, 0)) + cardNo.slice(-4);
}

/** Member fields whose values are personal data: masked in the audit log and for console roles without members.pii. */
export const PERSONAL_FIELDS: ReadonlySet<string> = new Set(['name', 'phone', 'email', 'birthday', 'address']);

/**
 * One personal value as every masked view shows it: a phone, an email and a
 * name by their masks above, a birthday or an address as "***". A value of
 * another field is returned as it is.
 */
export function maskPersonalValue(field: string, value: string | null): string | null {
  if (value === null || value === '' || !PERSONAL_FIELDS.has(field)) {
    return value;
  }
  switch (field) {
    case 'phone':
      return maskPhone(value);
    case 'email':
      return maskEmail(value);
    case 'name':
      return maskName(value);
    default:
      return '***';
  }
}

/**
 * A JSON document about a member (an audit entry's changes) with every
 * personal value masked at any depth: a string under a personal key, or
 * anywhere below one ({ name: { old, new } }), is masked as that field.
 * Other keys, numbers, booleans and nulls stay, so the entry still says what
 * changed. Masking a masked value changes nothing.
 */
export function maskPersonal(value: unknown, field: string | null = null): unknown {
  if (typeof value === 'string') {
    return field ? maskPersonalValue(field, value) : value;
  }
  if (Array.isArray(value)) {
    return value.map((item) => maskPersonal(item, field));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskPersonal(v, field ?? (PERSONAL_FIELDS.has(k) ? k : null))]),
    );
  }
  return value;
}

/** Name, phone and email as a caller may see them: masked unless unmasked. */
export function personal<T extends { name: string | null; phone: string | null; email: string | null }>(row: T, unmasked: boolean): T {
  return unmasked ? row : { ...row, name: maskName(row.name), phone: maskPhone(row.phone), email: maskEmail(row.email) };
}

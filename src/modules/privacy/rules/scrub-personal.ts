import { maskEmail, maskName, maskPhone } from '../../../common/masking';

/** Keys whose values are a person's data wherever they appear in an audit document. */
const PERSONAL_KEYS: ReadonlySet<string> = new Set(['name', 'phone', 'email', 'birthday', 'address', 'city', 'gender', 'tags', 'text']);

export const ERASED = '[erased]';

export interface PersonalValues {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  birthday?: string | null;
  address?: string | null;
  city?: string | null;
}

/**
 * The strings that identify the person: each value as stored and as our masks
 * show it (a masked phone or email still narrows a person down). Values
 * shorter than 3 characters are left out so that scrubbing does not eat
 * ordinary words.
 */
export function identifyingStrings(v: PersonalValues): string[] {
  const out = new Set<string>();
  const add = (s: string | null | undefined) => {
    if (s && Array.from(s).length >= 3) {
      out.add(s);
    }
  };
  add(v.name);
  add(v.phone);
  add(maskPhone(v.phone));
  add(v.email);
  add(maskEmail(v.email));
  add(v.birthday);
  add(v.address);
  // A masked name ("张*") alone is too short or too common to match in free text; it goes with the key rule.
  if (v.name && Array.from(v.name).length >= 3) {
    add(maskName(v.name));
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/**
 * A JSON document (an audit entry's changes) without the person's values:
 * values under personal keys become null at any depth, and any string that
 * contains one of the identifying strings becomes "[erased]". Ids, amounts,
 * dates and the names of the changed fields stay, so the entry still says
 * what happened.
 */
export function scrubPersonal(value: unknown, identifying: readonly string[]): unknown {
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    return identifying.some((s) => lower.includes(s.toLowerCase())) ? ERASED : value;
  }
  if (Array.isArray(value)) {
    return value.map((item) => scrubPersonal(item, identifying));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        PERSONAL_KEYS.has(k) && v !== null ? null : scrubPersonal(v, identifying),
      ]),
    );
  }
  return value;
}

import { maskName } from '../../../common/masking';

/**
 * A rendered message as roles other than admin see it: the member's name
 * masked, and every run of four or more digits (phone numbers, card numbers,
 * codes) starred except its last two. Transactional messages (sign-in codes)
 * are hidden whole.
 */
export function maskMessageText(text: string, memberName: string | null, transactional: boolean): string {
  if (transactional) {
    return '[hidden]';
  }
  let out = text;
  if (memberName && memberName.length > 0) {
    out = out.split(memberName).join(maskName(memberName) ?? '');
  }
  return out.replace(/\d{4,}/g, (digits) => '*'.repeat(digits.length - 2) + digits.slice(-2));
}

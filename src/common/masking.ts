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

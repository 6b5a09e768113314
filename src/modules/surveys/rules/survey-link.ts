import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signed link of a survey invitation: `<invitation id>.<signature>`, the
 * signature an HMAC-SHA256 of the id under a key derived from the program's
 * secret (JWT_SECRET), base64url, 22 characters (128 bits). Without the
 * secret a link cannot be made for another invitation; the invitation's own
 * state makes it usable once.
 */
const PURPOSE = 'survey-link:v1:';

function signature(invitationId: string, secret: string): string {
  return createHmac('sha256', secret)
    .update(PURPOSE + invitationId)
    .digest('base64url')
    .slice(0, 22);
}

export function signSurveyLink(invitationId: string, secret: string): string {
  return `${invitationId}.${signature(invitationId, secret)}`;
}

/** The invitation id of a well-signed token, or null. */
export function verifySurveyLink(token: string, secret: string): string | null {
  const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) {
    return null;
  }
  const expected = Buffer.from(signature(m[1], secret));
  const given = Buffer.from(m[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? m[1] : null;
}

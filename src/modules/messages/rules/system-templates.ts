import type { MessageChannel } from '../entities/outbox-message.entity';
import { TemplateSyntaxError, TemplateVariable, variablesOf } from './template';

/** A template the system sends by its code: what a saved version must keep for the system to work. */
export interface SystemTemplate {
  /** The one channel it may use (null: any). */
  channel: MessageChannel | null;
  /** Sent without marketing consent (sign-in codes) or only with it (notices): fixed, never the saver's choice. */
  transactional: boolean;
  /** Variables every body (zh-CN and en) must use. */
  required: readonly TemplateVariable[];
}

/**
 * The templates the code sends by a fixed code (the sign-in code, the
 * notices). Only admins (messages.system) save them, and every version
 * keeps the channel, the transactional flag and the variables the system
 * relies on: a sign-in template without {{code}} would break every sign-in.
 */
export const SYSTEM_TEMPLATES: Readonly<Record<string, SystemTemplate>> = {
  'portal.sign-in-code': { channel: 'sms', transactional: true, required: ['code'] },
  'notice.points-expiring': { channel: null, transactional: false, required: ['points', 'expiryDate'] },
  'notice.tier-changed': { channel: null, transactional: false, required: ['tier'] },
  'notice.coupon-issued': { channel: null, transactional: false, required: ['coupon', 'validUntil'] },
  'notice.coupon-expiring': { channel: null, transactional: false, required: ['coupon', 'validUntil'] },
  /** The apology of service recovery: an answer to the member's own complaint, so sent without marketing consent. */
  'complaint.apology': { channel: null, transactional: true, required: ['caseNo'] },
  /** A survey invitation: marketing, only to members who consented to the channel. */
  'survey.invitation': { channel: null, transactional: false, required: ['surveyLink'] },
};

export function systemTemplate(code: string): SystemTemplate | null {
  return Object.hasOwn(SYSTEM_TEMPLATES, code) ? SYSTEM_TEMPLATES[code] : null;
}

/**
 * Why saving this version needs messages.system (admins), or null when it
 * does not: a system template, a template marked transactional (sent
 * without consent), or a change to a template whose latest version is
 * transactional.
 */
export function systemRightNeeded(code: string, transactional: boolean, latestIsTransactional: boolean): string | null {
  if (systemTemplate(code)) {
    return `${code} is a system template: only admins may change it`;
  }
  if (transactional) {
    return 'only admins may mark a template transactional (sent without marketing consent)';
  }
  if (latestIsTransactional) {
    return `${code} is a transactional template: only admins may change it`;
  }
  return null;
}

/**
 * What a version of a system template lacks: each problem names its field.
 * Empty for any other template. A malformed body is left to the template
 * checks, which name the placeholder.
 */
export function systemTemplateProblems(
  code: string,
  version: { channel: MessageChannel; transactional: boolean; bodies: Array<{ field: string; body: string }> },
): Array<{ field: string; message: string }> {
  const spec = systemTemplate(code);
  if (!spec) {
    return [];
  }
  const problems: Array<{ field: string; message: string }> = [];
  if (spec.channel !== null && version.channel !== spec.channel) {
    problems.push({ field: 'channel', message: `${code} is sent by ${spec.channel}; it must stay ${spec.channel}` });
  }
  if (version.transactional !== spec.transactional) {
    problems.push({ field: 'transactional', message: `${code} must ${spec.transactional ? 'stay' : 'not be'} transactional` });
  }
  for (const { field, body } of version.bodies) {
    let used: Set<string>;
    try {
      used = new Set(variablesOf(body));
    } catch (err) {
      if (err instanceof TemplateSyntaxError) {
        continue;
      }
      throw err;
    }
    const missing = spec.required.filter((v) => !used.has(v));
    if (missing.length > 0) {
      problems.push({ field, message: `${code} must use ${missing.map((v) => `{{${v}}}`).join(' ')}` });
    }
  }
  return problems;
}

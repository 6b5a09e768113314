/**
 * Secret template values (the sign-in code): they never reach a stored row or
 * a screen. The outbox stores the text with each secret still a placeholder
 * (`{{code}}`); the value lives in Redis for its own life only, and the sender
 * puts it in at send time. Pure.
 */
import { TemplateValues, TRANSACTIONAL_VARIABLES } from './template';

/** The variables whose values are secrets: exactly the transactional ones (sign-in codes). */
export const SECRET_VARIABLES: readonly string[] = TRANSACTIONAL_VARIABLES;

export type SecretValues = Record<string, string>;

/** What a secret looks like in a stored text: its own placeholder. */
export function secretPlaceholder(variable: string): string {
  return `{{${variable}}}`;
}

/**
 * Splits a message's values: what may be rendered into the stored text (each
 * secret replaced by its placeholder, so rendering leaves `{{code}}` in place)
 * and the secrets themselves (none: an empty object).
 */
export function withholdSecrets(values: TemplateValues | undefined): { stored: TemplateValues; secrets: SecretValues } {
  const stored: TemplateValues = { ...values };
  const secrets: SecretValues = {};
  for (const variable of SECRET_VARIABLES) {
    const value = values?.[variable as keyof TemplateValues];
    if (value !== undefined && value !== null && String(value) !== '') {
      secrets[variable] = String(value);
      stored[variable as keyof TemplateValues] = secretPlaceholder(variable);
    }
  }
  return { stored, secrets };
}

/** The secret placeholders a stored text holds. */
export function secretsIn(text: string | null): string[] {
  return text === null ? [] : SECRET_VARIABLES.filter((v) => text.includes(secretPlaceholder(v)));
}

/**
 * The text as it is sent: each secret placeholder replaced by its value.
 * `missing` names the placeholders without a value (expired): such a text
 * must not be sent.
 */
export function fillSecrets(text: string, secrets: SecretValues | null): { text: string; missing: string[] } {
  let out = text;
  const missing: string[] = [];
  for (const variable of secretsIn(text)) {
    const value = secrets?.[variable];
    if (value === undefined) {
      missing.push(variable);
      continue;
    }
    out = out.split(secretPlaceholder(variable)).join(value);
  }
  return { text: out, missing };
}

/** A text that may carry secrets (a gateway's error echoing the message) with each value put back to its placeholder. */
export function redactSecrets(text: string, secrets: SecretValues | null): string {
  let out = text;
  for (const [variable, value] of Object.entries(secrets ?? {})) {
    if (value.length > 0) {
      out = out.split(value).join(secretPlaceholder(variable));
    }
  }
  return out;
}

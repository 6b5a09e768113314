/**
 * Message templates: `{{variable}}` placeholders in plain text. Parsing is
 * strict so that a typo is refused when the template is saved, not found
 * when a million messages go out with a hole in them.
 */

/** Variables every template may use. */
export const TEMPLATE_VARIABLES = [
  'name',
  'points',
  'tier',
  'expiryDate',
  'club',
  'coupon',
  'validUntil',
  /** A complaint case's number (the apology). */
  'caseNo',
  /** A survey's title and the member's signed link to answer it (survey invitations). */
  'survey',
  'surveyLink',
] as const;
/** Only transactional templates (sign-in codes) may use these. */
export const TRANSACTIONAL_VARIABLES = ['code'] as const;

export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number] | (typeof TRANSACTIONAL_VARIABLES)[number];
export type TemplateValues = Partial<Record<TemplateVariable, string | number | null>>;

export const TEMPLATE_LOCALES = ['zh-CN', 'en'] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];

type Part = { text: string } | { variable: string };

export interface TemplateProblem {
  /** What is wrong, naming the placeholder. */
  message: string;
}

/** A malformed placeholder, thrown by parseTemplate. */
export class TemplateSyntaxError extends Error {}

/** Splits a text into literal parts and placeholders; throws a TemplateSyntaxError on a malformed placeholder. */
export function parseTemplate(text: string): Part[] {
  const parts: Part[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    const strayClose = text.indexOf('}}', i);
    if (strayClose !== -1 && (open === -1 || strayClose < open)) {
      throw problem(`malformed placeholder: "}}" at position ${strayClose} has no opening "{{"`);
    }
    if (open === -1) {
      parts.push({ text: text.slice(i) });
      break;
    }
    if (open > i) {
      parts.push({ text: text.slice(i, open) });
    }
    const close = text.indexOf('}}', open + 2);
    if (close === -1) {
      throw problem(`malformed placeholder: "{{" at position ${open} is never closed`);
    }
    const inner = text.slice(open + 2, close);
    const name = inner.trim();
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
      throw problem(`malformed placeholder "{{${inner}}}": a placeholder is one variable name such as {{name}}`);
    }
    parts.push({ variable: name });
    i = close + 2;
  }
  return parts;
}

/** The variables a text uses, in order of first use. */
export function variablesOf(text: string): string[] {
  return [...new Set(parseTemplate(text).flatMap((p) => ('variable' in p ? [p.variable] : [])))];
}

/**
 * Checks one text of a template: every placeholder well formed and a known
 * variable ({{code}} only in transactional templates). Returns the problems
 * (empty when the text is fine).
 */
export function validateTemplateText(text: string, transactional: boolean): TemplateProblem[] {
  let used: string[];
  try {
    used = variablesOf(text);
  } catch (err) {
    if (err instanceof TemplateSyntaxError) {
      return [{ message: err.message }];
    }
    throw err;
  }
  const allowed: readonly string[] = transactional ? [...TEMPLATE_VARIABLES, ...TRANSACTIONAL_VARIABLES] : TEMPLATE_VARIABLES;
  return used
    .filter((v) => !allowed.includes(v))
    .map((v) => ({
      message: (TRANSACTIONAL_VARIABLES as readonly string[]).includes(v)
        ? `variable {{${v}}} is only allowed in transactional templates`
        : `unknown variable {{${v}}}; allowed: ${allowed.map((a) => `{{${a}}}`).join(' ')}`,
    }));
}

/** Fills the placeholders. A variable without a value renders as an empty string. Plain text: nothing is escaped. */
export function renderTemplate(text: string, values: TemplateValues): string {
  return parseTemplate(text)
    .map((p) => {
      if ('text' in p) {
        return p.text;
      }
      const value = values[p.variable as TemplateVariable];
      return value === null || value === undefined ? '' : String(value);
    })
    .join('');
}

function problem(message: string): TemplateSyntaxError {
  return new TemplateSyntaxError(message);
}

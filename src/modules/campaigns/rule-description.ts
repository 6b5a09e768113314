/** What a rule means, in the console's two languages (the console renders these from the server, never from a copy). */
export interface RuleDescription {
  'zh-CN': string;
  en: string;
}

export function bilingual(zh: string, en: string): RuleDescription {
  return { 'zh-CN': zh, en };
}

/** Several descriptions joined into one, per language. */
export function joinDescriptions(parts: RuleDescription[], zhSeparator: string, enSeparator: string): RuleDescription {
  return { 'zh-CN': parts.map((p) => p['zh-CN']).join(zhSeparator), en: parts.map((p) => p.en).join(enSeparator) };
}

/** Codes by id (clubs, stores) for a description: the explain answer names them by code, elsewhere by id. */
export type IdNames = ReadonlyMap<string, string>;

/** Ids as a description shows them: by their code when known. */
export function named(ids: readonly string[], names?: IdNames): string[] {
  return ids.map((id) => names?.get(id) ?? id);
}

/** A list of values for a description: the first few, then how many more. */
export function listed(values: readonly string[], max = 5): string {
  return values.length <= max ? values.join(', ') : `${values.slice(0, max).join(', ')} (+${values.length - max})`;
}

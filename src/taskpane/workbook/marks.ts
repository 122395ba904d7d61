/**
 * Highlights as conditional formatting keyed to the worker, shared by the Office, WPS and
 * in-memory adapters. A mark never touches a cell's own fill: each marked row is remembered by a
 * key — the text of its 身份证号 cell, or, when the row has none, the text of the whole row from A
 * to the last used column — and one conditional-format rule per sheet, colour and key shape
 * colours every row of the used range whose key is in the rule's list. The lists live in one very
 * hidden sheet ({@link MARK_SHEET}), a column per rule. So a sort moves the mark with the worker
 * (the key is in the row), inserted columns shift the rule's references as Excel shifts any
 * formula, a rename changes nothing (rules live on the sheet), the clerk's own fills are never
 * read or written, and clearing deletes exactly the rules whose formula names {@link MARK_SHEET}.
 *
 * Why the whole row when there is no 身份证号: it is the only thing that travels with the row
 * through a sort without writing into the clerk's sheet. Editing any cell of such a row ends its
 * mark — the row is no longer the row the check found — which the pane's help says.
 */
import type { Cell } from '../../engine';
import { HIGHLIGHT } from './port';

/** The very hidden sheet holding the key lists (one column per rule; row 1 says what it is). */
export const MARK_SHEET = 'cwkit标记';

/** Row 1 of every list column: what the sheet is, for anyone who unhides it. */
export const MARK_NOTE = 'cwkit 标记（由 cwkit 写入；“清除标记”时删除）';

/** What the workbook's settings keep about the marks (the rules and lists are in the workbook itself). */
export interface MarkRecord {
  v: 2;
  /** Rows marked. */
  rows: number;
}

/** The key of a marked row: the columns read and their joined text at marking time. */
export interface MarkKey {
  /** 0-based columns, joined with {@link KEY_SEPARATOR}. */
  columns: number[];
  text: string;
}

/** Between the cells of a whole-row key. */
export const KEY_SEPARATOR = '|';

/** Column letters of a 0-based column (0 → A, 26 → AA). */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 0-based column of column letters. */
export function columnIndex(letters: string): number {
  let c = 0;
  for (const ch of letters) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

/**
 * A cell as Excel's `&` turns it into text: blank '', TRUE/FALSE, numbers in General form to 15
 * significant digits (1.10105198001011E+17 for an 18-digit number — a 身份证号 kept as a number has
 * already lost its last digits, which the check reports).
 */
export function cellText(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    const n = Number(v.toPrecision(15));
    const a = Math.abs(n);
    if (n !== 0 && (a >= 1e15 || a < 1e-9)) {
      const [m, e] = n.toExponential(14).split('e');
      const mantissa = m.replace(/\.?0+$/, '');
      const exp = Number(e);
      return `${mantissa}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
    }
    return String(n);
  }
  return v;
}

/** The key of a row: its 身份证号 cell when `keyColumn` is given and the cell is not blank, else the whole row A..width. */
export function keyOf(row: readonly Cell[], width: number, keyColumn?: number): MarkKey {
  if (keyColumn !== undefined && keyColumn >= 0) {
    const text = cellText(row[keyColumn]).trim();
    if (text !== '') return { columns: [keyColumn], text: cellText(row[keyColumn]) };
  }
  const columns = Array.from({ length: Math.max(1, width) }, (_, c) => c);
  return { columns, text: textOf(row, columns) };
}

/** The joined text of these columns of a row (what the rule's formula computes for it). */
export function textOf(row: readonly Cell[], columns: readonly number[]): string {
  return columns.map((c) => cellText(row[c])).join(KEY_SEPARATOR);
}

/** One conditional-format rule: a sheet, a colour, a key shape and the keys it marks. */
export interface MarkRule {
  sheet: string;
  color: string;
  columns: number[];
  keys: string[];
  /** Rows of the sheet it marks. */
  rows: number;
}

/** A mark to lay out: a row's sheet, colour and key. */
export interface KeyedMark {
  sheet: string;
  color: string;
  key: MarkKey;
}

/**
 * The rules for a set of marks: one per sheet, colour and key shape, warnings before errors (so
 * errors are added last and, placed first, win where a key is in both — two rows sharing a 身份证号).
 */
export function markRules(marks: readonly KeyedMark[]): MarkRule[] {
  const rules = new Map<string, MarkRule>();
  for (const m of marks) {
    const id = [m.sheet.toLowerCase(), m.color.toUpperCase(), m.key.columns.join(',')].join('\u0001');
    let r = rules.get(id);
    if (!r) rules.set(id, (r = { sheet: m.sheet, color: m.color, columns: m.key.columns, keys: [], rows: 0 }));
    r.rows++;
    if (!r.keys.includes(m.key.text)) r.keys.push(m.key.text);
  }
  const rank = (c: string) => (c.toUpperCase() === HIGHLIGHT.error ? 1 : 0);
  return [...rules.values()].sort((a, b) => rank(a.color) - rank(b.color));
}

/** The rule's key expression for the range's first row `row` (1-based): `$D1&""`, `$A1&"|"&$B1…`. */
export function keyExpression(columns: readonly number[], row = 1): string {
  return columns.map((c) => `$${columnLetters(c)}${row}`).join(`&"${KEY_SEPARATOR}"&`) + (columns.length === 1 ? '&""' : '');
}

/**
 * The formula of a rule whose keys are in column `listColumn` (0-based) of {@link MARK_SHEET},
 * rows 2…: `=SUMPRODUCT(--('cwkit标记'!$A$2:$A$9=$D1&""))>0`. SUMPRODUCT compares whole texts
 * (COUNTIF and MATCH read digits as numbers past 15 digits, treat * and ? as wildcards and stop at
 * 255 characters, all wrong for a 身份证号 or a row's text).
 */
export function ruleFormula(rule: Pick<MarkRule, 'columns' | 'keys'>, listColumn: number): string {
  const l = columnLetters(listColumn);
  return `=SUMPRODUCT(--('${MARK_SHEET}'!$${l}$2:$${l}$${rule.keys.length + 1}=${keyExpression(rule.columns)}))>0`;
}

/** Whether a conditional format's formula is one of cwkit's marks. */
export function isMarkFormula(formula: string | null | undefined): boolean {
  return typeof formula === 'string' && formula.includes(`'${MARK_SHEET}'!`);
}

/** The cells of the list sheet: row 1 the note and what each column marks, then the keys (as text). */
export function listColumns(rules: readonly MarkRule[]): string[][] {
  return rules.map((r) => [`${MARK_NOTE}：${r.sheet} ${r.color}`, ...r.keys]);
}

/** The message when the clerk's own sheet has the list sheet's name (cwkit never writes into it). */
export function markSheetTaken(): string {
  return `工作簿中已有名为“${MARK_SHEET}”的工作表，cwkit 不会改写它。请把它改名后再标出问题行。`;
}

/** The record of marked rows, or null when the value is not one (an older record of fills is told apart by its `v`). */
export function markRecordOf(value: unknown): MarkRecord | null {
  const r = value as MarkRecord | null;
  return r && typeof r === 'object' && r.v === 2 && typeof r.rows === 'number' ? r : null;
}

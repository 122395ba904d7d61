/**
 * The part of a spreadsheet's calculation the fakes need to show cwkit's marks: a custom
 * conditional format's formula of the shape marks.ts writes —
 * `=SUMPRODUCT(--('list'!$A$2:$A$9=$D1&"|"&$E1…))>0` — evaluated for one row, with Excel's rules:
 * references relative to the format's first row, `&` joining cell texts, `=` comparing text
 * without regard to case. And what inserting columns does to such a formula: references at or
 * right of the inserted columns move right (the list sheet's absolute references stay). Anything
 * else is refused, so a formula the fakes cannot judge fails the test instead of passing it.
 */
import type { Cell } from '../../src/engine';
import { cellText, columnIndex, columnLetters } from '../../src/taskpane/workbook/marks';

const SHAPE = /^=SUMPRODUCT\(--\('((?:[^']|'')+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)=(.+)\)\)>0$/;
const PART = /^(?:\$([A-Z]+)(\d+)|"((?:[^"]|"")*)")$/;

/** Cells of a sheet by 1-based row and 0-based column. */
export type CellAt = (sheet: string, row: number, col: number) => Cell | undefined;

/**
 * Whether the formula holds for sheet row `row` (1-based) of a format whose range starts at
 * `topRow`. Throws on a formula of any other shape.
 */
export function formulaHolds(formula: string, topRow: number, row: number, cellAt: (row: number, col: number) => Cell | undefined, listAt: CellAt): boolean {
  const m = SHAPE.exec(formula);
  if (!m) throw new Error(`fake spreadsheet: cannot evaluate the conditional format ${formula}`);
  const [, quoted, c1, r1, c2, r2, expr] = m;
  if (c1 !== c2) throw new Error(`fake spreadsheet: the list must be one column (${formula})`);
  const listSheet = quoted.replace(/''/g, "'");
  let text = '';
  for (const part of expr.split('&')) {
    const p = PART.exec(part);
    if (!p) throw new Error(`fake spreadsheet: cannot evaluate ${part} in ${formula}`);
    if (p[3] !== undefined) text += p[3].replace(/""/g, '"');
    else text += cellText(cellAt(row + Number(p[2]) - topRow, columnIndex(p[1])) ?? null);
  }
  const col = columnIndex(c1);
  for (let r = Number(r1); r <= Number(r2); r++) if (cellText(listAt(listSheet, r, col) ?? null).toLowerCase() === text.toLowerCase()) return true;
  return false;
}

/** The formula after inserting `count` columns before 0-based column `at` of its own sheet. */
export function shiftColumns(formula: string, at: number, count: number): string {
  // Only relative-row references ($D1) are the sheet's own; the list's are $A$2 (absolute row).
  return formula.replace(/\$([A-Z]+)(\d+)/g, (whole, letters: string, row: string) => {
    const c = columnIndex(letters);
    return c >= at ? `$${columnLetters(c + count)}${row}` : whole;
  });
}

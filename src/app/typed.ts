/**
 * What a clerk types into a cell, as the cell value Excel would store: blank clears the cell;
 * in a date column a date (2015-03-01, 2015/3/1, 2015年3月1日) becomes a date serial; a plain
 * number becomes a number unless the column is text or it has 12 or more digits or a leading
 * zero (resident IDs, codes keep every digit); anything else stays text as typed.
 */
import { dayNumberOf, toExcelSerial } from '../engine';
import type { Cell } from '../engine';
import type { ColumnFormat } from '../taskpane/workbook/memory';

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
// One way to match each number (`\d+\.?\d*` could split a run of digits n ways: quadratic on a long one).
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The cell value of typed text in a column of that format. */
export function cellOfText(text: string, format: ColumnFormat): Cell {
  const t = text.trim();
  if (t === '') return null;
  if (format === 'date') {
    const m = DATE.exec(t);
    if (m) {
      const day = dayNumberOf(Number(m[1]), Number(m[2]), Number(m[3]));
      if (!Number.isNaN(day)) return toExcelSerial(day);
    }
  }
  if (format !== 'text' && NUMBER.test(t)) {
    const digits = t.replace(/[^\d]/g, '');
    if (digits.length < 12 && !/^[+-]?0\d/.test(t)) return Number(t);
  }
  return text;
}

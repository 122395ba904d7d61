/**
 * The marks' keys and formulas (src/taskpane/workbook/marks.ts): a cell's text as Excel's `&`
 * gives it, the 身份证号 key and the whole-row fallback, one rule per sheet, colour and key shape
 * with errors winning, and the formula the fakes' evaluator (cf-eval.ts) judges as Excel would.
 */
import { cellText, columnIndex, columnLetters, isMarkFormula, keyExpression, keyOf, MARK_SHEET, markRecordOf, markRules, ruleFormula } from '../../src/taskpane/workbook/marks';
import { HIGHLIGHT } from '../../src/taskpane/workbook/port';
import { formulaHolds, shiftColumns } from './cf-eval';

test('a cell’s text as Excel’s & gives it', () => {
  expect([null, '', 'x', true, false, 0, 12, -3.5, 45000, 123456789012345].map(cellText)).toEqual(['', '', 'x', 'TRUE', 'FALSE', '0', '12', '-3.5', '45000', '123456789012345']);
  expect(cellText(110105198001011234)).toBe('1.10105198001011E+17');
  expect(cellText(0.1 + 0.2)).toBe('0.3');
  expect(cellText(1e-12)).toBe('1E-12');
});

test('column letters both ways', () => {
  expect([0, 25, 26, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  expect(['A', 'Z', 'AA', 'ZZ', 'AAA'].map(columnIndex)).toEqual([0, 25, 26, 701, 702]);
});

test('the key: the 身份证号 when the row has one, else the whole row', () => {
  const row = [1, '春晖社区', '张三', '11010519800101123X'];
  expect(keyOf(row, 4, 3)).toEqual({ columns: [3], text: '11010519800101123X' });
  expect(keyOf([3, '桂园社区', '王堃', null], 4, 3)).toEqual({ columns: [0, 1, 2, 3], text: '3|桂园社区|王堃|' });
  expect(keyOf([3, '桂园社区', '王堃', '  '], 4, 3).columns).toEqual([0, 1, 2, 3]);
  expect(keyOf(row, 4)).toEqual({ columns: [0, 1, 2, 3], text: '1|春晖社区|张三|11010519800101123X' });
});

test('rules: one per sheet, colour and key shape, each key once; warnings first so errors are added last (and placed first)', () => {
  const id = (text: string) => ({ columns: [3], text });
  const rules = markRules([
    { sheet: '职工', color: HIGHLIGHT.error, key: id('A') },
    { sheet: '职工', color: HIGHLIGHT.warning, key: id('B') },
    { sheet: '职工', color: HIGHLIGHT.error, key: id('A') }, // two rows with one 身份证号
    { sheet: '职工', color: HIGHLIGHT.error, key: { columns: [0, 1], text: 'x|y' } },
    { sheet: '社区', color: HIGHLIGHT.error, key: id('C') },
  ]);
  expect(rules.map((r) => [r.sheet, r.color, r.columns, r.keys, r.rows])).toEqual([
    ['职工', HIGHLIGHT.warning, [3], ['B'], 1],
    ['职工', HIGHLIGHT.error, [3], ['A'], 2],
    ['职工', HIGHLIGHT.error, [0, 1], ['x|y'], 1],
    ['社区', HIGHLIGHT.error, [3], ['C'], 1],
  ]);
});

test('the formula: SUMPRODUCT over the list column, the key relative to the first row; only cwkit’s are recognised', () => {
  expect(keyExpression([3])).toBe('$D1&""');
  expect(keyExpression([0, 2])).toBe('$A1&"|"&$C1');
  const f = ruleFormula({ columns: [3], keys: ['a', 'b'] }, 1);
  expect(f).toBe(`=SUMPRODUCT(--('${MARK_SHEET}'!$B$2:$B$3=$D1&""))>0`);
  expect(isMarkFormula(f)).toBe(true);
  expect(isMarkFormula('=SUMPRODUCT(--(Sheet1!$B$2:$B$3=$D1))>0')).toBe(false);
  expect(isMarkFormula(null)).toBe(false);
});

test('the fakes’ evaluator: relative rows, case-insensitive text, inserted columns shift only the sheet’s own references', () => {
  const f = ruleFormula({ columns: [3], keys: ['11010519800101123X'] }, 0);
  const list = (_s: string, r: number) => (r === 2 ? '11010519800101123X' : undefined);
  const rows: Record<number, unknown[]> = { 1: ['序号', '', '', '身份证号'], 3: [1, '', '', '11010519800101123x'] };
  const at = (r: number, c: number) => (rows[r]?.[c] ?? null) as never;
  expect(formulaHolds(f, 1, 3, at, list)).toBe(true);
  expect(formulaHolds(f, 1, 1, at, list)).toBe(false);
  expect(shiftColumns(f, 1, 2)).toBe(`=SUMPRODUCT(--('${MARK_SHEET}'!$A$2:$A$2=$F1&""))>0`);
  expect(shiftColumns(f, 4, 2)).toBe(f);
  expect(() => formulaHolds('=A1>0', 1, 1, at, list)).toThrow(/cannot evaluate/);
});

test('the record: rows marked, told apart from an older record of fills', () => {
  expect(markRecordOf({ v: 2, rows: 3 })).toEqual({ v: 2, rows: 3 });
  expect(markRecordOf({ v: 1, rows: [] })).toBeNull();
  expect(markRecordOf(null)).toBeNull();
});

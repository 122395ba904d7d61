/**
 * The workbook port's two adapters against one contract — the in-memory workbook and the Office.js
 * adapter over a fake Excel made with office-addin-mock (test/taskpane/fake-excel.ts, where a
 * property is readable only after load + sync) — and the Office adapter's own duties: reading
 * large sheets in chunks within Excel's payload limits, writing text as text, JSON settings.
 */
import type { Cell } from '../../src/engine';
import { MemoryWorkbook } from '../../src/taskpane/workbook/memory';
import { OfficeWorkbook } from '../../src/taskpane/workbook/office';
import { HIGHLIGHT, SETTING, uniqueSheetName } from '../../src/taskpane/workbook/port';
import { MARK_SHEET } from '../../src/taskpane/workbook/marks';
import type { WorkbookPort } from '../../src/taskpane/workbook/port';
import { FakeExcel } from './fake-excel';
import { WpsWorkbook } from '../../src/wps/workbook';
import type { EtHost } from '../../src/wps/workbook';
import { FakeEt } from '../wps/fake-et';

/** An adapter with a view of its workbook (rows 1-based, columns 0-based). */
interface Subject {
  port: WorkbookPort;
  cells(sheet: string): Cell[][];
  fill(sheet: string, row: number, col: number): string | null;
  setFill(sheet: string, row: number, col: number, color: string | null): void;
  selection(): { sheet: string; row: number } | null;
  active(): string | null;
  names(): string[];
  /** The colour cwkit's mark shows on a cell now (1-based row, 0-based column), or null. */
  mark(sheet: string, row: number, col: number): string | null;
  /** The clerk's own actions between two calls: sort rows (1-based, inclusive) by a column, insert columns before `at`, rename. */
  sort(sheet: string, first: number, last: number, byColumn: number, descending?: boolean): void;
  insertColumns(sheet: string, at: number, count: number): void;
  rename(from: string, to: string): void;
}

const ROSTER: Cell[][] = [
  ['社区工作者花名册'],
  ['序号', '社区', '姓名', '身份证号码'],
  [1, '春晖社区', '张三', '110105198001011234'],
  [],
  [2, '春晖社区', '李喆', '11010519800101123X'],
  [3, '桂园社区', '王堃', null],
];

function memory(): Subject {
  const wb = new MemoryWorkbook([{ name: '职工', rows: ROSTER }, { name: '检查结果', rows: [['用户自己的表']] }]);
  return {
    port: wb,
    cells: (s) => wb.sheet(s).cells.map((r) => r.map((v) => (v === undefined ? null : v))),
    fill: (s, r, c) => wb.fillAt(s, r, c),
    setFill: (s, r, c, color) => wb.setFill(s, r, c, color),
    selection: () => (wb.selection ? { sheet: wb.selection.sheet, row: wb.selection.row } : null),
    active: () => wb.active,
    names: () => wb.sheets.map((s) => s.name),
    mark: (s, r) => wb.markAt(s, r),
    sort: (s, a, b, c, d) => wb.sortRows(s, a, b, c, d),
    insertColumns: (s, at, n) => wb.insertColumns(s, at, n),
    rename: (a, b) => wb.renameSheet(a, b),
  };
}

function office(): Subject & { fake: FakeExcel } {
  const fake = new FakeExcel([{ name: '职工', rows: ROSTER }, { name: '检查结果', rows: [['用户自己的表']] }]);
  const port = new OfficeWorkbook({ run: fake.run });
  return {
    fake,
    port,
    cells: (s) => fake.sheet(s).cells.map((r) => r.map((v) => (v === undefined ? null : v))),
    fill: (s, r, c) => {
      const f = fake.fill(s, r - 1, c);
      return f.pattern === 'None' ? null : f.color;
    },
    setFill: (s, r, c, color) => fake.setFill(s, r - 1, c, color),
    selection: () => (fake.selection ? { sheet: fake.selection.sheet, row: fake.selection.row + 1 } : null),
    active: () => fake.active,
    names: () => fake.sheets.map((s) => s.name),
    mark: (s, r, c) => fake.markAt(s, r - 1, c),
    sort: (s, a, b, c, d) => fake.sortRows(s, a - 1, b - 1, c, d),
    insertColumns: (s, at, n) => fake.insertColumns(s, at, n),
    rename: (a, b) => fake.rename(a, b),
  };
}

/** The WPS adapter over a fake of WPS 表格's object model (test/wps/fake-et.ts). */
function wps(): Subject & { fake: FakeEt } {
  const fake = new FakeEt([{ name: '职工', rows: ROSTER }, { name: '检查结果', rows: [['用户自己的表']] }]);
  return {
    fake,
    port: new WpsWorkbook(fake as unknown as EtHost),
    cells: (s) => fake.sheet(s).cells.map((r) => r.map((v) => (v === undefined ? null : v))),
    fill: (s, r, c) => fake.fill(s, r, c),
    setFill: (s, r, c, color) => fake.setFill(s, r, c, color),
    selection: () => (fake.selection ? { sheet: fake.selection.sheet, row: fake.selection.row } : null),
    active: () => fake.active,
    names: () => fake.ActiveWorkbook.states.map((s) => s.name),
    mark: (s, r, c) => fake.markAt(s, r, c),
    sort: (s, a, b, c, d) => fake.sortRows(s, a, b, c, d),
    insertColumns: (s, at, n) => fake.insertColumns(s, at, n),
    rename: (a, b) => fake.rename(a, b),
  };
}

const trim = (rows: Cell[][]) => rows.map((r) => {
  const out = r.slice();
  while (out.length && (out[out.length - 1] === null || out[out.length - 1] === undefined)) out.pop();
  return out;
});

describe.each([
  ['in-memory', memory],
  ['Office.js (office-addin-mock)', () => office()],
  ['WPS 表格 (fake ET object model)', wps],
] as const)('%s adapter', (_, make) => {
  let s: Subject;
  beforeEach(() => {
    s = make();
  });

  test('reads a sheet: blanks as null, blank rows skipped with the sheet row numbers kept, sizes from A1', async () => {
    expect(await s.port.sheetNames()).toEqual(['职工', '检查结果']);
    const r = await s.port.readSheet('职工');
    expect(r.name).toBe('职工');
    expect(r.columnCount).toBe(4);
    expect(r.rowCount).toBe(6);
    expect(r.rowNumbers).toEqual([1, 2, 3, 5, 6]);
    expect(r.rows[0]).toEqual(['社区工作者花名册', null, null, null]);
    expect(r.rows[3]).toEqual([2, '春晖社区', '李喆', '11010519800101123X']);
    expect(r.rows[4]).toEqual([3, '桂园社区', '王堃', null]);
    const head = await s.port.readSheet('职工', { maxRows: 2 });
    expect(head.rowNumbers).toEqual([1, 2]);
    expect(head.rowCount).toBe(6);
  });

  test('reports progress and stops when cancelled', async () => {
    const seen: Array<[number, number]> = [];
    await s.port.readSheet('职工', { onRows: (d, t) => seen.push([d, t]) });
    expect(seen[seen.length - 1]).toEqual([6, 6]);
    await expect(s.port.readSheet('职工', { signal: { aborted: true } })).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('adds a new sheet under a free name — 检查结果(2) when 检查结果 exists — and never writes into an existing one', async () => {
    const before = s.cells('检查结果');
    const name = await s.port.addSheet('检查结果', { rows: [['标题'], ['序号', '姓名', '身份证号'], [1, '李喆', '11010519800101123X']], boldRows: 2, textColumns: [1, 2] });
    expect(name).toBe('检查结果(2)');
    expect(s.cells('检查结果')).toEqual(before);
    expect(trim(s.cells('检查结果(2)'))).toEqual([['标题'], ['序号', '姓名', '身份证号'], [1, '李喆', '11010519800101123X']]);
    expect(s.active()).toBe('检查结果(2)');
    expect(await s.port.addSheet('检查结果', { rows: [['x']] })).toBe('检查结果(3)');
    expect(s.names()).toEqual(['职工', '检查结果', '检查结果(2)', '检查结果(3)']);
  });

  test('selects a row (and shows its sheet)', async () => {
    await s.port.activateSheet('检查结果');
    await s.port.selectRow('职工', 5);
    expect(s.selection()).toEqual({ sheet: '职工', row: 5 });
    expect(s.active()).toBe('职工');
  });

  /** Marks on the roster's worker rows: 张三 (row 3) an error, 李喆 (row 5) a warning, 王堃 (row 6, no 身份证号) an error. */
  const MARKS = [
    { sheet: '职工', row: 3, color: HIGHLIGHT.error, keyColumn: 3 },
    { sheet: '职工', row: 5, color: HIGHLIGHT.warning, keyColumn: 3 },
    { sheet: '职工', row: 6, color: HIGHLIGHT.error, keyColumn: 3 },
  ];
  /** The marks on every row of a sheet, per column A..D. */
  const marksOf = (sheet: string, rows = 6) => Array.from({ length: rows }, (_, i) => [0, 1, 2, 3].map((c) => s.mark(sheet, i + 1, c)));
  /** The clerk's own fills, per row 1..6 and column A..D. */
  const fillsOf = (sheet: string, rows = 6, cols = 4) => Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, c) => s.fill(sheet, i + 1, c)));
  /** The sheet row that holds a name (column C before any insert). */
  const rowOf = (sheet: string, name: string, col = 2) => s.cells(sheet).findIndex((r) => r[col] === name) + 1;
  const E = HIGHLIGHT.error;
  const W = HIGHLIGHT.warning;
  const clerkFills = () => {
    s.setFill('职工', 3, 1, '#00B0F0'); // the clerk's own fill on a row to be marked
    s.setFill('职工', 6, 0, '#92D050');
    s.setFill('职工', 2, 3, '#FFFF00'); // and on the header
  };

  test('marks rows without touching a fill; clearing deletes only the marks', async () => {
    clerkFills();
    const before = fillsOf('职工');
    expect(await s.port.highlightCount()).toBe(0);
    expect(await s.port.highlightRows(MARKS)).toBe(3);
    expect(marksOf('职工')).toEqual([[null, null, null, null], [null, null, null, null], [E, E, E, E], [null, null, null, null], [W, W, W, W], [E, E, E, E]]);
    expect(fillsOf('职工')).toEqual(before);
    expect(await s.port.highlightCount()).toBe(3);
    expect(await s.port.sheetNames()).toEqual(['职工', '检查结果']);
    expect(await s.port.clearHighlights()).toBe(3);
    expect(marksOf('职工').flat().every((m) => m === null)).toBe(true);
    expect(fillsOf('职工')).toEqual(before);
    expect(await s.port.highlightCount()).toBe(0);
    expect(await s.port.clearHighlights()).toBe(0);
    expect(await s.port.sheetNames()).toEqual(['职工', '检查结果']);
  });

  test('rename the sheet between 标出问题行 and 清除标记: the marks stay on it and then go', async () => {
    clerkFills();
    const before = fillsOf('职工');
    await s.port.highlightRows(MARKS);
    s.rename('职工', '花名册');
    expect(marksOf('花名册')[2]).toEqual([E, E, E, E]);
    expect(await s.port.clearHighlights()).toBe(3);
    expect(marksOf('花名册').flat().every((m) => m === null)).toBe(true);
    expect(fillsOf('花名册')).toEqual(before);
  });

  test('sort the rows in between: each mark follows its worker (by 身份证号, or the whole row without one), fills move with their rows', async () => {
    clerkFills();
    await s.port.highlightRows(MARKS);
    s.sort('职工', 3, 6, 2, true); // by 姓名, descending: the rows change places
    const zhang = rowOf('职工', '张三');
    const li = rowOf('职工', '李喆');
    const wang = rowOf('职工', '王堃');
    expect([zhang, li, wang]).not.toEqual([3, 5, 6]);
    expect(s.mark('职工', zhang, 0)).toBe(E);
    expect(s.mark('职工', li, 2)).toBe(W);
    expect(s.mark('职工', wang, 3)).toBe(E);
    const blank = [3, 4, 5, 6].find((r) => ![zhang, li, wang].includes(r))!;
    expect(s.mark('职工', blank, 0)).toBeNull();
    expect(s.fill('职工', zhang, 1)).toBe('#00B0F0'); // the clerk's fill went with 张三's row
    expect(s.fill('职工', wang, 0)).toBe('#92D050');
    expect(await s.port.clearHighlights()).toBe(3);
    expect(marksOf('职工').flat().every((m) => m === null)).toBe(true);
    expect(s.fill('职工', zhang, 1)).toBe('#00B0F0');
    expect(s.fill('职工', wang, 0)).toBe('#92D050');
    expect(s.fill('职工', 2, 3)).toBe('#FFFF00');
  });

  test('recolour a marked cell in between: the clerk’s new fill is kept, the mark goes', async () => {
    await s.port.highlightRows(MARKS);
    s.setFill('职工', 5, 2, '#FF0000');
    s.setFill('职工', 3, 0, HIGHLIGHT.error); // even in the mark's own colour
    expect(s.mark('职工', 5, 2)).toBe(W); // shown over it while marked, as Excel shows a conditional format
    await s.port.clearHighlights();
    expect(s.fill('职工', 5, 2)).toBe('#FF0000');
    expect(s.fill('职工', 3, 0)).toBe(HIGHLIGHT.error);
    expect(marksOf('职工').flat().every((m) => m === null)).toBe(true);
  });

  test('press 标出问题行 twice, a fill set in between: the second marks replace the first, the fill stays', async () => {
    await s.port.highlightRows(MARKS);
    s.setFill('职工', 3, 1, '#00B0F0');
    expect(await s.port.highlightRows([{ sheet: '职工', row: 5, color: HIGHLIGHT.error, keyColumn: 3 }])).toBe(1);
    expect(await s.port.highlightCount()).toBe(1);
    expect(marksOf('职工')).toEqual([[null, null, null, null], [null, null, null, null], [null, null, null, null], [null, null, null, null], [E, E, E, E], [null, null, null, null]]);
    expect(s.fill('职工', 3, 1)).toBe('#00B0F0');
    expect(await s.port.clearHighlights()).toBe(1);
    expect(s.fill('职工', 3, 1)).toBe('#00B0F0');
    expect(marksOf('职工').flat().every((m) => m === null)).toBe(true);
  });

  test('insert columns in between: the marks widen and keep to their workers; the fills move with their cells', async () => {
    clerkFills();
    await s.port.highlightRows(MARKS);
    s.insertColumns('职工', 1, 2); // two new columns before B
    const row = (r: number) => [0, 1, 2, 3, 4, 5].map((c) => s.mark('职工', r, c));
    expect(row(3)).toEqual([E, E, E, E, E, E]);
    expect(row(5)).toEqual([W, W, W, W, W, W]);
    expect(row(6)).toEqual([E, E, E, E, E, E]); // no 身份证号: the row's text, whose columns moved right
    expect(row(4)).toEqual([null, null, null, null, null, null]);
    expect(s.fill('职工', 3, 3)).toBe('#00B0F0');
    expect(s.fill('职工', 2, 5)).toBe('#FFFF00');
    s.sort('职工', 3, 6, 4, true); // and sorted after, by 姓名 now in E
    expect(s.mark('职工', rowOf('职工', '张三', 4), 0)).toBe(E);
    expect(await s.port.clearHighlights()).toBe(3);
    expect(fillsOf('职工', 6, 6).flat().filter((f) => f !== null).sort()).toEqual(['#00B0F0', '#92D050', '#FFFF00']);
    expect(Array.from({ length: 6 }, (_, r) => row(r + 1)).flat().every((m) => m === null)).toBe(true);
  });

  test('marks on two sheets: each sheet’s rows by their own keys, no mark on the rows not marked; clearing removes both', async () => {
    await s.port.addSheet('社区表', { rows: [['社区', '身份证号码'], ['春晖社区', '110105198001011234']] });
    expect(await s.port.highlightRows([{ sheet: '职工', row: 3, color: HIGHLIGHT.error, keyColumn: 3 }, { sheet: '社区表', row: 2, color: HIGHLIGHT.warning }])).toBe(2);
    expect(s.mark('职工', 3, 0)).toBe(E);
    expect(s.mark('社区表', 2, 0)).toBe(W);
    // 社区表 row 2 also holds 张三's 身份证号 (in B); each sheet's rules read only that sheet's own rows.
    expect(s.mark('社区表', 1, 0)).toBeNull();
    expect(s.mark('职工', 5, 0)).toBeNull();
    expect(await s.port.clearHighlights()).toBe(2);
    expect([s.mark('职工', 3, 0), s.mark('社区表', 2, 0)]).toEqual([null, null]);
    expect(await s.port.sheetNames()).toEqual(['职工', '检查结果', '社区表']);
  });

  test('keeps JSON settings in the workbook; null removes one', async () => {
    expect(await s.port.getSetting('cwkit.x')).toBeNull();
    await s.port.setSetting('cwkit.x', { v: 1, tables: { workers: { sheet: '职工', headerRow: 2, override: { community: '所在单位' } } } });
    expect(await s.port.getSetting('cwkit.x')).toEqual({ v: 1, tables: { workers: { sheet: '职工', headerRow: 2, override: { community: '所在单位' } } } });
    await s.port.setSetting('cwkit.x', null);
    expect(await s.port.getSetting('cwkit.x')).toBeNull();
  });
});

describe('uniqueSheetName', () => {
  test('Excel’s rules: case-insensitive, no []:*?/\\, at most 31 characters', () => {
    expect(uniqueSheetName('检查结果', [])).toBe('检查结果');
    expect(uniqueSheetName('Results', ['results', 'RESULTS(2)'])).toBe('Results(3)');
    expect(uniqueSheetName('a/b:c', [])).toBe('a_b_c');
    const long = '长'.repeat(40);
    expect(uniqueSheetName(long, [])).toHaveLength(31);
    expect(uniqueSheetName(long, ['长'.repeat(31)])).toBe('长'.repeat(28) + '(2)');
  });
});

describe('Office.js adapter', () => {
  test('a 100,000-row roster is read in requests of at most 5,000 rows and 200,000 cells, every row once', async () => {
    const rows: Cell[][] = [['序号', '社区', '姓名', ...Array.from({ length: 30 }, (_, i) => `列${i}`)]];
    for (let i = 1; i <= 100_000; i++) rows.push([i, `社区${i % 5000}`, `职工${i}`, ...Array.from({ length: 30 }, (_, j) => (j % 7 === 0 ? null : j))]);
    const fake = new FakeExcel([{ name: '职工', rows }]);
    const port = new OfficeWorkbook({ run: fake.run });
    const progress: number[] = [];
    const r = await port.readSheet('职工', { onRows: (d) => progress.push(d) });
    expect(r.rows).toHaveLength(100_001);
    expect(r.rows[100_000][2]).toBe('职工100000');
    expect(r.rowNumbers[100_000]).toBe(100_001);
    expect(fake.reads.length).toBeGreaterThanOrEqual(21);
    for (const q of fake.reads) {
      expect(q.rows).toBeLessThanOrEqual(5000);
      expect(q.rows * q.columns).toBeLessThanOrEqual(200_000);
    }
    expect(fake.reads.reduce((n, q) => n + q.rows, 0)).toBe(100_001);
    expect(progress[progress.length - 1]).toBe(100_001);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  test('wide sheets take fewer rows per request; a cancelled read stops between requests', async () => {
    const rows: Cell[][] = Array.from({ length: 6_000 }, (_, i) => Array.from({ length: 80 }, (_, j) => i * 80 + j));
    const fake = new FakeExcel([{ name: 'wide', rows }]);
    const port = new OfficeWorkbook({ run: fake.run });
    expect(port.chunkRows(80)).toBe(2500);
    await port.readSheet('wide');
    expect(fake.reads.map((q) => q.rows)).toEqual([2500, 2500, 1000]);
    const signal = { aborted: false };
    fake.reads.length = 0;
    await expect(port.readSheet('wide', { signal, onRows: () => { signal.aborted = true; } })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.reads).toHaveLength(1);
  });

  test('writes text columns with the text format, text that looks like a formula as text, and bold, frozen headers', async () => {
    const s = office();
    await s.port.addSheet('检查结果', { rows: [['标题'], ['姓名', '身份证号', '问题'], ['李喆', '11010519800101123X', '=1+1 不是公式']], boldRows: 2, textColumns: [1] });
    const sheet = s.fake.sheet('检查结果(2)');
    expect(sheet.formats.get('2,1')).toBe('@');
    expect(sheet.formats.get('2,0')).toBe('General');
    expect(sheet.cells[2][2]).toBe("'=1+1 不是公式");
    expect(sheet.bold.has('1,0') && sheet.bold.has('0,0') && !sheet.bold.has('2,0')).toBe(true);
    expect(sheet.frozenRows).toBe(2);
    expect(sheet.autofit).toBe(1);
  });

  test('settings are stored as JSON text under cwkit keys; the marks are conditional formats over the used range', async () => {
    const s = office();
    await s.port.highlightRows([{ sheet: '职工', row: 3, color: HIGHLIGHT.error, keyColumn: 3 }, { sheet: '职工', row: 6, color: HIGHLIGHT.warning, keyColumn: 3 }]);
    const raw = s.fake.settings.get(SETTING.highlights);
    expect(typeof raw).toBe('string');
    expect(JSON.parse(raw as string)).toEqual({ v: 2, rows: 2 });
    const formats = s.fake.sheet('职工').conditionalFormats;
    expect(formats.map((f) => [f.row, f.column, f.rows, f.columns, f.color, f.formula])).toEqual([
      [0, 0, 6, 4, '#FFC7CE', `=SUMPRODUCT(--('${MARK_SHEET}'!$B$2:$B$2=$D1&""))>0`],
      [0, 0, 6, 4, '#FFEB9C', `=SUMPRODUCT(--('${MARK_SHEET}'!$A$2:$A$2=$A1&"|"&$B1&"|"&$C1&"|"&$D1))>0`],
    ]);
    const list = s.fake.sheet(MARK_SHEET);
    expect(list.visibility).toBe('VeryHidden');
    expect(list.cells.map((r) => r.slice(0, 2))).toEqual([[expect.stringContaining('cwkit'), expect.stringContaining('cwkit')], ['3|桂园社区|王堃|', '110105198001011234']]);
    expect(list.formats.get('1,1')).toBe('@');
    // The clerk's own conditional format is not cwkit's: it stays.
    s.fake.sheet('职工').conditionalFormats.push({ row: 0, column: 0, rows: 1, columns: 1, formula: '=A1>0', color: '#000000' });
    await s.port.clearHighlights();
    expect(s.fake.sheet('职工').conditionalFormats.map((f) => f.formula)).toEqual(['=A1>0']);
    expect(s.fake.sheets.map((x) => x.name)).toEqual(['职工', '检查结果']);
  });

  test('a sheet of the clerk’s named like the list sheet is never written: 标出问题行 refuses in Chinese', async () => {
    const s = office();
    s.fake.addModelSheet(MARK_SHEET, [['我的表']]);
    await expect(s.port.highlightRows([{ sheet: '职工', row: 3, color: HIGHLIGHT.error }])).rejects.toThrow(/已有名为“cwkit标记”的工作表/);
    expect(s.fake.sheet(MARK_SHEET).cells).toEqual([['我的表']]);
    expect(s.fake.sheet('职工').conditionalFormats).toEqual([]);
  });

  test('fills painted by an older cwkit (a v1 record) are still put back on 清除标记, white told from none', async () => {
    const s = office();
    s.setFill('职工', 3, 0, HIGHLIGHT.error);
    s.setFill('职工', 3, 1, HIGHLIGHT.error);
    s.setFill('职工', 3, 2, '#FF0000'); // recoloured by the clerk since
    s.fake.settings.set(SETTING.highlights, JSON.stringify({ v: 1, rows: [{ sheet: '职工', row: 3, width: 3, color: HIGHLIGHT.error, before: ['#FFFFFF', null, null] }] }));
    expect(await s.port.highlightCount()).toBe(1);
    expect(await s.port.clearHighlights()).toBe(1);
    expect([0, 1, 2].map((c) => s.fill('职工', 3, c))).toEqual(['#FFFFFF', null, '#FF0000']);
    expect(s.fake.settings.has(SETTING.highlights)).toBe(false);
  });
});

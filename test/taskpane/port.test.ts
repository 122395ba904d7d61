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

  test('highlights rows and restores every cell’s previous fill exactly; a cell the clerk recoloured keeps its colour', async () => {
    s.setFill('职工', 3, 1, '#00B0F0'); // the clerk's own fill on a row to be highlighted
    s.setFill('职工', 6, 0, '#92D050');
    expect(await s.port.highlightCount()).toBe(0);
    expect(await s.port.highlightRows([{ sheet: '职工', row: 3, color: HIGHLIGHT.error }, { sheet: '职工', row: 5, color: HIGHLIGHT.warning }])).toBe(2);
    for (let c = 0; c < 4; c++) expect([c, s.fill('职工', 3, c), s.fill('职工', 5, c)]).toEqual([c, '#FFC7CE', '#FFEB9C']);
    expect(s.fill('职工', 6, 0)).toBe('#92D050');
    // Highlighted again in another colour: still restored to the fill before the first highlight.
    expect(await s.port.highlightRows([{ sheet: '职工', row: 3, color: HIGHLIGHT.warning }, { sheet: '职工', row: 6, color: HIGHLIGHT.error }])).toBe(2);
    expect(await s.port.highlightCount()).toBe(3);
    expect(s.fill('职工', 3, 1)).toBe('#FFEB9C');
    s.setFill('职工', 5, 2, '#FF0000'); // recoloured by the clerk after highlighting
    expect(await s.port.clearHighlights()).toBe(3);
    expect([0, 1, 2, 3].map((c) => s.fill('职工', 3, c))).toEqual([null, '#00B0F0', null, null]);
    expect([0, 1, 2, 3].map((c) => s.fill('职工', 5, c))).toEqual([null, null, '#FF0000', null]);
    expect([0, 1, 2, 3].map((c) => s.fill('职工', 6, c))).toEqual(['#92D050', null, null, null]);
    expect(await s.port.highlightCount()).toBe(0);
    expect(await s.port.clearHighlights()).toBe(0);
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

  test('settings are stored as JSON text under cwkit keys', async () => {
    const s = office();
    await s.port.highlightRows([{ sheet: '职工', row: 3, color: HIGHLIGHT.error }]);
    const raw = s.fake.settings.get(SETTING.highlights);
    expect(typeof raw).toBe('string');
    expect(JSON.parse(raw as string)).toEqual({ v: 1, rows: [{ sheet: '职工', row: 3, width: 4, color: '#FFC7CE', before: null }] });
  });

  test('a white fill is told from no fill (RangeFill.pattern, ExcelApi 1.9) and restored as white', async () => {
    const s = office();
    s.setFill('职工', 3, 0, '#FFFFFF');
    s.setFill('职工', 3, 1, '#00B0F0');
    await s.port.highlightRows([{ sheet: '职工', row: 3, color: HIGHLIGHT.error }]);
    await s.port.clearHighlights();
    expect([0, 1, 2].map((c) => s.fill('职工', 3, c))).toEqual(['#FFFFFF', '#00B0F0', null]);
  });
});

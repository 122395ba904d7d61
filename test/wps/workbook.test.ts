/**
 * The WPS adapter's own duties, beyond the shared port contract (test/taskpane/port.test.ts):
 * reading large sheets in chunks, writing IDs as text and formula-like text as text, bold frozen
 * headings, settings as custom XML parts (escaped, one per key), fills as BGR numbers, and a white
 * fill told from no fill — all on the fake ET object model of test/wps/fake-et.ts.
 */
import type { Cell } from '../../src/engine';
import { HIGHLIGHT, SETTING } from '../../src/taskpane/workbook/port';
import { MARK_SHEET } from '../../src/taskpane/workbook/marks';
import { bgrOf, hexOf, SETTINGS_NS, WpsWorkbook } from '../../src/wps/workbook';
import type { EtHost } from '../../src/wps/workbook';
import { FakeEt } from './fake-et';

const port = (et: FakeEt) => new WpsWorkbook(et as unknown as EtHost, { pause: () => Promise.resolve() });

test('BGR colours: #RRGGBB ↔ red + green·256 + blue·65536', () => {
  expect(bgrOf('#FFC7CE')).toBe(0xff + 0xc7 * 256 + 0xce * 65536);
  expect(hexOf(bgrOf('#00B0F0'))).toBe('#00B0F0');
  expect(hexOf(0)).toBe('#000000');
});

test('a 100,000-row roster is read in blocks of at most 5,000 rows and 200,000 cells, every row once, with rising progress', async () => {
  const rows: Cell[][] = [['序号', '社区', '姓名', ...Array.from({ length: 30 }, (_, i) => `列${i}`)]];
  for (let i = 1; i <= 100_000; i++) rows.push([i, `社区${i % 5000}`, `职工${i}`, ...Array.from({ length: 30 }, (_, j) => (j % 7 === 0 ? null : j))]);
  const et = new FakeEt([{ name: '职工', rows }]);
  et.ActiveWorkbook.reads.length = 0;
  const progress: number[] = [];
  const r = await port(et).readSheet('职工', { onRows: (d) => progress.push(d) });
  expect(r.rows).toHaveLength(100_001);
  expect(r.rows[100_000][2]).toBe('职工100000');
  expect(r.rowNumbers[100_000]).toBe(100_001);
  const blocks = et.ActiveWorkbook.reads.filter((q) => q.rows > 1 || q.columns > 1);
  for (const q of blocks) {
    expect(q.rows).toBeLessThanOrEqual(5000);
    expect(q.rows * q.columns).toBeLessThanOrEqual(200_000);
  }
  expect(blocks.reduce((n, q) => n + q.rows, 0)).toBe(100_001);
  expect(progress[progress.length - 1]).toBe(100_001);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
});

test('a cancelled read stops between blocks', async () => {
  const rows: Cell[][] = Array.from({ length: 6_000 }, (_, i) => Array.from({ length: 80 }, (_, j) => i * 80 + j));
  const et = new FakeEt([{ name: 'wide', rows }]);
  const p = port(et);
  expect(p.chunkRows(80)).toBe(2500);
  const signal = { aborted: false };
  et.ActiveWorkbook.reads.length = 0;
  await expect(p.readSheet('wide', { signal, onRows: () => { signal.aborted = true; } })).rejects.toMatchObject({ name: 'AbortError' });
  expect(et.ActiveWorkbook.reads.filter((q) => q.rows > 1)).toHaveLength(1);
});

test('a used range that starts below row 1 or right of column A keeps the sheet’s own row numbers and columns', async () => {
  const et = new FakeEt([{ name: 'S', rows: [[], [], [null, null, '姓名', '性别'], [null, null, '张三', '男']] }]);
  const r = await port(et).readSheet('S');
  expect(r.rowNumbers).toEqual([3, 4]);
  expect(r.columnCount).toBe(4);
  expect(r.rowCount).toBe(4);
  expect(r.rows[1]).toEqual([null, null, '张三', '男']);
  const empty = await port(new FakeEt([{ name: 'E', rows: [] }])).readSheet('E');
  expect([empty.rows, empty.columnCount, empty.rowCount]).toEqual([[], 0, 0]);
});

test('new sheets: ID columns formatted as text before writing (IDs stay text), formula-like text as text, bold frozen headings', async () => {
  const et = new FakeEt([{ name: '职工', rows: [['x']] }]);
  const name = await port(et).addSheet('检查结果', { rows: [['标题'], ['姓名', '身份证号', '问题'], ['李喆', '110105198001011234', '=1+1 不是公式']], boldRows: 2, textColumns: [1] });
  expect(name).toBe('检查结果');
  const s = et.sheet(name);
  expect(s.cells[2]).toEqual(['李喆', '110105198001011234', '=1+1 不是公式']);
  expect(s.formulas.size).toBe(0);
  expect(s.formats.get('2,1')).toBe('@');
  expect(s.bold.has('0,0') && s.bold.has('1,2') && !s.bold.has('2,0')).toBe(true);
  expect(et.ActiveWindow.frozen.get(name)).toBe(2);
  expect(s.autofit).toBe(1);
  // Without the text format WPS would have turned the ID into a number: the fake does, as a check on the check.
  const plain = await port(et).addSheet('无格式', { rows: [['110105198001011234']] });
  expect(typeof et.sheet(plain).cells[0][0]).toBe('number');
});

test('settings are custom XML parts in urn:cwkit:settings, one per key, JSON escaped; null removes the part', async () => {
  const et = new FakeEt([{ name: '职工', rows: [['x']] }]);
  const p = port(et);
  await p.setSetting(SETTING.mapping, { note: '<a & "b">' });
  await p.setSetting(SETTING.mapping, { note: 'again <&>' });
  await p.setSetting(SETTING.policy, 'benxi-2022');
  const parts = et.ActiveWorkbook.xmlParts;
  expect(parts.map((x) => [x.namespace, x.attributes])).toEqual([
    [SETTINGS_NS, [['key', SETTING.mapping]]],
    [SETTINGS_NS, [['key', SETTING.policy]]],
  ]);
  expect(parts[0].XML).not.toMatch(/<a &/);
  expect(await p.getSetting(SETTING.mapping)).toEqual({ note: 'again <&>' });
  expect(await p.getSetting(SETTING.policy)).toBe('benxi-2022');
  await p.setSetting(SETTING.mapping, null);
  expect(et.ActiveWorkbook.xmlParts).toHaveLength(1);
  expect(await p.getSetting(SETTING.mapping)).toBeNull();
});

test('marks are format conditions (xlExpression, Interior.Color a BGR number) over the used range; the cells’ fills are not touched', async () => {
  const et = new FakeEt([{ name: '职工', rows: [['a', 'b', 'c'], ['d', 'e', 'f']] }]);
  et.setFill('职工', 1, 0, '#FFFFFF');
  const p = port(et);
  await p.highlightRows([{ sheet: '职工', row: 1, color: HIGHLIGHT.error }]);
  expect([...et.sheet('职工').fills.entries()]).toEqual([['0,0', { color: 0xffffff, pattern: 1 }]]);
  expect(et.sheet('职工').conditions).toEqual([{ row: 0, col: 0, rows: 2, cols: 3, color: bgrOf(HIGHLIGHT.error), formula: `=SUMPRODUCT(--('${MARK_SHEET}'!$A$2:$A$2=$A1&"|"&$B1&"|"&$C1))>0` }]);
  expect(et.sheet(MARK_SHEET).visible).toBe(2);
  expect(await p.sheetNames()).toEqual(['职工']);
  expect([0, 1, 2].map((c) => et.markAt('职工', 1, c))).toEqual([HIGHLIGHT.error, HIGHLIGHT.error, HIGHLIGHT.error]);
  expect(et.markAt('职工', 2, 0)).toBeNull();
  await p.clearHighlights();
  expect(et.sheet('职工').conditions).toEqual([]);
  // The list sheet stays very hidden and empty (deleting a sheet makes WPS ask the clerk).
  expect(et.sheet(MARK_SHEET).cells.flat().every((v) => v === null)).toBe(true);
  expect([0, 1, 2].map((c) => et.fill('职工', 1, c))).toEqual(['#FFFFFF', null, null]);
  // Marked again: the emptied list sheet is used again.
  await p.highlightRows([{ sheet: '职工', row: 2, color: HIGHLIGHT.warning }]);
  expect(et.markAt('职工', 2, 1)).toBe(HIGHLIGHT.warning);
  expect(et.ActiveWorkbook.states.filter((s) => s.name === MARK_SHEET)).toHaveLength(1);
});

test('fills painted by an older cwkit (a v1 record) are put back on 清除标记, white told from none (Interior.Pattern)', async () => {
  const et = new FakeEt([{ name: '职工', rows: [['a', 'b', 'c']] }]);
  for (const c of [0, 1, 2]) et.setFill('职工', 1, c, HIGHLIGHT.error);
  const p = port(et);
  await p.setSetting(SETTING.highlights, { v: 1, rows: [{ sheet: '职工', row: 1, width: 3, color: HIGHLIGHT.error, before: ['#FFFFFF', null, null] }] });
  expect(await p.highlightCount()).toBe(1);
  expect(await p.clearHighlights()).toBe(1);
  expect([0, 1, 2].map((c) => et.fill('职工', 1, c))).toEqual(['#FFFFFF', null, null]);
});

test('a sheet of the clerk’s named like the list sheet is never written: 标出问题行 refuses in Chinese', async () => {
  const et = new FakeEt([{ name: '职工', rows: [['a']] }, { name: MARK_SHEET, rows: [['我的表']] }]);
  await expect(port(et).highlightRows([{ sheet: '职工', row: 1, color: HIGHLIGHT.error }])).rejects.toThrow(/已有名为“cwkit标记”的工作表/);
  expect(et.sheet(MARK_SHEET).cells).toEqual([['我的表']]);
  expect(et.sheet('职工').conditions).toEqual([]);
});

test('no open workbook: a Chinese message', async () => {
  const p = new WpsWorkbook({ ActiveWorkbook: null, ActiveWindow: null } as unknown as EtHost);
  await expect(p.sheetNames()).rejects.toThrow('WPS 表格中没有打开的工作簿');
  await expect(port(new FakeEt([{ name: 'A', rows: [] }])).readSheet('B')).rejects.toThrow('工作表“B”不存在');
});

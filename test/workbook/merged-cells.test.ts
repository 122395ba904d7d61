/**
 * Merged cells are read as Excel shows them (issue 8): a 社区 (and 街道) cell merged over its
 * workers belongs to every row of the merge. `cw check` and `cw report staffing` give the true
 * counts (5, 10, 5), not 1 worker per community; the pane's in-memory adapter gives the same.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readWorkbook, mergesOf } from '../../src/workbook/read';
import { detectRoster, withMergesFilled } from '../../src/engine';
import { runCw } from '../helpers/cw';

jest.setTimeout(120_000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-merged-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const HEADERS = ['区县', '街道', '社区', '姓名', '性别', '出生日期', '职务', '入职日期', '任用方式'];
const SIZES: Array<[string, number]> = [['春晖社区', 5], ['桂园社区', 10], ['锦绣社区', 5]];

/** A roster whose 区县, 街道 and 社区 cells are merged over their workers, as most rosters are drawn. */
async function mergedRoster(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(HEADERS);
  let row = 2;
  let n = 0;
  const first = row;
  for (const [community, size] of SIZES) {
    for (let i = 0; i < size; i++) {
      const head = i === 0;
      ws.addRow([row === first ? '通州区' : null, row === first ? '中仓街道' : null, i === 0 ? community : null, `职工${++n}`, '女', '1985-03-01',
        head ? '书记、主任' : i === 1 ? '副主任' : '专职工作人员', '2015-03-01', head || i === 1 ? '选任' : '招聘']);
      row++;
    }
    ws.mergeCells(row - size, 3, row - 1, 3);
  }
  ws.mergeCells(first, 1, row - 1, 1);
  ws.mergeCells(first, 2, row - 1, 2);
  const cs = wb.addWorksheet('社区');
  cs.addRow(['区县', '街道', '社区', '户数', '党员人数']);
  for (const [community] of SIZES) cs.addRow(['通州区', '中仓街道', community, 1200, 80]);
  await wb.xlsx.writeFile(file);
}

describe('merged 社区 cells', () => {
  const file = path.join(tmp, '合并单元格花名册.xlsx');
  beforeAll(() => mergedRoster(file));

  test('the .xlsx reader carries the merge ranges; the roster rows take the merged values', async () => {
    const grids = await readWorkbook(file);
    const sheet = grids.find((g) => g.name === '花名册')!;
    expect(sheet.merges).toEqual(expect.arrayContaining([{ top: 2, left: 3, bottom: 6, right: 3 }, { top: 2, left: 1, bottom: 21, right: 1 }]));
    const roster = detectRoster(grids).roster!;
    const communities = roster.workers.rows.map((r) => r[2]);
    expect(SIZES.map(([c]) => communities.filter((x) => x === c).length)).toEqual([5, 10, 5]);
    expect(roster.workers.rows.every((r) => r[0] === '通州区' && r[1] === '中仓街道')).toBe(true);
  });

  test('cw check counts 5, 10 and 5 workers', async () => {
    const r = await runCw(['check', file, '--policy', 'tongzhou', '--json', '--as-of', '2026-12-01']);
    const out = JSON.parse(r.out);
    expect(out.summary.workers).toBe(20);
    expect(out.summary.byCommunity.map((c: { community: string; workers: number }) => [c.community, c.workers])).toEqual(SIZES);
    expect(out.findings.filter((f: { rule: string }) => f.rule === '缺少数据' || f.rule === '数据格式')).toEqual([]);
  });

  test('cw report staffing prints 实有 5, 10 and 5', async () => {
    const out = path.join(tmp, 'staffing.pdf');
    const r = await runCw(['report', 'staffing', file, '--policy', 'tongzhou', '--out', out, '--period', '2026-12']);
    expect(r.code).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
    for (const [community, size] of SIZES) {
      const line = text.split('\n').find((l) => l.includes(community) && l.includes('社区工作者'))!;
      // 单位 · 项目 · 应配 · 实有 · 比例: e.g. “春晖社区 社区工作者总数 ≥10 5 50% 不足”.
      expect([community, / ≥10 (\d+) \d+% /.exec(line)?.[1]]).toEqual([community, String(size)]);
    }
  });

  test('merge refs and the fill: only vertical merges fill; a filled cell is never overwritten', () => {
    expect(mergesOf(['A2:A6', 'C3', '$B$2:$D$2', 'bad', 'AA10:AB12'])).toEqual([
      { top: 2, left: 1, bottom: 6, right: 1 }, { top: 3, left: 3, bottom: 3, right: 3 }, { top: 2, left: 2, bottom: 2, right: 4 }, { top: 10, left: 27, bottom: 12, right: 28 },
    ]);
    const grid = { name: 's', rows: [['社区'], ['甲'], [null], ['乙'], ['题', null, null]], rowNumbers: [1, 2, 3, 4, 6], merges: [{ top: 2, left: 1, bottom: 4, right: 1 }, { top: 6, left: 1, bottom: 6, right: 3 }] };
    expect(withMergesFilled(grid).rows).toEqual([['社区'], ['甲'], ['甲'], ['乙'], ['题', null, null]]);
    expect(grid.rows[2]).toEqual([null]); // the reader's rows are not changed
  });
});

describe('merged 社区 cells through the pane adapters', () => {
  test('the in-memory adapter carries merges; the pane loads the roster with true counts and checks it', async () => {
    const { MemoryWorkbook } = await import('../../src/taskpane/workbook/memory');
    const { scanWorkbook, loadRoster, withMappedHeaders } = await import('../../src/taskpane/roster');
    const { checkRoster } = await import('../../src/engine');
    const rows: Array<Array<string | number | null>> = [HEADERS];
    const merges: Array<{ top: number; left: number; bottom: number; right: number }> = [];
    let n = 0;
    for (const [community, size] of SIZES) {
      const top = rows.length + 1;
      for (let i = 0; i < size; i++) rows.push([rows.length === 1 ? '通州区' : null, rows.length === 1 ? '中仓街道' : null, i === 0 ? community : null, `职工${++n}`, '女', '1985-03-01', i === 0 ? '书记、主任' : '专职工作人员', '2015-03-01', i === 0 ? '选任' : '招聘']);
      merges.push({ top, left: 3, bottom: rows.length, right: 3 });
    }
    merges.push({ top: 2, left: 1, bottom: rows.length, right: 1 }, { top: 2, left: 2, bottom: rows.length, right: 2 });
    const port = new MemoryWorkbook([{ name: '花名册', rows, merges }]);
    expect((await port.readSheet('花名册')).merges).toHaveLength(5);
    const loaded = await loadRoster(port, await scanWorkbook(port));
    const result = await checkRoster(withMappedHeaders(loaded), '通州', { asOf: '2026-12-01' });
    expect(result.summary.byCommunity.map((c) => [c.community, c.workers])).toEqual(SIZES);
  });

  test('the Office adapter reads merged areas where ExcelApi 1.13 is supported (a fake built from the published types)', async () => {
    const { OfficeWorkbook } = await import('../../src/taskpane/workbook/office');
    const values = [HEADERS, ['通州区', '中仓街道', '春晖社区', '甲', '女', '1985-03-01', '书记', '2015-03-01', '选任'], ['', '', '', '乙', '女', '1985-03-01', '专职工作人员', '2015-03-01', '招聘']];
    const g = globalThis as unknown as { Office?: unknown };
    g.Office = { context: { requirements: { isSetSupported: (set: string, v: string) => set === 'ExcelApi' && Number(v) <= 1.13 } } };
    try {
      const range = (r0: number, n: number, cols: number) => ({
        values: values.slice(r0, r0 + n).map((r) => r.slice(0, cols)),
        load() { /* loaded by the fake sync */ },
        getMergedAreasOrNullObject: () => ({ isNullObject: false, address: '花名册!A2:A3,花名册!B2:B3,花名册!C2:C3', load() { /* fake */ } }),
      });
      const sheet = {
        name: '花名册',
        load() { /* fake */ },
        getUsedRangeOrNullObject: () => ({ isNullObject: false, rowIndex: 0, columnIndex: 0, rowCount: values.length, columnCount: HEADERS.length, load() { /* fake */ } }),
        getRangeByIndexes: (r0: number, _c0: number, n: number, cols: number) => range(r0, n, cols),
      };
      const context = { workbook: { worksheets: { getItem: () => sheet } }, sync: async () => undefined };
      const port = new OfficeWorkbook({ run: (batch) => batch(context as never) });
      const read = await port.readSheet('花名册');
      expect(read.merges).toEqual([{ top: 2, left: 1, bottom: 3, right: 1 }, { top: 2, left: 2, bottom: 3, right: 2 }, { top: 2, left: 3, bottom: 3, right: 3 }]);
      const { tableOf } = await import('../../src/engine');
      expect(tableOf(read, 0).rows.map((r) => r[2])).toEqual(['春晖社区', '春晖社区']);
    } finally {
      delete g.Office;
    }
  });
});

/**
 * The pane's 月度工资 action on the in-memory workbook (the port the local app and the workbench use):
 * 2026-01, then 2026-02 taking the January sheet the first run added as its year-to-date source. Every
 * cell of both new sheets and of the bank list — each worker's 应发 items, each deduction, 实发 and
 * the 累计 columns — equals what `cw payroll` writes on the same roster, read back from its .xlsx.
 * The computing half runs in-process here (payrollMonthSheets, the function the Web Worker runs).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Decimal } from '../../src/engine';
import type { Cell } from '../../src/engine';
import { payrollMonthSheets } from '../../src/payroll-sheet/month';
import { workbookOf, sampleData } from '../../src/app/sample';
import { DATE_HEADERS, SAMPLE_AS_OF } from '../../src/sample/roster';
import { chainingSheet, previousCandidates, runPayrollMonth } from '../../src/taskpane/payroll';
import type { PayrollChoice, PayrollCompute } from '../../src/taskpane/payroll';
import { loadRoster, readParams, scanWorkbook, withMappedHeaders } from '../../src/taskpane/roster';
import { paySheet } from '../../src/paysheet/paysheet';
import { paramSheet, paramSheetName } from '../../src/taskpane/params';
import { checkRoster, policyOf } from '../../src/engine';
import type { MemoryWorkbook } from '../../src/taskpane/workbook/memory';
import { OfficeWorkbook } from '../../src/taskpane/workbook/office';
import type { WorkbookPort } from '../../src/taskpane/workbook/port';
import { FakeExcel } from './fake-excel';
import { WpsWorkbook } from '../../src/wps/workbook';
import type { EtHost } from '../../src/wps/workbook';
import { FakeEt } from '../wps/fake-et';
import { readWorkbook } from '../../src/workbook/read';
import { runCw } from '../helpers/cw';

const ROSTER = path.join(__dirname, '..', '..', 'templates', '示例花名册.xlsx');
/** Illustrative local figures (a county's 参数表), as in test/payroll/payroll-cli.test.ts. */
const LOCAL: Record<string, number> = {
  '失业保险.个人缴费比例': 0.005, '补充医疗.个人缴费': 3, '社保基数.下限': 4000, '社保基数.上限': 20000,
  '公积金.个人缴存比例': 0.12, '公积金基数.下限': 2000, '公积金基数.上限': 25000,
};
const DEDUCTIONS = ['养老保险', '医疗保险', '失业保险', '补充医疗', '住房公积金', '个人所得税'];

/** The in-process computation, with the same progress calls the worker makes. */
const inProcess: PayrollCompute = async (request, options) => payrollMonthSheets(request, options.onProgress);

let dir: string;
let grids: Awaited<ReturnType<typeof readWorkbook>>;
const sample = (): MemoryWorkbook => workbookOf(sampleData('templates/示例花名册.xlsx', grids, SAMPLE_AS_OF, [], DATE_HEADERS, new Set(['身份证号码'])));
const withParams = async (): Promise<MemoryWorkbook> => {
  const wb = sample();
  await wb.addSheet('参数表', { rows: [['参数名', '本地值'], ...Object.entries(LOCAL)] });
  return wb;
};
const run = async (wb: WorkbookPort, choice: Partial<PayrollChoice> & { period: string }) => {
  const scan = await scanWorkbook(wb);
  const shares: number[] = [];
  const out = await runPayrollMonth(wb, scan, { policy: 'benxi-2022', previousSheet: null, bank: false, ...choice }, { compute: inProcess, onProgress: (s) => shares.push(s) });
  return { ...out, shares };
};

/** A sheet's rows with blanks as null and trailing blanks dropped, so a memory sheet and an .xlsx read back compare cell by cell. */
const normal = (rows: Cell[][]): Cell[][] => rows
  .map((r) => {
    const out = r.map((c) => (c === undefined || c === '' ? null : c));
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  })
  .filter((r) => r.length > 0);
const cliSheet = async (file: string, name: string) => normal((await readWorkbook(file)).find((g) => g.name === name)!.rows);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-pane-payroll-'));
  fs.writeFileSync(path.join(dir, 'local.json'), JSON.stringify(LOCAL));
  grids = await readWorkbook(ROSTER);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('月度工资, January then February 2026 on the sample roster', () => {
  let wb: MemoryWorkbook;
  let jan: Awaited<ReturnType<typeof run>>;
  let feb: Awaited<ReturnType<typeof run>>;
  const f = (n: string) => path.join(dir, n);

  beforeAll(async () => {
    wb = await withParams();
    jan = await run(wb, { period: '2026-01', bank: true });
    const scan = await scanWorkbook(wb);
    feb = await run(wb, { period: '2026-02', previousSheet: chainingSheet(previousCandidates(scan), '2026-02') });
    const a = await runCw(['payroll', ROSTER, '--policy', 'benxi-2022', '--period', '2026-01', '--params', f('local.json'), '--out', f('jan.xlsx'), '--bank', f('bank.xlsx')]);
    expect(a.code).toBe(0);
    const b = await runCw(['payroll', ROSTER, '--policy', 'benxi-2022', '--period', '2026-02', '--params', f('local.json'), '--out', f('feb.xlsx'), '--previous', f('jan.xlsx')]);
    expect(b.code).toBe(0);
  });

  test('adds 工资表2026-01, 银行代发2026-01 and 工资表2026-02 as new sheets; the clerk’s sheets are untouched and the roster is still found on 职工', async () => {
    expect([jan.paySheet, jan.bankSheet, feb.paySheet, feb.bankSheet]).toEqual(['工资表2026-01', '银行代发2026-01', '工资表2026-02', null]);
    const fresh = await withParams();
    expect(wb.sheets.map((s) => s.name)).toEqual([...fresh.sheets.map((s) => s.name), '工资表2026-01', '银行代发2026-01', '工资表2026-02']);
    for (const s of fresh.sheets) expect(wb.sheet(s.name).cells).toEqual(s.cells);
    expect(wb.active).toBe('工资表2026-02');
    const scan = await scanWorkbook(wb);
    expect(scan.tables.workers?.sheet).toBe('职工');
    expect(previousCandidates(scan)).toEqual([{ sheet: '工资表2026-01', period: '2026-01' }, { sheet: '工资表2026-02', period: '2026-02' }]);
    expect(feb.result.chainedFrom).toBe('2026-01');
    // Reading is the first fifth of the bar, computing the rest; it only goes forward.
    expect(jan.shares[jan.shares.length - 1]).toBeCloseTo(0.95);
    expect(jan.shares.every((s, i) => i === 0 || s >= jan.shares[i - 1])).toBe(true);
  });

  test('every cell of both months and of the bank list equals what cw payroll writes on the same roster', async () => {
    expect(normal(wb.sheet('工资表2026-01').cells)).toEqual(await cliSheet(f('jan.xlsx'), '薪酬表'));
    expect(normal(wb.sheet('工资表2026-02').cells)).toEqual(await cliSheet(f('feb.xlsx'), '薪酬表'));
    expect(normal(wb.sheet('银行代发2026-01').cells)).toEqual(await cliSheet(f('bank.xlsx'), '银行代发名单'));
  });

  test('worker by worker: 实发 = 应发 − deductions, and February’s 累计 columns are January’s plus February’s own figures', () => {
    const objects = (name: string) => {
      const cells = wb.sheet(name).cells;
      const hi = cells.findIndex((r) => r.includes('累计已预扣税额'));
      const h = cells[hi].map(String);
      return cells.slice(hi + 1).filter((r) => r[0] !== '合计' && r[h.indexOf('实发')] !== null).map((r) => Object.fromEntries(h.map((k, i) => [k, r[i]])));
    };
    const d = (v: unknown) => new Decimal((v as number | null) ?? 0);
    const janRows = new Map(objects('工资表2026-01').map((r) => [r['身份证号'], r]));
    const febRows = objects('工资表2026-02');
    expect(febRows.length).toBe(feb.result.workers - feb.result.failed);
    expect(febRows.length).toBeGreaterThan(500);
    for (const r of febRows) {
      expect(d(r['实发']).toFixed(2)).toBe(d(r['应发合计']).minus(DEDUCTIONS.reduce((s, k) => s.plus(d(r[k])), new Decimal(0))).toFixed(2));
      const j = janRows.get(r['身份证号'])!;
      expect(d(r['累计收入']).toFixed(2)).toBe(d(j['累计收入']).plus(d(r['应发合计'])).toFixed(2));
      expect(d(r['累计已预扣税额']).toFixed(2)).toBe(d(j['累计已预扣税额']).plus(d(r['个人所得税'])).toFixed(2));
      expect(d(r['累计专项扣除']).toFixed(2)).toBe(d(j['累计专项扣除']).plus(['养老保险', '医疗保险', '失业保险', '补充医疗', '住房公积金'].reduce((s, k) => s.plus(d(r[k])), new Decimal(0))).toFixed(2));
    }
  });

  test('the same month again gets 工资表2026-01(2): an existing sheet is never written into', async () => {
    const before = wb.sheet('工资表2026-01').cells.map((r) => [...r]);
    const again = await run(wb, { period: '2026-01' });
    expect(again.paySheet).toBe('工资表2026-01(2)');
    expect(wb.sheet('工资表2026-01').cells).toEqual(before);
    expect(normal(wb.sheet('工资表2026-01(2)').cells)).toEqual(normal(before));
  });
});

describe('月度工资 in Excel and WPS (the Office.js adapter over office-addin-mock, the WPS adapter over its fake)', () => {
  test('January then February through Office.js and through WPS write the same cells as the in-memory workbook, 身份证号 as text in Excel', async () => {
    const mem = await withParams();
    const fake = new FakeExcel(mem.sheets.map((s) => ({ name: s.name, rows: s.cells.map((r) => r.map((v) => (v === undefined ? null : v))) })));
    const excel = new OfficeWorkbook({ run: fake.run });
    const et = new FakeEt(mem.sheets.map((s) => ({ name: s.name, rows: s.cells.map((r) => r.map((v) => (v === undefined ? null : v))) })));
    const wps = new WpsWorkbook(et as unknown as EtHost);
    const subjects = [[mem, () => mem.sheets.map((s) => s.name)], [excel, () => fake.sheets.map((s) => s.name)], [wps, () => et.ActiveWorkbook.states.map((s) => s.name)]] as const;
    for (const [port, names] of subjects) {
      await run(port, { period: '2026-01', bank: true });
      const previous = chainingSheet(previousCandidates(await scanWorkbook(port)), '2026-02');
      expect(previous).toBe('工资表2026-01');
      await run(port, { period: '2026-02', previousSheet: previous });
      expect(names().slice(-3)).toEqual(['工资表2026-01', '银行代发2026-01', '工资表2026-02']);
    }
    for (const name of ['工资表2026-01', '银行代发2026-01', '工资表2026-02']) {
      expect(normal(fake.sheet(name).cells.map((r) => r.map((v) => (v === undefined ? null : v))))).toEqual(normal(mem.sheet(name).cells));
      expect(normal(et.sheet(name).cells.map((r) => r.map((v) => (v === undefined ? null : v))))).toEqual(normal(mem.sheet(name).cells));
    }
    expect(fake.sheet('工资表2026-02').formats.get('3,5')).toBe('@');
  });
});

describe('月度工资 refuses what cw payroll refuses, in Chinese', () => {
  test('without the local figures: 缺少参数 naming the parameter (the pane then links to the 参数表 tab)', async () => {
    const wb = sample();
    await expect(run(wb, { period: '2026-01' })).rejects.toMatchObject({ code: 'MISSING_PARAM', message: expect.stringMatching(/缺少参数：(失业保险|补充医疗|社保基数|公积金)/) });
    expect(wb.sheets.some((s) => s.name.startsWith('工资表'))).toBe(false);
  });

  test('a previous sheet of a later month, or one that is not a pay sheet, is refused', async () => {
    const wb = await withParams();
    await run(wb, { period: '2026-02' });
    await expect(run(wb, { period: '2026-01', previousSheet: '工资表2026-02' })).rejects.toMatchObject({ code: 'INVALID_DATE', message: expect.stringContaining('工作表“工资表2026-02” 是 2026-02 的薪酬表，不能作为 2026-01 的累计来源') });
    await expect(run(wb, { period: '2026-03', previousSheet: '职工' })).rejects.toMatchObject({ code: 'REQUIRED', message: expect.stringContaining('工作表“职工”') });
  });

  test('a previous sheet two months back is taken, with a note that the month between is not in the year-to-date', async () => {
    const wb = await withParams();
    await run(wb, { period: '2026-01' });
    const mar = await run(wb, { period: '2026-03', previousSheet: '工资表2026-01' });
    expect(mar.result.chainedFrom).toBe('2026-01');
    expect(mar.result.notes).toContain('累计来源是 2026-01 的工资表，不是上月（2026-02）的：其间月份的收入和已预扣税额没有计入累计。');
  });

  test('Cancel while computing adds no sheet', async () => {
    const wb = await withParams();
    const ctrl = new AbortController();
    const scan = await scanWorkbook(wb);
    const names = wb.sheets.map((s) => s.name);
    const cancelling: PayrollCompute = async (request, options) => payrollMonthSheets(request, (d, n) => {
      options.onProgress?.(d, n);
      if (d === 10) ctrl.abort();
    });
    await expect(runPayrollMonth(wb, scan, { policy: 'benxi-2022', period: '2026-01', previousSheet: null, bank: true }, { compute: cancelling, signal: ctrl.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(wb.sheets.map((s) => s.name)).toEqual(names);
  });

  test('the payroll rows of the 参数表 reach 月度工资 only: the checks and the 薪酬计算 sheet read the same workbook without 未知参数', async () => {
    const wb = await withParams();
    const scan = await scanWorkbook(wb);
    const found = (await readParams(wb, policyOf('benxi-2022'), scan.heads))!;
    expect(found).toEqual({ sheet: '参数表', params: {}, payroll: LOCAL });
    const roster = withMappedHeaders(await loadRoster(wb, scan));
    expect(paySheet(roster, { policy: 'benxi-2022', period: '2026-12', params: found.params }).workers).toBeGreaterThan(500);
    expect((await checkRoster(roster, 'benxi-2022', { asOf: SAMPLE_AS_OF, params: found.params })).findings.some((f) => /不是本溪的参数/.test(f.message))).toBe(false);
  });

  test('the 参数表 the pane creates has a row for each local payroll figure; filled in, 月度工资 gives the same sheet as with a plain 参数表', async () => {
    const policy = policyOf('benxi-2022');
    const { rows, payrollRequired } = paramSheet(policy);
    expect(payrollRequired.map((r) => rows[r - 1][0]).sort()).toEqual(Object.keys(LOCAL).sort());
    const wb = sample();
    const name = await wb.addSheet(paramSheetName(policy), { rows });
    // Blank, the rows reach nobody: the checks read the sheet as before.
    expect((await readParams(wb, policy, (await scanWorkbook(wb)).heads))).toEqual({ sheet: name, params: {} });
    for (const r of payrollRequired) wb.setCell(name, r, 1, LOCAL[String(rows[r - 1][0])]);
    const own = await run(wb, { period: '2026-01' });
    const plain = await withParams();
    await run(plain, { period: '2026-01' });
    expect(normal(wb.sheet(own.paySheet).cells)).toEqual(normal(plain.sheet('工资表2026-01').cells));
  });

  test('chainingSheet picks the newest sheet of the month before; January chains from none', () => {
    const c = [{ sheet: '工资表2026-01', period: '2026-01' }, { sheet: '工资表2026-01(2)', period: '2026-01' }, { sheet: '工资表2026-02', period: '2026-02' }];
    expect(chainingSheet(c, '2026-02')).toBe('工资表2026-01(2)');
    expect(chainingSheet(c, '2026-03')).toBe('工资表2026-02');
    expect(chainingSheet(c, '2026-01')).toBeNull();
    expect(chainingSheet(c, '2026-05')).toBeNull();
  });
});

describe('a workbook whose 参数表 holds the payroll figures, saved and given to the CLI', () => {
  test('cw report reads it (the payroll keys are left to cw payroll), and cw payroll takes them from it', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(ROSTER);
    const ws = book.addWorksheet('参数表');
    ws.addRow(['参数名', '本地值']);
    for (const [k, v] of Object.entries(LOCAL)) ws.addRow([k, v]);
    const file = path.join(dir, 'with-params.xlsx');
    await book.xlsx.writeFile(file);
    const report = await runCw(['report', 'payroll', file, '--policy', 'benxi-2022', '--period', '2026-01', '--out', path.join(dir, 'register.xlsx')]);
    expect(report.err).not.toMatch(/不是本溪的参数/);
    expect(report.code).toBe(0);
    const pay = await runCw(['payroll', file, '--policy', 'benxi-2022', '--period', '2026-01', '--out', path.join(dir, 'from-sheet.xlsx')]);
    expect(pay.code).toBe(0);
    expect(pay.out).toContain('参数表：工作表“参数表”7 项');
  });
});

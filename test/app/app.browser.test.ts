/**
 * The local app as a clerk uses it (issue 10 "Done when"), in headless Chromium against the
 * `build:app` configuration's output served by a plain static server: a roster the test writes
 * (not the sample) is opened through the file chooser; 开始检查 shows the same findings as
 * `cw check --json` on that file; a malformed date is fixed in its cell and its finding goes; for
 * 厦门 the 参数表 is created and its 岗位津贴 typed in; the pay sheet is computed and the payroll
 * report made; the workbook is downloaded and read back with exceljs — the clerk's sheets are
 * unchanged but for the fixed cell, 薪酬计算 has one row per worker with totals equal to `cw calc`
 * on the same workers, 计算过程 has each worker's trace, and the mapping travels in the file.
 * An .xls and a damaged file get their Chinese messages. No request leaves the page's origin.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { fromExcelSerial, isoOf } from '../../src/engine';
import type { Cell } from '../../src/engine';
import { generateSampleRoster } from '../../src/sample/roster';
import { writeRosterWorkbook } from '../../src/workbook/write';
import { DATE_HEADERS } from '../../src/sample/roster';
import { plainCell } from '../../src/workbook/read';
import { SETTINGS_SHEET } from '../../src/app/xlsx/parts';
import { PARAM_HEADERS } from '../../src/taskpane/params';
import { runCw } from '../helpers/cw';
import { chromiumPath, launchChromium, ROOT, serveStatic } from '../taskpane/harness';

jest.setTimeout(900_000);

const PERIOD = '2026-12';
const POLICY = 'xiamen-2020';

let tmp: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let page: Page;
let rosterFile: string;
const generated = generateSampleRoster({ seed: 7, communities: 40, perCommunity: 14 });
const requested: string[] = [];
const pageErrors: string[] = [];

/** Builds the app with webpack.app.config.js (development mode for speed) into `out`. */
function buildApp(out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--config', 'webpack.app.config.js', '--mode', 'development', '--output-path', out],
      { cwd: ROOT, maxBuffer: 64 << 20, timeout: 600_000 },
      (err, stdout, stderr) => (err ? reject(new Error(`webpack failed: ${err.message}\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`)) : resolve()),
    );
  });
}

beforeAll(async () => {
  chromiumPath();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-app-'));
  rosterFile = path.join(tmp, '本街道花名册.xlsx');
  await Promise.all([
    buildApp(path.join(tmp, 'app')),
    writeRosterWorkbook(generated.roster, rosterFile, { dateHeaders: DATE_HEADERS, textHeaders: new Set(['身份证号码']), title: '花名册（测试写入）' }),
  ]);
  server = await serveStatic(path.join(tmp, 'app'));
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  page = await context.newPage();
  page.on('request', (r) => requested.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.origin}/index.html`);
  await page.waitForSelector('[data-testid="drop-zone"]');
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

type Shown = { severity: string; rule: string; row: string; text: string };
const shownFindings = (): Promise<Shown[]> => page.$$eval('[data-finding]', (els) => els.map((e) => ({
  severity: e.getAttribute('data-severity') ?? '', rule: e.getAttribute('data-rule') ?? '', row: e.getAttribute('data-row') ?? '', text: e.textContent ?? '',
})));
const key = (f: { severity: string; rule: string; row: string | number | null }) => `${f.severity}|${f.rule}|${f.row ?? ''}`;

async function runChecks(): Promise<void> {
  await page.click('[data-tab="check"]');
  await page.click('[data-testid="run-checks"]');
  await page.waitForSelector('[data-testid="results"]');
}

/** Types into a cell as a clerk does: address box, Enter, the value, Enter. */
async function typeCell(sheet: string, address: string, value: string): Promise<void> {
  await page.click(`[data-sheet-tab="${sheet}"]`);
  await page.fill('[data-testid="cell-address"]', address);
  await page.press('[data-testid="cell-address"]', 'Enter');
  await page.waitForSelector(`[data-cell="${address}"]`);
  await page.fill('[data-testid="cell-editor"]', value);
  await page.press('[data-testid="cell-editor"]', 'Enter');
}

const cellsOf = (sheet: string) => page.evaluate((n) => window.cwWorkbench!.workbook.sheet(n).cells, sheet) as Promise<Cell[][]>;

describe('files that are not a roster .xlsx', () => {
  test('an .xls and a damaged file are refused with what to do, in Chinese', async () => {
    const xls = path.join(tmp, '旧花名册.xls');
    const cfb = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    fs.writeFileSync(xls, cfb);
    await page.setInputFiles('input[type=file]', xls);
    await page.waitForSelector('[data-testid="open-error"]');
    expect(await page.textContent('[data-testid="open-error"]')).toMatch(/旧版 Excel 97-2003 工作簿（\.xls）[\s\S]*另存为[\s\S]*\.xlsx/);
    const broken = path.join(tmp, '坏文件.xlsx');
    const bytes = fs.readFileSync(rosterFile);
    fs.writeFileSync(broken, bytes.subarray(0, bytes.length >> 1));
    await page.setInputFiles('input[type=file]', broken);
    await page.waitForFunction(() => /已损坏/.test(document.querySelector('[data-testid="open-error"]')?.textContent ?? ''));
    expect(await page.$('[data-testid="drop-zone"]')).not.toBeNull();
  });
});

describe('a roster written by the test, opened through the file chooser', () => {
  let cli: { findings: Array<{ severity: string; rule: string; row: number | null; message: string }>; summary: { error: number; warning: number; info: number } };
  const bad = generated.breaks.find((b) => b.id === 'impossible-date')!;

  beforeAll(async () => {
    const r = await runCw(['check', rosterFile, '--policy', POLICY, '--json', '--as-of', '2026-12-01', '--no-progress']);
    cli = JSON.parse(r.out);
    await page.setInputFiles('input[type=file]', rosterFile);
    await page.waitForSelector('[data-testid="run-checks"]');
    await page.selectOption('[data-testid="policy"]', POLICY);
    await page.fill('[data-testid="as-of"]', '2026-12-01');
  });

  test('the grid shows the file’s sheets and the pane finds its tables', async () => {
    expect(await page.$$eval('[data-sheet-tab]', (els) => els.map((e) => e.getAttribute('data-sheet-tab')))).toEqual(['职工', '社区', '区县']);
    expect(await page.textContent('[data-table="workers"]')).toContain(`工作表“职工”，表头在第2行，${generated.roster.workers.rows.length}行数据`);
  });

  test('开始检查 shows the same findings as cw check --json on the file', async () => {
    await runChecks();
    const shown = await shownFindings();
    expect(shown.map(key).sort()).toEqual(cli.findings.map((f) => key(f)).sort());
    const text = shown.map((s) => s.text).join('\n');
    for (const f of cli.findings) expect(text).toContain(f.message);
    const counts = await page.$$eval('[data-count]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-count'), Number(e.textContent)])));
    expect(counts).toEqual({ error: cli.summary.error, warning: cli.summary.warning, info: cli.summary.info });
    expect(shown.some((f) => f.row === String(bad.row) && f.rule === '数据格式')).toBe(true);
  });

  test('a malformed date is fixed in its cell, and its finding goes', async () => {
    const headers = (await cellsOf('职工'))[1];
    const col = headers.indexOf('入职时间');
    const address = `${String.fromCharCode(65 + col)}${bad.row}`;
    await typeCell('职工', address, '2019-02-28');
    // A date column keeps a date: the typed text is stored as the date serial Excel would store.
    expect((await cellsOf('职工'))[bad.row! - 1][col]).toBe(43524);
    await runChecks();
    const shown = await shownFindings();
    expect(shown.some((f) => f.row === String(bad.row) && f.rule === '数据格式')).toBe(false);
    expect(shown.length).toBe(cli.findings.length - cli.findings.filter((f) => f.row === bad.row && f.rule === '数据格式').length);
  });

  const allowances: Record<string, number> = {};

  test('厦门: without the 参数表 the pay sheet says which parameter is missing; the 参数表 is created and filled in the grid', async () => {
    await page.click('[data-tab="pay"]');
    await page.fill('[data-testid="pay-period"]', PERIOD);
    await page.click('[data-testid="pay-compute"]');
    await page.waitForSelector('[data-testid="pay-error"]');
    expect(await page.textContent('[data-testid="pay-error"]')).toMatch(/缺少参数[\s\S]*岗位津贴/);

    await page.click('[data-tab="params"]');
    await page.click('[data-testid="params-open"]');
    await page.waitForSelector('[data-testid="params-message"]');
    const sheet = '厦门参数表';
    const rows = await cellsOf(sheet);
    const required = rows.map((r, i) => [String(r[0] ?? ''), i + 1, r[PARAM_HEADERS.indexOf('文件规定值')]] as const).filter(([, , doc]) => doc === '（未规定）');
    // The document leaves 岗位津贴 to the districts: one row per post, marked as required.
    const posts = required.filter(([k]) => k.startsWith('岗位津贴.'));
    expect(posts.map(([k]) => k)).toEqual(['岗位津贴.正职', '岗位津贴.副职', '岗位津贴.专职委员', '岗位津贴.其他社区工作者']);
    for (const [k, row] of posts) {
      allowances[k] = 600 + 50 * Object.keys(allowances).length;
      await typeCell(sheet, `B${row}`, String(allowances[k]));
    }
    expect((await cellsOf(sheet)).filter((r) => String(r[0] ?? '').startsWith('岗位津贴.')).map((r) => r[1])).toEqual(Object.values(allowances));
  });

  test('薪酬计算 writes the pay sheet and the trace sheet', async () => {
    await page.click('[data-tab="pay"]');
    await page.click('[data-testid="pay-compute"]');
    await page.waitForSelector('[data-testid="pay-done"]', { timeout: 90_000 });
    expect(await page.textContent('[data-testid="pay-done"]')).toContain(`${generated.roster.workers.rows.length} 名职工`);
    expect(await page.$$eval('[data-sheet-tab]', (els) => els.map((e) => e.getAttribute('data-sheet-tab')))).toEqual(['职工', '社区', '区县', '厦门参数表', '薪酬计算', '计算过程']);
  });

  test('the payroll report is made from the filled 参数表', async () => {
    await page.click('[data-tab="reports"]');
    await page.selectOption('[data-testid="report-kind"]', 'payroll');
    await page.fill('[data-testid="report-period"]', PERIOD);
    await page.click('[data-testid="report-generate"]');
    await page.waitForSelector('[data-testid="report-ready"]', { timeout: 90_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="report-download"]')]);
    const pdf = path.join(tmp, 'payroll.pdf');
    await download.saveAs(pdf);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  describe('saved and read back with exceljs', () => {
    let saved: ExcelJS.Workbook;
    let original: ExcelJS.Workbook;
    beforeAll(async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="save"]')]);
      expect(download.suggestedFilename()).toBe('本街道花名册.xlsx');
      const file = path.join(tmp, 'saved.xlsx');
      await download.saveAs(file);
      saved = new ExcelJS.Workbook();
      await saved.xlsx.readFile(file);
      original = new ExcelJS.Workbook();
      await original.xlsx.readFile(rosterFile);
    });

    test('the clerk’s sheets are unchanged but for the fixed cell; the new sheets are added; the mapping sheet is very hidden', () => {
      expect(saved.worksheets.map((w) => w.name)).toEqual(['职工', '社区', '区县', '厦门参数表', '薪酬计算', '计算过程', SETTINGS_SHEET]);
      expect(saved.getWorksheet(SETTINGS_SHEET)!.state).toBe('veryHidden');
      for (const name of ['职工', '社区', '区县']) {
        const a = original.getWorksheet(name)!;
        const b = saved.getWorksheet(name)!;
        const diffs: string[] = [];
        a.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (c) => {
          const d = b.getCell(c.address);
          if (JSON.stringify(d.value) !== JSON.stringify(c.value) || JSON.stringify(d.style) !== JSON.stringify(c.style)) diffs.push(`${name}!${c.address}`);
        }));
        expect(diffs).toEqual(name === '职工' ? [expect.stringMatching(new RegExp(`!L${bad.row}$`))] : []);
      }
      const fixed = saved.getWorksheet('职工')!.getCell(`L${bad.row}`);
      expect(isoOf(fromExcelSerial(plainCell(fixed.value) as number))).toBe('2019-02-28');
    });

    test('薪酬计算 has one row per worker, with totals equal to cw calc on the same workers', async () => {
      const ws = saved.getWorksheet('薪酬计算')!;
      const rows: Cell[][] = [];
      ws.eachRow((r) => rows.push(Array.from((r.values as unknown[]).slice(1), (v) => plainCell(v))));
      const header = rows[0].map(String);
      const at = (h: string) => header.indexOf(h);
      expect(rows.length - 1).toBe(generated.roster.workers.rows.length);
      for (const h of ['行号', '姓名', '岗位等级', '计龄（年）', '合计（元/月）', '法定退休日期', '错误', '提示']) expect(at(h)).toBeGreaterThanOrEqual(0);

      // The same workers as cw calc input: the roster's cells (as the fixed file has them) by header.
      const w = generated.roster.workers;
      const col = (h: string) => w.headers.indexOf(h);
      const day = (v: Cell) => (typeof v === 'number' ? isoOf(fromExcelSerial(v)) : v);
      const lines = w.rows.map((cells, i) => {
        const rowNo = w.headerRow + 1 + i;
        const get = (h: string) => (rowNo === bad.row && h === '入职时间' ? 43524 : cells[col(h)] ?? null);
        const input: Record<string, unknown> = { policy: POLICY, asOf: `${PERIOD}-01`, id: rowNo };
        const set = (k: string, v: Cell) => { if (v !== null && v !== '') input[k] = v; };
        set('post', get('岗位类别'));
        set('entryDate', day(get('入职时间')));
        set('birthDate', day(get('出生日期')));
        set('sex', get('性别'));
        set('education', get('学历'));
        set('degree', get('学位'));
        set('certificate', get('职业资格'));
        set('certificateDate', day(get('取证日期')));
        const ratings: Record<string, Cell> = {};
        for (const y of [2022, 2023, 2024, 2025]) if (get(`考核${y}`)) ratings[String(y)] = get(`考核${y}`);
        if (Object.keys(ratings).length) input.ratings = ratings;
        if (get('试用期') === '是') input.probation = true;
        set('currentPay', get('现薪酬（元/月）'));
        return JSON.stringify(input);
      });
      const paramsFile = path.join(tmp, 'params.json');
      fs.writeFileSync(paramsFile, JSON.stringify(allowances));
      const r = await runCw(['calc', '--params', paramsFile, '--no-trace'], lines.join('\n'));
      const results = r.out.trim().split('\n').map((l) => JSON.parse(l));
      let compared = 0;
      const mismatched: string[] = [];
      results.forEach((res, i) => {
        const row = rows[i + 1];
        expect(row[at('行号')]).toBe(w.headerRow + 1 + i);
        const total = row[at('合计（元/月）')];
        if (res.error) {
          expect(total).toBeNull();
          expect(String(row[at('错误')] ?? '')).not.toBe('');
          return;
        }
        compared++;
        if (total !== Number(res.total)) mismatched.push(`第${w.headerRow + 1 + i}行：表 ${total}，cw calc ${res.total}`);
        if (res.retirementDate) expect(row[at('法定退休日期')]).toBe(res.retirementDate);
      });
      expect(mismatched).toEqual([]);
      expect(compared).toBeGreaterThan(w.rows.length * 0.8);
    });

    test('计算过程 has each worker’s trace with its citations', () => {
      const ws = saved.getWorksheet('计算过程')!;
      expect(ws.rowCount - 1).toBe(generated.roster.workers.rows.length);
      const second = (ws.getRow(2).values as unknown[]).slice(1).map(plainCell);
      expect(String(second[3])).toMatch(/岗位等级：[\s\S]*岗位津贴：[\s\S]*合计：/);
      expect(String(second[4])).toMatch(/厦门|厦委|号/);
    });

    test('reopened, the saved file keeps the policy and the new sheets; the settings sheet is not shown', async () => {
      const file = path.join(tmp, 'saved.xlsx');
      await page.setInputFiles('input[type=file]', file);
      await page.waitForFunction(() => document.querySelectorAll('[data-sheet-tab]').length === 6);
      expect(await page.$$eval('[data-sheet-tab]', (els) => els.map((e) => e.getAttribute('data-sheet-tab')))).toEqual(['职工', '社区', '区县', '厦门参数表', '薪酬计算', '计算过程']);
      await page.waitForFunction(() => (document.querySelector('[data-testid="policy"]') as HTMLSelectElement | null)?.value === 'xiamen-2020');
    });
  });

  test('no request left the page’s origin and the page raised no error', () => {
    expect(requested.filter((u) => !u.startsWith(server.origin) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

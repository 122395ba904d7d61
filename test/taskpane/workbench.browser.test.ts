/**
 * The task pane in a real browser (issue 4 item 7, issue 5 item 3): headless Chromium (Debian's
 * package, driven by playwright-core) against the workbench page of one webpack build, served
 * from a local static server. Loads the sample roster, checks it under each of the five
 * policies and finds the deliberate breaks (src/sample), selects a finding's row, writes the
 * results to new sheets and reads them back, highlights and clears, maps a renamed column (and
 * the workbook remembers it), cancels a long check, creates the 参数表, produces all six
 * reports as downloads (PDFs with their titles), makes the 月度工资 sheets for two chained months (totals as `cw payroll`'s), takes the README screenshots (CW_SCREENSHOTS=docs writes them to docs/), and fails on any
 * request to another origin and on any Content-Security-Policy violation.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { checkRoster, POLICIES } from '../../src/engine';
import type { CheckResult, PolicyId, Roster } from '../../src/engine';
import { REPORT_KINDS, REPORT_TITLES } from '../../src/reports/types';
import { SHEET_NAMES } from '../../src/reports/sheet/builders';
import { money } from '../../src/reports/layout';
import { generateSampleRoster, SAMPLE_AS_OF } from '../../src/sample/roster';
import type { LocatedBreak } from '../../src/sample/roster';
import { readRosterFile, readWorkbook } from '../../src/workbook/read';
import { RESULT_HEADERS } from '../../src/taskpane/results';
import { PARAM_HEADERS } from '../../src/taskpane/params';
import type { MemoryWorkbook } from '../../src/taskpane/workbook/memory';
import { runCw } from '../helpers/cw';
import { buildAddin, chromiumPath, launchChromium, ROOT, serveStatic } from './harness';

jest.setTimeout(600_000);

const SAMPLE = path.join(ROOT, 'templates', '示例花名册.xlsx');
const breaks: LocatedBreak[] = generateSampleRoster().breaks;
type Cells = Array<Array<string | number | boolean | null>>;

let tmp: string;
let out: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let page: Page;
let roster: Roster;
const requested: string[] = [];
const pageErrors: string[] = [];
const cspViolations: string[] = [];

declare global {
  interface Window {
    cwCspViolation(text: string): void;
  }
}

beforeAll(async () => {
  chromiumPath(); // fails first, with how to install it, when Chromium is missing
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-workbench-'));
  out = path.join(tmp, 'addin');
  const [, read] = await Promise.all([buildAddin(out), readRosterFile(SAMPLE)]);
  roster = read.roster!;
  server = await serveStatic(out);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  page = await context.newPage();
  page.on('request', (r) => requested.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.exposeFunction('cwCspViolation', (text: string) => cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.cwCspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  await page.goto(`${server.origin}/workbench.html`);
  await page.waitForSelector('[data-testid="run-checks"]');
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** The in-memory workbook's cells of a sheet, read in the page. */
const sheetCells = (name: string) => page.evaluate((n) => window.cwWorkbench!.workbook.sheet(n).cells, name) as Promise<Cells>;
const sheetNames = () => page.evaluate(() => window.cwWorkbench!.workbook.sheets.map((s) => s.name));
const markAt = (sheet: string, row: number) => page.evaluate(([s, r]) => window.cwWorkbench!.workbook.markAt(s as string, r as number), [sheet, row] as const);
const fillAt = (sheet: string, row: number, col: number) => page.evaluate(([s, r, c]) => window.cwWorkbench!.workbook.fillAt(s as string, r as number, c as number), [sheet, row, col] as const);

async function resetWorkbench(): Promise<void> {
  await page.click('[data-testid="workbench-reset"]');
  await page.waitForSelector('[data-testid="run-checks"]');
}

async function runChecks(policy: string): Promise<void> {
  await page.selectOption('[data-testid="policy"]', policy);
  await page.click('[data-testid="run-checks"]');
  await page.waitForSelector('[data-testid="results"]');
}

/** The findings the pane shows: severity, rule, sheet and row of each. */
function shownFindings(): Promise<Array<{ severity: string; rule: string; sheet: string; row: string; group: string }>> {
  return page.$$eval('[data-finding]', (els) => els.map((e) => ({
    severity: e.getAttribute('data-severity') ?? '',
    rule: e.getAttribute('data-rule') ?? '',
    sheet: e.getAttribute('data-sheet') ?? '',
    row: e.getAttribute('data-row') ?? '',
    group: e.closest('[data-group]')?.getAttribute('data-group') ?? '',
  })));
}

const counts = () => page.$$eval('[data-count]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-count'), Number(e.textContent)])));

describe('the build', () => {
  test('pdfmake, the report code and the font are not in the pane’s initial bundles; they are lazy chunks', () => {
    const files = fs.readdirSync(out);
    for (const entry of ['taskpane.js', 'workbench.js']) {
      const js = fs.readFileSync(path.join(out, entry), 'utf8');
      expect([entry, js.includes('node_modules/pdfmake'), js.includes('CwSansSC-Regular'), js.includes('./src/reports/builders.ts')]).toEqual([entry, false, false, false]);
    }
    const lazy = files.filter((f) => f.endsWith('.js') && !['taskpane.js', 'workbench.js', 'functions.js'].includes(f));
    expect(lazy.some((f) => fs.readFileSync(path.join(out, f), 'utf8').includes('node_modules/pdfmake/build/pdfmake.min.js'))).toBe(true);
    expect(fs.readdirSync(path.join(out, 'assets')).some((f) => /^CwSansSC-Regular\.[0-9a-f]+\.ttf$/.test(f))).toBe(true);
  });

  test('both pages carry a Content-Security-Policy: own files only, Office.js from Microsoft’s CDN in Excel, nothing else', () => {
    // (Attribute quotes as in the template or as html-minifier leaves them in a production build.)
    const csp = (file: string) => /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(fs.readFileSync(path.join(out, file), 'utf8'))?.[1] ?? '';
    const pane = csp('taskpane.html');
    expect(pane).toContain("default-src 'self'");
    expect(pane).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(pane).not.toMatch(/unsafe-eval|\*/);
    // Fluent UI (Griffel) injects <style> elements at run time: without 'unsafe-inline' for styles
    // Chromium blocks them (checked); scripts stay 'self' only.
    expect(pane).toContain("style-src 'self' 'unsafe-inline';");
    const bench = csp('workbench.html');
    expect(bench).toContain("default-src 'self'");
    expect(bench).toContain("script-src 'self';");
    expect(bench).not.toMatch(/https?:|unsafe-eval|\*/);
    const html = fs.readFileSync(path.join(out, 'workbench.html'), 'utf8');
    expect(html.match(/<script[^>]*src="([^"]+)"/g)!.every((s) => !/https?:/.test(s))).toBe(true);
  });
});

describe('the workbench', () => {
  test('shows the sample roster and the pane finds its worker, community and county tables by their headers', async () => {
    expect(await page.textContent('[data-table="workers"]')).toContain('工作表“职工”，表头在第2行，580行数据');
    expect(await page.textContent('[data-table="communities"]')).toContain('工作表“社区”');
    expect(await page.textContent('[data-table="counties"]')).toContain('工作表“区县”');
    expect(await page.inputValue('[data-testid="as-of"]')).toBe(SAMPLE_AS_OF);
    // The grid is the in-memory copy of the committed workbook.
    const cells = await sheetCells('职工');
    const w = roster.workers;
    expect(cells[w.headerRow - 1]).toEqual(w.headers);
    expect(cells.slice(w.headerRow).filter((r) => r.length).map((r) => w.headers.map((_, j) => r[j] ?? null))).toEqual(w.rows.map((r) => w.headers.map((_, j) => r[j] ?? null)));
    expect(await page.textContent('[data-grid="职工"] tr[data-row="3"]')).toContain(String(w.rows[0][w.headers.indexOf('姓名')]));
  });
});

describe.each(POLICIES.map((p) => [p.id, p.name] as const))('checks under %s', (policy) => {
  let engine: CheckResult;
  beforeAll(async () => {
    engine = await checkRoster(roster, policy, { asOf: SAMPLE_AS_OF });
    await runChecks(policy);
  });

  test('the counts are the engine’s, and every deliberate break this policy has a rule for is listed at its place', async () => {
    expect(await counts()).toEqual({ error: engine.summary.error, warning: engine.summary.warning, info: engine.summary.info });
    const shown = await shownFindings();
    expect(shown.length).toBe(engine.findings.length);
    const missing: string[] = [];
    for (const b of breaks) {
      for (const want of b.expect[policy as PolicyId] ?? []) {
        const hit = shown.some((f) => f.severity === want.severity && f.rule === want.rule && (b.scope === 'street'
          ? f.group.includes(b.street!)
          : f.sheet === b.sheet && f.row === String(b.row)));
        if (!hit) missing.push(`${b.id}: ${want.severity} ${want.rule} @ ${b.sheet ?? b.street} ${b.row ?? ''}`);
      }
    }
    expect(missing).toEqual([]);
    expect(breaks.filter((b) => b.expect[policy as PolicyId]).length).toBeGreaterThan(3);
  });
});

describe('results in the workbook (本溪)', () => {
  const bad = breaks.find((b) => b.id === 'id-check-char')!;
  beforeAll(async () => {
    await resetWorkbench();
    await runChecks('benxi-2022');
  });

  test('clicking a finding selects its row in the workbook', async () => {
    await page.click(`[data-finding][data-rule="身份证号"][data-row="${bad.row}"]`);
    await page.waitForSelector(`[data-grid="职工"] tr[data-row="${bad.row}"][data-selected="true"]`);
    expect(await page.evaluate(() => window.cwWorkbench!.workbook.selection)).toEqual({ sheet: '职工', row: bad.row, columns: 33 });
    expect(await page.textContent(`[data-grid="职工"] tr[data-row="${bad.row}"]`)).toContain(bad.name!);
  });

  test('the screenshot for the README: the pane with real findings beside the roster', async () => {
    // Written to a temporary folder, so a test run leaves the tree clean; CW_SCREENSHOTS=docs
    // refreshes the committed pictures in docs/.
    const dir = process.env.CW_SCREENSHOTS === 'docs' ? path.join(ROOT, 'docs') : fs.mkdtempSync(path.join(os.tmpdir(), 'cw-shots-'));
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, 'workbench.png') });
    // The pane scrolled to its results: the counts, the table by community and the first findings.
    await page.locator('[data-testid="results"]').evaluate((e) => e.scrollIntoView());
    await page.locator('[data-testid="taskpane"]').screenshot({ path: path.join(dir, 'taskpane.png') });
    expect(fs.statSync(path.join(dir, 'taskpane.png')).size).toBeGreaterThan(20_000);
  });

  test('写入检查结果 writes a new sheet 检查结果, then 检查结果(2): never the user’s cells', async () => {
    const before = await sheetCells('职工');
    await page.click('[data-testid="write-results"]');
    await page.waitForSelector('[data-sheet-tab="检查结果"]');
    const cells = await sheetCells('检查结果');
    const engine = await checkRoster(roster, 'benxi-2022', { asOf: SAMPLE_AS_OF });
    expect(String(cells[0][0])).toContain('花名册检查结果：本溪');
    expect(cells[1]).toEqual([...RESULT_HEADERS]);
    expect(cells.length).toBe(2 + engine.findings.length);
    const row = cells.find((r) => r[2] === '身份证号' && r[8] === bad.row)!;
    expect(row.slice(1, 10)).toEqual(['错误', '身份证号', expect.stringContaining('GB 11643'), bad.county, bad.street, bad.community, '职工', bad.row, bad.name]);
    expect(await page.textContent('[data-testid="results-message"]')).toContain('已写入新工作表“检查结果”');
    // Again: a second sheet; the first is untouched, and so is the roster.
    await page.click('[data-testid="write-results"]');
    await page.waitForSelector('[data-sheet-tab="检查结果(2)"]');
    expect(await sheetCells('检查结果')).toEqual(cells);
    expect(await sheetCells('检查结果(2)')).toEqual(cells);
    expect(await sheetCells('职工')).toEqual(before);
    expect(await sheetNames()).toEqual(['职工', '社区', '区县', '检查结果', '检查结果(2)']);
  });

  test('标出问题行 marks the rows over the grid without touching a fill; sort, insert columns, rename, recolour in between; 清除标记 leaves every fill as the clerk set it', async () => {
    const warn = breaks.find((b) => b.id === 'retiring-soon')!;
    // The clerk's own fills on a row that will be marked, and on one that will not.
    await page.evaluate(([r, r2]) => {
      const wb = window.cwWorkbench!.workbook;
      wb.setFill('职工', r, 4, '#00B0F0');
      wb.setFill('职工', r2, 1, '#92D050');
    }, [bad.row!, bad.row! + 1]);
    const fillsBefore = await page.evaluate(() => JSON.stringify([...window.cwWorkbench!.workbook.sheet('职工').fills]));
    await page.click('[data-testid="highlight"]');
    await page.waitForSelector('[data-testid="results-message"]:has-text("已标出")');
    expect(await markAt('职工', bad.row!)).toBe('#FFC7CE');
    expect(await markAt('职工', warn.row!)).toBe('#FFEB9C');
    expect(await fillAt('职工', bad.row!, 4)).toBe('#00B0F0');
    expect(await fillAt('职工', bad.row!, 0)).toBeNull();
    expect(await page.getAttribute(`[data-grid="职工"] tr[data-row="${bad.row}"] td >> nth=0`, 'data-mark')).toBe('#FFC7CE');
    expect(await page.getAttribute(`[data-grid="职工"] tr[data-row="${bad.row}"] td >> nth=4`, 'data-fill')).toBe('#00B0F0');
    const recorded = await page.evaluate(() => window.cwWorkbench!.workbook.highlightCount());
    expect(recorded).toBeGreaterThan(5);
    expect(await page.textContent('[data-testid="clear-highlight"]')).toContain(`（${recorded} 行）`);
    // Between the two buttons the clerk recolours a marked cell, inserts a column, sorts the workers and renames the sheet.
    const marked = await page.evaluate(([r]) => {
      const wb = window.cwWorkbench!.workbook;
      const before = JSON.stringify(wb.sheet('职工').cells[r - 1]);
      wb.setFill('职工', r, 6, '#FF0000');
      wb.insertColumns('职工', 1, 1);
      const s = wb.sheet('职工');
      const first = s.boldRows + 1;
      wb.sortRows('职工', first, s.cells.length, 3, true);
      wb.renameSheet('职工', '花名册');
      // The marked row wherever the sort put it: its cells as before, less the inserted column.
      const at = s.cells.findIndex((row) => JSON.stringify([row[0], ...row.slice(2)]) === before) + 1;
      return { at, mark: wb.markAt('花名册', at), fill: wb.fillAt('花名册', at, 7) };
    }, [bad.row!] as const);
    expect(marked.at).toBeGreaterThan(0);
    expect(marked.mark).toBe('#FFC7CE');
    expect(marked.fill).toBe('#FF0000');
    await page.click('[data-testid="clear-highlight"]');
    await page.waitForSelector('[data-testid="results-message"]:has-text("已清除")');
    const after = await page.evaluate(() => {
      const wb = window.cwWorkbench!.workbook;
      const s = wb.sheet('花名册');
      return { marks: s.cells.map((_, i) => wb.markAt('花名册', i + 1)).filter((m) => m !== null).length, fills: [...s.fills].filter(([, f]) => f.some((x) => x !== null)).length };
    });
    expect(after.marks).toBe(0);
    // The rows with the clerk's fills, moved with the sort: none lost, none added.
    expect(after.fills).toBe(JSON.parse(fillsBefore).length);
    expect(await page.evaluate(() => window.cwWorkbench!.workbook.highlightCount())).toBe(0);
    expect(await page.isDisabled('[data-testid="clear-highlight"]')).toBe(true);
  });
});

describe('the mapping step', () => {
  beforeAll(resetWorkbench);

  test('a header cwkit does not know is mapped by the clerk, remembered in the workbook, and the checks use it', async () => {
    const col = roster.workers.headers.indexOf('社区');
    await page.evaluate((c) => window.cwWorkbench!.workbook.setCell('职工', 2, c, '所在单位'), col);
    await page.click('[data-testid="rescan"]');
    await page.waitForSelector('[data-testid="mapping-step"]');
    expect(await page.isVisible('[data-testid="run-checks"]')).toBe(false);
    expect(await page.isDisabled('[data-testid="mapping-save"]')).toBe(true);
    await page.selectOption('[data-mapping="workers"] select[data-field="community"]', String(col));
    await page.click('[data-testid="mapping-save"]');
    await page.waitForSelector('[data-testid="run-checks"]');
    const saved = await page.evaluate(() => window.cwWorkbench!.workbook.settings.get('cwkit.mapping'));
    expect(JSON.parse(saved!)).toEqual({ v: 1, tables: { workers: { sheet: '职工', headerRow: 2, override: { community: '所在单位' } } } });
    // Found again from the workbook's setting: no mapping step.
    await page.click('[data-testid="rescan"]');
    await page.waitForSelector('text=使用本工作簿保存的列对应');
    expect(await page.isVisible('[data-testid="mapping-step"]')).toBe(false);
    await runChecks('benxi-2022');
    const engine = await checkRoster(roster, 'benxi-2022', { asOf: SAMPLE_AS_OF });
    expect(await counts()).toEqual({ error: engine.summary.error, warning: engine.summary.warning, info: engine.summary.info });
    // The mapped column really is the community: findings are placed in theirs.
    const bad = breaks.find((b) => b.id === 'id-check-char')!;
    expect(await page.textContent('[data-testid="by-community"]')).toContain(bad.community!);
    expect((await shownFindings()).some((f) => f.rule === '身份证号' && f.row === String(bad.row) && f.group.startsWith(bad.community!))).toBe(true);
  });
});

describe('a long check', () => {
  beforeAll(resetWorkbench);

  test('shows progress and stops on Cancel', async () => {
    // 40 copies of the workers: about 23,000 rows.
    await page.evaluate(() => {
      const wb = window.cwWorkbench!.workbook;
      const s = wb.sheet('职工');
      const data = s.cells.slice(2);
      for (let k = 0; k < 40; k++) for (const r of data) s.cells.push(r.slice());
      wb.setCell('职工', 1, 0, s.cells[0][0]);
    });
    await page.click('[data-testid="rescan"]');
    await page.waitForSelector('[data-table="workers"]:has-text("23780行数据")');
    // Cancel as soon as the progress bar and its Cancel button appear (the read alone takes several chunks).
    const cancelled = page.evaluate(() => new Promise<string>((resolve) => {
      const seen = () => {
        const bar = document.querySelector('[data-testid="check-progress"]');
        const button = document.querySelector<HTMLButtonElement>('[data-testid="cancel-checks"]');
        if (!bar || !button) return false;
        button.click();
        resolve(bar.getAttribute('role') ?? '');
        return true;
      };
      const watch = new MutationObserver(() => seen() && watch.disconnect());
      watch.observe(document.body, { subtree: true, childList: true });
    }));
    await page.click('[data-testid="run-checks"]');
    expect(await cancelled).toBe('progressbar');
    await page.waitForSelector('[data-testid="check-notice"]:has-text("检查已取消")');
    expect(await page.isVisible('[data-testid="results"]')).toBe(false);
    expect(await page.isEnabled('[data-testid="run-checks"]')).toBe(true);
  });
});

describe('the 参数表', () => {
  beforeAll(resetWorkbench);

  test('is created from the template’s layout for the chosen policy, then opened; the checks read it', async () => {
    await page.selectOption('[data-testid="policy"]', 'xiamen-2020');
    await page.click('[data-tab="params"]');
    await page.waitForSelector('[data-testid="params-status"]:has-text("还没有")');
    await page.click('[data-testid="params-open"]');
    await page.waitForSelector('[data-sheet-tab="厦门参数表"]');
    const cells = await sheetCells('厦门参数表');
    expect(cells[0]).toEqual([...PARAM_HEADERS]);
    const xiamen = POLICIES.find((p) => p.id === 'xiamen-2020')!;
    expect(cells.slice(1, 1 + xiamen.params.defs.length).map((r) => r[0])).toEqual(xiamen.params.defs.map((d) => d.key));
    await page.waitForSelector('[data-testid="params-status"]:has-text("厦门参数表")');
    await page.click('[data-tab="policies"]');
    await page.evaluate(() => window.cwWorkbench!.workbook.activateSheet('职工'));
    await page.click('[data-tab="params"]');
    await page.click('[data-testid="params-open"]');
    await page.waitForSelector('[data-testid="params-message"]:has-text("已打开")');
    expect(await page.evaluate(() => window.cwWorkbench!.workbook.active)).toBe('厦门参数表');
    expect(await sheetNames()).toEqual(['职工', '社区', '区县', '厦门参数表']);
    // A local value: 优秀 up to 100% — the sample's 优秀比例 break is no longer one.
    const at = cells.findIndex((r) => r[0] === '优秀比例上限');
    await page.evaluate((row) => window.cwWorkbench!.workbook.setCell('厦门参数表', row, 1, 1), at + 1);
    await page.click('[data-tab="check"]');
    await page.click('[data-testid="rescan"]');
    await page.waitForSelector('[data-testid="run-checks"]');
    await runChecks('xiamen-2020');
    const engine = await checkRoster(roster, 'xiamen-2020', { asOf: SAMPLE_AS_OF, params: { 优秀比例上限: 1 } });
    // No breach is left; the note that 社区正职 are rated in a separate list (an info) stays.
    expect(engine.findings.some((f) => f.rule === '优秀比例' && f.severity !== 'info')).toBe(false);
    expect(await counts()).toEqual({ error: engine.summary.error, warning: engine.summary.warning, info: engine.summary.info });
    expect((await shownFindings()).some((f) => f.rule === '优秀比例' && f.severity === 'error')).toBe(false);
    await page.click('[data-tab="params"]');
    await page.waitForSelector('[data-testid="params-status"]:has-text("1 项本地值")');
  });
});

describe('reports from the pane', () => {
  const pdfTexts = new Map<string, string>();
  beforeAll(async () => {
    await resetWorkbench();
    await page.selectOption('[data-testid="policy"]', 'benxi-2022');
    await page.click('[data-tab="reports"]');
    await page.waitForSelector('[data-testid="report-unit"] option[value="春晖社区"]', { state: 'attached' });
  });

  test.each(REPORT_KINDS)('%s: a PDF download with the report’s title', async (kind) => {
    const lazy = (u: string) => /\.ttf$|cw-report|pdfmake/.test(u);
    if (kind === REPORT_KINDS[0]) expect(requested.filter(lazy)).toEqual([]);
    await page.selectOption('[data-testid="report-kind"]', kind);
    await page.selectOption('[data-testid="report-unit"]', kind === 'worker' ? '春晖社区' : '');
    await page.click('[data-testid="report-generate"]');
    await page.waitForSelector('[data-testid="report-download"]', { timeout: 300_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="report-download"]')]);
    expect(download.suggestedFilename()).toBe(`${REPORT_TITLES[kind]}-本溪-2026-12.pdf`);
    const file = path.join(tmp, `${kind}.pdf`);
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(text).toContain(REPORT_TITLES[kind]);
    if (kind === 'worker') {
      const w = roster.workers;
      const names = w.rows.filter((r) => r[w.headers.indexOf('社区')] === '春晖社区').map((r) => String(r[w.headers.indexOf('姓名')]));
      expect(names.length).toBeGreaterThan(10);
      expect(names.filter((n) => !text.includes(n))).toEqual([]);
    }
    expect(requested.some(lazy)).toBe(true);
    pdfTexts.set(kind, text);
  });

  test.each(REPORT_KINDS)('%s: 写入工作表 writes a new print-ready sheet holding the PDF’s totals', async (kind) => {
    await page.selectOption('[data-testid="report-kind"]', kind);
    await page.selectOption('[data-testid="report-unit"]', kind === 'worker' ? '春晖社区' : '');
    const before = await page.evaluate(() => window.cwWorkbench!.workbook.sheets.map((s) => s.name));
    await page.click('[data-testid="report-sheet"]');
    await page.waitForSelector('[data-testid="report-sheet-written"]', { timeout: 300_000 });
    const sheet = await page.evaluate((names) => {
      const s = window.cwWorkbench!.workbook.sheets.find((x) => !names.includes(x.name))!;
      return { name: s.name, cells: s.cells, report: s.report! };
    }, before);
    expect(sheet.name.startsWith(SHEET_NAMES[kind])).toBe(true);
    expect(sheet.cells[0][0]).toBe(REPORT_TITLES[kind]);
    expect(sheet.report.page).toMatchObject({ paper: 'A4', orientation: kind === 'worker' ? 'portrait' : 'landscape', fitToWidth: true, centerFooter: '第 &P 页 / 共 &N 页' });
    const [first] = sheet.report.page.printTitleRows;
    if (kind !== 'worker') expect(sheet.report.roles[first - 1]).toBe('header');
    // The totals the PDF prints are the cells' values.
    const pdf = (pdfTexts.get(kind) ?? '').replace(/\s+/g, ' ');
    const totalRow = sheet.cells.find((r) => /^(总计（\d+人）|合计)$/.test(String(r[0] ?? '')));
    if (kind === 'payroll' || kind === 'funding') {
      const amounts = totalRow!.filter((v): v is number => typeof v === 'number');
      expect(amounts.length).toBeGreaterThan(0);
      // Amounts print with two decimals and thousands separators; the head count as a whole number.
      for (const a of amounts) expect([a, pdf.includes(money(a.toFixed(2))) || (Number.isInteger(a) && pdf.includes(` ${a} `))]).toEqual([a, true]);
    }
    expect(await page.textContent('[data-testid="report-sheet-written"]')).toContain(sheet.name);
  });
});

describe('月度工资 from the pane', () => {
  /** Illustrative local payroll figures (a county's 参数表), as in test/taskpane/payroll.test.ts. */
  const LOCAL: Record<string, number> = {
    '失业保险.个人缴费比例': 0.005, '补充医疗.个人缴费': 3, '社保基数.下限': 4000, '社保基数.上限': 20000,
    '公积金.个人缴存比例': 0.12, '公积金基数.下限': 2000, '公积金基数.上限': 25000,
  };
  /** `cw payroll`'s 合计 row of a month, read back from its .xlsx: 应发合计, 代扣合计 and 实发. */
  const cliTotals = async (period: string, previous: string | null) => {
    const file = path.join(tmp, `payroll-${period}.xlsx`);
    fs.writeFileSync(path.join(tmp, 'local.json'), JSON.stringify(LOCAL));
    const r = await runCw(['payroll', SAMPLE, '--policy', 'benxi-2022', '--period', period, '--params', path.join(tmp, 'local.json'), '--out', file, ...(previous ? ['--previous', previous] : [])]);
    expect(r.code).toBe(0);
    const g = (await readWorkbook(file)).find((x) => x.name === '薪酬表')!;
    return { file, ...totalsOf(g.rows as Cells) };
  };
  const totalsOf = (rows: Cells) => {
    const h = rows.find((r) => r.includes('实发'))!.map(String);
    const t = rows.find((r) => r[0] === '合计')!;
    return { gross: t[h.indexOf('应发合计')], deductions: t[h.indexOf('代扣合计')], net: t[h.indexOf('实发')] };
  };

  beforeAll(async () => {
    await resetWorkbench();
    await page.selectOption('[data-testid="policy"]', 'benxi-2022');
  });

  test('without the local figures it names the missing parameter and links to the 参数表', async () => {
    await page.click('[data-tab="payroll"]');
    // The pane lists the local figures the deductions need (the engine's list).
    expect(await page.textContent('[data-testid="payroll-local"]')).toContain('失业保险.个人缴费比例');
    await page.fill('[data-testid="payroll-period"]', '2026-01');
    await page.click('[data-testid="payroll-compute"]');
    await page.waitForSelector('[data-testid="payroll-error"]');
    expect(await page.textContent('[data-testid="payroll-error"]')).toMatch(/缺少参数[\s\S]*去填写参数表/);
    expect((await sheetNames()).some((n) => n.startsWith('工资表'))).toBe(false);
  });

  test('January, then February chained from the January sheet: new sheets whose totals are cw payroll’s', async () => {
    await page.evaluate((rows) => window.cwWorkbench!.workbook.addSheet('参数表', { rows }), [['参数名', '本地值'], ...Object.entries(LOCAL)]);
    await page.click('[data-tab="check"]');
    await page.click('[data-testid="rescan"]');
    await page.click('[data-tab="payroll"]');
    await page.fill('[data-testid="payroll-period"]', '2026-01');
    expect(await page.inputValue('[data-testid="payroll-previous"]')).toBe('');
    await page.click('[data-testid="payroll-compute"]');
    await page.waitForSelector('[data-testid="payroll-done"]', { timeout: 120_000 });
    expect(await sheetNames()).toEqual(['职工', '社区', '区县', '参数表', '工资表2026-01', '银行代发2026-01']);
    const jan = await cliTotals('2026-01', null);
    expect(totalsOf(await sheetCells('工资表2026-01'))).toEqual({ gross: jan.gross, deductions: jan.deductions, net: jan.net });
    expect(await page.textContent('[data-testid="payroll-done"]')).toContain(`实发 ${Number(jan.net).toFixed(2)}`);
    const bank = await sheetCells('银行代发2026-01');
    expect(bank.find((r) => r[0] === '合计')![4]).toBe(jan.net);

    await page.fill('[data-testid="payroll-period"]', '2026-02');
    // The sheet the January run wrote is offered, and chosen, as February's year-to-date source.
    expect(await page.inputValue('[data-testid="payroll-previous"]')).toBe('工资表2026-01');
    await page.click('[data-testid="payroll-compute"]');
    await page.waitForSelector('[data-testid="payroll-done"]:has-text("工资表2026-02")', { timeout: 120_000 });
    expect(await page.textContent('[data-testid="payroll-done"]')).toContain('累计数接续 2026-01');
    const feb = await cliTotals('2026-02', jan.file);
    expect(totalsOf(await sheetCells('工资表2026-02'))).toEqual({ gross: feb.gross, deductions: feb.deductions, net: feb.net });
    expect(await page.evaluate(() => window.cwWorkbench!.workbook.active)).toBe('工资表2026-02');
  });
});

describe('in English', () => {
  test('?lang=en shows the same pane in English; the findings stay the engine’s Chinese', async () => {
    await page.goto(`${server.origin}/workbench.html?lang=en`);
    await page.waitForSelector('[data-testid="run-checks"]:has-text("Run checks")');
    expect(await page.textContent('[data-tab="check"]')).toBe('Roster check');
    await runChecks('ningxia-2024');
    expect(await page.textContent('[data-testid="results"]')).toContain('Results');
    expect((await shownFindings()).some((f) => f.rule === '身份证号')).toBe(true);
  });
});

describe('privacy', () => {
  test('every request went to the page’s own origin (or a blob: of it), and no CSP rule was broken', async () => {
    const foreign = requested.filter((u) => !u.startsWith(server.origin + '/') && !u.startsWith(`blob:${server.origin}/`));
    expect(foreign).toEqual([]);
    expect(requested.length).toBeGreaterThan(5);
    // No web fonts: the pane uses the computer's fonts; the one font file is the reports' (fetched by their worker).
    expect(requested.filter((u) => /\.(woff2?|otf|eot)(\?|$)/.test(u))).toEqual([]);
    expect(requested.filter((u) => /\.ttf(\?|$)/.test(u)).every((u) => /\/assets\/CwSansSC-Regular\.[0-9a-f]+\.ttf$/.test(u))).toBe(true);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

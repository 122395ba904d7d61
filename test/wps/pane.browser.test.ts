/**
 * The task pane as WPS shows it: the full WPS build (webpack.wps.config.js, development mode)
 * served from a local static server, taskpane.html opened in headless Chromium with `window.wps`
 * and `window.Application` set to the fake ET object model of test/wps/fake-et.ts (compiled for
 * the page) holding the sample roster — as WPS gives the pane's page its API. The clerk's path:
 * the pane finds the tables, checks the roster, writes the results to a new sheet, highlights
 * the rows and clears them, writes a report as a print-ready sheet (no PDF button in WPS), and
 * the settings land in the workbook's custom XML parts. Fails on
 * any request to another origin and on any page error.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { transformSync } from '@swc/core';
import type { Browser, Page } from 'playwright-core';
import { readWorkbook } from '../../src/workbook/read';
import { SAMPLE_AS_OF } from '../../src/sample/roster';
import type { Cell } from '../../src/engine';
import { chromiumPath, launchChromium, ROOT, serveStatic } from '../taskpane/harness';

jest.setTimeout(600_000);

let tmp: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let page: Page;
const requested: string[] = [];
const pageErrors: string[] = [];

/** Builds the WPS add-in into `out` (development mode, no source maps). */
function buildWps(out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--config', 'webpack.wps.config.js', '--mode', 'development', '--no-devtool', '--output-path', out],
      { cwd: ROOT, maxBuffer: 64 << 20, timeout: 400_000 },
      (err, stdout, stderr) => (err ? reject(new Error(`webpack failed: ${err.message}\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`)) : resolve()),
    );
  });
}

/**
 * test/wps/fake-et.ts as a page script that defines `window.cwFakeEt` (its exports), with the
 * modules it imports at run time (the conditional-format evaluator and the marks' helpers), each
 * transpiled on its own and linked by a small require.
 */
function fakeScript(): string {
  const modules = new Map<string, string>();
  const add = (file: string): void => {
    if (modules.has(file)) return;
    const { code } = transformSync(fs.readFileSync(file, 'utf8'), {
      filename: file,
      jsc: { parser: { syntax: 'typescript' }, target: 'es2019' },
      module: { type: 'commonjs' },
    });
    modules.set(file, code);
    for (const m of code.matchAll(/require\("(\.[^"]+)"\)/g)) add(path.resolve(path.dirname(file), m[1]) + '.ts');
  };
  const entry = path.join(__dirname, 'fake-et.ts');
  add(entry);
  const table = [...modules].map(([file, code]) => `${JSON.stringify(file)}:function(exports,module,require){${code}\n}`).join(',');
  return `(function(){var defs={${table}};var cache={};
function load(file){if(cache[file])return cache[file].exports;var module={exports:{}};cache[file]=module;
var dir=file.slice(0,file.lastIndexOf('/'));
defs[file](module.exports,module,function(rel){var parts=(dir+'/'+rel).split('/'),out=[];for(var i=0;i<parts.length;i++){if(parts[i]==='..')out.pop();else if(parts[i]!=='.')out.push(parts[i]);}return load(out.join('/')+'.ts');});
return module.exports;}
window.cwFakeEt=load(${JSON.stringify(entry)});})();`;
}

beforeAll(async () => {
  chromiumPath();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-wps-pane-'));
  const out = path.join(tmp, 'wps');
  const [, grids] = await Promise.all([buildWps(out), readWorkbook(path.join(ROOT, 'templates', '示例花名册.xlsx'))]);
  // The sample workbook's sheets as a WPS workbook holds them: rows at their sheet row numbers.
  const sheets = grids.map((g) => {
    const rows: Cell[][] = [];
    g.rows.forEach((r, i) => {
      rows[(g.rowNumbers ? g.rowNumbers[i] : i + 1) - 1] = r.map((c) => (c === undefined ? null : c));
    });
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
    return { name: g.name, rows };
  });
  server = await serveStatic(out);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 420, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  page.on('request', (r) => requested.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.addInitScript({ content: fakeScript() });
  await page.addInitScript((init) => {
    const w = window as unknown as { cwFakeEt: { FakeEt: new (s: unknown) => unknown }; wps: unknown; Application: unknown };
    w.wps = w.Application = new w.cwFakeEt.FakeEt(init);
  }, sheets);
  await page.goto(`${server.origin}/taskpane.html`);
  await page.waitForSelector('[data-testid="run-checks"]');
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

type FakeInPage = {
  ActiveWorkbook: { states: Array<{ name: string; cells: Cell[][] }>; xmlParts: Array<{ namespace: string; attributes: Array<[string, string]>; text: string }> };
  fill(sheet: string, row: number, col: number): string | null;
  markAt(sheet: string, row: number, col: number): string | null;
};
const inPage = <T>(fn: (et: FakeInPage) => T) => page.evaluate(`(${fn.toString()})(window.Application)`) as Promise<T>;

test('the pane checks the roster in the WPS workbook, writes a new results sheet, highlights and clears, keeps its settings in custom XML parts', async () => {
  const before = await inPage((et) => et.ActiveWorkbook.states.map((s) => ({ name: s.name, cells: JSON.stringify(s.cells) })));
  await page.fill('[data-testid="as-of"]', SAMPLE_AS_OF);
  await page.selectOption('[data-testid="policy"]', 'benxi-2022');
  await page.click('[data-testid="run-checks"]');
  await page.waitForSelector('[data-testid="results"]');
  const findings = await page.$$eval('[data-finding]', (els) => els.map((e) => ({ sheet: e.getAttribute('data-sheet'), row: Number(e.getAttribute('data-row')) })));
  expect(findings.length).toBeGreaterThan(0);

  await page.click('[data-testid="write-results"]');
  await page.waitForSelector('[data-testid="results-message"]');
  const after = await inPage((et) => et.ActiveWorkbook.states.map((s) => ({ name: s.name, cells: JSON.stringify(s.cells) })));
  expect(after.slice(0, before.length)).toEqual(before); // no existing sheet written
  expect(after).toHaveLength(before.length + 1);
  const results = await inPage((et) => et.ActiveWorkbook.states[et.ActiveWorkbook.states.length - 1].cells);
  expect(String(results[0][0])).toContain('检查结果');

  await page.click('[data-testid="highlight"]');
  const withRow = findings.find((f) => f.sheet && f.row > 0)!;
  // A format condition over the row, not a fill: the cell's own fill stays as it was.
  await page.waitForFunction(([s, r]) => (window as unknown as { Application: FakeInPage }).Application.markAt(s as string, r as number, 0) !== null, [withRow.sheet, withRow.row] as const);
  expect(await page.evaluate(([s, r]) => (window as unknown as { Application: FakeInPage }).Application.fill(s as string, r as number, 0), [withRow.sheet, withRow.row] as const)).toBeNull();
  const parts = await inPage((et) => et.ActiveWorkbook.xmlParts.map((p) => ({ ns: p.namespace, key: p.attributes.find(([k]) => k === 'key')?.[1] })));
  expect(parts).toEqual(expect.arrayContaining([{ ns: 'urn:cwkit:settings', key: 'cwkit.highlights' }]));

  await page.click('[data-testid="clear-highlight"]');
  await page.waitForFunction(([s, r]) => (window as unknown as { Application: FakeInPage }).Application.markAt(s as string, r as number, 0) === null, [withRow.sheet, withRow.row] as const);
  const left = await inPage((et) => et.ActiveWorkbook.xmlParts.filter((p) => p.attributes.some(([k, v]) => k === 'key' && v === 'cwkit.highlights')).length);
  expect(left).toBe(0);

  // Reports: written as a print-ready sheet; no PDF button in WPS, and the note says so.
  await page.click('[data-tab="reports"]');
  await page.waitForSelector('[data-testid="report-sheet"]');
  expect(await page.$('[data-testid="report-generate"]')).toBeNull();
  expect(await page.textContent('[data-testid="report-no-download"]')).toContain('WPS');
  await page.selectOption('[data-testid="report-kind"]', 'staffing');
  const sheetsBefore = await inPage((et) => et.ActiveWorkbook.states.length);
  await page.click('[data-testid="report-sheet"]');
  await page.waitForSelector('[data-testid="report-sheet-written"]');
  const report = await inPage((et) => {
    const s = et.ActiveWorkbook.states[et.ActiveWorkbook.states.length - 1] as unknown as { name: string; cells: Cell[][]; page: Record<string, unknown> };
    return { count: et.ActiveWorkbook.states.length, name: s.name, title: s.cells[0][0], page: s.page };
  });
  expect(report.count).toBe(sheetsBefore + 1);
  expect(String(report.title)).toContain('配备');
  expect(report.page).toMatchObject({ PaperSize: 9, FitToPagesWide: 1, CenterFooter: '第 &P 页 / 共 &N 页' });
  const now = await inPage((et) => et.ActiveWorkbook.states.map((s) => ({ name: s.name, cells: JSON.stringify(s.cells) })));
  expect(now.slice(0, before.length)).toEqual(before);

  const origins = new Set(requested.map((u) => new URL(u).origin));
  expect([...origins]).toEqual([server.origin]);
  expect(pageErrors).toEqual([]);
});

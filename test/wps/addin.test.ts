/**
 * The built WPS add-in (webpack.wps.config.js, built here into a temporary folder with
 * `--env main-only`, production mode as shipped), loaded into a fake WPS: main.js is run in a
 * fresh context whose `wps` global is the fake of test/wps/fake-wps.ts, as WPS runs it in the
 * add-in's main page. Checks every CW function is registered under CW with its zh-CN metadata,
 * calls each as WPS would (positional arguments, omitted ones as COM's "parameter not found",
 * ranges as rows) and compares with `cw fn`; then the ribbon and the package's XML files.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import { execFileSync } from 'child_process';
import { FUNCTIONS, NAMESPACE, paramLabel } from '../../src/functions/help';
import { PARAM_NOT_FOUND } from '../../src/wps/args';
import { runCw } from '../helpers/cw';
import { FakeWps } from './fake-wps';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseStringPromise } = require('xml2js') as { parseStringPromise(xml: string): Promise<any> };

const ROOT = path.join(__dirname, '..', '..');
const PAGE = 'file:///C:/Users/clerk/AppData/Roaming/kingsoft/wps/jsaddons/cwkit_0.1.0/index.html';
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cwkit-wps-'));
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--config', 'webpack.wps.config.js', '--mode', 'production', '--env', 'main-only', '--no-devtool', '--output-path', dir], {
    cwd: ROOT,
    stdio: 'pipe',
    timeout: 280_000,
  });
}, 300_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the built main.js in a new context with this `wps` global; returns the context. */
function load(wps: FakeWps): vm.Context {
  const context = vm.createContext({ wps, Application: wps, location: { href: PAGE }, console, setTimeout, clearTimeout });
  vm.runInContext(fs.readFileSync(path.join(dir, 'main.js'), 'utf8'), context, { filename: 'main.js' });
  return context;
}

/** An argument of an example formula: "text", a number, {a,b;c,d}, a sheet range, or empty (omitted). */
type Arg = { omitted: true } | { value: unknown };

/**
 * The sheets an example formula may refer to (`参数表!$A$2:$B$8`), as rows from row 1: a 参数表 of
 * illustrative local figures (the ones the documents leave to local rules), not any city's.
 */
const SHEETS: Record<string, unknown[][]> = {
  参数表: [
    ['参数名', '值'],
    ['失业保险.个人缴费比例', 0.005],
    ['补充医疗.个人缴费', 3],
    ['社保基数.下限', 4000],
    ['社保基数.上限', 20000],
    ['公积金.个人缴存比例', 0.12],
    ['公积金基数.下限', 2000],
    ['公积金基数.上限', 25000],
  ],
};

const column = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** A sheet range as WPS passes it to an `any[][]` parameter: its rows of cells. */
function rangeOf(ref: string): unknown[][] | null {
  const m = /^'?([^'!]+)'?!\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) return null;
  const sheet = SHEETS[m[1]];
  if (!sheet) throw new Error(`example refers to an unknown sheet: ${ref}`);
  const [c1, r1, c2, r2] = [column(m[2]), Number(m[3]), column(m[4]), Number(m[5])];
  return Array.from({ length: r2 - r1 + 1 }, (_, i) => Array.from({ length: c2 - c1 + 1 }, (_, j) => sheet[r1 - 1 + i]?.[c1 - 1 + j] ?? null));
}

function parseFormula(formula: string): { id: string; args: Arg[] } {
  const m = /^=CW\.(\w+)\((.*)\)$/.exec(formula);
  if (!m) throw new Error(`not a CW formula: ${formula}`);
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  let braces = 0;
  for (const ch of m[2]) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '{') braces++;
    if (!quoted && ch === '}') braces--;
    if (ch === ',' && !quoted && braces === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  const cell = (t: string): unknown => (/^".*"$/.test(t) ? t.slice(1, -1) : /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t === '' ? null : t);
  const args = parts.map((p): Arg => {
    const t = p.trim();
    if (t === '') return { omitted: true };
    if (t.startsWith('{')) return { value: t.slice(1, -1).split(';').map((row) => row.split(',').map(cell)) };
    const range = rangeOf(t);
    return { value: range ?? cell(t) };
  });
  return { id: m[1], args: m[2].trim() === '' ? [] : args };
}

/** What WPS passes: omitted arguments as DISP_E_PARAMNOTFOUND (trailing ones not at all). */
function wpsArgs(args: Arg[]): unknown[] {
  return args.map((a) => ('omitted' in a ? PARAM_NOT_FOUND : a.value));
}

/** The same call through `cw fn --json`: text arguments, '' for omitted, ranges as JSON. */
async function cwFn(id: string, args: Arg[]): Promise<unknown> {
  const text = args.map((a) => ('omitted' in a || a.value === null ? '' : Array.isArray(a.value) ? JSON.stringify(a.value) : String(a.value)));
  const r = await runCw(['fn', id, ...text, '--json']);
  const out = JSON.parse(r.out) as { value?: unknown; error?: { code: string; message: string } };
  return out.error ? `${out.error.code} ${out.error.message}` : out.value;
}

describe('dist/wps/main.js in a fake WPS', () => {
  test('registers every function of the catalogue under CW, with the zh-CN descriptions and argument names', () => {
    const wps = new FakeWps();
    load(wps);
    const names = wps.registrations.map((r) => r.name);
    expect(names).toEqual(FUNCTIONS.map((f) => f.id));
    for (const id of ['GRADE', 'PAY', 'TENURE', 'RETIRE', 'STAFF', 'EXPLAIN', 'PARAMS']) expect(names).toContain(id);
    for (const r of wps.registrations) {
      const f = FUNCTIONS.find((x) => x.id === r.name)!;
      expect(r.namespace).toBe(NAMESPACE);
      expect(r.name).toMatch(/^[a-zA-Z_][a-zA-Z0-9_]*$/);
      expect(typeof r.callback).toBe('function');
      expect(r.metadata).toEqual({
        description: f.zhDescription,
        result: { type: 'any' },
        parameters: f.params.map((p) => ({
          name: p.zhName,
          description: p.zhDescription,
          type: (p.shape === 'matrix' ? 'any[][]' : 'any') + (p.optional ? '?' : ''),
        })),
      });
    }
    // functions.json (named by manifest.xml) holds the same metadata.
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'functions.json'), 'utf8'));
    expect(json.functions).toEqual(wps.registrations.map((r) => ({ name: r.name, ...r.metadata })));
  });

  test('PAY("本溪","副职","2000-09-01","2023-06-01") returns 4488', () => {
    const wps = new FakeWps();
    load(wps);
    expect(wps.fn('CW', 'PAY')('本溪', '副职', '2000-09-01', '2023-06-01')).toBe(4488);
  });

  const examples = FUNCTIONS.flatMap((f) => f.examples.map((e) => [f.id, e.formula] as const));
  test.each(examples)('%s: %s gives what cw fn gives', async (id, formula) => {
    const wps = new FakeWps();
    load(wps);
    const call = parseFormula(formula);
    expect(call.id).toBe(id);
    const got = wps.fn('CW', id)(...wpsArgs(call.args));
    expect(got).toEqual(await cwFn(id, call.args));
    expect(typeof got === 'string' && /^#/.test(got)).toBe(false);
  });

  const cases: Array<[string, string]> = [
    ['dates as serial numbers, as a date cell passes them', '=CW.PAY("本溪","副职",36770,45078)'],
    ['ratings as a row of cells', '=CW.GRADE("本溪","副职","2000-09-01","2023-06-01",{不合格,不合格,不合格})'],
    ['a 参数表 range of key and value', '=CW.PAY("本溪","副职","2000-09-01","2023-06-01",,,,,,{基数,3600;职业津贴.中级,})'],
    ['a post the policy does not have: #VALUE! and the valid posts', '=CW.GRADE("本溪","科长","2010-01-01","2023-06-01")'],
    ['an item the worker does not have: #N/A', '=CW.PAY("本溪","副职","2000-09-01","2023-06-01",,,,,"岗位津贴")'],
    ['a missing policy', '=CW.PARAMS()'],
    ['a missing as_of (a non-volatile function cannot mean today)', '=CW.PAY("本溪","副职","2000-09-01")'],
    ['a date that does not exist', '=CW.TENURE("本溪","2015-02-30","2024-03-15")'],
    ['STAFF spills minimum and maximum', '=CW.STAFF("长春新区",3500)'],
  ];
  test.each(cases)('%s — %s', async (_, formula) => {
    const wps = new FakeWps();
    load(wps);
    const call = parseFormula(formula);
    expect(wps.fn('CW', call.id)(...wpsArgs(call.args))).toEqual(await cwFn(call.id, call.args));
  });

  test('errors come back as text: the Excel error code, then the Chinese message naming the argument', () => {
    const wps = new FakeWps();
    load(wps);
    const grade = wps.fn('CW', 'GRADE')('本溪', '科长', '2010-01-01', '2023-06-01');
    expect(grade).toMatch(/^#VALUE! post（岗位）：无法识别岗位 “科长”。本溪的岗位类别：正职/);
    const entry = FUNCTIONS.find((f) => f.id === 'PAY')!.params[2];
    expect(wps.fn('CW', 'PAY')('本溪', '副职', PARAM_NOT_FOUND)).toMatch(new RegExp(`^#VALUE! ${paramLabel(entry)}：不能为空`));
    expect(wps.fn('CW', 'PAY')('本溪', '副职', '2000-09-01', '2023-06-01', PARAM_NOT_FOUND, PARAM_NOT_FOUND, PARAM_NOT_FOUND, PARAM_NOT_FOUND, '岗位津贴')).toMatch(/^#N\/A /);
  });

  test('what else WPS may pass: one-cell ranges for single values, date objects, Range objects, empty cells as undefined', () => {
    const wps = new FakeWps();
    load(wps);
    const pay = wps.fn('CW', 'PAY');
    expect(pay([['本溪']], [['副职']], [['2000-09-01']], [[45078]])).toBe(4488);
    expect(pay('本溪', '副职', new Date(2000, 8, 1), new Date(2023, 5, 1))).toBe(4488);
    expect(pay({ Value2: '本溪' }, '副职', { Value2: 36770 }, '2023-06-01')).toBe(4488);
    expect(pay('本溪', '副职', '2000-09-01', '2023-06-01', [[undefined, undefined]], undefined, undefined)).toBe(4488);
    expect(pay('本溪', '副职', '2000-09-01', '2023-06-01', PARAM_NOT_FOUND, PARAM_NOT_FOUND, PARAM_NOT_FOUND, '社会工作师', '明细')).toEqual([
      ['基础工资', 3590.4],
      ['绩效工资', 897.6],
      ['职业津贴', 200],
      ['合计', 4688],
    ]);
  });

  test('outside WPS 表格 (no AddCustomFunction, e.g. WPS 文字) it registers nothing and does not fail', () => {
    const context = vm.createContext({ wps: { PluginStorage: {} }, location: { href: PAGE } });
    expect(() => vm.runInContext(fs.readFileSync(path.join(dir, 'main.js'), 'utf8'), context)).not.toThrow();
    const bare = vm.createContext({});
    expect(() => vm.runInContext(fs.readFileSync(path.join(dir, 'main.js'), 'utf8'), bare)).not.toThrow();
  });
});

describe('the ribbon and the package files', () => {
  test('ribbon.xml names callbacks main.js defines; the button shows and hides one task pane with taskpane.html', async () => {
    const ribbon = await parseStringPromise(fs.readFileSync(path.join(dir, 'ribbon.xml'), 'utf8'));
    const ui = ribbon.customUI;
    const button = ui.ribbon[0].tabs[0].tab[0].group[0].button[0].$;
    const wps = new FakeWps();
    const g = load(wps);
    for (const cb of [ui.$.onLoad, button.onAction, button.getImage]) expect(typeof g[cb]).toBe('function');
    expect(g[ui.$.onLoad]()).toBe(true);
    expect(fs.existsSync(path.join(dir, g[button.getImage]({ Id: button.id })))).toBe(true);
    g[button.onAction]({ Id: button.id });
    expect(wps.panes).toHaveLength(1);
    expect(wps.panes[0].url).toBe(PAGE.replace(/index\.html$/, 'taskpane.html'));
    expect(wps.panes[0].Visible).toBe(true);
    g[button.onAction]({ Id: button.id });
    g[button.onAction]({ Id: button.id });
    expect(wps.panes).toHaveLength(1);
    expect(wps.panes[0].Visible).toBe(true);
    g[button.onAction]({ Id: button.id });
    expect(wps.panes[0].Visible).toBe(false);
  });

  test('the full build makes taskpane.html for the pane (webpack.wps.config.js)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require('../../webpack.wps.config.js')({}, { mode: 'production' });
    const pages = config.plugins.filter((p: { userOptions?: { filename?: string } }) => p.userOptions?.filename).map((p: { userOptions: { filename: string } }) => p.userOptions.filename);
    expect(pages).toEqual(['index.html', 'taskpane.html']);
    expect(Object.keys(config.entry)).toEqual(['main', 'taskpane']);
  });

  test('index.html loads main.js; manifest.xml declares functions.json under namespace CW', async () => {
    expect(fs.readFileSync(path.join(dir, 'index.html'), 'utf8')).toMatch(/<script src="?main\.js"?><\/script>/);
    const manifest = (await parseStringPromise(fs.readFileSync(path.join(dir, 'manifest.xml'), 'utf8'))).JsPlugin;
    expect(manifest.Name).toEqual(['cwkit']);
    expect(manifest.Functions[0]).toEqual({ Uri: ['/functions.json'], Namespace: [NAMESPACE] });
  });

  test('publish.xml and jsplugins.xml are valid and name the et add-in, its folder, package and version', async () => {
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    const publish = (await parseStringPromise(fs.readFileSync(path.join(dir, 'publish.xml'), 'utf8'))).jsplugins.jsplugin[0].$;
    expect(publish).toMatchObject({ name: 'cwkit', type: 'et', url: `cwkit_${version}`, version });
    const list = (await parseStringPromise(fs.readFileSync(path.join(dir, 'jsplugins.xml'), 'utf8'))).jsplugins.jsplugin[0].$;
    expect(list).toMatchObject({ name: 'cwkit', type: 'et', version });
    expect(list.url).toMatch(/^https?:\/\/.+\/cwkit\.7z$/);
  });
});

/**
 * The task pane's report path in a real browser: webpack 5 builds a page that dynamic-imports
 * src/reports/browser (so pdfmake and the font are not in its initial bundle), headless
 * Chromium renders reports in the Web Worker, and the PDFs come back with the sample's names.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { readRosterFile } from '../../src/workbook/read';
import type { Roster } from '../../src/engine';
import { REPORT_KINDS, REPORT_TITLES } from '../../src/reports';
import { LOCAL_PARAMS } from '../../bench/workers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpack = require('webpack');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { chromium } = require('playwright-core');

const ROOT = path.join(__dirname, '..', '..');
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

jest.setTimeout(300_000);

describe('reports in the browser (webpack 5 + Web Worker + headless Chromium)', () => {
  test('Debian’s chromium is installed (apt-get install -y chromium; .ci/run does it)', () => {
    expect(CHROMIUM).toBeDefined();
  });

  let dir: string;
  let server: http.Server;
  let base: string;
  let browser: { newPage(): Promise<any>; close(): Promise<void> };
  let page: any;
  let roster: Roster;
  let stats: { assets: Array<{ name: string; size: number }>; chunks: Array<{ initial: boolean; files: string[]; names: string[] }> };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-report-browser-'));
    const compiler = webpack({
      mode: 'development',
      devtool: false,
      context: ROOT,
      entry: { page: './test/reports/browser/page.ts' },
      output: { path: dir, filename: '[name].js', publicPath: 'auto' },
      resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
      module: {
        rules: [{
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'swc-loader', options: { jsc: { parser: { syntax: 'typescript' }, target: 'es2017' } } },
        }],
      },
      performance: { hints: false },
    });
    const result = await new Promise<any>((resolve, reject) => compiler.run((err: Error | null, s: any) => (err ? reject(err) : resolve(s))));
    expect(result.compilation.errors.map((e: Error) => e.message)).toEqual([]);
    stats = result.toJson({ assets: true, chunks: true });
    await new Promise<void>((r) => compiler.close(() => r()));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><script src="page.js"></script>');
    server = http.createServer((req, res) => {
      const file = path.join(dir, decodeURIComponent(new URL(req.url!, 'http://x').pathname));
      if (!file.startsWith(dir) || !fs.existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.html') ? 'text/html' : 'application/octet-stream';
      res.writeHead(200, { 'content-type': type }).end(fs.readFileSync(file));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage();
    await page.goto(base + 'index.html');
    roster = (await readRosterFile(path.join(ROOT, 'templates', '示例花名册.xlsx'))).roster!;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('pdfmake and the font are not in the initial bundle: a lazy chunk, a worker chunk, the font as an asset', () => {
    const initial = stats.chunks.filter((c) => c.initial).flatMap((c) => c.files);
    expect(initial).toEqual(['page.js']);
    const pageJs = fs.readFileSync(path.join(dir, 'page.js'), 'utf8');
    expect(pageJs).not.toMatch(/pdfmake|fontkit|CwSansSC/);
    expect(fs.statSync(path.join(dir, 'page.js')).size).toBeLessThan(60_000);
    const font = stats.assets.find((a) => a.name.endsWith('.ttf'))!;
    expect(font.size).toBeGreaterThan(5_000_000);
    const withPdfmake = fs.readdirSync(dir).filter((f) => f.endsWith('.js') && fs.readFileSync(path.join(dir, f), 'utf8').includes('pdfmake'));
    expect(withPdfmake.length).toBeGreaterThan(0);
    expect(withPdfmake).not.toContain('page.js');
  });

  test.each(REPORT_KINDS)('%s: rendered in the worker with progress; the PDF has the title and the names', async (kind) => {
    const policy = kind === 'ratings' ? 'xiamen-2020' : 'benxi-2022';
    const unit = kind === 'worker' ? '春晖社区' : null;
    const r = await page.evaluate((req: unknown) => window.cwRender(req as never), { kind, roster, policy, period: '2026-12', params: LOCAL_PARAMS[policy] ?? null, unit });
    expect(r.error).toBeUndefined();
    expect(r.type).toBe('application/pdf');
    expect(r.fileName).toBe(`${REPORT_TITLES[kind]}-${policy === 'xiamen-2020' ? '厦门' : '本溪'}-2026-12.pdf`);
    expect(r.missing).toEqual([]);
    const stages = r.progress.map((p: { stage: string }) => p.stage);
    expect(stages).toContain('compute');
    expect(stages).toContain('draw');
    const shares = r.progress.map((p: { share: number }) => p.share);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(shares[shares.length - 1]).toBe(1);
    const file = path.join(dir, `${kind}.pdf`);
    fs.writeFileSync(file, Buffer.from(r.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(REPORT_TITLES[kind]);
    if (kind === 'payroll') {
      const nameCol = roster.workers.headers.indexOf('姓名');
      for (const row of roster.workers.rows) expect(text).toContain(String(row[nameCol]));
      expect(text).toMatch(/喆/);
    }
    if (kind === 'staffing') expect(text).toContain('实有与应配之比');
  });

  test('the browser PDF reads the same as the CLI’s for the same input', async () => {
    const { renderPdf } = await import('../../src/reports/node');
    const { buildReport, prepareReport } = await import('../../src/reports');
    const node = await renderPdf(buildReport(prepareReport('retirement', roster, { policy: 'benxi', period: '2026-12', months: 60 })));
    const r = await page.evaluate((req: unknown) => window.cwRender(req as never), { kind: 'retirement', roster, policy: 'benxi', period: '2026-12', months: 60 });
    const fromBrowser = Buffer.from(r.base64, 'base64');
    const text = (b: Buffer) => {
      const f = path.join(dir, `cmp-${b === node ? 'n' : 'b'}.pdf`);
      fs.writeFileSync(f, b);
      return execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' });
    };
    expect(text(fromBrowser)).toBe(text(node));
  });

  test('bad input comes back as the engine’s Chinese error', async () => {
    const r = await page.evaluate((req: unknown) => window.cwRender(req as never), { kind: 'payroll', roster, policy: 'xiamen', period: '2026-12' });
    expect(r.error.code).toBe('MISSING_PARAM');
    expect(r.error.message).toMatch(/缺少参数：岗位津贴/);
  });
});

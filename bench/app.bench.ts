/**
 * The local app at size (issue 10 item 6): a 100,000-worker roster (5,000 communities) opened in
 * headless Chromium through the app's file chooser, checked (开始检查) and computed (薪酬计算),
 * each timed from the click to the pane showing its result, next to the baseline — the time the
 * same page takes merely to read the file's bytes (File.arrayBuffer) and to inflate every part
 * of the zip (DecompressionStream), the floor any in-page reader pays. The app is built from
 * webpack.app.config.js (production mode) into a temporary folder and served on a free port.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DATE_HEADERS, generateSampleRoster } from '../src/sample/roster';
import { writeRosterWorkbook } from '../src/workbook/write';
import { launchChromium, serveStatic } from '../test/taskpane/harness';

export const title = '本地应用 / the local app: open, check and compute 100,000 workers in the page (issue 10)';

const ROOT = path.join(__dirname, '..', '..');

function build(out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--config', 'webpack.app.config.js', '--mode', 'production', '--output-path', out],
      { cwd: ROOT, maxBuffer: 64 << 20, timeout: 900_000 }, (err, _o, stderr) => (err ? reject(new Error(`webpack failed: ${err.message}\n${stderr.slice(-2000)}`)) : resolve()));
  });
}

export async function run(print: (line: string) => void): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-app-bench-'));
  try {
    const file = path.join(tmp, '花名册.xlsx');
    const sample = generateSampleRoster({ communities: 5000, counties: 10, streetsPerCounty: 25, perCommunity: 20, breaks: false, vary: false });
    await Promise.all([build(path.join(tmp, 'app')), writeRosterWorkbook(sample.roster, file, { dateHeaders: DATE_HEADERS, textHeaders: new Set(['身份证号码']), title: '花名册' })]);
    print(`roster: ${sample.roster.workers.rows.length.toLocaleString('en-US')} workers, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB .xlsx`);
    const server = await serveStatic(path.join(tmp, 'app'));
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
      await page.goto(`${server.origin}/index.html`);
      await page.waitForSelector('[data-testid="drop-zone"]');

      // Baseline: the same file through a file input of the same page — its bytes, then every zip entry inflated.
      await page.evaluate(() => {
        const i = document.createElement('input');
        i.type = 'file';
        i.id = 'bench-input';
        document.body.appendChild(i);
      });
      await page.setInputFiles('#bench-input', file);
      const floor = await page.evaluate(async () => {
        const f = (document.getElementById('bench-input') as HTMLInputElement).files![0];
        const t0 = performance.now();
        const buf = await f.arrayBuffer();
        const bytesMs = performance.now() - t0;
        // Walk the zip's central directory and inflate each entry (deflate-raw), as any reader must.
        const v = new DataView(buf);
        let eocd = buf.byteLength - 22;
        while (eocd > 0 && v.getUint32(eocd, true) !== 0x06054b50) eocd--;
        let p = v.getUint32(eocd + 16, true);
        const n = v.getUint16(eocd + 10, true);
        let inflated = 0;
        for (let k = 0; k < n; k++) {
          const method = v.getUint16(p + 10, true);
          const size = v.getUint32(p + 20, true);
          const local = v.getUint32(p + 42, true);
          const data = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
          const chunk = new Uint8Array(buf, data, size);
          if (method === 8) {
            const out = await new Response(new Blob([chunk]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer();
            inflated += out.byteLength;
          } else inflated += size;
          p += 46 + v.getUint16(p + 28, true) + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
        }
        return { bytesMs, allMs: performance.now() - t0, inflated };
      });
      const time = async (what: () => Promise<unknown>, until: string, timeout = 900_000) => {
        const t0 = Date.now();
        await what();
        await page.waitForSelector(until, { timeout });
        return Date.now() - t0;
      };
      const open = await time(() => page.setInputFiles('[data-testid="open-file"]', file), '[data-testid="run-checks"]');
      await page.selectOption('[data-testid="policy"]', 'benxi-2022');
      const check = await time(() => page.click('[data-testid="run-checks"]'), '[data-testid="results"]');
      await page.click('[data-tab="pay"]');
      const compute = await time(() => page.click('[data-testid="pay-compute"]'), '[data-testid="pay-done"]');
      const r = (x: number) => `${(x / floor.allMs).toFixed(1)}×`;
      print(`page read (baseline): bytes ${floor.bytesMs.toFixed(0)} ms; bytes + inflate every part (${(floor.inflated / 1e6).toFixed(0)} MB of XML) ${floor.allMs.toFixed(0)} ms`);
      print(`open (read every cell in a Web Worker, show the grid, find the tables): ${open} ms = ${r(open)} the baseline`);
      print(`开始检查 benxi-2022 (read the tables through the port, check, show findings): ${check} ms = ${r(check)}`);
      print(`薪酬计算 benxi-2022 (read, compute with trace in a Web Worker, write 薪酬计算 + 计算过程): ${compute} ms = ${r(compute)}`);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Reports (issue 5): a 5,000-row 社区工作者薪酬发放表 (本溪, generated roster) rendered by cwkit's
 * builder, next to a baseline in the same run: the same rows as one naive pdfmake table with
 * default settings (auto widths, default layout, every rule drawn; bench/reports-runner.ts
 * `naiveDocument`). Each measurement runs in its own process so its peak RSS is its own; the two
 * alternate, twice each, and the faster run of each counts. Target: ≤ 0.6× the baseline's time,
 * ≤ 400 MB peak RSS.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const title = '报表 / reports: 5,000-row payroll register vs one naive pdfmake table (issue 5)';

interface Measurement {
  mode: string;
  rows: number;
  pages: number;
  prepareMs: number;
  renderMs: number;
  renderCpuMs: number;
  bytes: number;
  maxRssMb: number;
}

function measure(mode: 'cwkit' | 'naive', rows: number, out: string): Measurement {
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(__dirname, 'reports-runner.js'), mode, String(rows), out], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`reports-runner ${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

export async function run(print: (line: string) => void): Promise<void> {
  const ROWS = 5000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-bench-reports-'));
  try {
    const runs: Record<'cwkit' | 'naive', Measurement[]> = { cwkit: [], naive: [] };
    for (let i = 0; i < 2; i++) {
      for (const mode of ['naive', 'cwkit'] as const) runs[mode].push(measure(mode, ROWS, path.join(dir, `${mode}.pdf`)));
    }
    const best = (ms: Measurement[]) => ms.reduce((a, b) => (b.renderMs < a.renderMs ? b : a));
    const c = best(runs.cwkit);
    const n = best(runs.naive);
    const mb = (b: number) => (b / 1024 / 1024).toFixed(2);
    print(`rows: ${c.rows.toLocaleString('en-US')} workers (engine assessment before layout: ${c.prepareMs.toFixed(0)} ms, not timed below)`);
    print(`baseline  one naive pdfmake table: ${(n.renderMs / 1000).toFixed(2)} s (cpu ${(n.renderCpuMs / 1000).toFixed(2)} s), peak RSS ${n.maxRssMb.toFixed(0)} MB, ${mb(n.bytes)} MB, ${n.pages} pages`);
    print(`cwkit     payroll register:        ${(c.renderMs / 1000).toFixed(2)} s (cpu ${(c.renderCpuMs / 1000).toFixed(2)} s), peak RSS ${c.maxRssMb.toFixed(0)} MB, ${mb(c.bytes)} MB, ${c.pages} pages`);
    const ratio = c.renderMs / n.renderMs;
    print(`time ratio: ${ratio.toFixed(2)}× the baseline (target ≤ 0.60×: ${ratio <= 0.6 ? 'met' : 'not met'}); peak RSS ${c.maxRssMb.toFixed(0)} MB (target ≤ 400 MB: ${c.maxRssMb <= 400 ? 'met' : 'not met'})`);
    print(`all runs (s): cwkit ${runs.cwkit.map((m) => (m.renderMs / 1000).toFixed(2)).join(', ')}; naive ${runs.naive.map((m) => (m.renderMs / 1000).toFixed(2)).join(', ')}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

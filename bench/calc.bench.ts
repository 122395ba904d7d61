/**
 * `cw calc` streaming (issue 11): 100,000 JSON Lines `--no-trace` beside the I/O floor (read the
 * lines, JSON.parse, JSON.stringify back; bench/io-floor.ts), CPU time of every thread over three
 * alternating runs (min and median) and peak RSS, each run its own process (bench/probe.ts).
 * Then peak RSS at 10,000 and 1,000,000 lines, with and without the trace (set CW_BENCH_QUICK=1
 * to skip the million-line runs, which take minutes of CPU).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { alternate, describe, measureNode, minMedian } from './measure';
import { generateWorkers, LOCAL_PARAMS } from './workers';

export const title = 'cw calc 流式批量 / streaming batches (issue 11)';

function writeLines(file: string, n: number): void {
  const block = generateWorkers(10_000, 42).map(({ params: _shared, ...w }) => JSON.stringify(w)).join('\n') + '\n';
  const fd = fs.openSync(file, 'w');
  for (let i = 0; i < n; i += 10_000) fs.writeSync(fd, i + 10_000 <= n ? block : block.split('\n').slice(0, n - i).join('\n') + '\n');
  fs.closeSync(fd);
}

export async function run(print: (line: string) => void): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-bench-calc-'));
  const bin = path.join(__dirname, '..', '..', 'bin', 'cw.js');
  const floor = path.join(__dirname, 'io-floor.js');
  const params = path.join(dir, 'params.json');
  fs.writeFileSync(params, JSON.stringify(LOCAL_PARAMS));
  const file = (n: number) => {
    const f = path.join(dir, `w${n}.jsonl`);
    if (!fs.existsSync(f)) writeLines(f, n);
    return f;
  };
  try {
    const f100k = file(100_000);
    const runs = alternate(3, {
      floor: () => measureNode(floor, [], { stdinFile: f100k }),
      calc: () => measureNode(bin, ['calc', '--params', params, '--no-trace'], { stdinFile: f100k }),
    });
    const ratio = minMedian(runs.calc.map((m) => m.cpuMs)).median / minMedian(runs.floor.map((m) => m.cpuMs)).median;
    print(`100,000 lines, I/O floor (read, JSON.parse, JSON.stringify): ${describe(runs.floor)}`);
    print(`100,000 lines, cw calc --no-trace:                          ${describe(runs.calc)}  → ${ratio.toFixed(2)}× the floor (target ≤ 3×: ${ratio <= 3 ? 'met' : 'NOT met'})`);
    const sizes = process.env.CW_BENCH_QUICK ? [10_000, 100_000] : [10_000, 1_000_000];
    for (const trace of [false, true]) {
      const rss = sizes.map((n) => {
        const m = measureNode(bin, ['calc', '--params', params, ...(trace ? [] : ['--no-trace'])], { stdinFile: file(n) });
        if (m.status !== 0) throw new Error(`cw calc exited ${m.status}: ${m.stderr.slice(0, 300)}`);
        return m;
      });
      const r = rss[1].rssBytes / rss[0].rssBytes;
      print(`peak RSS ${trace ? 'with trace' : '--no-trace'}: ${sizes.map((n, i) => `${n.toLocaleString('en-US')} lines ${(rss[i].rssBytes / 1e6).toFixed(0)} MB (${(rss[i].cpuMs / 1000).toFixed(1)} s CPU)`).join(', ')} → ${r.toFixed(2)}× (target ≤ 1.5×: ${r <= 1.5 ? 'met' : 'NOT met'})`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

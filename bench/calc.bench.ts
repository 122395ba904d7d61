/**
 * `cw calc` streaming (issue 11): 100,000 JSON Lines `--no-trace` beside the I/O floor (read the
 * lines, JSON.parse, JSON.stringify back; bench/io-floor.ts), by default and on the main thread
 * only (`--threads 0`), CPU time of every thread over three alternating runs (min and median) and
 * peak RSS, each run its own process (bench/probe.ts). Then peak RSS at 10,000 lines (three runs)
 * and 1,000,000 lines (one), with and without the trace (set CW_BENCH_QUICK=1 to use 100,000
 * lines instead of the million, which take minutes of CPU).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { alternate, describe, measureNode, minMedian } from './measure';
import type { Measured } from './measure';
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
      main: () => measureNode(bin, ['calc', '--params', params, '--no-trace', '--threads', '0'], { stdinFile: f100k }),
    });
    const floorCpu = minMedian(runs.floor.map((m) => m.cpuMs)).median;
    const times = (k: 'calc' | 'main') => minMedian(runs[k].map((m) => m.cpuMs)).median / floorCpu;
    const cores = Math.min(os.availableParallelism?.() ?? os.cpus().length, 8);
    print(`100,000 lines, I/O floor (read, JSON.parse, JSON.stringify):  ${describe(runs.floor)}`);
    print(`100,000 lines, cw calc --no-trace (main + ${cores - 1} thread${cores === 2 ? '' : 's'}):      ${describe(runs.calc)}  → ${times('calc').toFixed(2)}× the floor (target ≤ 3×: ${times('calc') <= 3 ? 'met' : 'NOT met'})`);
    print(`100,000 lines, cw calc --no-trace --threads 0 (main only): ${describe(runs.main)}  → ${times('main').toFixed(2)}× the floor (each thread adds its own start-up and JIT warm-up)`);
    const quick = !!process.env.CW_BENCH_QUICK;
    const sizes = quick ? [10_000, 100_000] : [10_000, 1_000_000];
    for (const trace of [false, true]) {
      // Three alternating runs of each size (one of the million lines: minutes of CPU each).
      const args = ['calc', '--params', params, ...(trace ? [] : ['--no-trace'])];
      const rs: Measured[][] = [[], []];
      for (let i = 0; i < 3; i++) {
        rs[0].push(measureNode(bin, args, { stdinFile: file(sizes[0]) }));
        if (i === 0 || quick) rs[1].push(measureNode(bin, args, { stdinFile: file(sizes[1]) }));
      }
      for (const m of rs.flat()) if (m.status !== 0) throw new Error(`cw calc exited ${m.status}: ${m.stderr.slice(0, 300)}`);
      const peak = (ms: Measured[]) => Math.max(...ms.map((m) => m.rssBytes));
      const r = peak(rs[1]) / peak(rs[0]);
      print(`peak RSS ${trace ? 'with trace' : '--no-trace'}: ${sizes.map((n, i) => `${n.toLocaleString('en-US')} lines ${describe(rs[i])} (${rs[i].length} run${rs[i].length > 1 ? 's' : ''})`).join('; ')} → ${r.toFixed(2)}× (target ≤ 1.5×: ${r <= 1.5 ? 'met' : 'NOT met'})`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Engine throughput: 100,000 generated workers (mixed policies) through `assess`, with and without
 * the trace, next to the baseline a VLOOKUP pay sheet does: a bare lookup of the same grade and
 * coefficient. Then the batch `cw calc` of 100,000 JSON Lines end to end, as a real process.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assess, evaluate, normalizeWorker } from '../src/engine';
import { generateWorkers, benxiLookupBaseline, LOCAL_PARAMS } from './workers';

export const title = '引擎吞吐量 / engine throughput (issue 2)';

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

function perSecond(n: number, ms: number): string {
  return `${Math.round((n / ms) * 1000).toLocaleString('en-US')}/s`;
}

export async function run(print: (line: string) => void): Promise<void> {
  const N = 100_000;
  const workers = generateWorkers(N, 42);
  const counts = new Map<string, number>();
  for (const w of workers) counts.set(String(w.policy), (counts.get(String(w.policy)) ?? 0) + 1);
  print(`workers: ${N.toLocaleString('en-US')} (${[...counts].map(([p, n]) => `${p} ${n}`).join(', ')})`);

  // Warm up the JIT on a slice so the first measured pass is not the cold one.
  for (let i = 0; i < 5000; i++) assess(workers[i], { trace: false });

  const baseline = time(() => benxiLookupBaseline(workers));
  const parse = time(() => { for (const w of workers) normalizeWorker(w); });
  const noTrace = time(() => { for (const w of workers) assess(w, { trace: false }); });
  const withTrace = time(() => { for (const w of workers) assess(w, { trace: true }); });
  const json = time(() => { for (const w of workers) JSON.stringify(evaluate(w, { trace: false })); });

  print(`baseline  bare grade+coefficient lookup (VLOOKUP sheet): ${baseline.ms.toFixed(0)} ms  ${perSecond(N, baseline.ms)}`);
  print(`engine    full evaluation, no trace:                     ${noTrace.ms.toFixed(0)} ms  ${perSecond(N, noTrace.ms)}  (${(noTrace.ms / baseline.ms).toFixed(1)}× baseline; target ≥ 100,000/s)`);
  print(`engine    full evaluation, with trace:                   ${withTrace.ms.toFixed(0)} ms  ${perSecond(N, withTrace.ms)}  (${(withTrace.ms / baseline.ms).toFixed(1)}× baseline)`);
  print(`where the time goes (no trace): input validation ${(parse.ms / noTrace.ms * 100).toFixed(0)}%, rules + money ${(100 - parse.ms / noTrace.ms * 100).toFixed(0)}%; to JSON text adds ${(json.ms - noTrace.ms).toFixed(0)} ms`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-bench-'));
  const file = path.join(dir, 'workers.jsonl');
  // The 参数表 goes once in a --params file, as a clerk's batch would carry it, not on every line.
  fs.writeFileSync(file, workers.map(({ params: _shared, ...w }) => JSON.stringify(w)).join('\n') + '\n');
  const paramsFile = path.join(dir, 'params.json');
  fs.writeFileSync(paramsFile, JSON.stringify(LOCAL_PARAMS));
  const bin = path.join(__dirname, '..', '..', 'bin', 'cw.js');
  for (const flags of [['--no-trace'], []]) {
    const input = fs.openSync(file, 'r');
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, 'calc', '--params', paramsFile, ...flags], { stdio: [input, 'pipe', 'pipe'], maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    fs.closeSync(input);
    const lines = r.stdout.toString('utf8').trimEnd().split('\n');
    const errors = lines.filter((l) => l.startsWith('{"error"')).length;
    print(`cw calc ${flags.join(' ') || '(with trace)'} < ${N.toLocaleString('en-US')} JSON Lines: ${(ms / 1000).toFixed(2)} s end to end, ${lines.length} lines out, ${errors} errors, ${(r.stdout.length / 1e6).toFixed(0)} MB (target < 5 s)`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Runs a Node script as its own process with bench/probe.ts preloaded and returns its peak RSS
 * and CPU time, so a figure and its baseline are measured the same way. Also the min / median
 * summary every bench prints: ratios from the same run, never absolute thresholds.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** A measured run: peak RSS (bytes), CPU time of all threads (ms), wall time (ms), exit status. */
export interface Measured {
  rssBytes: number;
  cpuMs: number;
  wallMs: number;
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

/** The compiled probe (dist/bench/probe.js next to this module once built). */
export const PROBE = fs.existsSync(path.join(__dirname, 'probe.js')) ? path.join(__dirname, 'probe.js') : path.join(__dirname, '..', 'dist', 'bench', 'probe.js');

/** Runs `node -r probe script args…`, stdin from `stdinFile` (or none), stdout kept or discarded. */
export function measureNode(script: string, args: string[], options: { stdinFile?: string; keepStdout?: boolean; env?: NodeJS.ProcessEnv } = {}): Measured {
  const input = options.stdinFile ? fs.openSync(options.stdinFile, 'r') : 'ignore';
  const t0 = process.hrtime.bigint();
  try {
    const r = spawnSync(process.execPath, ['-r', PROBE, script, ...args], {
      stdio: [input, options.keepStdout ? 'pipe' : 'ignore', 'pipe'],
      maxBuffer: 1 << 30,
      env: options.env ?? process.env,
    });
    const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const stderr = r.stderr?.toString('utf8') ?? '';
    const at = stderr.lastIndexOf('CW-PROBE ');
    if (at === -1) throw new Error(`measured process gave no probe line (status ${r.status}): ${stderr.slice(0, 500)}`);
    const probe = JSON.parse(stderr.slice(at + 9).split('\n')[0]) as { rssBytes: number; cpuMs: number };
    return { ...probe, wallMs, status: r.status, stdout: r.stdout ?? Buffer.alloc(0), stderr: stderr.slice(0, at) };
  } finally {
    if (typeof input === 'number') fs.closeSync(input);
  }
}

/** Minimum and median of a list of numbers. */
export function minMedian(xs: number[]): { min: number; median: number } {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { min: s[0], median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2 };
}

/**
 * Runs each named case `runs` times, alternating (a b c a b c …) so load on a shared machine
 * falls on every case alike; returns each case's measurements.
 */
export function alternate<K extends string>(runs: number, cases: Record<K, () => Measured>): Record<K, Measured[]> {
  const out = {} as Record<K, Measured[]>;
  for (const k of Object.keys(cases) as K[]) out[k] = [];
  for (let i = 0; i < runs; i++) for (const k of Object.keys(cases) as K[]) out[k].push(cases[k]());
  return out;
}

/** "1.23 s CPU (min 1.20), 85 MB" for a case's runs. */
export function describe(ms: Measured[]): string {
  const cpu = minMedian(ms.map((m) => m.cpuMs));
  const rss = Math.max(...ms.map((m) => m.rssBytes));
  return `${(cpu.median / 1000).toFixed(2)} s CPU median (min ${(cpu.min / 1000).toFixed(2)}), peak ${(rss / 1e6).toFixed(0)} MB`;
}

/** The ratio of two cases' median CPU times, as "2.4×". */
export function ratio(a: Measured[], b: Measured[]): string {
  return `${(minMedian(a.map((m) => m.cpuMs)).median / minMedian(b.map((m) => m.cpuMs)).median).toFixed(2)}×`;
}

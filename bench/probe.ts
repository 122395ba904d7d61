/**
 * Preloaded (`node -r dist/bench/probe.js …`) into a process being measured: when it exits, writes
 * its peak resident memory and CPU time (all threads, from getrusage) to standard error as one
 * line, `CW-PROBE {…}`; bench/measure.ts reads it back. Import nothing else from here.
 */
import * as fs from 'fs';

process.on('exit', () => {
  const u = process.resourceUsage();
  fs.writeSync(2, `\nCW-PROBE ${JSON.stringify({ rssBytes: u.maxRSS * 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 })}\n`);
});

/**
 * `npm run bench`: runs every bench module in this folder (`*.bench.ts`, compiled to dist/bench)
 * in name order. Each prints its figures next to a baseline measured in the same run, because
 * ratios hold on a noisy machine and absolute times do not.
 */
import * as fs from 'fs';
import * as path from 'path';

/** What a bench module exports. */
export interface BenchModule {
  title: string;
  run(print: (line: string) => void): Promise<void>;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.bench.js')).sort();
  for (const f of files) {
    if (only.length && !only.some((o) => f.includes(o))) continue;
    const mod = require(path.join(__dirname, f)) as BenchModule;
    console.log(`\n== ${mod.title} (${f.replace(/\.js$/, '.ts')})`);
    await mod.run((line) => console.log('  ' + line));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * The I/O floor of `cw calc` (bench/calc.bench.ts runs it as its own process): read JSON Lines
 * from standard input, JSON.parse each line, JSON.stringify it back, write it out. No engine.
 */
import * as readline from 'readline';

async function main(): Promise<void> {
  const out: string[] = [];
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    out.push(JSON.stringify(JSON.parse(line)));
    if (out.length === 2000) {
      if (!process.stdout.write(out.join('\n') + '\n')) await new Promise((r) => process.stdout.once('drain', r));
      out.length = 0;
    }
  }
  if (out.length) process.stdout.write(out.join('\n') + '\n');
}

void main();

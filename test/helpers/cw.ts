import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';

/** What a `cw` run printed, and its exit code. */
export interface CwRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `cw` in-process with these arguments, capturing its output; `stdin` feeds a batch. */
export async function runCw(args: string[], stdin?: string): Promise<CwRun> {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: (t) => { out += t; },
    stderr: (t) => { err += t; },
    stdin: stdin === undefined ? undefined : () => (async function* () { yield stdin; })(),
  };
  const code = await main(args, io);
  return { code, out, err };
}

/** Where a command writes; tests pass their own to capture output. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Writes bytes already encoded as UTF-8 (batch output made on worker threads); false asks the writer to wait for `drain`. */
  stdoutBytes?: (bytes: Uint8Array) => boolean;
  /** Resolves once standard output has room again. */
  drain?: () => Promise<void>;
  /** Reads all of standard input (for JSON Lines batches); undefined when stdin is a terminal. */
  stdin?: () => AsyncIterable<string | Buffer>;
}

/** The process's own streams. */
export const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stdoutBytes: (b) => process.stdout.write(b),
  drain: () => new Promise((resolve) => process.stdout.once('drain', () => resolve())),
  stdin: process.stdin.isTTY ? undefined : () => process.stdin,
};

/** A subcommand: takes its arguments, returns the exit code. */
export type Command = (args: string[], io: Io) => Promise<number>;

/**
 * Where and why `JSON.parse(text)` failed, in Chinese, from the engine's English message
 * (its wording is never shown): the line and column, or that the text stops short.
 */
export function jsonProblem(text: string, e: unknown): string {
  const message = String((e as Error)?.message ?? '');
  if (text.trim() === '') return '内容为空';
  if (/end of JSON input/i.test(message)) return '内容在结尾处中断（缺少 }、] 或引号？）';
  const at = /position (\d+)/.exec(message);
  const token = /Unexpected token '(.{1,2})'/.exec(message);
  let pos = at ? Number(at[1]) : -1;
  if (pos < 0 && token) pos = text.indexOf(token[1]);
  if (pos < 0 || pos > text.length) return '格式不对';
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  const near = text.slice(pos, pos + 12).replace(/\s+/g, ' ');
  return `第${line}行第${column}个字符处格式不对${near ? `（“${near}”附近）` : ''}`;
}

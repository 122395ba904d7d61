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

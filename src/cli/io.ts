/** Where a command writes; tests pass their own to capture output. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (for JSON Lines batches); undefined when stdin is a terminal. */
  stdin?: () => AsyncIterable<string | Buffer>;
}

/** The process's own streams. */
export const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stdin: process.stdin.isTTY ? undefined : () => process.stdin,
};

/** A subcommand: takes its arguments, returns the exit code. */
export type Command = (args: string[], io: Io) => Promise<number>;

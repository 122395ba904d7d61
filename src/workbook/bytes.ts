/**
 * Random access to a file's bytes for the pure workbook checks (sniff.ts, guard.ts): they read a
 * header here and a zip directory there, never the whole file, and never import Node themselves.
 */
export interface ByteSource {
  /** Total size in bytes. */
  readonly size: number;
  /** Up to `length` bytes from `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Uint8Array;
}

/** A ByteSource over bytes already in memory (tests, the browser). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (offset, length) => bytes.subarray(Math.max(0, offset), Math.max(0, Math.min(bytes.length, offset + length))) };
}

/** Little-endian unsigned 16-bit integer at `at`. */
export function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

/** Little-endian unsigned 32-bit integer at `at`. */
export function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
}

/** Little-endian unsigned 64-bit integer at `at`, as a number (exact below 2^53). */
export function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

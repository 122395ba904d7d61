/**
 * Cuts a byte stream of JSON Lines into chunks of whole lines, as the bytes arrive: each chunk
 * knows the number of its first line, so chunks can be evaluated anywhere (in-process or on a
 * worker thread) and still answer line for line. Nothing is decoded here; cuts fall on `\n`, so a
 * UTF-8 character is never split.
 */

/** A run of whole input lines; `tooLong` marks one line over the limit, whose bytes were dropped. */
export interface LineChunk {
  bytes: Buffer;
  firstLine: number;
  lines: number;
  tooLong?: boolean;
}

/** Options for {@link lineChunks}. */
export interface ChunkOptions {
  /** Roughly how many bytes a chunk holds (it ends at the first line end past this). */
  targetBytes?: number;
  /** A single line longer than this is not kept in memory: it becomes one `tooLong` chunk. */
  maxLineBytes?: number;
}

const NL = 10;

function countLines(b: Buffer): number {
  let n = 0;
  for (let k = b.indexOf(NL); k !== -1; k = b.indexOf(NL, k + 1)) n++;
  return n;
}

/** The chunks of whole lines in `source`, in order; a UTF-8 byte-order mark at the start is dropped. */
export async function* lineChunks(source: AsyncIterable<Buffer | string>, options: ChunkOptions = {}): AsyncGenerator<LineChunk> {
  const target = options.targetBytes ?? 64 * 1024;
  const maxLine = options.maxLineBytes ?? 32 * 1024 * 1024;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = 1;
  let first = true;
  /** The chunk without a UTF-8 byte-order mark, if it is the first. */
  const unmarked = (bytes: Buffer): Buffer => {
    if (!first) return bytes;
    first = false;
    return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  };
  let skipping = false; // inside a line over the limit: drop bytes until its end
  for await (const piece of source) {
    let b = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    if (skipping) {
      const k = b.indexOf(NL);
      if (k === -1) continue;
      skipping = false;
      yield { bytes: Buffer.alloc(0), firstLine: line, lines: 1, tooLong: true };
      line++;
      b = b.subarray(k + 1);
    }
    pending.push(b);
    pendingBytes += b.length;
    if (pendingBytes < target) continue;
    let all = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
    // Cut at the first line end past each `target` bytes: a large read gives several chunks.
    for (let cut = all.indexOf(NL, target - 1); cut !== -1; cut = all.indexOf(NL, target - 1)) {
      const bytes = unmarked(all.subarray(0, cut + 1));
      const lines = countLines(bytes);
      yield { bytes, firstLine: line, lines };
      line += lines;
      all = all.subarray(cut + 1);
      if (all.length < target) break;
    }
    if (all.length >= target && all.indexOf(NL) !== -1) {
      // Past the target with no line end after it: cut at the last one.
      const cut = all.lastIndexOf(NL);
      const bytes = unmarked(all.subarray(0, cut + 1));
      const lines = countLines(bytes);
      yield { bytes, firstLine: line, lines };
      line += lines;
      all = all.subarray(cut + 1);
    }
    pending = all.length ? [all] : [];
    pendingBytes = all.length;
    if (pendingBytes > maxLine && all.indexOf(NL) === -1) {
      pending = [];
      pendingBytes = 0;
      skipping = true;
    }
  }
  if (skipping) {
    yield { bytes: Buffer.alloc(0), firstLine: line, lines: 1, tooLong: true };
    return;
  }
  if (pendingBytes) {
    const bytes = unmarked(pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes));
    yield { bytes, firstLine: line, lines: countLines(bytes) + (bytes[bytes.length - 1] === NL ? 0 : 1) };
  }
}

/**
 * Expands one zip entry as a stream of byte pieces. The platform's own inflater does the work:
 * Node's zlib in the CLI, the browser's DecompressionStream('deflate-raw') in the page, chosen
 * by the caller, so no inflate code is shipped and nothing is expanded twice.
 */
import { ZipError } from './zip';
import type { ZipEntry } from './zip';

/** Expands raw-deflate data into pieces; supplied per platform. */
export type RawInflater = (compressed: Uint8Array) => AsyncIterable<Uint8Array>;

/** The browser's inflater (also Node ≥ 18's web streams): DecompressionStream('deflate-raw'). */
export const webInflater: RawInflater = (compressed) => ({
  async *[Symbol.asyncIterator]() {
    const stream = new Blob([compressed as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    const reader = stream.getReader();
    try {
      for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
    } finally {
      reader.releaseLock();
    }
  },
});

/** An entry's expanded bytes, piece by piece; refuses to expand past the size its directory declares. */
export async function* entryPieces(data: Uint8Array, entry: ZipEntry, inflate: RawInflater): AsyncGenerator<Uint8Array> {
  if (entry.encrypted) throw new ZipError(`工作簿中的“${entry.name}”已加密，无法读取。请在 Excel 中取消加密后另存。`);
  if (entry.method === 0) {
    yield data;
    return;
  }
  if (entry.method !== 8) throw new ZipError(`工作簿中的“${entry.name}”使用了不支持的压缩方式（${entry.method}）。请在 Excel 或 WPS 中另存为 .xlsx。`);
  let total = 0;
  for await (const piece of inflate(data)) {
    total += piece.length;
    if (total > entry.size) throw new ZipError(`工作簿中的“${entry.name}”解压后大于目录所记载的 ${entry.size} 字节，文件已损坏。`);
    yield piece;
  }
}

/** Node's inflater for zip entries: zlib's raw inflate, streamed in 256 KB pieces. */
import * as zlib from 'zlib';
import type { RawInflater } from './inflate';

/** Expands raw-deflate data with zlib, piece by piece. */
export const nodeInflater: RawInflater = (compressed) => {
  const z = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
  z.end(compressed);
  return z as AsyncIterable<Uint8Array>;
};

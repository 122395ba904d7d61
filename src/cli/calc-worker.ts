/**
 * A `cw calc` worker thread: evaluates the chunks the main thread sends (see batch-pool.ts) and
 * answers each with its output already encoded as UTF-8, so the main thread only writes bytes.
 */
import * as v8 from 'v8';
import { parentPort, workerData } from 'worker_threads';
import { evaluateChunkInto } from './batch-lines';
import { ByteSink } from './byte-sink';
import { sharedParamsOf } from './shared-params';
import type { ChunkDone, ChunkJob, PoolSetup } from './batch-pool';

const setup = (workerData as { cwCalcPool?: PoolSetup } | undefined)?.cwCalcPool;
if (parentPort && setup) {
  // Setting up a thread's heap puts V8's process-wide growth factor back to 2 (seen on Node 20:
  // the main thread's young generation then grew to 2 × 16 MB); set it again so neither this
  // thread's young generation nor the main thread's grows (bin/cw.js sets it first).
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  const port = parentPort;
  const shared = setup.paramsText === undefined ? undefined : sharedParamsOf(JSON.parse(setup.paramsText));
  const decoder = new TextDecoder();
  const sink = new ByteSink();
  port.on('message', (job: ChunkJob) => {
    const r = evaluateChunkInto(sink, decoder.decode(job.bytes), job.firstLine, setup.trace, shared);
    // A buffer of its own (never a slice of Node's shared pool), so it can be transferred.
    const bytes = sink.take();
    port.postMessage({ seq: job.seq, bytes, lines: r.lines, failed: r.failed } satisfies ChunkDone, [bytes.buffer as ArrayBuffer]);
  });
}

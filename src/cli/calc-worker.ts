/**
 * A `cw calc` worker thread: evaluates the chunks the main thread sends (see batch-pool.ts) and
 * answers each with its output already encoded as UTF-8, so the main thread only writes bytes.
 */
import { parentPort, workerData } from 'worker_threads';
import { evaluateChunkInto } from './batch-lines';
import { ByteSink } from './byte-sink';
import { sharedParamsOf } from './shared-params';
import type { ChunkDone, ChunkJob, PoolSetup } from './batch-pool';

const setup = (workerData as { cwCalcPool?: PoolSetup } | undefined)?.cwCalcPool;
if (parentPort && setup) {
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

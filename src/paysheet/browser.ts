/**
 * The front ends' entry to the pay sheet in a browser (the app and the Excel pane): computes it
 * in a Web Worker (paysheet.worker.ts) with progress; aborting stops the worker at once.
 */
import type { PaySheet } from './paysheet';
import type { PaySheetRequest } from './protocol';
import { runWorkerJob } from '../worker-job';

export { WorkerJobError as PaySheetError } from '../worker-job';

/** Computes the pay sheet in a Web Worker. Rejects with a WorkerJobError (the engine's code, a Chinese message), or an AbortError when `signal` aborts. */
export function computePaySheet(request: PaySheetRequest, options: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {}): Promise<PaySheet> {
  if (options.signal?.aborted) return Promise.reject(new DOMException('已取消薪酬计算。', 'AbortError'));
  // @ts-ignore TS1343: tsc type-checks this file as CommonJS; webpack compiles it as an ES module.
  const worker = new Worker(new URL('./paysheet.worker.ts', import.meta.url), { name: 'cw-paysheet' });
  return runWorkerJob<{ sheet: PaySheet }, PaySheet>(worker, request, (m) => m.sheet, { what: '薪酬计算' }, options);
}

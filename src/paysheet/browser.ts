/**
 * The front ends' entry to the pay sheet in a browser (the app and the Excel pane): computes it
 * in a Web Worker (paysheet.worker.ts) with progress; aborting stops the worker at once.
 */
import type { PaySheet } from './paysheet';
import type { PaySheetMessage, PaySheetRequest } from './protocol';

/** The pay sheet could not be made: `code` is the engine's error code (MISSING_PARAM …), `message` Chinese. */
export class PaySheetError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'PaySheetError';
  }
}

/** Computes the pay sheet in a Web Worker. Rejects with {@link PaySheetError}, or an AbortError when `signal` aborts. */
export function computePaySheet(request: PaySheetRequest, options: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {}): Promise<PaySheet> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new DOMException('已取消薪酬计算。', 'AbortError'));
    // @ts-ignore TS1343: tsc type-checks this file as CommonJS; webpack compiles it as an ES module.
    const worker = new Worker(new URL('./paysheet.worker.ts', import.meta.url), { name: 'cw-paysheet' });
    const finish = () => {
      worker.terminate();
      options.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(new DOMException('已取消薪酬计算。', 'AbortError'));
    };
    options.signal?.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent<PaySheetMessage>) => {
      const m = event.data;
      if (m.type === 'progress') options.onProgress?.(m.done, m.total);
      else if (m.type === 'done') {
        finish();
        resolve(m.sheet);
      } else {
        finish();
        reject(new PaySheetError(m.code, m.message));
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      finish();
      reject(new PaySheetError('INTERNAL', `薪酬计算线程出错：${event.message || '未知错误'}`));
    };
    worker.postMessage(request);
  });
}

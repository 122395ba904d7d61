/**
 * The worker side of {@link runWorkerJob}: runs the computation on each request and posts its
 * progress (about a hundred messages per run, however big the roster), its result, or its error —
 * the engine's code with its Chinese message, or 内部错误 for anything else.
 */
import { CwError } from '../engine';
import type { JobMessage } from './index';

/** Serves requests in this Web Worker: `compute` gets the request and a progress callback and returns the done message's fields. */
export function serveWorkerJob<Req, T>(compute: (request: Req, onProgress: (done: number, total: number) => void) => T): void {
  const post = (m: JobMessage<T>) => (self as unknown as { postMessage(m: unknown): void }).postMessage(m);
  self.onmessage = (event: MessageEvent<Req>) => {
    try {
      let last = 0;
      const fields = compute(event.data, (done, total) => {
        if (done === total || done - last >= Math.max(64, total / 100)) {
          last = done;
          post({ type: 'progress', done, total });
        }
      });
      post({ type: 'done', ...fields });
    } catch (e) {
      post(e instanceof CwError ? { type: 'error', code: e.code, message: e.message } : { type: 'error', code: 'INTERNAL', message: `内部错误：${(e as Error)?.message ?? String(e)}` });
    }
  };
}

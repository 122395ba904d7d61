/**
 * One computation in a Web Worker, as the pane's actions run them (pay sheet, 月度工资): progress
 * while it works, its result, or its Chinese error; aborting terminates the worker at once.
 * The caller constructs the Worker itself (`new Worker(new URL('./x.worker.ts', import.meta.url))`
 * must stay literal where webpack can see it). The worker side is serve.ts.
 */

/** What such a worker posts: progress, its result, or the engine's error code with a Chinese message. */
export type JobMessage<T> =
  | { type: 'progress'; done: number; total: number }
  | ({ type: 'done' } & T)
  | { type: 'error'; code: string; message: string };

/** A job's failure: `code` is the engine's error code (MISSING_PARAM …), `message` Chinese. */
export class WorkerJobError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'WorkerJobError';
  }
}

/** The job's words for the clerk, e.g. 薪酬计算. */
export interface JobWords {
  /** 已取消<what>。 / <what>线程出错 */
  what: string;
}

/**
 * Posts `request` to `worker` and settles with what `resultOf` takes from its done message.
 * Rejects with {@link WorkerJobError}, or an AbortError when `signal` aborts.
 */
export function runWorkerJob<T, R>(
  worker: Worker,
  request: unknown,
  resultOf: (done: { type: 'done' } & T) => R,
  words: JobWords,
  options: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<R> {
  return new Promise((resolve, reject) => {
    const finish = () => {
      worker.terminate();
      options.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(new DOMException(`已取消${words.what}。`, 'AbortError'));
    };
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent<JobMessage<T>>) => {
      const m = event.data;
      if (m.type === 'progress') options.onProgress?.(m.done, m.total);
      else if (m.type === 'done') {
        finish();
        resolve(resultOf(m));
      } else {
        finish();
        reject(new WorkerJobError(m.code, m.message));
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      finish();
      reject(new WorkerJobError('INTERNAL', `${words.what}线程出错：${event.message || '未知错误'}`));
    };
    worker.postMessage(request);
  });
}

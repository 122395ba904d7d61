/**
 * The pane's entry to the 月度工资 computation in a browser (Excel, the local app, WPS): runs
 * payrollMonthSheets in a Web Worker (payroll.worker.ts) with progress; aborting stops the worker at once.
 */
import type { PayrollMonthResult } from './month';
import type { PayrollMonthMessage, PayrollMonthRequest } from './protocol';

/** The month could not be computed: `code` is the engine's error code (MISSING_PARAM …), `message` Chinese. */
export class PayrollMonthError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'PayrollMonthError';
  }
}

/** Options of {@link computePayrollMonth}. */
export interface ComputeOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Computes the month in a Web Worker. Rejects with {@link PayrollMonthError}, or an AbortError when `signal` aborts. */
export function computePayrollMonth(request: PayrollMonthRequest, options: ComputeOptions = {}): Promise<PayrollMonthResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new DOMException('已取消月度工资计算。', 'AbortError'));
    // @ts-ignore TS1343: tsc type-checks this file as CommonJS; webpack compiles it as an ES module.
    const worker = new Worker(new URL('./payroll.worker.ts', import.meta.url), { name: 'cw-payroll' });
    const finish = () => {
      worker.terminate();
      options.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(new DOMException('已取消月度工资计算。', 'AbortError'));
    };
    options.signal?.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent<PayrollMonthMessage>) => {
      const m = event.data;
      if (m.type === 'progress') options.onProgress?.(m.done, m.total);
      else if (m.type === 'done') {
        finish();
        resolve(m.result);
      } else {
        finish();
        reject(new PayrollMonthError(m.code, m.message));
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      finish();
      reject(new PayrollMonthError('INTERNAL', `月度工资计算线程出错：${event.message || '未知错误'}`));
    };
    worker.postMessage(request);
  });
}

/**
 * The pane's entry to the 月度工资 computation in a browser (Excel, the local app, WPS): runs
 * payrollMonthSheets in a Web Worker (payroll.worker.ts) with progress; aborting stops the worker at once.
 */
import type { PayrollMonthResult } from './month';
import type { PayrollMonthRequest } from './protocol';
import { runWorkerJob } from '../worker-job';

export { WorkerJobError as PayrollMonthError } from '../worker-job';

/** Options of {@link computePayrollMonth}. */
export interface ComputeOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Computes the month in a Web Worker. Rejects with a WorkerJobError (the engine's code, a Chinese message), or an AbortError when `signal` aborts. */
export function computePayrollMonth(request: PayrollMonthRequest, options: ComputeOptions = {}): Promise<PayrollMonthResult> {
  if (options.signal?.aborted) return Promise.reject(new DOMException('已取消月度工资计算。', 'AbortError'));
  // @ts-ignore TS1343: tsc type-checks this file as CommonJS; webpack compiles it as an ES module.
  const worker = new Worker(new URL('./payroll.worker.ts', import.meta.url), { name: 'cw-payroll' });
  return runWorkerJob<{ result: PayrollMonthResult }, PayrollMonthResult>(worker, request, (m) => m.result, { what: '月度工资计算' }, options);
}

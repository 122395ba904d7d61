/** The 月度工资 Web Worker: the engine computes the month's pay sheet off the page's main thread. */
import { CwError } from '../engine';
import { payrollMonthSheets } from './month';
import type { PayrollMonthMessage, PayrollMonthRequest } from './protocol';

const post = (m: PayrollMonthMessage) => (self as unknown as { postMessage(m: unknown): void }).postMessage(m);

self.onmessage = (event: MessageEvent<PayrollMonthRequest>) => {
  try {
    let last = 0;
    const result = payrollMonthSheets(event.data, (done, total) => {
      // About a hundred messages per run, however big the roster.
      if (done === total || done - last >= Math.max(64, total / 100)) {
        last = done;
        post({ type: 'progress', done, total });
      }
    });
    post({ type: 'done', result });
  } catch (e) {
    post(e instanceof CwError ? { type: 'error', code: e.code, message: e.message } : { type: 'error', code: 'INTERNAL', message: `内部错误：${(e as Error)?.message ?? String(e)}` });
  }
};

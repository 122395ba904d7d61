/** The pay-sheet Web Worker: the engine computes every worker's pay off the page's main thread. */
import { CwError } from '../engine';
import { paySheet } from './paysheet';
import type { PaySheetMessage, PaySheetRequest } from './protocol';

const post = (m: PaySheetMessage) => (self as unknown as { postMessage(m: unknown): void }).postMessage(m);

self.onmessage = (event: MessageEvent<PaySheetRequest>) => {
  const req = event.data;
  try {
    let last = 0;
    const sheet = paySheet(req.roster, {
      policy: req.policy, period: req.period, params: req.params ?? null,
      onProgress: (done, total) => {
        // About a hundred messages per run, however big the roster.
        if (done === total || done - last >= Math.max(64, total / 100)) {
          last = done;
          post({ type: 'progress', done, total });
        }
      },
    });
    post({ type: 'done', sheet });
  } catch (e) {
    post(e instanceof CwError ? { type: 'error', code: e.code, message: e.message } : { type: 'error', code: 'INTERNAL', message: `内部错误：${(e as Error)?.message ?? String(e)}` });
  }
};

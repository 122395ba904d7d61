/** The 月度工资 Web Worker: the engine computes the month's pay sheet off the page's main thread. */
import { serveWorkerJob } from '../worker-job/serve';
import { payrollMonthSheets } from './month';
import type { PayrollMonthRequest, PayrollMonthResult } from './month';

serveWorkerJob<PayrollMonthRequest, { result: PayrollMonthResult }>((req, onProgress) => ({ result: payrollMonthSheets(req, onProgress) }));

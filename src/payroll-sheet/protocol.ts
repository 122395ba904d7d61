/** Messages between a front end and the 月度工资 Web Worker (plain data, structured-clone safe). */
import type { JobMessage } from '../worker-job';
import type { PayrollMonthRequest, PayrollMonthResult } from './month';

/** Worker → front end. */
export type PayrollMonthMessage = JobMessage<{ result: PayrollMonthResult }>;

export type { PayrollMonthRequest };

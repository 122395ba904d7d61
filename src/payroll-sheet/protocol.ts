/** Messages between a front end and the 月度工资 Web Worker (plain data, structured-clone safe). */
import type { PayrollMonthRequest, PayrollMonthResult } from './month';

/** Worker → front end. */
export type PayrollMonthMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: PayrollMonthResult }
  | { type: 'error'; code: string; message: string };

export type { PayrollMonthRequest };

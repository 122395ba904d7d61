/** From 应发 to 实发: contributions, cumulative income-tax withholding, the month's line, back pay, the adjustment list. */
export { payrollParams, splitPayrollOverrides, isPayrollParam, IIT_BANDS } from './params';
export type { SplitOverrides } from './params';
export { cumulativeWithholding } from './iit';
export type { WithholdingInput, Withholding } from './iit';
export { contributionsOf, clampedBase } from './contributions';
export type { Contributions, Deduction } from './contributions';
export { contributionBase, policySetsBase } from './base';
export type { BaseSource, RawBase } from './base';
export { payrollMonth } from './month';
export type { PayrollMonth, YearToDate, MonthFacts } from './month';
export { steadyYearMonth } from './steady';
export { payrollRows, payOn, policyParamsOn, workerKey } from './roster';
export type { PayrollRow, PayOn } from './roster';
export { payrollSheet, periodDay } from './sheet';
export type { PayrollSheet, PayrollLine, PayrollSheetOptions } from './sheet';
export { backPay, backPayPeriodOf, reasonText } from './backpay';
export type { BackPay, BackPayMonth, BackPayReason, BackPayOptions, PaidMonth } from './backpay';

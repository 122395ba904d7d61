/**
 * The pane's 月度工资 action over the port: which sheets can be the year-to-date source (a pay sheet
 * an earlier run wrote, found by its 累计已预扣税额 header and its 期间 cell), which one chains to the
 * chosen month, and the run itself — read the roster, the 参数表 and the previous sheet, compute
 * (in a Web Worker in the pane, in-process in tests), and add the new sheets, never writing into an
 * existing one. Every figure comes from the engine (src/payroll-sheet/month.ts → payrollSheet).
 */
import { policyOf } from '../engine';
import { monthBefore, periodOfRows, YTD_MARK } from '../payroll-sheet/grid';

export { monthBefore } from '../payroll-sheet/grid';
import type { PayrollMonthRequest, PayrollMonthResult } from '../payroll-sheet/month';
import { loadRoster, readParams, withMappedHeaders } from './roster';
import type { LoadedRoster, RosterScan } from './roster';
import type { WorkbookPort } from './workbook/port';

/** A sheet that can be the year-to-date source, and the month it is for. */
export interface PreviousCandidate {
  sheet: string;
  /** `YYYY-MM`. */
  period: string;
}

/** Sheets of the workbook that are pay sheets with year-to-date columns (from the scan's top rows). */
export function previousCandidates(scan: RosterScan): PreviousCandidate[] {
  const out: PreviousCandidate[] = [];
  for (const head of scan.heads) {
    if (!head.rows.some((r) => r.includes(YTD_MARK))) continue;
    const period = periodOfRows(head.rows);
    if (period) out.push({ sheet: head.name, period });
  }
  return out;
}

/** The candidate that chains to `period`: the last sheet for the month before (the newest run), or null. */
export function chainingSheet(candidates: PreviousCandidate[], period: string): string | null {
  const before = monthBefore(period);
  const hits = candidates.filter((c) => c.period === before);
  return hits.length ? hits[hits.length - 1].sheet : null;
}

/** What the clerk chose. */
export interface PayrollChoice {
  policy: string;
  period: string;
  /** The previous month's pay sheet, or null. */
  previousSheet: string | null;
  /** Also add the 银行代发 sheet. */
  bank: boolean;
}

/** Computes the month: the Web Worker in the pane, payrollMonthSheets itself in tests. */
export type PayrollCompute = (request: PayrollMonthRequest, options: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal }) => Promise<PayrollMonthResult>;

/** Options of {@link runPayrollMonth}. */
export interface RunOptions {
  compute: PayrollCompute;
  signal?: AbortSignal;
  /** Share 0–1 of the whole job and what is being done: reading, then computing. */
  onProgress?: (share: number, stage: 'read' | 'compute', done: number, total: number) => void;
  onLoaded?: (r: LoadedRoster) => void;
}

/** What the run added. */
export interface PayrollRun {
  result: PayrollMonthResult;
  /** The names the new sheets got. */
  paySheet: string;
  bankSheet: string | null;
}

/** Runs the 月度工资 action and adds its sheets; rejects with the engine's error (code and Chinese message) or an AbortError. */
export async function runPayrollMonth(port: WorkbookPort, scan: RosterScan, choice: PayrollChoice, options: RunOptions): Promise<PayrollRun> {
  const { signal } = options;
  const loaded = await loadRoster(port, scan, { signal, onRows: (d, n) => options.onProgress?.(n ? (0.2 * d) / n : 0, 'read', d, n) });
  options.onLoaded?.(loaded);
  const params = await readParams(port, policyOf(choice.policy), scan.heads);
  let previous = null;
  if (choice.previousSheet) {
    const read = await port.readSheet(choice.previousSheet, { signal });
    previous = { name: choice.previousSheet, rows: read.rows, rowNumbers: read.rowNumbers };
  }
  const result = await options.compute(
    { roster: withMappedHeaders(loaded), policy: choice.policy, period: choice.period, params: params ? { ...params.params, ...params.payroll } : null, previous, bank: choice.bank },
    { signal, onProgress: (d, n) => options.onProgress?.(0.2 + (n ? (0.75 * d) / n : 0.75), 'compute', d, n) },
  );
  if (signal?.aborted) {
    const e = new Error('已取消月度工资计算。');
    e.name = 'AbortError';
    throw e;
  }
  const paySheet = await port.addSheet(result.pay.name, { rows: result.pay.rows, boldRows: result.pay.boldRows, textColumns: result.pay.textColumns });
  const bankSheet = result.bank ? await port.addSheet(result.bank.name, { rows: result.bank.rows, boldRows: result.bank.boldRows, textColumns: result.bank.textColumns }) : null;
  await port.activateSheet(paySheet);
  return { result, paySheet, bankSheet };
}

/**
 * Reports as print-ready worksheets (for every Excel, where a PDF download may not work):
 * `buildReportSheet(data)` from the same {@link ReportData} as the PDF.
 */
export { buildReportSheet, payrollSheet, staffingSheet, ratingsSheet, fundingSheet, workerSheet, retirementSheet, SHEET_NAMES } from './builders';
export { PAGE_FOOTER, MONEY_FORMAT } from './types';
export type { ReportSheet, RowRole, SheetMerge, SheetPageSetup, SheetValue } from './types';

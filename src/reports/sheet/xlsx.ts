/**
 * A report sheet as an .xlsx file (exceljs, Node): the same cells, merges, widths, row styles and
 * page setup the add-in writes into the open workbook — A4, orientation, one page wide, repeated
 * heading rows, “第 &P 页 / 共 &N 页” footer. For `cw report KIND … --out FILE.xlsx`: a clerk on
 * Excel 2016/2019, where the add-in cannot run, still gets the print-ready sheet.
 */
import ExcelJS from 'exceljs';
import { MONEY_FORMAT } from './types';
import type { ReportSheet, RowRole } from './types';

const FILL: Partial<Record<RowRole, string>> = { header: 'FFE8E8E8', group: 'FFF4F4F4', subtotal: 'FFF4F4F4', total: 'FFDDDDDD' };
const BOLD = new Set<RowRole>(['title', 'section', 'header', 'subtotal', 'total']);
const TABLE = new Set<RowRole>(['header', 'group', 'body', 'subtotal', 'total']);

/** Header/footer text with a literal ampersand doubled, as Excel's codes require. */
function literal(text: string): string {
  return text.replace(/&/g, '&&');
}

/** The workbook holding one report sheet. */
export function reportWorkbook(report: ReportSheet): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cwkit';
  const [first, last] = report.page.printTitleRows;
  const ws = wb.addWorksheet(report.name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: report.page.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${first}:${last}`,
    },
    headerFooter: {
      // The footer is Excel's own codes (&P, &N); only the header's text is taken literally.
      oddFooter: `&C${report.page.centerFooter}`,
      oddHeader: `&R${literal(report.page.rightHeader)}`,
    },
    views: [{ state: 'frozen', ySplit: last }],
  });
  report.widths.forEach((w, c) => {
    ws.getColumn(c + 1).width = w;
  });
  const money = new Set(report.moneyColumns);
  const text = new Set(report.textColumns);
  const thin = { style: 'thin' as const, color: { argb: 'FF555555' } };
  report.rows.forEach((cells, r) => {
    const role = report.roles[r];
    const row = ws.getRow(r + 1);
    for (let c = 0; c < report.columns; c++) {
      const cell = row.getCell(c + 1);
      const v = cells[c];
      cell.value = v === null || v === undefined ? null : typeof v === 'string' && v.startsWith('=') ? `'${v}` : v;
      if (money.has(c)) cell.numFmt = MONEY_FORMAT;
      else if (text.has(c)) cell.numFmt = '@';
      if (BOLD.has(role)) cell.font = { bold: true, size: role === 'title' ? 16 : 11 };
      if (role === 'note') cell.font = { color: { argb: 'FF444444' } };
      const fill = FILL[role];
      if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
      if (TABLE.has(role)) cell.border = { top: thin, bottom: thin, left: thin, right: thin };
      if (role === 'title') cell.alignment = { horizontal: 'center' };
      else if (role === 'header') cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      else if (role === 'body' || report.heights[r] !== null) cell.alignment = { vertical: 'top', wrapText: true };
    }
    const h = report.heights[r];
    if (h !== null) row.height = h;
  });
  for (const m of report.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  // exceljs breaks after a row: a break before row r is a break after row r - 1.
  for (const r of report.page.pageBreaksBefore) if (r > 1) ws.getRow(r - 1).addPageBreak();
  return wb;
}

/** The .xlsx bytes of a report sheet. */
export async function reportSheetXlsx(report: ReportSheet): Promise<Buffer> {
  return Buffer.from(await reportWorkbook(report).xlsx.writeBuffer());
}

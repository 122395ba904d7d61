/**
 * The month's pay sheet (薪酬表) and the bank list (银行代发名单) as .xlsx, and the previous month's
 * sheet read back as the year-to-date source. Node only (exceljs).
 */
import ExcelJS from 'exceljs';
import { CwError, Decimal, fenText } from '../engine';
import type { PayrollSheet, YearToDate } from '../engine';
import { readWorkbook } from './read';
import { pinZipTimestamps } from './write';
import type { Cell } from '../engine/roster/types';

/** The sheet's name; the previous month's file is found by it (or by its year-to-date headers). */
export const PAY_SHEET = '薪酬表';
/** The year-to-date columns, in order: header → the YearToDate field. */
export const YTD_COLUMNS: Array<[string, keyof YearToDate]> = [
  ['累计收入', 'income'],
  ['累计免税收入', 'exempt'],
  ['累计专项扣除', 'special'],
  ['累计专项附加扣除', 'specialAdditional'],
  ['累计其他扣除', 'other'],
  ['累计减免税额', 'relief'],
  ['累计已预扣税额', 'withheld'],
];
const FIRST_MONTH = '计税起始月';
const PERIOD_PREFIX = '期间：';
const FIXED = new Date(Date.UTC(2026, 11, 1));
const num = (d: Decimal): number => Number(fenText(d));

/** The header row of the pay sheet for these item and deduction names. */
export function payHeaders(sheet: PayrollSheet): string[] {
  return [
    '序号', '区县', '街道', '社区', '姓名', '身份证号', '岗位等级',
    ...sheet.itemNames, '应发合计', ...sheet.deductionNames, '代扣合计', '实发',
    '缴费基数', ...YTD_COLUMNS.map(([h]) => h), '累计应纳税所得额', FIRST_MONTH, '说明',
  ];
}

function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((c) => {
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  wb.creator = 'cwkit';
  wb.created = FIXED;
  wb.modified = FIXED;
  return pinZipTimestamps(Buffer.from(await wb.xlsx.writeBuffer()), FIXED);
}

/** The pay sheet as .xlsx bytes: title, period, one row per worker, a 合计 row. */
export async function payrollWorkbook(sheet: PayrollSheet, unitName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(PAY_SHEET, { views: [{ state: 'frozen', ySplit: 3, xSplit: 5 }] });
  const headers = payHeaders(sheet);
  ws.getCell(1, 1).value = `社区工作者薪酬表（${sheet.year}年${sheet.month}月）`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = `${PERIOD_PREFIX}${sheet.period}`;
  ws.getCell(2, 3).value = `政策：${sheet.policy.name}（${sheet.policy.doc}）`;
  ws.getCell(2, 8).value = `单位：${unitName}`;
  ws.getRow(3).values = headers;
  styleHeader(ws.getRow(3));
  headers.forEach((h, i) => {
    ws.getColumn(i + 1).width = h === '身份证号' ? 21 : h === '说明' ? 60 : Math.max(8, Math.min(16, [...h].length * 2 + 2));
    if (i >= 7 && h !== '说明' && h !== FIRST_MONTH) ws.getColumn(i + 1).numFmt = '0.00';
  });
  ws.getColumn(6).numFmt = '@';
  let n = 0;
  for (const l of sheet.lines) {
    const r = l.row;
    const cells: Cell[] = [++n, r.county, r.street, r.community, r.name, r.idNumber, l.grade];
    const m = l.month;
    if (m) {
      for (const name of sheet.itemNames) {
        const it = m.gross.find((i) => i.name === name);
        cells.push(it ? num(it.amount) : null);
      }
      cells.push(num(m.grossTotal));
      for (const name of sheet.deductionNames) cells.push(num(m.deductions.find((d) => d.name === name)!.amount));
      cells.push(num(m.deductionTotal), num(m.net), num(m.base));
      for (const [, k] of YTD_COLUMNS) cells.push(num(m.ytd[k] as Decimal));
      cells.push(num(m.taxable), `${m.ytd.year}-${String(m.ytd.firstMonth).padStart(2, '0')}`, m.warnings.join(' '));
    } else {
      while (cells.length < headers.length - 1) cells.push(null);
      cells.push(`未能核算：${l.error ?? ''}`);
    }
    ws.addRow(cells);
  }
  const total: Cell[] = ['合计', null, null, null, `${sheet.lines.filter((l) => l.month).length} 人`, null, null];
  for (const name of sheet.itemNames) {
    let s = new Decimal(0);
    for (const l of sheet.lines) s = s.plus(l.month?.gross.find((i) => i.name === name)?.amount ?? 0);
    total.push(num(s));
  }
  total.push(num(sheet.totals.gross));
  for (const name of sheet.deductionNames) {
    let s = new Decimal(0);
    for (const l of sheet.lines) s = s.plus(l.month?.deductions.find((d) => d.name === name)?.amount ?? 0);
    total.push(num(s));
  }
  total.push(num(sheet.totals.deductions), num(sheet.totals.net));
  const tr = ws.addRow(total);
  tr.font = { bold: true };
  return bytesOf(wb);
}

/** The bank list (姓名, 身份证号, 银行账号, 实发) as .xlsx bytes; workers without a computed line are left out. */
export async function bankWorkbook(sheet: PayrollSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('银行代发名单');
  ws.getCell(1, 1).value = `社区工作者工资代发名单（${sheet.year}年${sheet.month}月）`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getRow(2).values = ['序号', '姓名', '身份证号', '银行账号', '实发'];
  styleHeader(ws.getRow(2));
  [6, 10, 21, 24, 12].forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  ws.getColumn(3).numFmt = '@';
  ws.getColumn(4).numFmt = '@';
  ws.getColumn(5).numFmt = '0.00';
  let n = 0;
  for (const l of sheet.lines) if (l.month) ws.addRow([++n, l.row.name, l.row.idNumber, l.row.bankAccount, num(l.month.net)]);
  const t = ws.addRow(['合计', `${n} 人`, null, null, num(sheet.totals.net)]);
  t.font = { bold: true };
  return bytesOf(wb);
}

/** The year-to-date of each worker on a previous pay sheet, and that sheet's period. */
export interface PreviousSheet {
  period: string;
  byKey: Map<string, YearToDate>;
}

function money(v: Cell, what: string, row: number, file: string): Decimal {
  if (v === null || v === '') return new Decimal(0);
  const n = typeof v === 'number' ? v : Number(String(v).replace(/[,，\s]/g, ''));
  if (!Number.isFinite(n) || n < 0) throw new CwError('INVALID_NUMBER', `${file} 第${row}行“${what}”：${String(v)} 不是金额。请使用 cw payroll 生成的上月薪酬表。`, 'previous');
  return new Decimal(n);
}

/**
 * Reads the previous month's pay sheet written by `cw payroll` (or a ledger with the same headers):
 * the period from its 期间 cell, each worker's year-to-date columns, keyed by 身份证号 (else 社区 + 姓名).
 */
export async function readPreviousSheet(file: string, keyOf: (idNumber: string, community: string, name: string) => string): Promise<PreviousSheet> {
  const grids = await readWorkbook(file);
  const grid = grids.find((g) => g.name === PAY_SHEET) ?? grids.find((g) => g.rows.some((r) => r.includes('累计已预扣税额')));
  if (!grid) throw new CwError('REQUIRED', `--previous：${file} 中没有“${PAY_SHEET}”工作表（含“累计已预扣税额”等累计列）。请提供 cw payroll 生成的上月薪酬表。`, 'previous');
  const hi = grid.rows.findIndex((r) => r.includes('累计已预扣税额'));
  let period: string | null = null;
  for (const r of grid.rows.slice(0, Math.max(0, hi))) {
    for (const c of r) {
      const m = typeof c === 'string' ? /^期间[：:]\s*(\d{4}-\d{2})/.exec(c.trim()) : null;
      if (m) period = m[1];
    }
  }
  if (hi < 0 || period === null) throw new CwError('REQUIRED', `--previous：${file} 的“${grid.name}”工作表缺少表头行或“${PERIOD_PREFIX}YYYY-MM”单元格。请提供 cw payroll 生成的上月薪酬表。`, 'previous');
  const headers = grid.rows[hi].map((c) => (c === null ? '' : String(c).trim()));
  const col = (h: string) => headers.indexOf(h);
  for (const h of ['姓名', '社区', FIRST_MONTH, ...YTD_COLUMNS.map(([x]) => x)]) {
    if (col(h) < 0) throw new CwError('REQUIRED', `--previous：${file} 缺少“${h}”列。请提供 cw payroll 生成的上月薪酬表。`, 'previous');
  }
  const [y, mo] = period.split('-').map(Number);
  const byKey = new Map<string, YearToDate>();
  for (let i = hi + 1; i < grid.rows.length; i++) {
    const r = grid.rows[i];
    const rowNo = grid.rowNumbers?.[i] ?? i + 1;
    const name = String(r[col('姓名')] ?? '').replace(/[\s\u3000]+/g, '');
    if (!name || r[0] === '合计') continue;
    const first = String(r[col(FIRST_MONTH)] ?? '').trim();
    if (!first) continue; // a line that was not computed carries nothing
    const fm = /^(\d{4})-(\d{2})$/.exec(first);
    if (!fm || Number(fm[1]) !== y) throw new CwError('INVALID_DATE', `--previous：${file} 第${rowNo}行“${FIRST_MONTH}”：${first} 无效（应为 ${y}-MM）。`, 'previous');
    const ytd: YearToDate = {
      year: y, month: mo, firstMonth: Number(fm[2]),
      income: new Decimal(0), exempt: new Decimal(0), special: new Decimal(0), specialAdditional: new Decimal(0), other: new Decimal(0), relief: new Decimal(0), withheld: new Decimal(0),
    };
    for (const [h, k] of YTD_COLUMNS) (ytd[k] as Decimal) = money(r[col(h)] ?? null, h, rowNo, file);
    const id = col('身份证号') >= 0 ? String(r[col('身份证号')] ?? '').trim().toUpperCase() : '';
    byKey.set(keyOf(id, String(r[col('社区')] ?? '').replace(/[\s\u3000]+/g, ''), name), ytd);
  }
  return { period, byKey };
}

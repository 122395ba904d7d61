/**
 * The month's pay sheet (薪酬表) and the bank list (银行代发名单) as .xlsx, and the previous month's
 * sheet read back as the year-to-date source. Node only (exceljs).
 */
import ExcelJS from 'exceljs';
import { CwError, Decimal, fenText } from '../engine';
import type { PayrollSheet } from '../engine';
import { readWorkbook } from './read';
import { pinZipTimestamps } from './write';
import type { Cell } from '../engine/roster/types';
import { FIRST_MONTH, PAY_ID_COLUMN, PERIOD_PREFIX, PAY_TITLE_ROWS, YTD_MARK, bankRows, payrollRows, previousFromRows } from '../payroll-sheet/grid';
import type { PreviousSheet } from '../payroll-sheet/grid';

/** The sheet's name; the previous month's file is found by it (or by its year-to-date headers). */
export const PAY_SHEET = '薪酬表';
export { YTD_COLUMNS, payHeaders } from '../payroll-sheet/grid';
export type { PreviousSheet } from '../payroll-sheet/grid';
const FIXED = new Date(Date.UTC(2026, 11, 1));
const num = (d: Decimal): number => Number(fenText(d));

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

/** The pay sheet as .xlsx bytes: the rows of payroll-sheet/grid.ts (title, period, one row per worker, a 合计 row), styled. */
export async function payrollWorkbook(sheet: PayrollSheet, unitName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(PAY_SHEET, { views: [{ state: 'frozen', ySplit: PAY_TITLE_ROWS + 1, xSplit: 5 }] });
  const rows = payrollRows(sheet, unitName);
  const headers = rows[PAY_TITLE_ROWS] as string[];
  // Title and period line cell by cell (their blanks stay absent), the header as row values, then a row each.
  rows.slice(0, PAY_TITLE_ROWS).forEach((r, i) => r.forEach((v, c) => { if (v !== null) ws.getCell(i + 1, c + 1).value = v; }));
  ws.getRow(PAY_TITLE_ROWS + 1).values = headers;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  styleHeader(ws.getRow(PAY_TITLE_ROWS + 1));
  headers.forEach((h, i) => {
    ws.getColumn(i + 1).width = h === '身份证号' ? 21 : h === '说明' ? 60 : Math.max(8, Math.min(16, [...h].length * 2 + 2));
    if (i >= 7 && h !== '说明' && h !== FIRST_MONTH) ws.getColumn(i + 1).numFmt = '0.00';
  });
  ws.getColumn(PAY_ID_COLUMN + 1).numFmt = '@';
  for (const r of rows.slice(PAY_TITLE_ROWS + 1)) ws.addRow(r);
  ws.getRow(rows.length).font = { bold: true };
  return bytesOf(wb);
}

/** The bank list (姓名, 身份证号, 银行账号, 实发) as .xlsx bytes; workers without a computed line are left out. */
export async function bankWorkbook(sheet: PayrollSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('银行代发名单');
  const rows = bankRows(sheet);
  ws.getCell(1, 1).value = rows[0][0];
  ws.getRow(2).values = rows[1];
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  styleHeader(ws.getRow(2));
  [6, 10, 21, 24, 12].forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  ws.getColumn(3).numFmt = '@';
  ws.getColumn(4).numFmt = '@';
  ws.getColumn(5).numFmt = '0.00';
  for (const r of rows.slice(2)) ws.addRow(r);
  ws.getRow(rows.length).font = { bold: true };
  return bytesOf(wb);
}

/**
 * Reads the previous month's pay sheet written by `cw payroll` (or a ledger with the same headers):
 * the period from its 期间 cell, each worker's year-to-date columns, keyed by 身份证号 (else 社区 + 姓名).
 */
export async function readPreviousSheet(file: string, keyOf: (idNumber: string, community: string, name: string) => string): Promise<PreviousSheet> {
  const grids = await readWorkbook(file);
  const grid = grids.find((g) => g.name === PAY_SHEET) ?? grids.find((g) => g.rows.some((r) => r.includes(YTD_MARK)));
  if (!grid) throw new CwError('REQUIRED', `--previous：${file} 中没有“${PAY_SHEET}”工作表（含“累计已预扣税额”等累计列）。请提供 cw payroll 生成的上月薪酬表。`, 'previous');
  return previousFromRows(grid.name, grid.rows, grid.rowNumbers, keyOf, { where: `--previous：${file}`, hint: '请提供 cw payroll 生成的上月薪酬表。' });
}

function money(v: Cell, what: string, row: number, file: string): Decimal {
  if (v === null || v === '') return new Decimal(0);
  const n = typeof v === 'number' ? v : Number(String(v).replace(/[,，\s]/g, ''));
  if (!Number.isFinite(n) || n < 0) throw new CwError('INVALID_NUMBER', `${file} 第${row}行“${what}”：${String(v)} 不是金额。请使用 cw payroll 生成的上月薪酬表。`, 'previous');
  return new Decimal(n);
}

/** What a worker was paid in one month, read from that month's pay sheet. */
export interface PaidLine {
  total: Decimal;
  items: Array<{ name: string; amount: Decimal }>;
}

/** A month's pay sheet read for back pay: its period and each worker's 应发 items and total. */
export async function readPaidSheet(file: string, keyOf: (idNumber: string, community: string, name: string) => string): Promise<{ period: string; byKey: Map<string, PaidLine> }> {
  const grids = await readWorkbook(file);
  const grid = grids.find((g) => g.name === PAY_SHEET);
  if (!grid) throw new CwError('REQUIRED', `--paid-sheets：${file} 中没有“${PAY_SHEET}”工作表。请提供 cw payroll 生成的当月薪酬表。`, 'paid');
  const hi = grid.rows.findIndex((r) => r.includes('应发合计'));
  const periodCell = grid.rows.slice(0, Math.max(0, hi)).flat().find((c) => typeof c === 'string' && /^期间[：:]\s*\d{4}-\d{2}/.test(c.trim()));
  if (hi < 0 || typeof periodCell !== 'string') throw new CwError('REQUIRED', `--paid-sheets：${file} 缺少表头行或“${PERIOD_PREFIX}YYYY-MM”单元格。`, 'paid');
  const headers = grid.rows[hi].map((c) => (c === null ? '' : String(c).trim()));
  const first = headers.indexOf('岗位等级') + 1;
  const grossAt = headers.indexOf('应发合计');
  const col = (h: string) => headers.indexOf(h);
  const byKey = new Map<string, PaidLine>();
  for (let i = hi + 1; i < grid.rows.length; i++) {
    const r = grid.rows[i];
    const name = String(r[col('姓名')] ?? '').replace(/[\s\u3000]+/g, '');
    if (!name || r[0] === '合计' || r[grossAt] === null || r[grossAt] === undefined) continue;
    const rowNo = grid.rowNumbers?.[i] ?? i + 1;
    const items = [];
    for (let c = first; c > 0 && c < grossAt; c++) if (r[c] !== null && r[c] !== undefined) items.push({ name: headers[c], amount: money(r[c], headers[c], rowNo, file) });
    const id = col('身份证号') >= 0 ? String(r[col('身份证号')] ?? '').trim().toUpperCase() : '';
    byKey.set(keyOf(id, String(r[col('社区')] ?? '').replace(/[\s\u3000]+/g, ''), name), { total: money(r[grossAt], '应发合计', rowNo, file), items });
  }
  return { period: /(\d{4}-\d{2})/.exec(periodCell)![1], byKey };
}

/** The 补发明细表 as .xlsx bytes: one row per month (应发 due, paid, difference, reasons) and a 合计 row. */
export async function backPayWorkbook(who: { name: string; idNumber: string; community: string }, policyName: string, statement: import('../engine').BackPay): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('补发明细表', { views: [{ state: 'frozen', ySplit: 3 }] });
  const first = statement.months[0]?.period ?? '';
  const last = statement.months[statement.months.length - 1]?.period ?? '';
  ws.getCell(1, 1).value = `社区工作者薪酬补发明细表（${first} 至 ${last}）`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = `姓名：${who.name}　身份证号：${who.idNumber}　社区：${who.community}　政策：${policyName}`;
  const names: string[] = [];
  for (const m of statement.months) for (const i of m.due) if (!names.includes(i.name)) names.push(i.name);
  const headers = ['月份', '岗位等级', ...names.map((n) => `应发·${n}`), '应发合计', '已发', '补发（差额）', '已发来源', '原因及依据'];
  ws.getRow(3).values = headers;
  styleHeader(ws.getRow(3));
  headers.forEach((h, i) => { ws.getColumn(i + 1).width = h === '原因及依据' ? 80 : h === '已发来源' ? 24 : 12; });
  for (const m of statement.months) {
    ws.addRow([
      m.period, m.grade, ...names.map((n) => { const it = m.due.find((i) => i.name === n); return it ? num(it.amount) : null; }),
      num(m.dueTotal), num(m.paid.total), num(m.difference), m.paid.source,
      m.reasons.map((r) => `${r.text}（依据：${r.source}）`).join('；') + (m.itemDifferences.length ? `${m.reasons.length ? '；' : ''}${m.itemDifferences.map((d) => `${d.name} 应发 ${fenText(d.due)}、已发 ${fenText(d.paid)}`).join('，')}` : ''),
    ]);
  }
  const t = ws.addRow(['合计', null, ...names.map(() => null), num(statement.months.reduce((s, m) => s.plus(m.dueTotal), new Decimal(0))), num(statement.months.reduce((s, m) => s.plus(m.paid.total), new Decimal(0))), num(statement.total)]);
  t.font = { bold: true };
  return bytesOf(wb);
}

/** The 岗位等级调整名单 as .xlsx bytes. */
export async function adjustmentWorkbook(list: import('../engine').AdjustmentList, policyName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('岗位等级调整名单', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.getCell(1, 1).value = `社区工作者岗位等级调整名单（${list.year}年，${policyName}）`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = list.rule;
  const headers = ['序号', '区县', '街道', '社区', '姓名', '身份证号', '岗位类别', '调整月份', '原等级', '新等级', '原月应发', '新月应发', '增加', '依据'];
  ws.getRow(3).values = headers;
  styleHeader(ws.getRow(3));
  headers.forEach((h, i) => { ws.getColumn(i + 1).width = h === '依据' ? 60 : h === '身份证号' ? 21 : 11; });
  list.lines.forEach((l, i) => {
    ws.addRow([i + 1, l.county, l.street, l.community, l.name, l.idNumber, l.post, l.from, l.oldGrade, l.newGrade, num(l.oldPay), num(l.newPay), num(l.newPay.minus(l.oldPay)), l.source]);
  });
  const t = ws.addRow(['合计', null, null, null, `${list.lines.length} 人`, null, null, null, null, null, null, null, num(list.increase)]);
  t.font = { bold: true };
  for (const n of list.notes) ws.addRow([`注：${n}`]);
  return bytesOf(wb);
}

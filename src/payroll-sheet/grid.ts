/**
 * The month's pay sheet (薪酬表 / 工资表) and the bank list as plain rows of cells — the one layout
 * `cw payroll` writes to .xlsx (src/workbook/payroll.ts) and the pane adds as a new sheet through
 * its port — and the previous month's sheet read back from those rows as the year-to-date source.
 * Every figure is the engine's (payrollSheet); nothing here computes. Pure: no DOM, Office or Node.
 */
import { CwError, Decimal, fenText } from '../engine';
import type { Cell, PayrollSheet, YearToDate } from '../engine';

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
/** The column saying from which month of the tax year the worker is taxed here. */
export const FIRST_MONTH = '计税起始月';
/** The cell of row 2 that names the sheet's month: `期间：YYYY-MM`. */
export const PERIOD_PREFIX = '期间：';
/** A sheet with this header is a pay sheet that can be the year-to-date source. */
export const YTD_MARK = '累计已预扣税额';
/** Rows above the header row of the pay sheet (title, period line). */
export const PAY_TITLE_ROWS = 2;
/** 0-based column of 身份证号 on the pay sheet. */
export const PAY_ID_COLUMN = 5;

const num = (d: Decimal): number => Number(fenText(d));

/** The header row of the pay sheet for these item and deduction names. */
export function payHeaders(sheet: PayrollSheet): string[] {
  return [
    '序号', '区县', '街道', '社区', '姓名', '身份证号', '岗位等级',
    ...sheet.itemNames, '应发合计', ...sheet.deductionNames, '代扣合计', '实发',
    '缴费基数', ...YTD_COLUMNS.map(([h]) => h), '累计应纳税所得额', FIRST_MONTH, '说明',
  ];
}

/** The unit the sheet covers, for its period line: the counties on it, else 全部. */
export function unitNameOf(sheet: PayrollSheet): string {
  return [...new Set(sheet.lines.map((l) => l.row.county).filter(Boolean))].join('、') || '全部';
}

/**
 * The pay sheet's rows: title, period line (期间、政策、单位), header, one row per worker (a worker
 * who could not be computed keeps only the reason in 说明), and the 合计 row.
 */
export function payrollRows(sheet: PayrollSheet, unitName: string = unitNameOf(sheet)): Cell[][] {
  const headers = payHeaders(sheet);
  const periodLine: Cell[] = new Array(8).fill(null);
  periodLine[0] = `${PERIOD_PREFIX}${sheet.period}`;
  periodLine[2] = `政策：${sheet.policy.name}（${sheet.policy.doc}）`;
  periodLine[7] = `单位：${unitName}`;
  const rows: Cell[][] = [[`社区工作者薪酬表（${sheet.year}年${sheet.month}月）`], periodLine, headers];
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
    rows.push(cells);
  }
  const total: Cell[] = ['合计', null, null, null, `${sheet.lines.filter((l) => l.month).length} 人`, null, null];
  const sum = (pick: (l: PayrollSheet['lines'][number]) => Decimal | undefined) => num(sheet.lines.reduce((s, l) => s.plus(pick(l) ?? 0), new Decimal(0)));
  for (const name of sheet.itemNames) total.push(sum((l) => l.month?.gross.find((i) => i.name === name)?.amount));
  total.push(num(sheet.totals.gross));
  for (const name of sheet.deductionNames) total.push(sum((l) => l.month?.deductions.find((d) => d.name === name)?.amount));
  total.push(num(sheet.totals.deductions), num(sheet.totals.net));
  rows.push(total);
  return rows;
}

/** Header row of the bank list. */
export const BANK_HEADERS = ['序号', '姓名', '身份证号', '银行账号', '实发'] as const;

/** The bank list's rows (title, header, one row per computed worker, 合计); workers without a computed line are left out. */
export function bankRows(sheet: PayrollSheet): Cell[][] {
  const rows: Cell[][] = [[`社区工作者工资代发名单（${sheet.year}年${sheet.month}月）`], [...BANK_HEADERS]];
  let n = 0;
  for (const l of sheet.lines) if (l.month) rows.push([++n, l.row.name, l.row.idNumber, l.row.bankAccount, num(l.month.net)]);
  rows.push(['合计', `${n} 人`, null, null, num(sheet.totals.net)]);
  return rows;
}

/** The year-to-date of each worker on a previous pay sheet, and that sheet's period. */
export interface PreviousSheet {
  period: string;
  byKey: Map<string, YearToDate>;
}

/** Where a previous sheet came from, for the messages: `where` names it (“--previous：a.xlsx”, “工作表“工资表2026-01””), `hint` says what to give instead. */
export interface PreviousSource {
  where: string;
  hint: string;
}

function money(v: Cell | undefined, what: string, row: number, src: PreviousSource): Decimal {
  if (v === null || v === undefined || v === '') return new Decimal(0);
  const n = typeof v === 'number' ? v : Number(String(v).replace(/[,，\s]/g, ''));
  if (!Number.isFinite(n) || n < 0) throw new CwError('INVALID_NUMBER', `${src.where} 第${row}行“${what}”：${String(v)} 不是金额。${src.hint}`, 'previous');
  return new Decimal(n);
}

/** The `期间：YYYY-MM` of a pay sheet's top rows, or null. */
export function periodOfRows(rows: readonly Cell[][]): string | null {
  const hi = rows.findIndex((r) => r.includes(YTD_MARK));
  let period: string | null = null;
  for (const r of rows.slice(0, hi < 0 ? rows.length : hi)) {
    for (const c of r) {
      const m = typeof c === 'string' ? /^期间[：:]\s*(\d{4}-\d{2})/.exec(c.trim()) : null;
      if (m) period = m[1];
    }
  }
  return period;
}

/**
 * Reads a previous month's pay sheet (as `cw payroll` or the pane wrote it, or a ledger with the same
 * headers): the period from its 期间 cell, each worker's year-to-date columns, keyed by `keyOf`
 * (身份证号, else 社区 + 姓名). `rowNumbers` are the rows' 1-based sheet rows when blank rows were skipped.
 */
export function previousFromRows(
  name: string, rows: readonly Cell[][], rowNumbers: readonly number[] | undefined,
  keyOf: (idNumber: string, community: string, name: string) => string, src: PreviousSource,
): PreviousSheet {
  const hi = rows.findIndex((r) => r.includes(YTD_MARK));
  const period = periodOfRows(rows);
  if (hi < 0 || period === null) throw new CwError('REQUIRED', `${src.where} 的“${name}”工作表缺少表头行或“${PERIOD_PREFIX}YYYY-MM”单元格。${src.hint}`, 'previous');
  const headers = rows[hi].map((c) => (c === null ? '' : String(c).trim()));
  const col = (h: string) => headers.indexOf(h);
  for (const h of ['姓名', '社区', FIRST_MONTH, ...YTD_COLUMNS.map(([x]) => x)]) {
    if (col(h) < 0) throw new CwError('REQUIRED', `${src.where} 缺少“${h}”列。${src.hint}`, 'previous');
  }
  const [y, mo] = period.split('-').map(Number);
  const byKey = new Map<string, YearToDate>();
  for (let i = hi + 1; i < rows.length; i++) {
    const r = rows[i];
    const rowNo = rowNumbers?.[i] ?? i + 1;
    const who = String(r[col('姓名')] ?? '').replace(/[\s\u3000]+/g, '');
    if (!who || r[0] === '合计') continue;
    const first = String(r[col(FIRST_MONTH)] ?? '').trim();
    if (!first) continue; // a line that was not computed carries nothing
    const fm = /^(\d{4})-(\d{2})$/.exec(first);
    if (!fm || Number(fm[1]) !== y) throw new CwError('INVALID_DATE', `${src.where} 第${rowNo}行“${FIRST_MONTH}”：${first} 无效（应为 ${y}-MM）。`, 'previous');
    const ytd: YearToDate = {
      year: y, month: mo, firstMonth: Number(fm[2]),
      income: new Decimal(0), exempt: new Decimal(0), special: new Decimal(0), specialAdditional: new Decimal(0), other: new Decimal(0), relief: new Decimal(0), withheld: new Decimal(0),
    };
    for (const [h, k] of YTD_COLUMNS) (ytd[k] as Decimal) = money(r[col(h)], h, rowNo, src);
    const id = col('身份证号') >= 0 ? String(r[col('身份证号')] ?? '').trim().toUpperCase() : '';
    byKey.set(keyOf(id, String(r[col('社区')] ?? '').replace(/[\s\u3000]+/g, ''), who), ytd);
  }
  return { period, byKey };
}

/**
 * Whether a sheet of `previous` (YYYY-MM) may be the year-to-date source of `period`: an earlier month
 * of the same tax year, or December before a January (which starts from zero anyway). Throws otherwise.
 */
export function checkPreviousPeriod(previous: string, period: string, src: PreviousSource): void {
  const [py, pm] = previous.split('-').map(Number);
  const [y, m] = period.split('-').map(Number);
  if (!(py === y && pm < m) && !(py === y - 1 && pm === 12 && m === 1)) {
    throw new CwError('INVALID_DATE', `${src.where} 是 ${previous} 的薪酬表，不能作为 ${period} 的累计来源。请提供同一纳税年度中此前月份的薪酬表。`, 'previous');
  }
}

/** The month before `period` (`YYYY-MM`), or null for January (a tax year starts from zero) or a bad period. */
export function monthBefore(period: string): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m || Number(m[2]) <= 1 || Number(m[2]) > 12) return null;
  return `${m[1]}-${String(Number(m[2]) - 1).padStart(2, '0')}`;
}

/**
 * What a clerk should know about the year-to-date chain of a computed month: workers of the previous
 * sheet no longer on the roster, a source that is not the month just before (the months between are
 * missing from the totals), and workers taxed as new this year because the source lacks them.
 * The same words in the pane and in `cw payroll`.
 */
export function chainNotes(sheet: PayrollSheet, previous: PreviousSheet | null): string[] {
  if (!previous) return [];
  const notes: string[] = [];
  if (sheet.dropped.length) notes.push(`上月工资表中 ${sheet.dropped.length} 名职工不在本月花名册中，其累计数未接续。`);
  const before = monthBefore(sheet.period);
  if (before && previous.period !== before) notes.push(`累计来源是 ${previous.period} 的工资表，不是上月（${before}）的：其间月份的收入和已预扣税额没有计入累计。`);
  const fresh = sheet.lines.filter((l) => l.month && !previous.byKey.has(l.row.key)).length;
  if (fresh) notes.push(`${fresh} 名职工不在上月工资表中，本月按本年度首次计税处理。`);
  return notes;
}

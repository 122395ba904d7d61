/**
 * What every report sheet shares, as the PDF's layout does: the title block (title, region, unit,
 * period, policy, notes), one header row repeated on every printed page, signature lines, A4 with
 * the page-number footer. {@link SheetWriter} collects rows, merges and roles; the builders say
 * what goes in them.
 */
import type { ReportData } from '../types';
import { PAGE_FOOTER } from './types';
import type { ReportSheet, RowRole, SheetMerge, SheetValue } from './types';

/** The policy line of the title block, as the PDF prints it. */
export function policyText(data: ReportData): string {
  const bare = data.policyTitle.replace(/^《|》$/g, '');
  return !data.policyDoc ? data.policyTitle : data.policyDoc.includes(bare) ? data.policyDoc : `${data.policyDoc}《${bare}》`;
}

/** An amount from the engine's two-decimal text as a number cell ('' and null stay blank). */
export function amount(text: string | null | undefined): SheetValue {
  if (text === null || text === undefined || text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/** Collects a report sheet row by row. */
export class SheetWriter {
  readonly rows: SheetValue[][] = [];
  readonly roles: RowRole[] = [];
  readonly merges: SheetMerge[] = [];
  private header: number | null = null;
  private readonly breaks: number[] = [];

  constructor(readonly columns: number) {}

  /** Adds a row (padded to the sheet's width); returns its 0-based index. */
  row(cells: SheetValue[], role: RowRole): number {
    const r = Array.from({ length: this.columns }, (_, c) => (cells[c] === undefined ? null : cells[c]));
    this.rows.push(r);
    this.roles.push(role);
    return this.rows.length - 1;
  }

  /** A row whose text spans `span` columns from the first (all by default). */
  line(text: string, role: RowRole, span = this.columns): number {
    const at = this.row([text], role);
    if (span > 1) this.merges.push({ row: at, col: 0, rows: 1, cols: span });
    return at;
  }

  /** Merges cells of an existing row. */
  merge(row: number, col: number, cols: number): void {
    if (cols > 1) this.merges.push({ row, col, rows: 1, cols });
  }

  blank(): void {
    this.row([], 'blank');
  }

  /** The column headings; the first call's row is repeated on every printed page. */
  headings(cells: string[]): number {
    const at = this.row(cells, 'header');
    if (this.header === null) this.header = at;
    return at;
  }

  /** The next row starts a new printed page. */
  pageBreak(): void {
    this.breaks.push(this.rows.length + 1);
  }

  /** The title block: title, region/unit/period, policy, notes. */
  titleBlock(data: ReportData, extra: string[] = []): void {
    this.line(data.title, 'title');
    this.line(`地区：${data.jurisdiction}　　单位：${data.unit}　　期间：${data.periodText}（计算日期 ${data.asOf}）`, 'meta');
    this.line(`政策依据：${policyText(data)}`, 'meta');
    for (const n of [...data.notes, ...extra]) this.line(`注：${n}`, 'note');
    this.blank();
  }

  /** 制表 / 审核 / 负责人 signature lines with the date and the seal, as on the PDF. */
  signatures(): void {
    this.blank();
    const quarter = Math.max(1, Math.floor(this.columns / 4));
    const at = this.row([], 'sign');
    const parts = ['制表人：＿＿＿＿＿＿＿＿', '审核人：＿＿＿＿＿＿＿＿', '负责人：＿＿＿＿＿＿＿＿', '日期：＿＿＿＿年＿＿月＿＿日'];
    parts.forEach((p, i) => {
      const col = i * quarter;
      if (col >= this.columns) return;
      this.rows[at][col] = p;
      const end = i === parts.length - 1 ? this.columns : Math.min(this.columns, col + quarter);
      this.merge(at, col, end - col);
    });
    const seal = this.row([], 'sign');
    const sealCol = Math.max(0, this.columns - quarter);
    this.rows[seal][sealCol] = '（单位盖章）';
    this.merge(seal, sealCol, this.columns - sealCol);
  }

  /** The finished sheet. */
  done(data: ReportData, options: { name: string; widths: number[]; landscape: boolean; moneyColumns?: number[]; textColumns?: number[]; titleRows?: [number, number] }): ReportSheet {
    const header = this.header ?? 0;
    return {
      name: options.name,
      rows: this.rows,
      columns: this.columns,
      roles: this.roles,
      merges: this.merges,
      widths: options.widths,
      moneyColumns: options.moneyColumns ?? [],
      textColumns: options.textColumns ?? [],
      page: {
        paper: 'A4',
        orientation: options.landscape ? 'landscape' : 'portrait',
        fitToWidth: true,
        printTitleRows: options.titleRows ?? [header + 1, header + 1],
        centerFooter: PAGE_FOOTER,
        rightHeader: `${data.title}　${data.jurisdiction}　${data.periodText}　${data.policyDoc || data.policyName}`,
        pageBreaksBefore: this.breaks,
      },
    };
  }
}

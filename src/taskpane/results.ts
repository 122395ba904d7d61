/**
 * What the pane does with checkRoster's result: group the findings by community, say where each
 * one points in the workbook, lay them out as a new sheet, and pick the rows to highlight.
 * Presentation only: every finding, rule, citation and count is the engine's.
 */
import { citeText } from '../engine';
import type { Cell, CheckResult, RosterFinding, SeverityCounts } from '../engine';
import { HIGHLIGHT } from './workbook/port';
import type { RowMark } from './workbook/port';

export const SEVERITY_ZH: Record<RosterFinding['severity'], string> = { error: '错误', warning: '警告', info: '提示' };
const RANK: Record<RosterFinding['severity'], number> = { error: 2, warning: 1, info: 0 };

/** Findings of one place: a community, or a street, county or the whole roster. */
export interface FindingGroup {
  key: string;
  /** 春晖社区 · 新华街道 · 清河区, or 清河区, or null for the whole roster. */
  title: string | null;
  scope: 'roster' | 'county' | 'street' | 'community';
  county: string | null;
  street: string | null;
  community: string | null;
  /** Indexes into result.findings, in the engine's order. */
  items: number[];
  counts: SeverityCounts;
}

/** The place a finding belongs to in the list (a worker's finding belongs to their community). */
function placeOf(f: RosterFinding): Pick<FindingGroup, 'scope' | 'county' | 'street' | 'community'> {
  if (f.community) return { scope: 'community', county: f.county, street: f.street, community: f.community };
  if (f.street) return { scope: 'street', county: f.county, street: f.street, community: null };
  if (f.county) return { scope: 'county', county: f.county, street: null, community: null };
  return { scope: 'roster', county: null, street: null, community: null };
}

/** Groups findings by community (and by street, county or roster for the findings about those), in the engine's order. */
export function groupFindings(result: CheckResult): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  result.findings.forEach((f, i) => {
    const p = placeOf(f);
    const key = [p.scope, p.county ?? '', p.street ?? '', p.community ?? ''].join('\u0001');
    let g = groups.get(key);
    if (!g) {
      const title = p.scope === 'roster' ? null : [p.community, p.street, p.county].filter(Boolean).join(' · ');
      groups.set(key, (g = { key, title, ...p, items: [], counts: { error: 0, warning: 0, info: 0 } }));
    }
    g.items.push(i);
    g.counts[f.severity]++;
  });
  return [...groups.values()];
}

/** Where clicking a finding goes: its own row, else the first worker row it names. */
export function targetOf(f: RosterFinding, workerSheet: string | null): { sheet: string; row: number } | null {
  if (f.sheet && f.row !== null) return { sheet: f.sheet, row: f.row };
  if (f.rows && f.rows.length && workerSheet) return { sheet: workerSheet, row: f.rows[0] };
  return null;
}

/** Rows to highlight: each row with an error (red) or a warning (yellow), the worse one winning. */
export function highlightMarks(result: CheckResult, workerSheet: string | null): RowMark[] {
  const worst = new Map<string, { sheet: string; row: number; rank: number }>();
  const add = (sheet: string, row: number, rank: number) => {
    const key = `${sheet}\u0001${row}`;
    const w = worst.get(key);
    if (!w || rank > w.rank) worst.set(key, { sheet, row, rank });
  };
  for (const f of result.findings) {
    const rank = RANK[f.severity];
    if (rank === 0) continue;
    if (f.sheet && f.row !== null) add(f.sheet, f.row, rank);
    if (f.rows && workerSheet) for (const r of f.rows) add(workerSheet, r, rank);
  }
  // A worker's row is keyed by the 身份证号 column, so the mark follows the worker through a sort.
  const idColumn = result.mapping.workers.columns.idNumber;
  return [...worst.values()]
    .sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet < b.sheet ? -1 : 1))
    .map((m) => {
      const mark: RowMark = { sheet: m.sheet, row: m.row, color: m.rank === 2 ? HIGHLIGHT.error : HIGHLIGHT.warning };
      if (idColumn !== undefined && workerSheet !== null && m.sheet.toLowerCase() === workerSheet.toLowerCase()) mark.keyColumn = idColumn;
      return mark;
    });
}

/** Headers of the 检查结果 sheet. */
export const RESULT_HEADERS = ['序号', '严重程度', '规则', '依据', '区县', '街道', '社区', '工作表', '行号', '姓名', '列', '问题', '处理建议'] as const;

/**
 * The 检查结果 sheet: a title line (policy, date, counts), the headers, then one row per finding.
 * Returns the rows and the text columns (names and places are text; the row number stays a number).
 */
export function resultSheet(result: CheckResult): { rows: Cell[][]; boldRows: number; textColumns: number[] } {
  const s = result.summary;
  const title = `花名册检查结果：${result.policyName}（${result.doc}），检查日期 ${result.asOf}；${s.workers}名职工、${s.communities}个社区；错误 ${s.error}、警告 ${s.warning}、提示 ${s.info}`;
  const rows: Cell[][] = [[title], [...RESULT_HEADERS]];
  result.findings.forEach((f, i) => {
    rows.push([
      i + 1, SEVERITY_ZH[f.severity], f.rule, citeText(f.citation), f.county, f.street, f.community, f.sheet, f.row, f.name, f.column ?? null, f.message, f.action,
    ]);
  });
  const text = RESULT_HEADERS.map((h, i) => (h === '序号' || h === '行号' ? -1 : i)).filter((i) => i >= 0);
  return { rows, boldRows: 2, textColumns: text };
}

import { findHeaderRow, headerScore } from './headers';
import { isBlank } from './cells';
import type { Cell, Roster, RosterTable, TableKind } from './types';

/**
 * A merged range of a sheet, in 1-based sheet rows and columns, inclusive (Excel's `A2:A6` is
 * `{ top: 2, left: 1, bottom: 6, right: 1 }`). Its value is in the top-left cell.
 */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A sheet as a grid of cells, as a front end reads it. */
export interface SheetGrid {
  name: string;
  rows: Cell[][];
  /** 1-based sheet row of each grid row; without it, grid row i is sheet row i + 1. */
  rowNumbers?: number[];
  /**
   * The sheet's merged ranges (1-based sheet rows and columns, see {@link MergeRange}), when the
   * reader knows them. A 社区 or 街道 cell merged over its workers belongs to every row of the merge.
   */
  merges?: MergeRange[];
}

/** Column number of Excel letters: A → 1, Z → 26, AA → 27. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Merged ranges from A1 references as a file or Office.js gives them (`A2:A6`, `$B$2:$D$2`,
 * `花名册!C2:C6`) → 1-based {top, left, bottom, right}; a malformed reference is ignored.
 */
export function mergeRangesOf(refs: readonly string[] | undefined): MergeRange[] {
  const out: MergeRange[] = [];
  for (const raw of refs ?? []) {
    const ref = String(raw).trim();
    const local = ref.slice(ref.lastIndexOf('!') + 1).toUpperCase();
    const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(local);
    if (!m) continue;
    const a = { col: columnNumber(m[1]), row: Number(m[2]) };
    const b = m[3] ? { col: columnNumber(m[3]), row: Number(m[4]) } : a;
    out.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
  }
  return out;
}

/**
 * The grid with each vertically merged range read as Excel shows it: the top cell's value in every
 * row of the range (its left column; the other cells of a merge are empty in the file). Rows are
 * copied only where a value is filled in; a grid without merges is returned as it is.
 */
export function withMergesFilled(grid: SheetGrid): SheetGrid {
  const merges = grid.merges;
  if (!merges || merges.length === 0) return grid;
  const indexOfRow = new Map<number, number>();
  grid.rows.forEach((_, i) => indexOfRow.set(grid.rowNumbers ? grid.rowNumbers[i] : i + 1, i));
  const rows = grid.rows.slice();
  const copied = new Set<number>();
  for (const m of merges) {
    if (m.bottom <= m.top) continue; // a merge within one row changes no row's facts
    const top = indexOfRow.get(m.top);
    const value = top === undefined ? null : rows[top][m.left - 1] ?? null;
    if (isBlank(value)) continue;
    for (let r = m.top + 1; r <= m.bottom; r++) {
      const i = indexOfRow.get(r);
      if (i === undefined) continue; // a blank row inside the merge: nobody to fill
      if (!isBlank(rows[i][m.left - 1] ?? null)) continue;
      if (!copied.has(i)) {
        rows[i] = rows[i].slice();
        copied.add(i);
      }
      while (rows[i].length < m.left - 1) rows[i].push(null);
      rows[i][m.left - 1] = value;
    }
  }
  return { ...grid, rows };
}

/** The roster found in a workbook, and what could not be found. */
export interface DetectedRoster {
  /** Null when no sheet has a recognisable worker table. */
  roster: Roster | null;
  /** The sheet each table came from (for messages). */
  sheets: Partial<Record<TableKind, string>>;
  /** Chinese notes for the clerk: which sheets were used, and why others were not. */
  notes: string[];
}

/** Cuts the table with its header at grid row `h` out of a sheet: blank rows are skipped, row numbers kept. */
export function tableOf(sheet: SheetGrid, h: number): RosterTable {
  const grid = withMergesFilled(sheet);
  const rowNo = (i: number) => (grid.rowNumbers ? grid.rowNumbers[i] : i + 1);
  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  let contiguous = true;
  for (let i = h + 1; i < grid.rows.length; i++) {
    const r = grid.rows[i];
    if (!r || r.every((c) => isBlank(c))) {
      contiguous = false;
      continue;
    }
    rows.push(r);
    rowNumbers.push(rowNo(i));
  }
  const headerRow = rowNo(h);
  const table: RosterTable = { sheet: grid.name, headerRow, headers: grid.rows[h], rows };
  if (!contiguous || grid.rowNumbers || rowNumbers.some((n, i) => n !== headerRow + 1 + i)) table.rowNumbers = rowNumbers;
  return table;
}

/**
 * Finds the worker table, the community table and the county table among a workbook's sheets by
 * their headers (docs/design.md 花名册), not by sheet name or position. When several sheets qualify,
 * the one whose header names the most fields wins.
 */
export function detectRoster(sheets: SheetGrid[]): DetectedRoster {
  const best: Partial<Record<TableKind, { grid: SheetGrid; h: number; score: number }>> = {};
  for (const grid of sheets) {
    for (const kind of ['workers', 'communities', 'counties'] as TableKind[]) {
      const h = findHeaderRow(grid.rows, kind);
      if (h < 0) continue;
      const score = headerScore(grid.rows[h], kind);
      const current = best[kind];
      if (!current || score > current.score) best[kind] = { grid, h, score };
    }
  }
  const notes: string[] = [];
  const sheetsUsed: DetectedRoster['sheets'] = {};
  // A sheet is one table: the worker table claims its sheet first.
  const used = new Set<SheetGrid>();
  const take = (kind: TableKind): RosterTable | null => {
    const b = best[kind];
    if (!b || used.has(b.grid)) return null;
    used.add(b.grid);
    sheetsUsed[kind] = b.grid.name;
    return tableOf(b.grid, b.h);
  };
  const workers = take('workers');
  if (!workers) {
    notes.push(`没有找到职工表：任何工作表的表头都不同时包含“姓名”和“岗位类别”“职务”或“身份证号”之一（已检查：${sheets.map((s) => s.name).join('、') || '无工作表'}）。`);
    return { roster: null, sheets: sheetsUsed, notes };
  }
  notes.push(`职工表：工作表“${workers.sheet}”，表头在第${workers.headerRow}行，${workers.rows.length}行数据。`);
  const communities = take('communities');
  if (communities) notes.push(`社区表：工作表“${communities.sheet}”，表头在第${communities.headerRow}行，${communities.rows.length}行数据。`);
  else notes.push('没有找到社区表（表头含“社区”和“户数”“常住人口”等）：按户数、人口的配备标准无法核对。');
  const counties = take('counties');
  if (counties) notes.push(`区县表：工作表“${counties.sheet}”，${counties.rows.length}行数据（区县人口以此为准）。`);
  return { roster: { workers, communities, counties }, sheets: sheetsUsed, notes };
}

import { findHeaderRow, headerScore } from './headers';
import { isBlank } from './cells';
import type { Cell, Roster, RosterTable, TableKind } from './types';

/** A sheet as a grid of cells, as a front end reads it. */
export interface SheetGrid {
  name: string;
  rows: Cell[][];
  /** 1-based sheet row of each grid row; without it, grid row i is sheet row i + 1. */
  rowNumbers?: number[];
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
export function tableOf(grid: SheetGrid, h: number): RosterTable {
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

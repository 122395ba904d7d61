/**
 * Finding the roster in the open workbook, through the port: the worker, community and county
 * tables are found by their Chinese headers and synonyms (the engine's matcher, docs/design.md
 * "Rosters"); a column the matcher does not recognise is mapped by the clerk, and that choice is
 * kept in the workbook's settings. Nothing here checks a rule: the engine's checkRoster does.
 */
import { detectRoster, fieldsOf, isPayrollParam, matchHeaders, normalizeHeader, tableOf } from '../engine';
import type { Cell, CheckOptions, HeaderMatch, HeaderOverride, Policy, Roster, RosterTable, SheetGrid, TableKind } from '../engine';
import { paramsFromSheets } from '../reports/params-sheet';
import { SETTING } from './workbook/port';
import type { ReadOptions, SheetRead, WorkbookPort } from './workbook/port';

/** Rows read from the top of each sheet to find its header row. */
export const HEAD_ROWS = 20;

/** Where one table is: its sheet, its 1-based header row, and the clerk's column choices. */
export interface TableChoice {
  sheet: string;
  headerRow: number;
  override?: HeaderOverride;
}

/** The mapping kept in the workbook (setting `cwkit.mapping`). */
export interface SavedMapping {
  v: 1;
  tables: Partial<Record<TableKind, TableChoice>>;
}

/** One table as found: where it is, its header cells and how they matched. */
export interface FoundTable extends TableChoice {
  headers: Cell[];
  match: HeaderMatch;
  /** True when the sheet and header row come from the saved mapping, not from detection. */
  saved: boolean;
}

/** What the pane knows about the workbook before reading whole tables. */
export interface RosterScan {
  sheets: string[];
  /** The top rows of every sheet. */
  heads: SheetRead[];
  tables: Partial<Record<TableKind, FoundTable>>;
  /** Required worker/community fields with no column (the mapping step asks for them). */
  missing: Partial<Record<TableKind, string[]>>;
  /** The clerk must map something before the checks can run. */
  needsMapping: boolean;
  notes: string[];
  saved: SavedMapping | null;
}

const KINDS: TableKind[] = ['workers', 'communities', 'counties'];

/** The saved mapping, if it is one this version understands. */
export async function savedMapping(port: WorkbookPort): Promise<SavedMapping | null> {
  const s = await port.getSetting<SavedMapping>(SETTING.mapping);
  return s && s.v === 1 && s.tables && typeof s.tables === 'object' ? s : null;
}

/** The header cells of a sheet's row (from the head grid), or null when the row was not read or is blank. */
function headerCells(head: SheetRead, headerRow: number): Cell[] | null {
  const i = head.rowNumbers.indexOf(headerRow);
  return i < 0 ? null : head.rows[i];
}

/** Reads the top of every sheet and finds the tables (saved mapping first, then the headers). */
export async function scanWorkbook(port: WorkbookPort): Promise<RosterScan> {
  const sheets = await port.sheetNames();
  const heads: SheetRead[] = [];
  for (const name of sheets) heads.push(await port.readSheet(name, { maxRows: HEAD_ROWS }));
  const saved = await savedMapping(port);
  return scanHeads(sheets, heads, saved);
}

/** The scan's logic on already-read heads (pure; tests call it directly). */
export function scanHeads(sheets: string[], heads: SheetRead[], saved: SavedMapping | null): RosterScan {
  const detected = detectRoster(heads);
  const notes: string[] = [];
  const tables: RosterScan['tables'] = {};
  const used = new Set<string>();
  for (const kind of KINDS) {
    const s = saved?.tables[kind];
    const head = s ? heads.find((h) => h.name === s.sheet) : undefined;
    const cells = s && head ? headerCells(head, s.headerRow) : null;
    if (s && cells) {
      tables[kind] = { sheet: s.sheet, headerRow: s.headerRow, override: s.override, headers: cells, match: matchHeaders(cells, kind, s.override ?? {}), saved: true };
      used.add(s.sheet);
    } else if (s) {
      notes.push(`本工作簿保存的列对应指向工作表“${s.sheet}”第${s.headerRow}行，但该工作表或行已不存在，改为按表头识别。`);
    }
  }
  for (const kind of KINDS) {
    if (tables[kind]) continue;
    const sheet = detected.sheets[kind];
    const t = sheet && detected.roster ? (detected.roster[kind] as RosterTable | null | undefined) : null;
    if (!sheet || !t || used.has(sheet)) continue;
    used.add(sheet);
    const override = saved?.tables[kind]?.sheet === sheet ? saved.tables[kind]?.override : undefined;
    tables[kind] = { sheet, headerRow: t.headerRow, override, headers: t.headers, match: matchHeaders(t.headers, kind, override ?? {}), saved: false };
  }
  if (!tables.workers) notes.push(...detected.notes.filter((n) => n.startsWith('没有找到职工表')));
  else if (!tables.communities) notes.push('没有找到社区表（表头含“社区”和“户数”“常住人口”等）：按户数、人口的配备标准无法核对。');
  const missing: RosterScan['missing'] = {};
  for (const kind of KINDS) {
    const t = tables[kind];
    if (!t) continue;
    const m = [...t.match.missing.map((d) => d.key), ...(t.match.overrideErrors.length ? ['(override)'] : [])];
    if (m.length) missing[kind] = m;
  }
  const needsMapping = !tables.workers || Object.keys(missing).length > 0;
  return { sheets, heads, tables, missing, needsMapping, notes, saved };
}

/** Saves the clerk's choice for one table (and keeps the others). */
export async function saveTableChoice(port: WorkbookPort, kind: TableKind, choice: TableChoice | null): Promise<void> {
  const saved = (await savedMapping(port)) ?? { v: 1 as const, tables: {} };
  if (choice) saved.tables[kind] = { sheet: choice.sheet, headerRow: choice.headerRow, ...(choice.override && Object.keys(choice.override).length ? { override: choice.override } : {}) };
  else delete saved.tables[kind];
  await port.setSetting(SETTING.mapping, Object.keys(saved.tables).length ? saved : null);
}

/** Forgets every saved column choice. */
export async function clearSavedMapping(port: WorkbookPort): Promise<void> {
  await port.setSetting(SETTING.mapping, null);
}

/** A roster read in full, with the clerk's mapping in the form checkRoster takes. */
export interface LoadedRoster {
  roster: Roster;
  mapping: NonNullable<CheckOptions['mapping']>;
  grids: SheetRead[];
}

/** Reads the found tables in full (progress over all their rows) and cuts them at their header rows. */
export async function loadRoster(port: WorkbookPort, scan: RosterScan, options: ReadOptions = {}): Promise<LoadedRoster> {
  const w = scan.tables.workers;
  if (!w) throw new Error('没有找到职工表。');
  const kinds = KINDS.filter((k) => scan.tables[k]);
  const totals = kinds.map((k) => scan.heads.find((h) => h.name === scan.tables[k]!.sheet)?.rowCount ?? 0);
  const all = totals.reduce((a, b) => a + b, 0);
  let before = 0;
  const grids: SheetRead[] = [];
  const out: Partial<Record<TableKind, RosterTable>> = {};
  const mapping: LoadedRoster['mapping'] = {};
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i];
    const t = scan.tables[kind]!;
    const grid = await port.readSheet(t.sheet, { signal: options.signal, onRows: (done) => options.onRows?.(before + done, all) });
    before += totals[i];
    grids.push(grid);
    const h = grid.rowNumbers.indexOf(t.headerRow);
    if (h < 0) throw new Error(`工作表“${t.sheet}”第${t.headerRow}行是空行，找不到表头。请重新识别。`);
    out[kind] = tableOf(grid, h);
    if (t.override && Object.keys(t.override).length) mapping[kind] = t.override;
  }
  return { roster: { workers: out.workers!, communities: out.communities ?? null, counties: out.counties ?? null }, mapping, grids };
}

/**
 * The roster with the clerk's mapped columns renamed to the names cwkit reads, for code that
 * matches headers without a mapping (the reports). A column that would still compete for a
 * mapped field is marked unused.
 */
export function withMappedHeaders(loaded: LoadedRoster): Roster {
  const rename = (t: RosterTable | null | undefined, kind: TableKind): RosterTable | null => {
    if (!t) return null;
    const override = loaded.mapping[kind];
    if (!override) return t;
    const m = matchHeaders(t.headers, kind, override);
    const headers = t.headers.slice();
    const label = new Map(fieldsOf(kind).map((d) => [d.key, d.label]));
    const mappedCols = new Set<number>();
    for (const [key, col] of Object.entries(m.columns)) {
      if (!(key in override)) continue;
      headers[col] = label.get(key) ?? headers[col];
      mappedCols.add(col);
    }
    for (const { year, column } of m.ratingColumns) {
      if (override.ratings && String(year) in override.ratings) {
        headers[column] = `考核${year}`;
        mappedCols.add(column);
      }
    }
    // Another column naming a mapped field would win if it came first: mark it unused.
    const mappedKeys = new Set(Object.keys(override).filter((k) => k !== 'ratings'));
    headers.forEach((h, c) => {
      if (mappedCols.has(c)) return;
      const again = matchHeaders([h], kind).columns;
      if (Object.keys(again).some((k) => mappedKeys.has(k))) headers[c] = `〔未使用〕${normalizeHeader(h)}`;
    });
    return { ...t, headers };
  };
  return { workers: rename(loaded.roster.workers, 'workers')!, communities: rename(loaded.roster.communities, 'communities'), counties: rename(loaded.roster.counties, 'counties') };
}

const PARAM_KEY = /^参数名?$|^参数名称$/;
const PARAM_VALUE = /^(本地值|值|参数值|取值)/;

/** Sheets whose top rows carry a 参数表 header (参数名 and 本地值/值, as src/reports/params-sheet.ts reads them). */
export function paramSheetCandidates(heads: SheetRead[]): string[] {
  const norm = (c: Cell | undefined) => (c === null || c === undefined ? '' : String(c).replace(/[\s\u3000]+/g, ''));
  return heads
    .filter((h) => h.rows.slice(0, 5).some((r) => r.some((c) => PARAM_KEY.test(norm(c))) && r.some((c) => PARAM_VALUE.test(norm(c)))))
    .map((h) => h.name);
}

/**
 * The workbook's 参数表 for a policy, read in full: its sheet and its local values; null when there is
 * none. The payroll figures (代扣代缴: 失业保险.个人缴费比例 …) may share the sheet, as `cw payroll` reads
 * it; they come apart in `payroll` (present only when the sheet has some), because the policy rejects
 * keys it does not know and the checks, pay sheet and reports pass `params` to it.
 */
export async function readParams(port: WorkbookPort, policy: Policy, heads: SheetRead[]): Promise<{ sheet: string; params: Record<string, unknown>; payroll?: Record<string, unknown> } | null> {
  const names = paramSheetCandidates(heads);
  if (!names.length) return null;
  const grids: SheetGrid[] = [];
  for (const n of names) grids.push(await port.readSheet(n));
  const found = paramsFromSheets(grids, policy);
  if (!found) return null;
  const own: Record<string, unknown> = {};
  const payroll: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(found.params)) (isPayrollParam(k.trim()) ? payroll : own)[k] = v;
  return Object.keys(payroll).length ? { sheet: found.sheet, params: own, payroll } : { sheet: found.sheet, params: own };
}

/**
 * A 参数表 inside the roster workbook: a sheet with a 参数名 column and a 本地值 (or 值) column,
 * as templates/params.xlsx lays it out (one sheet per policy, e.g. “宁夏参数表”), and optionally a
 * 生效日期 column: a key may then have several rows, one per date, passed on as the engine's dated
 * override `[{from, value}, …]`. Blank values mean "as the document says" and are skipped. Small
 * reading glue: the engine validates the keys, values and dates.
 */
import type { Cell, Policy, SheetGrid } from '../engine';

const KEY = /^参数名?$|^参数名称$/;
const VALUE = /^(本地值|值|参数值|取值)/;
const FROM = /^(生效日期|起始日期|开始日期|生效)$/;

function norm(c: Cell | undefined): string {
  return c === null || c === undefined ? '' : String(c).replace(/[\s\u3000]+/g, '');
}

/** The overrides found in the workbook for this policy, with the sheet they came from; null when there is no 参数表. */
export function paramsFromSheets(grids: SheetGrid[], policy: Policy): { sheet: string; params: Record<string, unknown> } | null {
  const candidates: Array<{ grid: SheetGrid; header: number; key: number; value: number; from: number }> = [];
  for (const grid of grids) {
    for (let h = 0; h < Math.min(5, grid.rows.length); h++) {
      const row = grid.rows[h] ?? [];
      const key = row.findIndex((c) => KEY.test(norm(c)));
      const value = row.findIndex((c) => VALUE.test(norm(c)));
      if (key >= 0 && value >= 0) {
        candidates.push({ grid, header: h, key, value, from: row.findIndex((c) => FROM.test(norm(c))) });
        break;
      }
    }
  }
  const own = candidates.filter((c) => c.grid.name.includes(policy.name) || policy.aliases.some((a) => c.grid.name.toLowerCase().includes(a.toLowerCase())));
  const pick = own[0] ?? (candidates.length === 1 || candidates.some((c) => c.grid.name === '参数表') ? candidates.find((c) => c.grid.name === '参数表') ?? candidates[0] : null);
  if (!pick) return null;
  const params: Record<string, unknown> = {};
  for (const row of pick.grid.rows.slice(pick.header + 1)) {
    const key = norm(row[pick.key]);
    const v = row[pick.value];
    if (!key || v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
    const value = typeof v === 'string' ? v.trim() : v;
    const from = pick.from >= 0 ? row[pick.from] : null;
    if (from === null || from === undefined || (typeof from === 'string' && from.trim() === '')) {
      if (Array.isArray(params[key])) (params[key] as unknown[]).push({ from: null, value });
      else params[key] = value;
    } else {
      // Several dated rows of one key make its history; an undated row next to dated ones is kept as given for the engine to reject.
      const had = params[key];
      const list = Array.isArray(had) ? (had as unknown[]) : (params[key] = (had === undefined ? [] : [{ from: null, value: had }])) as unknown[];
      list.push({ from: typeof from === 'string' ? from.trim() : from, value });
    }
  }
  return { sheet: pick.grid.name, params };
}

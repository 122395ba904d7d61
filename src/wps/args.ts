/**
 * What WPS 表格 passes to an add-in function, turned into what the shared function code expects
 * (src/functions/args.ts: null for an omitted argument, rows of cells for a range).
 *
 * WPS calls a JavaScript function through its COM-style automation layer, so an omitted optional
 * argument can arrive as the COM "parameter not found" code (DISP_E_PARAMNOTFOUND, -2147352572)
 * rather than `undefined`; a range declared `any[][]` arrives as rows of cells, a single cell as a
 * one-by-one array; an argument declared `object` (not used here) would be a Range with `.Value2`.
 * Each is normalised here so the engine sees exactly what Excel would give it.
 */
import type { ParamShape } from '../functions/help';

/** DISP_E_PARAMNOTFOUND (0x80020004) as a signed 32-bit number: COM's "argument omitted". */
export const PARAM_NOT_FOUND = -2147352572;

/** A Date, from any realm (the host's page, or another context). */
function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** A Range-like object (what a parameter typed `object` receives). */
interface RangeLike {
  Value2: unknown;
}

function isRangeLike(v: unknown): v is RangeLike {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isDate(v) && 'Value2' in v;
}

/** A JavaScript date (a date cell converted by the host) as its calendar day in the machine's zone. */
function dateText(d: Date): string | Date {
  if (Number.isNaN(d.getTime())) return d;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** One cell value: omitted or empty → null, a date object → its day as text, others as they are. */
function cellOf(v: unknown): unknown {
  if (v === undefined || v === null || v === PARAM_NOT_FOUND) return null;
  if (isDate(v)) return dateText(v);
  return v;
}

/** One argument, by the shape the function's metadata declares for it. */
export function wpsArgument(v: unknown, shape: ParamShape): unknown {
  let value = isRangeLike(v) ? v.Value2 : v;
  if (shape === 'matrix') {
    if (!Array.isArray(value)) return cellOf(value);
    return value.map((row) => (Array.isArray(row) ? row.map(cellOf) : cellOf(row)));
  }
  // A scalar parameter given a one-cell range (or a 1×1 array constant) takes that cell.
  while (Array.isArray(value) && value.length === 1) value = Array.isArray(value[0]) && value[0].length === 1 ? value[0][0] : value[0];
  return Array.isArray(value) ? value : cellOf(value);
}

/** Every argument of a call, positional, trimmed of trailing omitted ones. */
export function wpsArguments(args: readonly unknown[], shapes: readonly ParamShape[]): unknown[] {
  const out = args.map((a, i) => wpsArgument(a, shapes[i] ?? 'scalar'));
  while (out.length && out[out.length - 1] === null) out.pop();
  return out;
}

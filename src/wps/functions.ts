/**
 * cwkit's CW functions as WPS 表格 registers them: `wps.AddCustomFunction('CW', 'PAY', fn, metadata)`
 * for every function in the catalogue (src/functions/help.ts, the list the Excel metadata is checked
 * against), so a function added there appears in WPS with no edit here. The names, Chinese
 * descriptions and argument names are those of the zh-CN Excel metadata (functions-zh-CN.json).
 *
 * Each registered function is synchronous (WPS calls add-in functions synchronously only) and
 * calls the same host-neutral code as Excel (`callFunction` in src/functions/core.ts): the same
 * argument parsing, the same figures, the same Chinese messages.
 *
 * Errors: Kingsoft documents no way for an add-in function to return a worksheet error value with
 * a message (there is no counterpart of Excel's `CustomFunctions.Error`), and a thrown exception
 * loses the message. So an error result comes back as text — `#VALUE! entry_date（入职日期）：…` or
 * `#N/A …` — which the clerk reads in the cell (docs/wps.md says so).
 */
import { callFunction } from '../functions/core';
import type { FnResult } from '../functions/core';
import { errorText, isFnError } from '../functions/errors';
import { FUNCTIONS, NAMESPACE } from '../functions/help';
import type { FnHelp, FnParamHelp } from '../functions/help';
import { wpsArguments } from './args';

/** The argument and result types WPS's function metadata knows (as wpsjs writes them). */
export type WpsType = 'any' | 'any?' | 'any[][]' | 'any[][]?';

/** One parameter of WPS function metadata. */
export interface WpsParameter {
  name: string;
  type: WpsType;
  description: string;
}

/** The metadata passed to `wps.AddCustomFunction` and written to functions.json. */
export interface WpsFunctionMetadata {
  description: string;
  result: { type: WpsType };
  parameters: WpsParameter[];
}

/** What `wps.AddCustomFunction` needs from the host (declared in et-jsapi-declare's addon.et.d.ts). */
export interface WpsFunctionHost {
  AddCustomFunction(namespace: string, name: string, callback: Function, metadata?: WpsFunctionMetadata): void;
}

/** What a cell receives: a value, rows of values, or the error as text. */
export type WpsValue = number | string | boolean | Array<Array<number | string | boolean>>;

/** WPS function names must match this (Kingsoft's rule, enforced by wpsjs). */
const NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function parameterOf(p: FnParamHelp): WpsParameter {
  const type: WpsType = p.shape === 'matrix' ? (p.optional ? 'any[][]?' : 'any[][]') : p.optional ? 'any?' : 'any';
  return { name: p.zhName, type, description: p.zhDescription };
}

/**
 * The metadata of one function. Every result is `any`: a number or text for a single value, rows
 * of cells for a table (which WPS spills, as Excel does), the error text when the call fails.
 */
export function metadataOf(f: FnHelp): WpsFunctionMetadata {
  return { description: f.zhDescription, result: { type: 'any' }, parameters: f.params.map(parameterOf) };
}

/** The text a cell shows for an error result: the Excel error code, then the Chinese message. */
export function errorCellText(e: { code: string; message?: string }): string {
  return `${errorText(e)} ${e.message ?? ''}`.trim();
}

/** A shared-code result as WPS receives it: the value or rows as they are, an error as its text. */
export function toWpsValue(r: FnResult): WpsValue {
  return isFnError(r) ? errorCellText(r) : (r as WpsValue);
}

/** The function WPS calls for catalogue entry `f`: positional arguments as WPS passes them. */
export function wpsFunction(f: FnHelp): (...args: unknown[]) => WpsValue {
  const shapes = f.params.map((p) => p.shape);
  return (...args: unknown[]) => {
    try {
      return toWpsValue(callFunction(f.id, wpsArguments(args, shapes)));
    } catch (e) {
      // callFunction never throws; this keeps a bug from reaching WPS as a bare #VALUE!.
      return errorCellText({ code: '#N/A', message: `CW.${f.id} 无法计算：内部错误（${e instanceof Error ? e.message : String(e)}）。请把此信息报告给维护人员。` });
    }
  };
}

/** Every function's WPS name and metadata, in catalogue order (also written as functions.json). */
export function wpsCatalogue(): Array<{ name: string } & WpsFunctionMetadata> {
  return FUNCTIONS.map((f) => ({ name: f.id, ...metadataOf(f) }));
}

/** Registers every CW function with WPS; returns the names registered. */
export function registerFunctions(host: WpsFunctionHost): string[] {
  const names: string[] = [];
  for (const f of FUNCTIONS) {
    if (!NAME.test(f.id)) throw new Error(`函数名 ${f.id} 不符合 WPS 的命名规则 ${NAME}`);
    host.AddCustomFunction(NAMESPACE, f.id, wpsFunction(f), metadataOf(f));
    names.push(f.id);
  }
  return names;
}

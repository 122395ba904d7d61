/**
 * A HyperFormula harness for cwkit's Excel functions — TEST AND BENCH ONLY. HyperFormula is GPL;
 * nothing under src/ may import this file or hyperformula.
 *
 * It registers the very same wrappers Excel calls (src/functions/functions.ts, which call core.ts)
 * as a HyperFormula function plugin named CW.TENURE, CW.GRADE, CW.PAY …, converting arguments the
 * way Excel passes them to a custom function: an omitted argument or empty cell is null, a range is
 * an array of rows, a date is its serial number. An error result becomes a HyperFormula CellError
 * (#VALUE! or #N/A) with the same message.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import { EXCEL_FUNCTIONS } from '../../src/functions/functions';
import { FUNCTIONS, FnId, NAMESPACE } from '../../src/functions/help';
import { errorText, isFnError } from '../../src/functions/errors';
import { civilOf, dayNumberOf, fromExcelSerial, toExcelSerial } from '../../src/engine';

type Ast = { type: string; value?: unknown; args?: Ast[] };

/** A value HyperFormula hands a function, as Excel would hand it to a custom function. */
function excelValue(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof SimpleRangeValue) return v.rawData().map((row) => row.map(excelValue));
  if (v !== null && typeof v === 'object' && 'val' in (v as object)) return (v as { val: number }).val; // a RichNumber (date, currency …)
  return v;
}

/** The first error among the arguments (Excel does not call a custom function with an error argument). */
function firstError(args: unknown[]): CellError | undefined {
  for (const a of args) {
    if (a instanceof CellError) return a;
    if (a instanceof SimpleRangeValue) for (const c of a.valuesFromTopLeftCorner()) if (c instanceof CellError) return c;
  }
  return undefined;
}

/** Calls one Excel wrapper and converts its result (or thrown error result) for HyperFormula. */
function callWrapper(id: FnId, args: unknown[]): unknown {
  const err = firstError(args);
  if (err) return err;
  let out: unknown;
  try {
    out = EXCEL_FUNCTIONS[id](...args.map(excelValue));
  } catch (e) {
    if (isFnError(e)) return new CellError(errorText(e) === '#N/A' ? ErrorType.NA : ErrorType.VALUE, e.message);
    throw e; // a bug in the wrapper: let the test see it
  }
  if (!Array.isArray(out)) return out;
  const rows = out as unknown[][];
  if (rows.length === 1 && rows[0].length === 1) return rows[0][0];
  return SimpleRangeValue.onlyValues(rows.map((r) => r.map((c) => (isFnError(c) ? new CellError(ErrorType.VALUE, c.message) : c))) as never);
}

/** Literal value of an argument AST (number, text, omitted), or undefined when it is a reference or formula. */
function literal(ast: Ast | undefined): { ok: boolean; value: unknown } {
  if (!ast) return { ok: true, value: null };
  if (ast.type === 'NUMBER' || ast.type === 'STRING') return { ok: true, value: ast.value };
  if (ast.type === 'EMPTY') return { ok: true, value: null };
  return { ok: false, value: undefined };
}

/**
 * The size of a spilled result, which HyperFormula must know before evaluating. With literal
 * arguments we evaluate once to find it; STAFF is always one row of two; PAY is a single value
 * unless `item` is the literal 明细. A spill whose size depends on cell values is not supported by
 * this harness (Excel has no such limit).
 */
function resultSize(id: FnId, args: Ast[]): ArraySize {
  if (id === 'STAFF') return new ArraySize(2, 1);
  if (id === 'PAY') {
    const item = literal(args[8]);
    if (!(item.ok && item.value === '明细')) return ArraySize.scalar();
  }
  const values = args.map(literal);
  if (values.every((v) => v.ok)) {
    try {
      const out = EXCEL_FUNCTIONS[id](...values.map((v) => v.value));
      if (Array.isArray(out)) return new ArraySize((out as unknown[][])[0].length, (out as unknown[][]).length);
      return ArraySize.scalar();
    } catch {
      return ArraySize.scalar(); // an error result is a single cell
    }
  }
  return ArraySize.error();
}

const implementedFunctions: ImplementedFunctions = {};
const methods: Record<string, unknown> = {};
for (const f of FUNCTIONS) {
  const name = `${NAMESPACE}.${f.id}`;
  const method = `cw${f.id}`;
  implementedFunctions[name] = {
    method,
    parameters: f.params.map((p) => ({
      argumentType: p.shape === 'matrix' ? FunctionArgumentType.ANY : FunctionArgumentType.SCALAR,
      optionalArg: p.optional,
    })),
    ...(f.spills ? { sizeOfResultArrayMethod: `${method}Size`, vectorizationForbidden: true } : {}),
  };
  methods[method] = function (this: unknown, ast: { args: Ast[] }, state: unknown) {
    const self = this as { runFunction: (...a: unknown[]) => unknown; metadata(n: string): unknown };
    return self.runFunction(ast.args, state, self.metadata(name), (...args: unknown[]) => callWrapper(f.id, args));
  };
  if (f.spills) methods[`${method}Size`] = (ast: { args: Ast[] }) => resultSize(f.id, ast.args);
}

/** The plugin class: the same wrappers Excel calls, under the CW namespace. */
export class CwFunctionsPlugin extends FunctionPlugin {
  static override implementedFunctions = implementedFunctions;
}
Object.assign(CwFunctionsPlugin.prototype, methods);

let registered = false;
/** Registers the plugin once per process (HyperFormula keeps plugins globally). */
export function registerCwFunctions(): void {
  if (registered) return;
  const names: Record<string, string> = {};
  for (const f of FUNCTIONS) names[`${NAMESPACE}.${f.id}`] = `${NAMESPACE}.${f.id}`;
  HyperFormula.registerFunctionPlugin(CwFunctionsPlugin, { enGB: names, enUS: names });
  registered = true;
}

/** A HyperFormula instance with the CW functions, configured like Excel's 1900 date system. */
export function buildEngine(sheets: Record<string, unknown[][]>): HyperFormula {
  registerCwFunctions();
  return HyperFormula.buildFromSheets(sheets as never, { licenseKey: 'gpl-v3', useArrayArithmetic: false } as never);
}

/**
 * The formula text of a workbook cell as HyperFormula should see it. Excel stores a JavaScript
 * custom function in the file as `_xldudf_CW_PAY(…)`; here it becomes `CW.PAY(…)` again.
 */
export function hfFormula(excelFormula: string): string {
  // Future functions are stored with their `_xlfn.` prefix (_xlfn.IFNA); HyperFormula knows them by name.
  return '=' + excelFormula.replace(/^=/, '').replace(/_xldudf_CW_([A-Z]+)\(/g, 'CW.$1(').replace(/_xlfn\.(?:_xlws\.)?/g, '');
}

/** Excel serial of a JavaScript Date as exceljs reads a date cell (midnight UTC of the civil date). */
export function serialOfDate(d: Date): number {
  return toExcelSerial(dayNumberOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
}

/** The civil year of an Excel serial. */
export function yearOfSerial(serial: number): number {
  return civilOf(fromExcelSerial(serial)).y;
}

/** What a workbook cell holds, for HyperFormula: formulas as `=…` text, dates as serials, merged slaves empty. */
export function cellContent(cell: import('exceljs').Cell): unknown {
  if (cell.isMerged && cell.master !== cell) return null;
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return serialOfDate(v);
  if (typeof v === 'object') {
    const o = v as { formula?: string; sharedFormula?: string; richText?: { text: string }[]; error?: string };
    if (o.formula !== undefined) return hfFormula(o.formula);
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.error) return o.error;
    throw new Error(`unsupported cell value at ${cell.address}: ${JSON.stringify(v)}`);
  }
  return v;
}

/** Every worksheet of an exceljs workbook as HyperFormula sheet contents. */
export function workbookToSheets(wb: import('exceljs').Workbook): Record<string, unknown[][]> {
  const sheets: Record<string, unknown[][]> = {};
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row: unknown[] = [];
      for (let c = 1; c <= ws.columnCount; c++) row.push(cellContent(ws.getCell(r, c)));
      rows.push(row);
    }
    sheets[ws.name] = rows;
  });
  return sheets;
}

/**
 * `cw fn NAME ARG…`: evaluates one of the Excel functions through the same wrappers Excel calls
 * (src/functions/functions.ts → core.ts) and prints the value, the spilled rows (tab-separated),
 * or the error code and message (exit 2).
 *
 * Arguments are text, turned into what Excel would pass:
 * - numeric text (`2000`, `36770`, `-1`) is a number, as a number typed into a cell;
 * - an empty argument (`''`) is an omitted argument (null);
 * - a range argument (ratings, awards, params) is written like an Excel array constant:
 *   cells separated by `,`, rows by `;` (`优秀,合格,不合格`; `2021,2022;优秀,合格`;
 *   `基数,3600;岗位津贴.正职,500`), or as JSON (`[["基数",3600]]`);
 * - everything else is text (dates such as `2000-09-01` stay text, as in a formula literal).
 * `--json` prints `{"value": …}` or `{"error": {"code", "message"}}` instead.
 */
import type { Io } from './io';
import { EXCEL_FUNCTIONS } from '../functions/functions';
import { FUNCTIONS, FnHelp, helpOf } from '../functions/help';
import { errorText, isFnError, FnErrorLike } from '../functions/errors';
import { fromExcelSerial, isoOf } from '../engine';

const NUMBER = /^-?\d+(\.\d+)?$/;

/** One cell of text as Excel would hold it: numbers as numbers, TRUE/FALSE as booleans. */
function cellOf(text: string): unknown {
  const t = text.trim();
  if (t === '') return null;
  if (NUMBER.test(t)) return Number(t);
  if (t === 'TRUE' || t === 'FALSE') return t === 'TRUE';
  return t;
}

/** A range argument: JSON, or an array constant with `,` between cells and `;` between rows. */
function matrixOf(text: string): unknown {
  const t = text.trim();
  if (t === '') return null;
  if (t.startsWith('[')) {
    try {
      return JSON.parse(t);
    } catch {
      /* not JSON: read as an array constant */
    }
  }
  const body = (t.startsWith('{') && t.endsWith('}') ? t.slice(1, -1) : t).replace(/[;；]\s*$/, '');
  return body.split(/[;；]/).map((row) => row.split(/[,，]/).map((c) => cellOf(c.replace(/^"(.*)"$/, '$1'))));
}

function usage(): string {
  const lines = ['用法：cw fn NAME ARG… [--json]', '', '函数：'];
  for (const f of FUNCTIONS) {
    lines.push(`  ${f.id}(${f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})  ${f.zhDescription}`);
  }
  lines.push('', '数字按数字传入；空参数写 ""；区域参数用“,”分隔单元格、“;”分隔行，如 优秀,合格 或 基数,3600;每级年限,3。');
  lines.push('例：cw fn PAY 本溪 副职 2000-09-01 2023-06-01', '');
  return lines.join('\n');
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isFnError(v)) return errorText(v);
  return String(v);
}

/** Runs `cw fn`; returns the exit code (0 value, 2 error or usage). */
export async function run(args: string[], io: Io): Promise<number> {
  const json = args.includes('--json');
  const rest = args.filter((a) => a !== '--json');
  const [name, ...raw] = rest;
  if (!name || name === '--help' || name === '-h') {
    (name ? io.stdout : io.stderr)(usage());
    return name ? 0 : 2;
  }
  const id = name.trim().toUpperCase().replace(/^CW\./, '');
  const help: FnHelp | undefined = helpOf(id);
  if (!help) {
    io.stderr(`cw fn：没有函数“${name}”。可用：${FUNCTIONS.map((f) => f.id).join('、')}。\n`);
    return 2;
  }
  if (raw.length > help.params.length) {
    io.stderr(`cw fn：CW.${help.id} 最多 ${help.params.length} 个参数，给了 ${raw.length} 个。\n${usage()}`);
    return 2;
  }
  const values = help.params.map((p, i) => (i < raw.length ? (p.shape === 'matrix' ? matrixOf(raw[i]) : cellOf(raw[i])) : null));

  let result: unknown;
  try {
    result = EXCEL_FUNCTIONS[help.id](...values);
  } catch (e) {
    if (!isFnError(e)) throw e; // a bug: the wrappers only ever throw error results
    return printError(e, json, io);
  }
  const rows = Array.isArray(result) ? (result as unknown[][]) : [[result]];
  if (json) {
    const value = rows.length === 1 && rows[0].length === 1 ? rows[0][0] : rows;
    io.stdout(JSON.stringify({ value }) + '\n');
    return 0;
  }
  if (rows.length === 1 && rows[0].length === 1) {
    const v = rows[0][0];
    let line = cellText(v);
    if (help.id === 'RETIRE' && typeof v === 'number') line += `\t${isoOf(fromExcelSerial(v))}`;
    // A tax amount prints to the fen, as the tax return shows it (0.00, not 0).
    if (help.id === 'IIT' && typeof v === 'number') line = v.toFixed(2);
    io.stdout(line + '\n');
    return 0;
  }
  io.stdout(rows.map((r) => r.map(cellText).join('\t')).join('\n') + '\n');
  return 0;
}

function printError(e: FnErrorLike, json: boolean, io: Io): number {
  const code = errorText(e);
  if (json) io.stdout(JSON.stringify({ error: { code, message: e.message ?? '' } }) + '\n');
  else io.stdout(`${code}\t${e.message ?? ''}\n`);
  return 2;
}

/**
 * Evaluates the lines of a `cw calc` batch: one output line per input line, always. A blank or
 * unreadable line gets an error line of its own, and every error in a batch names its line
 * (`"line": N`), so output line N answers input line N however the batch is cut into chunks.
 * The same code runs in-process and on the worker threads.
 */
import { CwError, evaluatePayroll as evaluate } from '../engine';
import { jsonProblemText } from './json-problem';
import { withShared } from './shared-params';
import type { SharedParams } from './shared-params';
import type { ByteSink } from './byte-sink';

/** The `cw` contract's error shape; `line` is set for errors inside a batch. */
export interface ErrorJson {
  error: { code: string; message: string; field?: string; line?: number };
}

/** The JSON printed for an error; `line` is the 1-based input line inside a batch. */
export function errorJson(e: unknown, line?: number): ErrorJson {
  const at = line === undefined ? {} : { line };
  if (e instanceof CwError) return { error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}), ...at } };
  return { error: { code: 'INTERNAL', message: `内部错误：${(e as Error)?.message ?? String(e)}。请把输入和此信息报告给维护者。`, ...at } };
}

const EXAMPLE = '{"policy": "本溪", "post": "副职", "entryDate": "2000-09-01", …}';

/** Parses JSON text, or throws INVALID_JSON saying in Chinese where and why (`where` names the text: 第3行, 文件 x.json …). */
export function parseJsonText(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CwError('INVALID_JSON', `${where}不是有效的 JSON：${jsonProblemText(text)}。应为一个 JSON 对象，例如 ${EXAMPLE}。`);
  }
}

/** One worker's result as JSON text (pretty or one line), or its error; `line` marks batch lines. */
export function evaluateText(text: string, where: string, trace: boolean, pretty: boolean, shared?: SharedParams, line?: number): { out: string; failed: boolean } {
  try {
    const result = evaluate(withShared(parseJsonText(text, where), shared), { trace });
    if (!trace) result.trace = [];
    return { out: pretty ? JSON.stringify(result, null, 2) : JSON.stringify(result), failed: false };
  } catch (e) {
    return { out: JSON.stringify(errorJson(e, line)), failed: true };
  }
}

/** Batch line `lineNo`'s result or error as one line of JSON; its 第N行 text is made only for an error. */
function evaluateLine(text: string, lineNo: number, trace: boolean, shared: SharedParams | undefined): { out: string; failed: boolean } {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return evaluateText(text, `第${lineNo}行`, trace, false, shared, lineNo);
  }
  try {
    const result = evaluate(withShared(input, shared, true), { trace });
    if (!trace) result.trace = [];
    return { out: JSON.stringify(result), failed: false };
  } catch (e) {
    return { out: JSON.stringify(errorJson(e, lineNo)), failed: true };
  }
}

/** What a chunk of batch lines gave: the output text (one line per input line) and counts. */
export interface ChunkResult {
  out: string;
  lines: number;
  failed: number;
}

/**
 * Evaluates a run of whole lines whose first is input line `firstLine`, handing each answer line
 * (without its `\n`) to `emit`. Every `\n`-ended line answers with one line (CR before the LF is
 * dropped); a last piece with no `\n` answers too unless it is only white space (the end of the
 * input). Returns the counts.
 */
export function evaluateLines(text: string, firstLine: number, trace: boolean, shared: SharedParams | undefined, emit: (line: string) => void): { lines: number; failed: number } {
  let failed = 0;
  let lineNo = firstLine - 1;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    const last = end === -1;
    if (last) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (last && line === '') break;
    lineNo++;
    let r: { out: string; failed: boolean };
    if (line === '') {
      r = { out: JSON.stringify(errorJson(new CwError('REQUIRED', `第${lineNo}行是空行。批量输入每行应是一名职工的 JSON 对象，例如 ${EXAMPLE}。`), lineNo)), failed: true };
    } else {
      r = evaluateLine(line, lineNo, trace, shared);
    }
    if (r.failed) failed++;
    emit(r.out);
  }
  return { lines: lineNo - firstLine + 1, failed };
}

/** {@link evaluateLines} with the answer lines as one text, each ended by `\n`. */
export function evaluateChunk(text: string, firstLine: number, trace: boolean, shared?: SharedParams): ChunkResult {
  const out: string[] = [];
  const r = evaluateLines(text, firstLine, trace, shared, (line) => out.push(line));
  return { out: out.length ? out.join('\n') + '\n' : '', ...r };
}

/** {@link evaluateLines} with the answer lines encoded straight into `sink` as UTF-8, each ended by `\n`. */
export function evaluateChunkInto(sink: ByteSink, text: string, firstLine: number, trace: boolean, shared?: SharedParams): { lines: number; failed: number } {
  return evaluateLines(text, firstLine, trace, shared, (line) => sink.write(line + '\n'));
}

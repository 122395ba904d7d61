import * as fs from 'fs';
import * as os from 'os';
import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import { CwError, evaluate, policyOf, POLICIES } from '../engine';
import { Io } from './io';

const HELP = `用法 / usage:
  cw calc '<json>'            计算一名职工，例如 cw calc '{"policy":"本溪","post":"副职","entryDate":"2000-09-01","asOf":"2023-06-01"}'
  cw calc --file worker.json  从文件读取（一个 JSON 对象，或每行一个的 JSON Lines 批量）
  cw calc < workers.jsonl     从标准输入批量读取 JSON Lines，每行输出一个结果
选项 / options:
  --params 参数.json          参数表：{"参数名": 值}，或按政策分组 {"ningxia-2024": {…}, "厦门": {…}}；
                              适用于每名职工，职工自己的 params 中同名参数优先
  --no-trace                  不输出计算过程（trace 为空数组），批量时更快
  --compact                   单个结果也输出为一行
出错时输出 {"error": {"code", "message"}}，退出码 2。
`;

/** The JSON printed for an error: the `cw` contract's error shape. */
export function errorJson(e: unknown): { error: { code: string; message: string; field?: string } } {
  if (e instanceof CwError) return { error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } };
  return { error: { code: 'INTERNAL', message: `内部错误：${(e as Error)?.message ?? String(e)}。请把输入和此信息报告给维护者。` } };
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CwError('INVALID_JSON', `${where}不是有效的 JSON：${(e as Error).message}。可用：{"policy": "本溪", "post": "副职", "entryDate": "2000-09-01", …}。`);
  }
}

/**
 * A 参数表 given once for a whole run (`--params`): flat for every policy, or grouped by policy.
 * Workers share the same object, so the engine resolves it once.
 */
export type SharedParams = { all?: Record<string, unknown>; byPolicy: Map<string, Record<string, unknown>> };

/** Reads a `--params` file: `{"参数名": 值}` or `{"<policy id or alias>": {"参数名": 值}}`. */
export function sharedParamsOf(json: unknown): SharedParams {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new CwError('INVALID_TYPE', '--params 文件不是参数表。可用：{"参数名": 值} 或 {"ningxia-2024": {"参数名": 值}}。', 'params');
  }
  const entries = Object.entries(json as Record<string, unknown>);
  const grouped = entries.length > 0 && entries.every(([k, v]) => v !== null && typeof v === 'object' && !Array.isArray(v) && isPolicyName(k));
  if (!grouped) return { all: json as Record<string, unknown>, byPolicy: new Map() };
  return { byPolicy: new Map(entries.map(([k, v]) => [policyOf(k).id, v as Record<string, unknown>])) };
}

function isPolicyName(name: string): boolean {
  const n = name.trim().toLowerCase();
  return POLICIES.some((p) => p.id === n || p.name === name.trim() || p.aliases.some((a) => a.toLowerCase() === n));
}

function withShared(input: unknown, shared: SharedParams | undefined): unknown {
  if (!shared || input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  const w = input as Record<string, unknown>;
  let table = shared.all;
  if (!table && typeof w.policy === 'string' && isPolicyName(w.policy)) table = shared.byPolicy.get(policyOf(w.policy).id);
  if (!table) return input;
  const own = w.params;
  const params = own && typeof own === 'object' && !Array.isArray(own) ? { ...table, ...(own as object) } : own ?? table;
  return { ...w, params };
}

/** Evaluates one input line/object to the text to print, and whether it failed. */
function evaluateText(text: string, where: string, trace: boolean, pretty: boolean, shared?: SharedParams): { out: string; failed: boolean } {
  try {
    const result = evaluate(withShared(parseJson(text, where), shared), { trace });
    if (!trace) result.trace = [];
    return { out: pretty ? JSON.stringify(result, null, 2) : JSON.stringify(result), failed: false };
  } catch (e) {
    return { out: JSON.stringify(errorJson(e)), failed: true };
  }
}

/** Evaluates JSON Lines (one worker per line; blank lines skipped), one result line per input line. */
export function evaluateLines(text: string, trace: boolean, write: (chunk: string) => void, shared?: SharedParams, firstLine = 1): { count: number; failed: number } {
  let count = 0;
  let failed = 0;
  let buffer: string[] = [];
  let start = 0;
  let lineNo = firstLine - 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    lineNo++;
    if (line === '') continue;
    const r = evaluateText(line, `第${lineNo}行`, trace, false, shared);
    count++;
    if (r.failed) failed++;
    buffer.push(r.out);
    if (buffer.length >= 2000) {
      write(buffer.join('\n') + '\n');
      buffer = [];
    }
  }
  if (buffer.length) write(buffer.join('\n') + '\n');
  return { count, failed };
}

/** Batches at least this many lines are split across worker threads, one per core. */
const PARALLEL_MIN_LINES = 20_000;

/** Splits JSON Lines into `parts` pieces at line boundaries, each with the 1-based number of its first line. */
export function splitLines(text: string, parts: number): Array<{ text: string; firstLine: number }> {
  const out: Array<{ text: string; firstLine: number }> = [];
  let start = 0;
  let line = 1;
  for (let i = 0; i < parts && start < text.length; i++) {
    let end = i === parts - 1 ? text.length : text.indexOf('\n', start + Math.ceil((text.length - start) / (parts - i)));
    if (end === -1) end = text.length;
    const piece = text.slice(start, end);
    out.push({ text: piece, firstLine: line });
    for (let k = piece.indexOf('\n'); k !== -1; k = piece.indexOf('\n', k + 1)) line++;
    line++; // the newline at `end`
    start = end + 1;
  }
  return out;
}

interface BatchJob { cwCalcBatch: true; text: string; firstLine: number; trace: boolean; paramsText?: string }
interface BatchDone { out: string; count: number; failed: number }

/**
 * A large batch on a multi-core machine: each worker thread evaluates a contiguous run of lines
 * with the same code, and the results are written in input order. Used only from the compiled CLI.
 */
async function evaluateParallel(text: string, trace: boolean, write: (chunk: string) => void, paramsText: string | undefined, threads: number): Promise<{ count: number; failed: number }> {
  const jobs = splitLines(text, threads).map(
    (part) =>
      new Promise<BatchDone>((resolve, reject) => {
        const job: BatchJob = { cwCalcBatch: true, text: part.text, firstLine: part.firstLine, trace, paramsText };
        const w = new Worker(__filename, { workerData: job });
        w.once('message', resolve);
        w.once('error', reject);
        w.once('exit', (code) => { if (code !== 0) reject(new Error(`计算线程异常退出（${code}）`)); });
      }),
  );
  let count = 0;
  let failed = 0;
  for (const done of await Promise.all(jobs)) {
    if (done.out) write(done.out);
    count += done.count;
    failed += done.failed;
  }
  return { count, failed };
}

if (!isMainThread && (workerData as BatchJob | undefined)?.cwCalcBatch) {
  const job = workerData as BatchJob;
  const chunks: string[] = [];
  const shared = job.paramsText === undefined ? undefined : sharedParamsOf(JSON.parse(job.paramsText));
  const r = evaluateLines(job.text, job.trace, (c) => chunks.push(c), shared, job.firstLine);
  parentPort!.postMessage({ out: chunks.join(''), count: r.count, failed: r.failed } satisfies BatchDone);
}

function lineCountAtLeast(text: string, n: number): boolean {
  for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) if (--n <= 1) return true;
  return n <= 1;
}

async function readAll(source: AsyncIterable<string | Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of source) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks).toString('utf8');
}

/** `cw calc`: one worker as an argument, `--file F`, or JSON Lines on standard input. */
export async function run(args: string[], io: Io): Promise<number> {
  let trace = true;
  let pretty = true;
  let file: string | undefined;
  let paramsFile: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--no-trace') trace = false;
    else if (a === '--compact') pretty = false;
    else if (a === '--help' || a === '-h') {
      io.stdout(HELP);
      return 0;
    } else if (a === '--file' || a === '-f') {
      file = args[++i];
      if (!file) {
        io.stdout(JSON.stringify(errorJson(new CwError('REQUIRED', '--file 后缺少文件名。用法：cw calc --file worker.json'))) + '\n');
        return 2;
      }
    } else if (a.startsWith('--file=')) file = a.slice(7);
    else if (a === '--params') paramsFile = args[++i] ?? '';
    else if (a.startsWith('--params=')) paramsFile = a.slice(9);
    else if (a.startsWith('--')) {
      io.stdout(JSON.stringify(errorJson(new CwError('UNKNOWN_FIELD', `未知选项“${a}”。可用：--file、--params、--no-trace、--compact。`))) + '\n');
      return 2;
    } else positional.push(a);
  }
  let shared: SharedParams | undefined;
  let paramsText: string | undefined;
  if (paramsFile !== undefined) {
    try {
      paramsText = fs.readFileSync(paramsFile, 'utf8');
      shared = sharedParamsOf(parseJson(paramsText, `参数文件 ${paramsFile} `));
    } catch (e) {
      const err = e instanceof CwError ? e : new CwError('REQUIRED', `无法读取参数文件 ${paramsFile}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}。`, 'params');
      io.stdout(JSON.stringify(errorJson(err)) + '\n');
      return 2;
    }
  }
  let text: string;
  if (file !== undefined) {
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      io.stdout(JSON.stringify(errorJson(new CwError('REQUIRED', `无法读取文件 ${file}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}。`))) + '\n');
      return 2;
    }
  } else if (positional.length) {
    text = positional.join(' ');
  } else if (io.stdin) {
    text = await readAll(io.stdin());
  } else {
    io.stderr(HELP);
    return 2;
  }
  const trimmed = text.trim();
  // One JSON document (possibly pretty-printed over several lines), or JSON Lines.
  // `[^\S\n]*\n` (blanks up to the first newline), not `\s*\r?\n`: linear on '}' + many newlines.
  const single = trimmed.startsWith('{') && !/\}[^\S\n]*\n\s*\{/.test(trimmed);
  if (single) {
    const r = evaluateText(trimmed, file ? `文件 ${file} ` : '输入', trace, pretty, shared);
    io.stdout(r.out + '\n');
    return r.failed ? 2 : 0;
  }
  const threads = Math.min(os.availableParallelism?.() ?? os.cpus().length, 8);
  const parallel = threads > 1 && __filename.endsWith('.js') && lineCountAtLeast(text, PARALLEL_MIN_LINES);
  const { failed } = parallel ? await evaluateParallel(text, trace, io.stdout, paramsText, threads) : evaluateLines(text, trace, io.stdout, shared);
  return failed > 0 ? 2 : 0;
}

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CwError } from '../engine';
import { errorJson, evaluateChunkInto, evaluateText, parseJsonText } from './batch-lines';
import { ByteSink } from './byte-sink';
import { OrderedPool } from './batch-pool';
import { lineChunks } from './line-chunks';
import { sharedParamsOf } from './shared-params';
import type { SharedParams } from './shared-params';
import { Io } from './io';

const HELP = `用法 / usage:
  cw calc '<json>'            计算一名职工，例如 cw calc '{"policy":"本溪","post":"副职","entryDate":"2000-09-01","asOf":"2023-06-01"}'
  cw calc --file worker.json  从文件读取（一个 JSON 对象，或每行一个的 JSON Lines 批量）
  cw calc < workers.jsonl     从标准输入批量读取 JSON Lines，每行输出一个结果
选项 / options:
  --params 参数.json          参数表：{"参数名": 值}，或按政策分组 {"宁夏": {…}, "厦门": {…}}（政策名称或编号）；
                              适用于每名职工，职工自己的 params 中同名参数优先
  --no-trace                  不输出计算过程（trace 为空数组），批量时更快
  --compact                   单个结果也输出为一行
  --threads N                 批量计算另开的线程数（默认 CPU 核数减一，最多 7；主线程也参与计算；0 = 只在主线程计算）
出错时输出 {"error": {"code", "message"}}，退出码 2。
`;

export { errorJson } from './batch-lines';
export { sharedParamsOf } from './shared-params';
export type { SharedParams } from './shared-params';

/** Batches start on worker threads once this many lines have been evaluated in-process (threads cost a start-up). */
const PARALLEL_AFTER_LINES = 1_000;
/** A pretty-printed single document is never longer than this; past it, the input is a batch. */
const SINGLE_MAX_BYTES = 16 * 1024 * 1024;

/** The input as a byte stream: a file read in pieces, standard input, or the argument text. */
type Source = AsyncIterable<Buffer | string>;

/**
 * Reads just enough of the input to tell one JSON document (possibly pretty-printed over several
 * lines) from JSON Lines; the bytes read are replayed in `rest`.
 */
async function classify(source: Source): Promise<{ single: string | null; rest: Source }> {
  const it = source[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let bytes = 0;
  for (;;) {
    const next = await it.next();
    if (!next.done) {
      const b = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
      seen.push(b);
      bytes += b.length;
    }
    const text = Buffer.concat(seen, bytes).toString('utf8').replace(/^\uFEFF/, '');
    const head = text.trimStart();
    // `[^\S\n]*\n` (blanks up to the first newline), not `\s*\r?\n`: linear on '}' + many newlines.
    const batch = (head !== '' && !head.startsWith('{')) || /\}[^\S\n]*\n\s*\{/.test(text) || bytes > SINGLE_MAX_BYTES;
    if (next.done && !batch) return { single: head === '' ? null : text.trim(), rest: (async function* () {})() };
    if (batch) {
      const rest = (async function* () {
        yield* seen;
        for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
      })();
      return { single: null, rest };
    }
  }
}

/** The compiled worker-thread script, when running compiled (tests run in-process from .ts). */
function workerScript(): string | null {
  const file = path.join(__dirname, 'calc-worker.js');
  return __filename.endsWith('.js') && fs.existsSync(file) ? file : null;
}

/**
 * Evaluates a JSON Lines batch as it streams in: the first lines in-process, then (on a multi-core
 * machine, large batches) chunks on worker threads and, whenever every thread is busy, on the main
 * thread; each chunk written as soon as it and those before it are done, encoded to UTF-8 where it
 * was computed. Returns the number of failed lines.
 */
async function evaluateBatch(source: Source, trace: boolean, shared: SharedParams | undefined, paramsText: string | undefined, io: Io, threadsWanted?: number): Promise<number> {
  // The main thread computes too: by default one more thread per further core.
  const threads = threadsWanted ?? Math.min(os.availableParallelism?.() ?? os.cpus().length, 8) - 1;
  const script = threads > 0 ? workerScript() : null;
  // Asked for by number, threads start at once; by default only past the first lines (small batches stay in-process).
  const after = threadsWanted === undefined ? PARALLEL_AFTER_LINES : 0;
  const sink = new ByteSink();
  const local = (bytes: Uint8Array, firstLine: number) => {
    const r = evaluateChunkInto(sink, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), firstLine, trace, shared);
    return { bytes: sink.take(), ...r };
  };
  const writeBytes = async (bytes: Uint8Array): Promise<void> => {
    if (io.stdoutBytes) {
      if (!io.stdoutBytes(bytes) && io.drain) await io.drain();
    } else io.stdout(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  };
  const writeText = async (text: string): Promise<void> => {
    if (!text) return;
    if (io.stdoutBytes) await writeBytes(Buffer.from(text, 'utf8'));
    else io.stdout(text);
  };
  let failed = 0;
  let inProcess = 0;
  let pool: OrderedPool | null = null;
  try {
    for await (const chunk of lineChunks(source)) {
      if (chunk.tooLong) {
        const e = new CwError('INVALID_TYPE', `第${chunk.firstLine}行超过 32 MB，不是一名职工的数据。请检查输入是否缺少换行。`);
        const line = JSON.stringify(errorJson(e, chunk.firstLine)) + '\n';
        if (pool) await pool.submitResult(Buffer.from(line, 'utf8'), 1, 1);
        else { failed++; await writeText(line); }
        continue;
      }
      if (!pool && script && inProcess >= after) pool = new OrderedPool(script, { trace, paramsText }, threads, writeBytes, local);
      if (pool) {
        await pool.submit(chunk.bytes, chunk.firstLine);
      } else {
        const r = local(chunk.bytes, chunk.firstLine);
        inProcess += r.lines;
        failed += r.failed;
        if (r.bytes.length) await writeBytes(r.bytes);
      }
    }
    if (pool) await pool.finish();
  } finally {
    if (pool) await pool.stop();
  }
  return failed + (pool?.failed ?? 0);
}

/** `cw calc`: one worker as an argument, `--file F`, or JSON Lines on standard input. */
export async function run(args: string[], io: Io): Promise<number> {
  let trace = true;
  let pretty = true;
  let file: string | undefined;
  let paramsFile: string | undefined;
  let threads: number | undefined;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--no-trace') trace = false;
    else if (a === '--compact') pretty = false;
    else if (a === '--threads' || a.startsWith('--threads=')) {
      const v = a === '--threads' ? args[++i] : a.slice(10);
      if (!/^\d{1,2}$/.test(v ?? '') || Number(v) > 64) {
        io.stdout(JSON.stringify(errorJson(new CwError('INVALID_TYPE', `--threads 应为 0 到 64 的整数，收到“${v ?? ''}”。`, 'threads'))) + '\n');
        return 2;
      }
      threads = Number(v);
    }
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
      io.stdout(JSON.stringify(errorJson(new CwError('UNKNOWN_FIELD', `未知选项“${a}”。可用：--file、--params、--no-trace、--compact、--threads。`))) + '\n');
      return 2;
    } else positional.push(a);
  }
  let shared: SharedParams | undefined;
  let paramsText: string | undefined;
  if (paramsFile !== undefined) {
    try {
      paramsText = fs.readFileSync(paramsFile, 'utf8');
      shared = sharedParamsOf(parseJsonText(paramsText, `参数文件 ${paramsFile} `));
    } catch (e) {
      const err = e instanceof CwError ? e : new CwError('REQUIRED', `无法读取参数文件 ${paramsFile}：${readProblem(e)}。`, 'params');
      io.stdout(JSON.stringify(errorJson(err)) + '\n');
      return 2;
    }
  }
  let source: Source;
  let where = '输入';
  if (file !== undefined) {
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
      if (fs.fstatSync(fd).isDirectory()) {
        fs.closeSync(fd);
        throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
      }
    } catch (e) {
      const missing = (e as NodeJS.ErrnoException)?.code === 'ENOENT';
      io.stdout(JSON.stringify(errorJson(new CwError(missing ? 'FILE_NOT_FOUND' : 'INVALID_TYPE', `无法读取文件 ${file}：${readProblem(e)}。${missing ? '请检查路径。' : ''}`, '--file'))) + '\n');
      return 2;
    }
    source = fs.createReadStream('', { fd, highWaterMark: 1 << 20 });
    where = `文件 ${file} `;
  } else if (positional.length) {
    source = (async function* () { yield positional.join(' '); })();
  } else if (io.stdin) {
    source = io.stdin();
  } else {
    io.stderr(HELP);
    return 2;
  }
  try {
    const { single, rest } = await classify(source);
    if (single !== null) {
      const r = evaluateText(single, where, trace, pretty, shared);
      io.stdout(r.out + '\n');
      return r.failed ? 2 : 0;
    }
    return (await evaluateBatch(rest, trace, shared, paramsText, io, threads)) > 0 ? 2 : 0;
  } catch (e) {
    const err = e instanceof CwError ? e : new CwError('REQUIRED', `无法读取${file === undefined ? '标准输入' : `文件 ${file}`}：${readProblem(e)}。`);
    io.stdout(JSON.stringify(errorJson(err)) + '\n');
    return 2;
  }
}

/** A file-system error as Chinese text (the code stays, for searching). */
function readProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const what: Record<string, string> = { ENOENT: '文件不存在', EACCES: '没有读取权限', EISDIR: '这是文件夹，不是文件', EPERM: '没有读取权限' };
  return code ? `${what[code] ?? '读取失败'}（${code}）` : '读取失败';
}

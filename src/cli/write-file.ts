/**
 * Writing a command's output without ever destroying a file the user did not ask to replace.
 *
 * Every `cw` command that writes goes through {@link writeOutputFile}: it refuses to write onto the
 * command's own input (even with --force), onto a folder, onto an existing file or through a symbolic
 * link unless --force is given, and writes through a temporary file in the same folder that is
 * fsync'ed and then renamed into place — so a failed write (disk full, size limit, a kill) leaves
 * the previous file as it was. Call {@link checkOutputPath} before the expensive work, so a refusal
 * comes at once; {@link writeOutputFile} checks again just before it writes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CwError } from '../engine/errors';

/** What the command may do to the output path. */
export interface OutputOptions {
  /** `--force`: replace an existing file (or the file a symbolic link points to). Never an input. */
  force?: boolean;
  /** The files the command reads: the output may never be one of them. */
  inputs?: ReadonlyArray<string | undefined>;
  /** The option that named the output, for the message (default `--out`). */
  option?: string;
}

/** Where the bytes will really go: the path itself, or a symbolic link's final target. */
interface Destination {
  /** The file that is created or replaced (a link's target when the output is a link). */
  file: string;
  /** The existing file's mode, kept when it is replaced. */
  mode?: number;
}

function statOrNull(file: string, follow: boolean): fs.Stats | null {
  try {
    return follow ? fs.statSync(file) : fs.lstatSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw e;
  }
}

/** True when `a` and `b` are the same file on disk (same path after links, or a hard link to it). */
function sameFile(a: fs.Stats, b: fs.Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/**
 * Checks that `target` may be written under `options`, and returns where the bytes will go.
 * Throws a CwError (exit code 2) whose Chinese message names the path and says what to do.
 */
export function checkOutputPath(target: string, options: OutputOptions = {}): Destination {
  const option = options.option ?? '--out';
  if (target.trim() === '') throw new CwError('INVALID_OUTPUT', `${option} 需要一个文件名。`, option);
  const link = statOrNull(target, false);
  const real = statOrNull(target, true);
  for (const input of options.inputs ?? []) {
    if (!input) continue;
    const own = statOrNull(input, true);
    if (own && real && sameFile(own, real)) {
      throw new CwError('INVALID_OUTPUT', `${option}“${target}”就是本命令读取的文件“${input}”：不会覆盖输入文件。请换一个输出文件名。`, option);
    }
  }
  if (real?.isDirectory()) throw new CwError('INVALID_OUTPUT', `${option}“${target}”是文件夹，不是文件。请给出文件名，如 ${path.join(target, 'report.pdf')}。`, option);
  if (link?.isSymbolicLink()) {
    if (!options.force) {
      let to = '';
      try { to = fs.readlinkSync(target); } catch { /* shown without its target */ }
      throw new CwError('INVALID_OUTPUT', `${option}“${target}”是指向“${to}”的符号链接：不会写入它指向的文件。确要替换该文件请加 --force，或换一个输出文件名。`, option);
    }
    if (!real) {
      throw new CwError('INVALID_OUTPUT', `${option}“${target}”是指向不存在文件的符号链接。请换一个输出文件名。`, option);
    }
    return { file: fs.realpathSync(target), mode: real.mode };
  }
  if (real) {
    if (!real.isFile()) throw new CwError('INVALID_OUTPUT', `${option}“${target}”不是普通文件（如设备或管道）。请换一个输出文件名。`, option);
    if (!options.force) throw new CwError('INVALID_OUTPUT', `${option}“${target}”已存在：不会覆盖。确要替换请加 --force，或换一个输出文件名。`, option);
    return { file: path.resolve(target), mode: real.mode };
  }
  const dir = path.dirname(path.resolve(target));
  const parent = nearestExisting(dir);
  if (parent && !parent.stats.isDirectory()) {
    throw new CwError('INVALID_OUTPUT', `${option}：“${parent.path}”是文件，不是文件夹，无法写入“${target}”。`, option);
  }
  return { file: path.resolve(target) };
}

function nearestExisting(dir: string): { path: string; stats: fs.Stats } | null {
  for (let d = dir; ; d = path.dirname(d)) {
    const s = statOrNull(d, true);
    if (s) return { path: d, stats: s };
    if (path.dirname(d) === d) return null;
  }
}

/** A Chinese sentence for why a write failed, by the system's error code. */
export function writeFailureText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOSPC': return '磁盘空间不足';
    case 'EDQUOT': return '超出磁盘配额';
    case 'EFBIG': return '文件超过系统允许的大小';
    case 'EACCES': case 'EPERM': return '没有写入权限';
    case 'EROFS': return '磁盘或文件夹是只读的';
    case 'ENAMETOOLONG': return '文件名太长';
    case 'EISDIR': return '这是一个文件夹';
    case 'ENOTDIR': return '路径中有一段是文件而不是文件夹';
    case 'EMFILE': case 'ENFILE': return '同时打开的文件太多';
    case 'EIO': return '磁盘读写错误';
    default: return `系统错误 ${code ?? '未知'}`;
  }
}

let counter = 0;

/**
 * Writes `data` to `target` atomically after {@link checkOutputPath}: a temporary file in the same
 * folder, written, fsync'ed, renamed over the target; on any failure the temporary file is removed
 * and the previous file (if any) is untouched. A missing output folder is made.
 */
export function writeOutputFile(target: string, data: Uint8Array | string, options: OutputOptions = {}): void {
  const option = options.option ?? '--out';
  const dest = checkOutputPath(target, options);
  const dir = path.dirname(dest.file);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new CwError('WRITE_FAILED', `${option}：无法创建文件夹“${dir}”（${writeFailureText(e)}）。`, option);
  }
  const tmp = path.join(dir, `.${path.basename(dest.file)}.cwkit-${process.pid}-${Date.now().toString(36)}-${counter++}.tmp`);
  let fd: number | null = null;
  try {
    // 'wx': never follow or reuse something already at the temporary name.
    fd = fs.openSync(tmp, 'wx', dest.mode !== undefined ? dest.mode & 0o777 : 0o666);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < bytes.length) off += fs.writeSync(fd, bytes, off, bytes.length - off);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    if (dest.mode !== undefined) fs.chmodSync(tmp, dest.mode & 0o7777);
    fs.renameSync(tmp, dest.file);
  } catch (e) {
    if (fd !== null) try { fs.closeSync(fd); } catch { /* already failing */ }
    try { fs.unlinkSync(tmp); } catch { /* never created */ }
    throw new CwError('WRITE_FAILED', `无法写入“${target}”：${writeFailureText(e)}。原有文件未被改动。`, option);
  }
  // The rename is durable once the folder's entry is on disk; not every system can fsync a folder.
  try {
    const dfd = fs.openSync(dir, 'r');
    try { fs.fsyncSync(dfd); } finally { fs.closeSync(dfd); }
  } catch { /* best effort */ }
}

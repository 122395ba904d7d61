/**
 * Finding 1: `cw report --out` destroyed files. Each scenario that found it, and the atomic-write
 * helper every writing command uses.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { CwError } from '../../src/engine';
import { checkOutputPath, writeOutputFile } from '../../src/cli/write-file';
import { runCw } from '../helpers/cw';

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'templates', '示例花名册.xlsx');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-hostile-files-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A copy of the sample roster in its own folder, and its bytes. */
function rosterCopy(name: string): { file: string; bytes: Buffer } {
  const dir = fs.mkdtempSync(path.join(tmp, 'case-'));
  const file = path.join(dir, name);
  fs.copyFileSync(SAMPLE, file);
  return { file, bytes: fs.readFileSync(file) };
}

const report = (file: string, out: string, ...more: string[]) =>
  runCw(['report', 'payroll', file, '--policy', 'benxi-2022', '--period', '2026-12', '--out', out, ...more]);

function errorOf(f: () => unknown): CwError {
  try { f(); } catch (e) { if (e instanceof CwError) return e; throw e; }
  throw new Error('expected a CwError');
}

describe('cw report never destroys a file', () => {
  test('done when: `cw report payroll X.xlsx --out X.xlsx` exits 2 with a message and X.xlsx is byte-identical', async () => {
    const { file, bytes } = rosterCopy('v.xlsx');
    const r = await report(file, file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/就是本命令读取的文件/);
    expect(r.err).toContain(file);
    expect(r.out).toBe('');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  test('--force does not make the own input writable, nor does a relative or ./ spelling of it', async () => {
    const { file, bytes } = rosterCopy('v.xlsx');
    const r = await report(file, path.join(path.dirname(file), '.', 'v.xlsx'), '--force');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不会覆盖输入文件/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  test('a symbolic link or hard link to the input is the input', async () => {
    const { file, bytes } = rosterCopy('v.xlsx');
    const hard = path.join(path.dirname(file), 'hard.pdf');
    fs.linkSync(file, hard);
    const soft = path.join(path.dirname(file), 'soft.pdf');
    fs.symlinkSync(file, soft);
    for (const out of [hard, soft]) {
      const r = await report(file, out, '--force');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/就是本命令读取的文件/);
    }
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  test('an existing PDF is not replaced silently; --force replaces it', async () => {
    const { file } = rosterCopy('roster.xlsx');
    const out = path.join(path.dirname(file), 'old.pdf');
    fs.writeFileSync(out, 'the clerk’s previous report');
    const r = await report(file, out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/已存在：不会覆盖。确要替换请加 --force/);
    expect(r.err).toContain(out);
    expect(fs.readFileSync(out, 'utf8')).toBe('the clerk’s previous report');
    const f = await report(file, out, '--force');
    expect(f.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  test('a symbolic link’s target is not written without --force; with it the target is replaced and the link kept', async () => {
    const { file } = rosterCopy('roster.xlsx');
    const dir = path.dirname(file);
    const target = path.join(dir, 'elsewhere.txt');
    fs.writeFileSync(target, 'someone else’s file');
    const link = path.join(dir, 'out.pdf');
    fs.symlinkSync(target, link);
    const r = await report(file, link);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/是指向“.*elsewhere\.txt”的符号链接/);
    expect(fs.readFileSync(target, 'utf8')).toBe('someone else’s file');
    const f = await report(file, link, '--force');
    expect(f.code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  test('--out a folder is a Chinese error naming it, not 内部错误：EISDIR', async () => {
    const { file } = rosterCopy('roster.xlsx');
    const r = await report(file, path.dirname(file), '--force');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/是文件夹，不是文件/);
    expect(r.err).not.toMatch(/EISDIR|内部错误/);
  });

  test('--out the --params file is refused', async () => {
    const { file } = rosterCopy('roster.xlsx');
    const params = path.join(path.dirname(file), 'p.json');
    fs.writeFileSync(params, '{}');
    const r = await report(file, params, '--params', params, '--force');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/就是本命令读取的文件/);
    expect(fs.readFileSync(params, 'utf8')).toBe('{}');
  });
});

describe('writeOutputFile: atomic', () => {
  test('a write that fails (file size limit) leaves the previous good file whole and no temporary file', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'limit-'));
    const out = path.join(dir, 'good.pdf');
    fs.writeFileSync(out, 'previous good report');
    // A child with a 1 KiB file-size limit (ulimit -f counts 512-byte blocks on Linux's bash; SIGXFSZ ignored so write fails with EFBIG).
    const script = `process.on('SIGXFSZ', () => {}); const { writeOutputFile } = require(${JSON.stringify(path.join(ROOT, 'dist', 'src', 'cli', 'write-file.js'))});
      try { writeOutputFile(${JSON.stringify(out)}, Buffer.alloc(1 << 20, 65), { force: true }); console.log('written'); } catch (e) { console.log(e.code + ' ' + e.message); }`;
    const r = spawnSync('bash', ['-c', `trap '' XFSZ; ulimit -f 2; exec "${process.execPath}" -e "$0"`, script], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/^WRITE_FAILED 无法写入.*文件超过系统允许的大小。原有文件未被改动。/);
    expect(fs.readFileSync(out, 'utf8')).toBe('previous good report');
    expect(fs.readdirSync(dir)).toEqual(['good.pdf']);
  });

  test('a folder in the way, a missing folder made, an empty name', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'paths-'));
    fs.writeFileSync(path.join(dir, 'afile'), '');
    expect(errorOf(() => checkOutputPath(path.join(dir, 'afile', 'x.pdf'))).message).toMatch(/是文件，不是文件夹/);
    writeOutputFile(path.join(dir, 'new', 'x.pdf'), 'ok');
    expect(fs.readFileSync(path.join(dir, 'new', 'x.pdf'), 'utf8')).toBe('ok');
    expect(errorOf(() => checkOutputPath('  ')).code).toBe('INVALID_OUTPUT');
  });

  test('a replaced file keeps its permissions', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'mode-'));
    const out = path.join(dir, 'x.pdf');
    fs.writeFileSync(out, 'a');
    fs.chmodSync(out, 0o640);
    writeOutputFile(out, 'b', { force: true });
    expect(fs.statSync(out).mode & 0o777).toBe(0o640);
    expect(fs.readFileSync(out, 'utf8')).toBe('b');
  });
});

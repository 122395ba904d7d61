/**
 * An error that nothing inside cw handled must not reach the clerk as an English stack: `bin/cw.js`
 * prints one Chinese 内部错误 line with the error's message and exits 1 (the code every command's
 * help gives for 内部错误); CW_DEBUG=1 adds the stack. The real bin/cw.js is run against a stand-in
 * compiled CLI in a temporary folder, one that fails in each way an unexpected error can escape.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const BIN = path.join(__dirname, '..', '..', 'bin', 'cw.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-internal-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs bin/cw.js beside a dist/src/cli/main.js with this body. */
function runWith(mainBody: string, env: Record<string, string> = {}): { status: number | null; stderr: string; stdout: string } {
  const root = fs.mkdtempSync(path.join(tmp, 'root-'));
  fs.mkdirSync(path.join(root, 'bin'));
  fs.mkdirSync(path.join(root, 'dist', 'src', 'cli'), { recursive: true });
  fs.copyFileSync(BIN, path.join(root, 'bin', 'cw.js'));
  fs.writeFileSync(path.join(root, 'dist', 'src', 'cli', 'main.js'), mainBody);
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'cw.js'), 'calc'], { encoding: 'utf8', env: { ...process.env, CW_DEBUG: '', ...env } });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

const cases: Array<[string, string]> = [
  ['the command rejects', "exports.main = async () => { throw new TypeError('boom 甲'); };"],
  ['the compiled code throws as it loads', "throw new TypeError('boom 甲');"],
  ['a callback throws after the command returned', "exports.main = async () => { setTimeout(() => { throw new TypeError('boom 甲'); }, 1); await new Promise((r) => setTimeout(r, 50)); return 0; };"],
  ['a promise nobody awaits rejects', "exports.main = async () => { Promise.reject(new TypeError('boom 甲')); await new Promise((r) => setTimeout(r, 50)); return 0; };"],
];

test.each(cases)('%s: one Chinese 内部错误 line with the message, exit 1, no stack', (_label, body) => {
  const r = runWith(body);
  expect(r.status).toBe(1);
  expect(r.stderr).toBe('cw：内部错误：boom 甲。请把所用的命令、输入和此信息报告给维护者（设置环境变量 CW_DEBUG=1 再运行可显示调用栈）。\n');
  expect(r.stdout).toBe('');
});

test('CW_DEBUG=1 adds the stack after the Chinese line', () => {
  const r = runWith(cases[0][1], { CW_DEBUG: '1' });
  expect(r.status).toBe(1);
  const [first, ...rest] = r.stderr.split('\n');
  expect(first).toMatch(/^cw：内部错误：boom 甲。/);
  expect(rest.join('\n')).toMatch(/TypeError: boom 甲\n\s+at /);
});

test('a thrown value that is not an Error still gets the Chinese line', () => {
  const r = runWith("exports.main = async () => { throw 'plain 乙'; };");
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/^cw：内部错误：plain 乙。/);
});

test('the exit code of a command that returns is kept', () => {
  expect(runWith('exports.main = async () => 2;').status).toBe(2);
  expect(runWith('exports.main = async () => 0;').status).toBe(0);
});

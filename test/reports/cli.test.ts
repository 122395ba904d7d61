/**
 * `cw report`: the done-when command, parameters from --params or a 参数表 sheet,
 * warnings for characters the font lacks, and Chinese errors (exit 2) for bad input.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { Decimal, fenText } from '../../src/engine';
import { money, prepareReport } from '../../src/reports';
import { readRosterFile } from '../../src/workbook/read';
import { LOCAL_PARAMS } from '../../bench/workers';
import { runCw } from '../helpers/cw';

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'templates', '示例花名册.xlsx');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-report-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const cw = (args: string[]) => runCw(args);

const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });

/** A small roster workbook: a worker sheet (and optionally a 参数表 sheet). */
async function tinyRoster(file: string, names: string[], params?: Record<string, unknown>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('职工');
  ws.addRow(['区县', '街道', '社区', '姓名', '性别', '出生日期', '岗位类别', '入职日期']);
  names.forEach((n, i) => ws.addRow(['思明区', '鹭江街道', '海岸社区', n, i % 2 ? '女' : '男', '1985-03-01', i === 0 ? '正职' : '其他社区工作者', '2012-07-01']));
  if (params) {
    const ps = wb.addWorksheet('厦门参数表');
    ps.addRow(['参数名', '本地值（空＝按文件规定）', '文件规定值']);
    for (const [k, v] of Object.entries(params)) ps.addRow([k, v, '（未规定）']);
  }
  await wb.xlsx.writeFile(file);
}

test('done when: the sample payroll has every worker’s name and the engine’s grand total', async () => {
  const out = path.join(tmp, 'payroll.pdf');
  const r = await cw(['report', 'payroll', SAMPLE, '--policy', 'benxi-2022', '--out', out, '--period', '2026-12']);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/^已生成 社区工作者薪酬发放表（本溪，2026年12月，580 名职工，\d+ 页）/);
  expect(r.err).toContain('3 名职工未能核算');
  const t = text(out);
  const data = prepareReport('payroll', (await readRosterFile(SAMPLE)).roster!, { policy: 'benxi-2022', period: '2026-12' });
  for (const w of data.workers) expect(t).toContain(w.name);
  const grand = data.workers.filter((w) => w.pay).reduce((s, w) => s.plus(w.pay!.total), new Decimal(0));
  expect(t).toMatch(new RegExp(`总计（577人）.*${money(fenText(grand)).replace(/[.,]/g, '\\$&')}`));
});

test('Chinese titles are accepted as KIND; --unit keeps one community', async () => {
  const out = path.join(tmp, 'retire.pdf');
  const r = await cw(['report', '退休到龄名单', SAMPLE, '--policy', '本溪', '--out', out, '--period', '2026-12', '--months', '12']);
  expect(r.code).toBe(0);
  expect(text(out)).toContain('退休到龄名单');
  const w = path.join(tmp, 'worker.pdf');
  const u = await cw(['report', '个人核定表', SAMPLE, '--policy', 'benxi', '--out', w, '--period', '2026-12', '--unit', '春晖社区']);
  expect(u.code).toBe(0);
  expect(u.out).toContain('15 名职工，15 页');
});

test('a policy that needs local figures: 缺少参数 without them; --params or a 参数表 sheet supplies them', async () => {
  const out = path.join(tmp, 'xm.pdf');
  const missing = await cw(['report', 'payroll', SAMPLE, '--policy', 'xiamen', '--out', out, '--period', '2026-12']);
  expect(missing.code).toBe(2);
  expect(missing.err).toMatch(/^cw report：.*岗位津贴/);
  expect(missing.err).toMatch(/缺少|未规定/);
  expect(fs.existsSync(out)).toBe(false);

  const pfile = path.join(tmp, '参数.json');
  fs.writeFileSync(pfile, JSON.stringify(LOCAL_PARAMS['xiamen-2020']));
  const ok = await cw(['report', 'payroll', SAMPLE, '--policy', 'xiamen', '--out', out, '--period', '2026-12', '--params', pfile]);
  expect(ok.code).toBe(0);
  expect(text(out)).toContain('岗位津贴');

  // Grouped by policy, as cw calc --params accepts.
  fs.writeFileSync(pfile, JSON.stringify({ 'ningxia-2024': LOCAL_PARAMS['ningxia-2024'] }));
  const nx = await cw(['report', 'funding', SAMPLE, '--policy', 'ningxia', '--out', out, '--force', '--period', '2026-12', '--params', pfile]);
  expect(nx.code).toBe(0);

  const book = path.join(tmp, 'with-params.xlsx');
  await tinyRoster(book, ['林晓', '陈静'], LOCAL_PARAMS['xiamen-2020']);
  const sheet = await cw(['report', 'payroll', book, '--policy', 'xiamen', '--out', out, '--force', '--period', '2026-12']);
  expect(sheet.code).toBe(0);
  expect(sheet.out).toContain('参数表：工作表“厦门参数表”4 项');
});

test('characters the font lacks are warned about, naming the worker and the field', async () => {
  const book = path.join(tmp, 'rare.xlsx');
  await tinyRoster(book, ['王𠀀', '李😀华', '赵堃']);
  const out = path.join(tmp, 'rare.pdf');
  const r = await cw(['report', 'retirement', book, '--policy', 'benxi', '--out', out, '--period', '2026-12']);
  expect(r.code).toBe(0);
  expect(r.err).toContain('警告：王𠀀（第2行）的“姓名”中的“𠀀”（U+20000）字体中没有');
  expect(r.err).toContain('李😀华（第3行）的“姓名”中的“😀”（U+1F600）');
  expect(r.err).not.toContain('堃');
});

test.each([
  [['report', 'payslip', SAMPLE, '--policy', 'benxi', '--out', 'x.pdf'], /无法识别报表“payslip”/],
  [['report', 'payroll', SAMPLE, '--out', 'x.pdf'], /缺少 --policy/],
  [['report', 'payroll', SAMPLE, '--policy', 'shanghai', '--out', 'x.pdf'], /无法识别政策/],
  [['report', 'payroll', SAMPLE, '--policy', 'benxi'], /缺少 --out/],
  [['report', 'payroll', 'no-such.xlsx', '--policy', 'benxi', '--out', 'x.pdf'], /找不到文件“no-such.xlsx”/],
  [['report', 'payroll', SAMPLE, '--policy', 'benxi', '--out', 'x.pdf', '--period', '2026-13'], /--period：“2026-13”不是有效的年月/],
  [['report', 'payroll', SAMPLE, '--policy', 'benxi', '--out', 'x.pdf', '--period', '2022-06'], /2023-01-01/],
  [['report', 'payroll', SAMPLE, '--policy', 'benxi', '--out', 'x.pdf', '--colour'], /未知选项“--colour”/],
  [['report', 'payroll', SAMPLE, '--policy', 'benxi', '--out', 'x.pdf', '--unit', '火星社区'], /没有名为“火星社区”/],
  [['report', 'payroll', SAMPLE, '--policy', 'benxi', '--out', path.join(SAMPLE, 'x.pdf')], /是文件，不是文件夹/],
])('bad input %j → exit 2 with a Chinese message', async (args, message) => {
  const r = await cw(args as string[]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(message);
  expect(r.out).toBe('');
});

test('a missing output folder is made (`--out out/payroll.pdf` in a fresh clone)', async () => {
  const out = path.join(tmp, 'new', 'deeper', 'retirement.pdf');
  const r = await cw(['report', 'retirement', SAMPLE, '--policy', 'benxi', '--out', out, '--period', '2026-12']);
  expect(r.code).toBe(0);
  expect(fs.readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

const BIN = path.join(ROOT, 'bin', 'cw.js');
const BUILT = fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli', 'report.js'));
test('the real binary, run twice in separate processes, writes byte-identical PDFs', () => {
  expect(BUILT).toBe(true); // npm test compiles the CLI first (npm run build:cli)
  const files = [path.join(tmp, 'a.pdf'), path.join(tmp, 'b.pdf')];
  for (const f of files) {
    const r = spawnSync(process.execPath, [BIN, 'report', 'ratings', SAMPLE, '--policy', 'tongzhou', '--out', f, '--period', '2026-12'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
  }
  expect(fs.readFileSync(files[0]).equals(fs.readFileSync(files[1]))).toBe(true);
});

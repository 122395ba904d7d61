import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkRoster } from '../../src/engine';
import { generateSampleRoster, SAMPLE_AS_OF } from '../../scripts/make-sample-roster';
import { writeRosterWorkbook } from '../../src/workbook/write';
import { readRosterFile } from '../../src/workbook/read';
import { runCw } from '../helpers/cw';

const SAMPLE = path.join(__dirname, '..', '..', 'templates', '示例花名册.xlsx');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-check-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cw = (args: string[]) => runCw(args);

describe('cw check on templates/示例花名册.xlsx', () => {
  test('a Chinese summary and the findings grouped by community; exit 1 because errors were found', async () => {
    const r = await cw(['check', SAMPLE, '--policy', '本溪', '--as-of', SAMPLE_AS_OF]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^花名册检查 · 本溪（benxi-2022，本民发〔2022〕41号）/);
    expect(r.out).toMatch(/职工 580 人，社区 40 个，街道 6 个，区县 2 个/);
    expect(r.out).toMatch(/结果：错误 \d+ 项，警告 \d+ 项，提示 \d+ 项/);
    expect(r.out).toMatch(/■ 白塔区\n {2}\[错误\] 配备标准：社区工作者总数 · 区县表第3行/);
    const id = generateSampleRoster().breaks.find((b) => b.id === 'id-check-char')!;
    expect(r.out).toMatch(new RegExp(`■ ${id.county} ${id.street} ${id.community}——错误 1，警告 0，提示 0（\\d+ 人，社区表第\\d+行）\\n {2}\\[错误\\] 身份证号 · 第${id.row}行 ${id.name}（身份证号码）\\n {6}身份证号码：\\d{17}[\\dX] 校验位错误`));
    expect(r.out).toMatch(/依据：本民发〔2022〕41号 三\(十二\)\n {6}处理：依法依规解除劳动合同/);
    expect(r.err).toBe('');
  });

  test('--json: the same result as the engine, with the file and the tables found', async () => {
    const r = await cw(['check', SAMPLE, '--policy', 'xiamen', '--as-of', SAMPLE_AS_OF, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    const direct = await checkRoster((await readRosterFile(SAMPLE)).roster!, 'xiamen', { asOf: SAMPLE_AS_OF });
    expect(j).toMatchObject({ file: SAMPLE, policy: 'xiamen-2020', asOf: SAMPLE_AS_OF, retirementMonths: 6 });
    expect(j.notes).toHaveLength(3);
    expect(j.summary).toEqual(JSON.parse(JSON.stringify(direct.summary)));
    expect(j.findings).toEqual(JSON.parse(JSON.stringify(direct.findings)));
  });

  test('--retire-months: a 3-month window no longer includes the 2027-03-10 retirement', async () => {
    const six = JSON.parse((await cw(['check', SAMPLE, '-p', 'ningxia', '--as-of', SAMPLE_AS_OF, '--json'])).out);
    const three = JSON.parse((await cw(['check', SAMPLE, '-p', 'ningxia', '--as-of', SAMPLE_AS_OF, '--json', '--retire-months', '3'])).out);
    const soon = (j: { findings: Array<{ rule: string }> }) => j.findings.filter((f) => f.rule === '退休提醒').length;
    expect([soon(six), soon(three)]).toEqual([1, 0]);
    expect(three.retirementMonths).toBe(3);
  });

  test('--params overrides a policy figure (本溪 county standard lowered: the understaffed district passes)', async () => {
    const file = path.join(dir, 'params.json');
    fs.writeFileSync(file, JSON.stringify({ '配备.每万城镇常住人口最少人数': 10 }));
    const j = JSON.parse((await cw(['check', SAMPLE, '-p', 'benxi', '--as-of', SAMPLE_AS_OF, '--json', '--params', file])).out);
    expect(j.findings.filter((f: { rule: string }) => f.rule === '配备标准：社区工作者总数')).toEqual([]);
  });

  test('the workbook\'s own 参数表 counts as in the pane and cw report (a payroll figure beside it is not the policy\'s and is left out); --params wins', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const sheet = wb.addWorksheet('参数表');
    sheet.addRow(['参数名', '本地值']);
    sheet.addRow(['配备.每万城镇常住人口最少人数', 10]);
    sheet.addRow(['失业保险.个人缴费比例', 0.005]);
    const file = path.join(dir, '带参数表.xlsx');
    await wb.xlsx.writeFile(file);
    const rule = (out: string) => JSON.parse(out).findings.filter((f: { rule: string }) => f.rule === '配备标准：社区工作者总数');
    const withSheet = await cw(['check', file, '-p', 'benxi', '--as-of', SAMPLE_AS_OF, '--json']);
    expect(rule(withSheet.out)).toEqual([]);
    const plain = await cw(['check', SAMPLE, '-p', 'benxi', '--as-of', SAMPLE_AS_OF, '--json']);
    expect(rule(plain.out).length).toBeGreaterThan(0);
    const over = path.join(dir, 'params-18.json');
    fs.writeFileSync(over, JSON.stringify({ '配备.每万城镇常住人口最少人数': 18 }));
    const wins = await cw(['check', file, '-p', 'benxi', '--as-of', SAMPLE_AS_OF, '--json', '--params', over]);
    expect(rule(wins.out)).toEqual(rule(plain.out));
  });

  test('a --params file that is not there is named, in Chinese', async () => {
    const r = await cw(['check', SAMPLE, '-p', 'benxi', '--params', path.join(dir, '没有.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/找不到参数文件“.*没有\.json”/);
  });

  test('--progress writes progress to standard error, never to standard output', async () => {
    const r = await cw(['check', SAMPLE, '-p', 'tongzhou', '--as-of', SAMPLE_AS_OF, '--json', '--progress']);
    expect(r.err).toMatch(/检查中… \d+%/);
    expect(r.err).toMatch(/完成。/);
    expect(() => JSON.parse(r.out)).not.toThrow();
  });
});

describe('cw check exit codes', () => {
  test('exit 0 when the roster has no errors (a clean generated roster)', async () => {
    const clean = generateSampleRoster({ communities: 6, counties: 2, streetsPerCounty: 1, breaks: false });
    const file = path.join(dir, '干净.xlsx');
    await writeRosterWorkbook(clean.roster, file);
    for (const p of ['benxi', 'xiamen', 'ningxia', 'changchun', 'tongzhou']) {
      const r = await cw(['check', file, '--policy', p, '--as-of', SAMPLE_AS_OF]);
      expect([p, r.code, r.out.match(/错误 (\d+) 项/)![1]]).toEqual([p, 0, '0']);
    }
  });

  test.each([
    [['check', path.join(os.tmpdir(), '不存在的花名册.xlsx'), '--policy', 'benxi'], /找不到文件/],
    [['check', SAMPLE, '--policy', '上海'], /无法识别政策.*benxi-2022/],
    [['check', SAMPLE], /缺少 --policy/],
    [['check', '--policy', 'benxi'], /缺少花名册文件/],
    [['check', SAMPLE, '--policy', 'benxi', '--retire-months', '半年'], /--retire-months/],
    [['check', SAMPLE, '--policy', 'benxi', '--fast'], /未知选项“--fast”/],
    [['check', SAMPLE, '--policy', 'benxi', '--as-of', '2022-06-01'], /2023-01-01/],
  ])('exit 2 on bad input: %j', async (args, message) => {
    const r = await cw(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  test('exit 2 when no sheet has a worker table, or the worker table lacks a required column; --json prints the error object', async () => {
    const noWorkers = path.join(dir, '只有社区.xlsx');
    const s = generateSampleRoster({ communities: 3, counties: 1, streetsPerCounty: 1, breaks: false });
    await writeRosterWorkbook({ workers: s.roster.communities! }, noWorkers);
    const a = await cw(['check', noWorkers, '--policy', 'benxi']);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/没有可识别的职工表/);

    const noCommunity = path.join(dir, '缺社区列.xlsx');
    const w = s.roster.workers;
    const keep = w.headers.map((h, i) => (h === '社区' ? -1 : i)).filter((i) => i >= 0);
    await writeRosterWorkbook({ workers: { ...w, headers: keep.map((i) => w.headers[i]), rows: w.rows.map((r) => keep.map((i) => r[i])) } }, noCommunity);
    const b = await cw(['check', noCommunity, '--policy', 'benxi', '--json']);
    expect(b.code).toBe(2);
    expect(JSON.parse(b.out).error).toMatchObject({ code: 'REQUIRED' });
    expect(JSON.parse(b.out).error.message).toMatch(/缺少必需的列：社区/);

    const notExcel = path.join(dir, '不是工作簿.xlsx');
    fs.writeFileSync(notExcel, '姓名,社区\n张三,春晖社区\n');
    const c = await cw(['check', notExcel, '--policy', 'benxi']);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/是文本文件（如 CSV），不是 Excel 工作簿[\s\S]*另存为/);
  });

  test('--help', async () => {
    const r = await cw(['check', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--retire-months N/);
  });
});

describe('the installed `cw` binary', () => {
  test('cw check as a real process: exit 1 and the report on standard output', () => {
    const bin = path.join(__dirname, '..', '..', 'bin', 'cw.js');
    const r = spawnSync(process.execPath, [bin, 'check', SAMPLE, '--policy', 'changchun', '--as-of', SAMPLE_AS_OF], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^花名册检查 · 长春新区/);
  });
});

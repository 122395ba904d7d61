/**
 * `cw fn NAME ARG…`: the examples, spilled tables, ranges written as array constants,
 * errors (exit 2), and the real binary for the examples when dist/ is built.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { runCw } from '../helpers/cw';

const cw = (args: string[]) => runCw(['fn', ...args]);

describe('cw fn', () => {
  test.each([
    [['PAY', '本溪', '副职', '2000-09-01', '2023-06-01'], 0, '4488\n'],
    [['STAFF', '通州', '2000'], 0, '16\t\n'],
    [['RETIRE', '1965-03-15', '男'], 0, '45762\t2025-04-15\n'],
    [['cw.tenure', 'benxi', '2012-07-01', '2024-03-15'], 0, '12\n'],
    [['PAY', '本溪', '副职', '2000-09-01', '2023-06-01', '', '', '', '社会工作师', '明细'], 0, '基础工资\t3590.4\n绩效工资\t897.6\n职业津贴\t200\n合计\t4688\n'],
    [['PAY', '本溪', '副职', '36770', '45078'], 0, '4488\n'], // serials, as Excel passes dates from cells
    [['PAY', '本溪', '副职', '2000-09-01', '2023-06-01', '', '', '', '', '', '基数,3600;职业津贴.中级,'], 0, '4752\n'],
    [['GRADE', '本溪', '副职', '2000-09-01', '2023-06-01', '不合格,不合格,不合格;'], 0, '9\n'],
  ])('%j', async (args, code, out) => {
    const r = await cw(args as string[]);
    expect([r.code, r.out]).toEqual([code, out]);
  });

  test('GRADE 本溪 科长 prints #VALUE! and the valid posts, exit 2', async () => {
    const r = await cw(['GRADE', '本溪', '科长', '2010-01-01', '2024-03-15']);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^#VALUE!\tpost（岗位）：无法识别岗位 “科长”。本溪的岗位类别：正职.*副职.*工作人员/);
  });

  test('#N/A for an item the worker does not have; --json gives code and message', async () => {
    const r = await cw(['PAY', '本溪', '副职', '2000-09-01', '2023-06-01', '', '', '', '', '岗位津贴', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error).toMatchObject({ code: '#N/A' });
    const ok = await cw(['STAFF', '长春新区', '3500', '--json']);
    expect(JSON.parse(ok.out)).toEqual({ value: [[11, 16]] });
  });

  test('unknown function, too many arguments, no arguments: usage and exit 2', async () => {
    expect((await cw(['SALARY'])).code).toBe(2);
    const many = await cw(['PARAMS', '本溪', 'x']);
    expect(many.code).toBe(2);
    expect(many.err).toContain('最多 1 个参数');
    const none = await cw([]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('CW.PAY'.slice(3));
  });

  const bin = path.join(__dirname, '..', '..', 'bin', 'cw.js');
  const built = fs.existsSync(path.join(__dirname, '..', '..', 'dist', 'src', 'cli', 'fn.js'));
  test('the real `cw` binary prints the issue’s examples', () => {
    expect(built).toBe(true); // npm test compiles the CLI first (npm run build:cli)
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, 'fn', ...args], { encoding: 'utf8' });
    expect(run('PAY', '本溪', '副职', '2000-09-01', '2023-06-01').stdout).toBe('4488\n');
    expect(run('STAFF', '通州', '2000').stdout.split('\t')[0]).toBe('16');
    expect(run('RETIRE', '1965-03-15', '男').stdout).toContain('45762');
    const bad = run('GRADE', '本溪', '科长', '2010-01-01', '2024-03-15');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toMatch(/^#VALUE!.*正职.*副职.*工作人员/);
  });
});

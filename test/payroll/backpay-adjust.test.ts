/** `cw backpay` (late certificate, 基数 raised from a past month) and `cw adjust` (本溪, 1 January 2027). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { evaluate } from '../../src/engine';
import type { Cell } from '../../src/engine';
import { readRosterFile, readWorkbook } from '../../src/workbook/read';
import { writeRosterWorkbook } from '../../src/workbook/write';
import { runCw } from '../helpers/cw';

const SAMPLE = path.join(__dirname, '../../templates/示例花名册.xlsx');
const LOCAL = {
  '失业保险.个人缴费比例': 0.005, '补充医疗.个人缴费': 3, '社保基数.下限': 4000, '社保基数.上限': 20000,
  '公积金.个人缴存比例': 0.12, '公积金基数.下限': 2000, '公积金基数.上限': 25000,
};
const HEADERS = ['区县', '街道', '社区', '姓名', '身份证号', '岗位类别', '入职日期', '职业资格', '取证日期', '已发'];
/** Two workers; 王芳's 社会工作师 certificate was approved on 2026-07-15 (recorded late, in December). */
function roster(withCertificate: boolean, paid: number | null): Cell[][] {
  return [
    ['清河区', '新华街道', '春晖社区', '王芳', '210502198503150022', '副职', '2000-09-01', withCertificate ? '社会工作师' : null, withCertificate ? '2026-07-15' : null, paid],
    ['清河区', '新华街道', '春晖社区', '李强', '210502198804200017', '工作人员', '2015-03-01', null, null, paid === null ? null : 3944],
  ];
}

let dir: string;
const f = (name: string) => path.join(dir, name);
async function writeRoster(file: string, rows: Cell[][]): Promise<void> {
  await writeRosterWorkbook({ workers: { sheet: '职工', headerRow: 1, headers: HEADERS, rows } }, file, { textHeaders: new Set(['身份证号']) });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-backpay-'));
  fs.writeFileSync(f('local.json'), JSON.stringify(LOCAL));
  await writeRoster(f('before.xlsx'), roster(false, null));
  await writeRoster(f('now.xlsx'), roster(true, null));
  await writeRoster(f('paid.xlsx'), roster(false, 4624));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cw backpay', () => {
  test('a 社会工作师 certificate approved five months back: five months of 职业津贴 from the pay sheets, citing 三(六)3(3)', async () => {
    // August–December were paid from the roster as it was (no certificate recorded).
    const sheets: string[] = [];
    let previous: string | null = null;
    for (const m of ['08', '09', '10', '11', '12']) {
      const out = f(`2026-${m}.xlsx`);
      const r = await runCw(['payroll', f('before.xlsx'), '--policy', '本溪', '--period', `2026-${m}`, '--out', out, '--params', f('local.json'), ...(previous ? ['--previous', previous] : [])]);
      expect(r.code).toBe(0);
      sheets.push(out);
      previous = out;
    }
    const r = await runCw(['backpay', f('now.xlsx'), '--policy', 'benxi-2022', '--worker', '王芳', '--from', '2026-08', '--to', '2026-12',
      '--paid-sheets', sheets.join(','), '--out', f('bp.xlsx'), '--pdf', f('bp.pdf')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // 副职, 26 counted years → grade 11: 3400 × 1.36 = 4624 paid; 4824 due.
    for (const m of ['08', '09', '10', '11', '12']) expect(r.out).toContain(`2026-${m}  应发 4824.00  已发 4624.00  补发 200.00`);
    expect(r.out).toContain('合计补发 1000.00（5 个月）');
    expect(r.out).toMatch(/原因：社会工作师于 2026-07-15 批准，自 2026-08-01 起发放职业津贴 200\.00（依据：[^）]*三\(六\)3\(3\)/);

    const sheet = (await readWorkbook(f('bp.xlsx'))).find((g) => g.name === '补发明细表')!;
    const head = sheet.rows[2].map(String);
    const rows = sheet.rows.slice(3);
    expect(rows.filter((x) => /^2026-\d\d$/.test(String(x[0]))).map((x) => x[head.indexOf('补发（差额）')])).toEqual([200, 200, 200, 200, 200]);
    expect(rows.find((x) => x[0] === '合计')![head.indexOf('补发（差额）')]).toBe(1000);
    expect(String(rows[0][head.indexOf('原因及依据')])).toContain('职业津贴 应发 200.00、已发 0.00');

    const text = execFileSync('pdftotext', ['-layout', f('bp.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('社区工作者薪酬补发明细表');
    expect(text).toContain('1000.00');
    expect(text.replace(/\s+/g, '')).toContain('三(六)3(3)');
  });

  test('基数 raised from 2026-10-01 (dated 参数表 value) against a 已发 column: October–December', async () => {
    fs.writeFileSync(f('raise.json'), JSON.stringify({ 基数: [{ from: '2023-01-01', value: 3400 }, { from: '2026-10-01', value: 3600 }] }));
    const r = await runCw(['backpay', f('paid.xlsx'), '--policy', '本溪', '--worker', '210502198503150022', '--from', '2026-08', '--to', '2026-12', '--params', f('raise.json'), '--out', f('raise.xlsx')]);
    expect(r.err).toBe('');
    // 3600 × 1.36 = 4896 − 4624 = 272 a month from October.
    expect(r.out).toContain('2026-09  应发 4624.00  已发 4624.00  补发 0.00');
    expect(r.out).toContain('2026-10  应发 4896.00  已发 4624.00  补发 272.00');
    expect(r.out).toContain('合计补发 816.00（3 个月）');
    expect(r.out).toContain('原因：基数自 2026-10-01 起为 3600（此前 3400），本月应发因此增加 272.00（依据：参数表“基数”');
  });

  test('bad input: an unknown worker, a span without what was paid', async () => {
    const a = await runCw(['backpay', f('now.xlsx'), '--policy', '本溪', '--worker', '张三', '--from', '2026-08', '--to', '2026-12', '--out', f('x.xlsx')]);
    expect(a.code).toBe(2);
    expect(a.err).toContain('没有姓名或身份证号为“张三”的职工');
    const b = await runCw(['backpay', f('now.xlsx'), '--policy', '本溪', '--worker', '王芳', '--from', '2026-08', '--to', '2026-12', '--out', f('x.xlsx')]);
    expect(b.code).toBe(2);
    expect(b.err).toContain('缺少 2026-08 的已发金额');
    expect(fs.existsSync(f('x.xlsx'))).toBe(false);
  });
});

describe('cw adjust: 本溪 2027 on the sample roster', () => {
  test('names every worker whose grade changes on 2027-01-01, with the pay before and after', async () => {
    const r = await runCw(['adjust', SAMPLE, '--policy', 'benxi-2022', '--year', '2027', '--out', f('adj.xlsx'), '--pdf', f('adj.pdf')]);
    expect(r.code).toBe(0);
    const sheet = (await readWorkbook(f('adj.xlsx')))[0];
    const head = sheet.rows[2].map(String);
    const listed = sheet.rows.slice(3).filter((x) => typeof x[0] === 'number');
    const at = (x: Cell[], h: string) => x[head.indexOf(h)];
    expect(new Set(listed.map((x) => at(x, '调整月份')))).toEqual(new Set(['2027-01-01']));

    // Independently: every roster row through `cw calc`'s evaluate on 2026-12-01 and 2027-01-01.
    const { roster } = await readRosterFile(SAMPLE);
    const h = roster!.workers.headers.map(String);
    const c = (row: Cell[], name: string) => row[h.indexOf(name)] ?? null;
    const expected = new Map<string, { old: string; now: string }>();
    let unreadable = 0;
    for (const row of roster!.workers.rows) {
      const input: Record<string, unknown> = { policy: 'benxi-2022', post: c(row, '岗位类别'), entryDate: c(row, '入职时间') };
      const ratings: Record<string, unknown> = {};
      for (const y of [2022, 2023, 2024, 2025]) if (c(row, `考核${y}`)) ratings[String(y)] = c(row, `考核${y}`);
      input.ratings = ratings;
      for (const [k, hh] of [['education', '学历'], ['degree', '学位'], ['certificate', '职业资格'], ['certificateDate', '取证日期'], ['probation', '试用期'], ['currentPay', '现薪酬（元/月）']] as const) {
        if (c(row, hh) !== null && c(row, hh) !== '') input[k] = c(row, hh);
      }
      try {
        const a = evaluate({ ...input, asOf: '2026-12-01' }, { trace: false });
        const b = evaluate({ ...input, asOf: '2027-01-01' }, { trace: false });
        if (a.grade !== b.grade) expected.set(String(c(row, '身份证号码')), { old: a.total, now: b.total });
      } catch {
        unreadable++;
      }
    }
    expect(expected.size).toBeGreaterThan(100);
    const byId = new Map(listed.map((x) => [String(at(x, '身份证号')), x]));
    for (const [id, pay] of expected) {
      const line = byId.get(id);
      expect(line).toBeDefined();
      expect(Number(at(line!, '原月应发')).toFixed(2)).toBe(pay.old);
      expect(Number(at(line!, '新月应发')).toFixed(2)).toBe(pay.now);
      expect(Number(at(line!, '新等级'))).toBe(Number(at(line!, '原等级')) + 1);
      expect(String(at(line!, '依据'))).toContain('三(六)3(1)');
    }
    // Anything listed beyond that is a row `cw calc` rejects outright (the sample's deliberate data errors).
    expect(listed.length - expected.size).toBeLessThanOrEqual(unreadable);
    const text = execFileSync('pdftotext', ['-layout', f('adj.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('社区工作者岗位等级调整名单');
    expect(text).toContain(`共 ${listed.length} 人调整`);
  });
});

/** `cw payroll` on the sample roster: two consecutive months chain their year-to-date columns. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { Decimal } from '../../src/engine';
import { readWorkbook } from '../../src/workbook/read';
import { runCw } from '../helpers/cw';

const ROSTER = path.join(__dirname, '../../templates/示例花名册.xlsx');
/** Illustrative local figures (a county's 参数表). */
const LOCAL = {
  '失业保险.个人缴费比例': 0.005, '补充医疗.个人缴费': 3, '社保基数.下限': 4000, '社保基数.上限': 20000,
  '公积金.个人缴存比例': 0.12, '公积金基数.下限': 2000, '公积金基数.上限': 25000,
};
const DEDUCTIONS = ['养老保险', '医疗保险', '失业保险', '补充医疗', '住房公积金', '个人所得税'];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-payroll-'));
  fs.writeFileSync(path.join(dir, 'local.json'), JSON.stringify(LOCAL));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The pay sheet's rows as header → cell objects, 合计 row apart. */
async function sheetRows(file: string): Promise<{ period: string; rows: Array<Record<string, unknown>>; total: Record<string, unknown> }> {
  const grids = await readWorkbook(file);
  const g = grids.find((x) => x.name === '薪酬表')!;
  const hi = g.rows.findIndex((r) => r.includes('实发'));
  const headers = g.rows[hi].map(String);
  const objects = g.rows.slice(hi + 1).map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] ?? null])));
  const period = String(g.rows.slice(0, hi).flat().find((c) => typeof c === 'string' && c.startsWith('期间：'))).slice(3);
  return { period, rows: objects.filter((o) => o['序号'] !== '合计'), total: objects.find((o) => o['序号'] === '合计')! };
}
const dec = (v: unknown) => new Decimal(v === null || v === undefined ? 0 : (v as number));

describe('cw payroll, January and February 2027 on the sample roster', () => {
  let jan: Awaited<ReturnType<typeof sheetRows>>;
  let feb: Awaited<ReturnType<typeof sheetRows>>;
  const janFile = () => path.join(dir, 'jan.xlsx');
  const febFile = () => path.join(dir, 'feb.xlsx');

  beforeAll(async () => {
    const a = await runCw(['payroll', ROSTER, '--policy', 'benxi-2022', '--period', '2027-01', '--out', janFile(), '--params', path.join(dir, 'local.json'), '--bank', path.join(dir, 'bank.xlsx'), '--pdf', path.join(dir, 'jan.pdf')]);
    expect(a.err).not.toContain('内部错误');
    expect(a.code).toBe(0);
    const b = await runCw(['payroll', ROSTER, '--policy', 'benxi-2022', '--period', '2027-02', '--out', febFile(), '--params', path.join(dir, 'local.json'), '--previous', janFile()]);
    expect(b.code).toBe(0);
    expect(b.out).toContain('累计数接续 2027-01');
    jan = await sheetRows(janFile());
    feb = await sheetRows(febFile());
  });

  test('every computed worker: 实发 = 应发 − deductions, and 代扣合计 is their sum', () => {
    for (const s of [jan, feb]) {
      const computed = s.rows.filter((r) => r['实发'] !== null);
      expect(computed.length).toBeGreaterThan(500);
      for (const r of computed) {
        const ded = DEDUCTIONS.reduce((t, d) => t.plus(dec(r[d])), new Decimal(0));
        expect(dec(r['代扣合计']).toFixed(2)).toBe(ded.toFixed(2));
        expect(dec(r['实发']).toFixed(2)).toBe(dec(r['应发合计']).minus(ded).toFixed(2));
      }
    }
    expect(jan.period).toBe('2027-01');
    expect(feb.period).toBe('2027-02');
  });

  test('February continues January: cumulative income, contributions and tax add up', () => {
    const byId = new Map(jan.rows.map((r) => [r['身份证号'], r]));
    let checked = 0;
    for (const r of feb.rows.filter((x) => x['实发'] !== null)) {
      const j = byId.get(r['身份证号'])!;
      expect(dec(r['累计收入']).toFixed(2)).toBe(dec(j['累计收入']).plus(dec(r['应发合计'])).toFixed(2));
      const special = ['养老保险', '医疗保险', '失业保险', '补充医疗', '住房公积金'].reduce((t, d) => t.plus(dec(r[d])), new Decimal(0));
      expect(dec(r['累计专项扣除']).toFixed(2)).toBe(dec(j['累计专项扣除']).plus(special).toFixed(2));
      expect(dec(r['累计已预扣税额']).toFixed(2)).toBe(dec(j['累计已预扣税额']).plus(dec(r['个人所得税'])).toFixed(2));
      expect(r['计税起始月']).toBe('2027-01');
      checked++;
    }
    expect(checked).toBeGreaterThan(500);
  });

  test('a worker with tax: January by hand, February from January\'s year-to-date', () => {
    // The highest-paid computed worker: tax = (累计收入 − 5000 × 月数 − 累计专项扣除) × 3% − 已预扣.
    const top = [...jan.rows].filter((r) => r['实发'] !== null).sort((a, b) => dec(b['应发合计']).comparedTo(dec(a['应发合计'])))[0];
    const taxable = dec(top['应发合计']).minus(5000).minus(dec(top['累计专项扣除']));
    const expected = taxable.isNegative() ? new Decimal(0) : taxable.times('0.03').toDecimalPlaces(2);
    expect(dec(top['个人所得税']).toFixed(2)).toBe(expected.toFixed(2));
    const f = feb.rows.find((r) => r['身份证号'] === top['身份证号'])!;
    const taxable2 = dec(f['累计收入']).minus(10000).minus(dec(f['累计专项扣除']));
    const cum = taxable2.isNegative() ? new Decimal(0) : taxable2.times('0.03').toDecimalPlaces(2);
    expect(dec(f['个人所得税']).toFixed(2)).toBe(Decimal.max(0, cum.minus(dec(top['累计已预扣税额']))).toFixed(2));
  });

  test('the register PDF shows 应发, each deduction, 代扣合计 and 实发', () => {
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'jan.pdf'), '-'], { encoding: 'utf8' });
    for (const h of ['社区工作者薪酬发放表', '应发合计', '养老保险', '住房公积金', '代扣合计', '实发']) expect(text).toContain(h);
    const first = jan.rows.find((r) => r['实发'] !== null)!;
    const fmt = (v: unknown) => Number(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const line = text.split('\n').find((l) => l.includes(String(first['姓名'])) && l.includes(fmt(first['实发'])));
    expect(line).toBeDefined();
    expect(line).toContain(fmt(first['代扣合计']));
  });

  test('the 合计 row sums the lines', () => {
    const sum = jan.rows.reduce((t, r) => t.plus(dec(r['实发'])), new Decimal(0));
    expect(dec(jan.total['实发']).toFixed(2)).toBe(sum.toFixed(2));
  });

  test('rows the roster cannot pay say why; the bank list has 姓名, 身份证号, 银行账号, 实发', async () => {
    const failed = jan.rows.filter((r) => r['实发'] === null);
    for (const r of failed) expect(String(r['说明'])).toMatch(/^未能核算：第\d+行/);
    const bank = (await readWorkbook(path.join(dir, 'bank.xlsx')))[0];
    expect(bank.rows[1]).toEqual(['序号', '姓名', '身份证号', '银行账号', '实发']);
    const lines = bank.rows.slice(2, -1);
    expect(lines.length).toBe(jan.rows.length - failed.length);
    const net = new Map(jan.rows.map((r) => [r['身份证号'], r['实发']]));
    for (const l of lines) expect(l[4]).toBe(net.get(l[2]));
  });

  test('never overwrites without --force; a sheet of another year is refused as the previous month', async () => {
    const before = fs.readFileSync(febFile());
    const r = await runCw(['payroll', ROSTER, '--policy', 'benxi-2022', '--period', '2027-02', '--out', febFile(), '--params', path.join(dir, 'local.json'), '--previous', janFile()]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--force');
    expect(fs.readFileSync(febFile()).equals(before)).toBe(true);
    const wrong = await runCw(['payroll', ROSTER, '--policy', 'benxi-2022', '--period', '2027-01', '--out', path.join(dir, 'x.xlsx'), '--params', path.join(dir, 'local.json'), '--previous', febFile()]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('不能作为 2027-01 的累计来源');
  });

  test('a source two months back is taken, with a note that the month between is missing from the totals (as the pane says)', async () => {
    const out = path.join(dir, 'mar.xlsx');
    const r = await runCw(['payroll', ROSTER, '--policy', 'benxi-2022', '--period', '2027-03', '--out', out, '--params', path.join(dir, 'local.json'), '--previous', janFile(), '--force']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('注意：累计来源是 2027-01 的工资表，不是上月（2027-02）的：其间月份的收入和已预扣税额没有计入累计。');
    expect(r.out).toContain('累计数接续 2027-01');
  });

  test('a worker who cannot be paid is named with the cell the checks name, not the pay rule\'s field', async () => {
    const out = path.join(dir, 'why.xlsx');
    const r = await runCw(['payroll', ROSTER, '--policy', 'benxi-2022', '--period', '2027-01', '--out', out, '--params', path.join(dir, 'local.json'), '--force']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/第227行 \S+：入职时间：“2019-02-30” 不是实际存在的日期/);
    expect(r.err).not.toContain('entryDate');
  });

  test('without the local figures: 缺少参数 names the first one, nothing is written', async () => {
    const out = path.join(dir, 'none.xlsx');
    const r = await runCw(['payroll', ROSTER, '--policy', 'benxi-2022', '--period', '2027-01', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('缺少参数：社保基数.下限');
    expect(fs.existsSync(out)).toBe(false);
  });
});

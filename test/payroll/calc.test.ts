/** `cw calc` from 应发 to 实发: payroll fields and parameters add the deductions, 实发 and the year-to-date. */
import { runCw } from '../helpers/cw';

const LOCAL = {
  '失业保险.个人缴费比例': 0.005, '补充医疗.个人缴费': 3, '社保基数.下限': 4000, '社保基数.上限': 20000,
  '公积金.个人缴存比例': 0.12, '公积金基数.下限': 2000, '公积金基数.上限': 25000,
};
const worker = { policy: '本溪', post: '副职', entryDate: '2000-09-01', currentPay: 12000, contributionBase: 12000, specialAdditional: 1000 };

describe('cw calc with payroll', () => {
  test('January, then February from January\'s yearToDate', async () => {
    const jan = JSON.parse((await runCw(['calc', '--no-trace', JSON.stringify({ ...worker, asOf: '2026-01-01', params: LOCAL })])).out);
    // 12000 kept (三(六)3(6)); 960 + 240 + 60 + 3 + 1440 = 2703; taxable 12000 − 5000 − 2703 − 1000 = 3297 → 98.91.
    expect(jan.total).toBe('12000.00');
    expect(jan.deductions).toEqual({ 养老保险: '960.00', 医疗保险: '240.00', 失业保险: '60.00', 补充医疗: '3.00', 住房公积金: '1440.00', 个人所得税: '98.91' });
    expect(jan.net).toBe('9198.09');
    expect(jan.yearToDate).toMatchObject({ year: 2026, firstMonth: 1, month: 1, income: '12000.00', special: '2703.00', withheld: '98.91' });
    const feb = JSON.parse((await runCw(['calc', '--no-trace', JSON.stringify({ ...worker, asOf: '2026-02-01', params: LOCAL, yearToDate: jan.yearToDate })])).out);
    expect(feb.deductions['个人所得税']).toBe('98.91'); // 6594 × 3% = 197.82 − 98.91
    expect(feb.yearToDate.withheld).toBe('197.82');
    // Without yearToDate, February assumes a January like February: the same figure, with a warning.
    const steady = JSON.parse((await runCw(['calc', '--no-trace', JSON.stringify({ ...worker, asOf: '2026-02-01', params: LOCAL })])).out);
    expect(steady.deductions['个人所得税']).toBe('98.91');
    expect(steady.warnings.join('')).toContain('按与本月相同的应发和扣除推算');
  });

  test('shared --params carry the payroll figures to every line of a batch', async () => {
    const fs = await import('fs');
    const os = await import('os');
    const path = await import('path');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cw-calc-')), 'p.json');
    fs.writeFileSync(file, JSON.stringify(LOCAL));
    const lines = [{ ...worker, asOf: '2026-01-01' }, { policy: '本溪', post: '工作人员', entryDate: '2020-01-01', asOf: '2026-01-01' }].map((w) => JSON.stringify(w)).join('\n');
    const r = await runCw(['calc', '--no-trace', '--params', file], lines + '\n');
    const out = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.net)).toEqual(['9198.09', expect.stringMatching(/^\d+\.\d\d$/)]);
  });

  test('payroll fields without the local figures: 缺少参数', async () => {
    const r = await runCw(['calc', JSON.stringify({ ...worker, asOf: '2026-01-01' })]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('缺少参数');
  });
});

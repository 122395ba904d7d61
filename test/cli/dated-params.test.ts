/**
 * Dated parameters end to end (issue 8, “Done when”): a 基数 raised on 2025-01-01 applies from that
 * day; before it the earlier value does; the trace says which value applied from when. Through
 * `cw calc` with a JSON history and `cw fn PAY` / `cw fn EXPLAIN` with a three-column 参数表.
 */
import { runCw } from '../helpers/cw';

const HISTORY = { 基数: [{ from: '2023-01-01', value: 3400 }, { from: '2025-01-01', value: 3600 }] };
const worker = (asOf: string) => JSON.stringify({ policy: '本溪', post: '副职', entryDate: '2000-09-01', asOf, params: HISTORY });
const TABLE = '参数名,值,生效日期;基数,3400,2023-01-01;基数,3600,2025-01-01';

describe('dated parameters through the CLI', () => {
  test('cw calc: 2025-06-01 → grade 11 × 3600 = 4896.00; 2024-06-01 → grade 10 × 3400 = 4488.00', async () => {
    const later = JSON.parse((await runCw(['calc', worker('2025-06-01')])).out);
    expect([later.grade, later.total]).toEqual([11, '4896.00']);
    const step = later.trace.find((s: { step: string }) => s.step === '参数取值');
    expect(step.value).toBe('按计算日期 2025-06-01：基数 = 3600（2025-01-01 起适用；此前：2023-01-01 起 3400）');
    expect(step.source).toContain('2025-01-01 起适用');
    expect(later.trace.find((s: { step: string }) => s.step === '薪酬标准').source).toContain('2025-01-01 起适用');

    const earlier = JSON.parse((await runCw(['calc', worker('2024-06-01')])).out);
    expect([earlier.grade, earlier.total]).toEqual([10, '4488.00']);
    expect(earlier.trace.find((s: { step: string }) => s.step === '参数取值').value).toContain('基数 = 3400（2023-01-01 起适用');
  });

  test('cw calc --params: a dated history in the shared 参数 file', async () => {
    const fs = await import('fs');
    const os = await import('os');
    const path = await import('path');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cw-dated-')), 'p.json');
    fs.writeFileSync(file, JSON.stringify(HISTORY));
    const r = await runCw(['calc', '--params', file, '--no-trace', '--compact'], [
      JSON.stringify({ policy: '本溪', post: '副职', entryDate: '2000-09-01', asOf: '2025-06-01' }),
      JSON.stringify({ policy: '本溪', post: '副职', entryDate: '2000-09-01', asOf: '2024-06-01' }),
    ].join('\n') + '\n');
    expect(r.out.trim().split('\n').map((l) => JSON.parse(l).total)).toEqual(['4896.00', '4488.00']);
  });

  test('cw fn PAY with a three-column 参数表 (参数名, 值, 生效日期)', async () => {
    const pay = async (asOf: string, table: string) => (await runCw(['fn', 'PAY', '本溪', '副职', '2000-09-01', asOf, '', '', '', '', '', table])).out;
    expect(await pay('2025-06-01', TABLE)).toBe('4896\n');
    expect(await pay('2024-06-01', TABLE)).toBe('4488\n');
    // Without a header the third column is 生效日期 when every cell in it is a date (here Excel serials).
    expect(await pay('2025-06-01', '基数,3400,44927;基数,3600,45658')).toBe('4896\n');
    // A pasted CW.PARAMS table's third column is the unit, not a date: only the first two columns count.
    expect(await pay('2025-06-01', '基数,3600,元/月,本民发〔2022〕41号 三(六)1')).toBe('4896\n');
  });

  test('cw fn EXPLAIN names the value in force and its start date', async () => {
    const r = await runCw(['fn', 'EXPLAIN', '本溪', '副职', '2000-09-01', '2025-06-01', '', '', '', '', '', TABLE]);
    expect(r.out).toContain('参数取值\t按计算日期 2025-06-01：基数 = 3600（2025-01-01 起适用；此前：2023-01-01 起 3400）');
  });

  test('a key twice without dates, or a bad date, is a clear Chinese error', async () => {
    const twice = await runCw(['fn', 'PAY', '本溪', '副职', '2000-09-01', '2025-06-01', '', '', '', '', '', '参数名,值,生效日期;基数,3400,;基数,3600,']);
    expect(twice.code).toBe(2);
    expect(twice.out).toMatch(/出现了两次.*第三列填写生效日期/);
    const bad = await runCw(['fn', 'PAY', '本溪', '副职', '2000-09-01', '2025-06-01', '', '', '', '', '', '参数名,值,生效日期;基数,3400,明年']);
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/生效日期 “明年” 不是日期/);
  });
});

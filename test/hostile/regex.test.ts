/**
 * Finding 6: quadratic regular expressions. Each input below is a million characters long: the old
 * patterns backtracked quadratically (the 长春新区 pay table took 18 s at 80,000 spaces, so hours
 * here), the linear parsers answer at once. Jest's timeout is only the hang guard; nothing is timed.
 */
import { CwError, evaluate } from '../../src/engine';
import { parseChangchunPayTable } from '../../src/engine/policies/changchun';
import { TENURE } from '../../src/functions/core';
import { isFnError } from '../../src/functions/errors';
import { runCw } from '../helpers/cw';

const N = 1_000_000;
const blanks = ' '.repeat(N);

test('the 长春新区 pay-table parser on the issue’s input: the usual INVALID_PARAM message', () => {
  expect(() => parseChangchunPayTable('0' + blanks + 'x', '薪酬表.正职')).toThrow(/缺少冒号/);
  expect(() => parseChangchunPayTable('0' + blanks + ':' + blanks + 'x', '薪酬表.正职')).toThrow(/月薪酬 .* 不是金额/);
  expect(() => parseChangchunPayTable('0' + '　'.repeat(N) + 'x：3000', '薪酬表.正职')).toThrow(/年限 .* 不是非负整数/);
  expect(parseChangchunPayTable('0' + '　'.repeat(N) + '：3000', '薪酬表.正职').map((s) => s.amount.toFixed(2))).toEqual(['3000.00']);
  // Same readings as before for ordinary tables.
  expect(parseChangchunPayTable('0 : 3000；3年：3200元;6年以上:3400', 'k').map((s) => [s.fromYears, s.amount.toFixed(2)])).toEqual([[0, '3000.00'], [3, '3200.00'], [6, '3400.00']]);
});

test('through the engine: a pay table of blanks is an INVALID_PARAM error', () => {
  let error: unknown;
  try {
    evaluate({ policy: '长春新区', post: '正职', entryDate: '2015-03-01', asOf: '2023-06-01', params: { '薪酬表.社区正职': '0' + blanks + 'x' } }, { trace: false });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(CwError);
  expect(error).toMatchObject({ code: 'INVALID_PARAM', field: 'params.薪酬表.社区正职' });
});

test('a ratings range whose year cell is a million blanks: #VALUE! at once', () => {
  const r = TENURE('厦门', '2015-03-01', '2023-06-01', [[blanks + 'x', '2021'], ['合格', '优秀']]);
  expect(isFnError(r)).toBe(true);
  const y = TENURE('厦门', '2015-03-01', '2023-06-01', [['考核' + blanks + 'x', '2021' + blanks + 'x'], ['合格', '优秀']]);
  expect(isFnError(y)).toBe(true);
  expect(TENURE('厦门', '2015-03-01', '2023-06-01', [[' 考核 2021 年度 ', '2022年'], ['合格', '优秀']])).toBe(TENURE('厦门', '2015-03-01', '2023-06-01', [[2021, 2022], ['合格', '优秀']]));
});

test('cw calc: one object followed by a million newlines is read as one document', async () => {
  const r = await runCw(['calc', '{"policy":"本溪"}' + '\n'.repeat(N) + 'x']);
  expect(r.code).toBe(2);
  expect(JSON.parse(r.out).error.code).toBe('INVALID_JSON');
});

/**
 * Findings 3 and 4: JavaScript's built-in names passed as vocabulary; a year alone read as an
 * Excel serial; numbers without an upper bound; `2023-1.-01` accepted. Each scenario that found it.
 */
import { CwError, evaluate, parseDate } from '../../src/engine';
import { PAY, TENURE, GRADE, STAFF, RETIRE } from '../../src/functions/core';
import { isFnError } from '../../src/functions/errors';
import { LOCAL_PARAMS } from '../../bench/workers';
import { runCw } from '../helpers/cw';

const BENXI = { policy: '本溪', post: '副职', entryDate: '2000-09-01', asOf: '2023-06-01' };
const XIAMEN = { policy: '厦门', post: '正职', entryDate: '2015-03-01', asOf: '2023-06-01', params: LOCAL_PARAMS['xiamen-2020'] };
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', 'toLocaleString', 'prototype'];

function errorOf(input: unknown): CwError {
  try {
    evaluate(input, { trace: false });
  } catch (e) {
    if (e instanceof CwError) return e;
    throw e;
  }
  throw new Error(`expected an error for ${JSON.stringify(input)}`);
}

describe('vocabulary lookups know only their words', () => {
  test.each(PROTOTYPE_NAMES)('%s is an unknown word in every vocabulary field, with the usual Chinese message', (word) => {
    expect(errorOf({ ...BENXI, education: word })).toMatchObject({ code: 'UNKNOWN_EDUCATION', field: 'education' });
    expect(errorOf({ ...BENXI, degree: word })).toMatchObject({ code: 'UNKNOWN_DEGREE' });
    expect(errorOf({ ...BENXI, certificate: word })).toMatchObject({ code: 'UNKNOWN_CERTIFICATE' });
    expect(errorOf({ ...BENXI, post: word })).toMatchObject({ code: 'UNKNOWN_POST' });
    expect(errorOf({ ...BENXI, policy: word })).toMatchObject({ code: 'UNKNOWN_POLICY' });
    expect(errorOf({ ...BENXI, sex: word })).toMatchObject({ code: 'UNKNOWN_SEX' });
    expect(errorOf({ ...BENXI, awards: [word] })).toMatchObject({ code: 'UNKNOWN_AWARD' });
    expect(errorOf({ ...XIAMEN, ratings: { 2021: word } })).toMatchObject({ code: 'UNKNOWN_RATING' });
    expect(errorOf({ ...BENXI, ratings: { 2021: word } }).message).toMatch(/无法识别考核等次/);
  });

  test('the issue’s cases: "education":"constructor" no longer gives 4488.00; a rating "constructor" no longer changes a Xiamen total', () => {
    expect(evaluate(BENXI).total).toBe('4488.00');
    expect(errorOf({ ...BENXI, education: 'constructor' }).message).toMatch(/^education：无法识别学历 “constructor”。可用：/);
    const plain = evaluate({ ...XIAMEN, ratings: { 2021: '合格' } }).total;
    expect(plain).toMatch(/^\d+\.\d\d$/);
    expect(errorOf({ ...XIAMEN, ratings: { 2021: 'constructor', 2022: '合格' } }).code).toBe('UNKNOWN_RATING');
  });

  test('"certificate":"constructor" is UNKNOWN_CERTIFICATE through cw calc, not INTERNAL', async () => {
    const r = await runCw(['calc', JSON.stringify({ ...BENXI, certificate: 'constructor' })]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error).toMatchObject({ code: 'UNKNOWN_CERTIFICATE' });
    expect(r.out).not.toMatch(/INTERNAL|内部错误/);
  });

  test('cw report constructor … is an unknown report, not "BUILDERS[data.kind] is not a function"', async () => {
    for (const word of PROTOTYPE_NAMES) {
      const r = await runCw(['report', word, 'templates/示例花名册.xlsx', '--policy', 'benxi', '--out', 'never.pdf']);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`^cw report：无法识别报表“${word}”。可用：payroll`));
    }
  });

  test('cw fn never leaks function Object() into a message; cw constructor is an unknown command', async () => {
    for (const word of PROTOTYPE_NAMES) {
      for (const args of [
        ['fn', word],
        ['fn', 'TENURE', '本溪', '2000-09-01', '2023-06-01', word],
        ['fn', 'PAY', '本溪', '副职', '2000-09-01', '2023-06-01', '', word],
        ['fn', 'PAY', '本溪', '副职', '2000-09-01', '2023-06-01', '', '', word],
        ['fn', 'PAY', '本溪', '副职', '2000-09-01', '2023-06-01', '', '', '', word],
        ['fn', 'PAY', '本溪', '副职', '2000-09-01', '2023-06-01', '', '', '', '', word],
        ['fn', 'GRADE', '厦门', '正职', '2010-03-01', '2024-07-01', '', '', '', word],
      ]) {
        const r = await runCw(args);
        expect({ args, code: r.code }).toEqual({ args, code: 2 });
        expect(r.out + r.err).not.toMatch(/function|native code|\[object/);
      }
      const c = await runCw([word]);
      expect(c.code).toBe(2);
      expect(c.err).toMatch(new RegExp(`未知命令“${word.replace(/[$]/g, '\\$&')}”`));
    }
  });

  test('the CW functions give #VALUE!/#N/A for a prototype name, never a number', () => {
    const results = [
      PAY('本溪', '副职', '2000-09-01', '2023-06-01', null, 'constructor'),
      PAY('本溪', '副职', '2000-09-01', '2023-06-01', null, null, 'toString'),
      PAY('本溪', '副职', '2000-09-01', '2023-06-01', null, null, null, '__proto__'),
      TENURE('厦门', '2015-03-01', '2023-06-01', [['constructor']]),
      GRADE('厦门', '正职', '2010-03-01', '2024-07-01', null, null, null, [['valueOf']]),
    ];
    for (const r of results) expect(isFnError(r)).toBe(true);
  });
});

describe('dates and numbers', () => {
  test('a year alone ("2015", 2015) is an error that says so, not 1905-07-07', () => {
    for (const entryDate of ['2015', 2015, ' 2015 ', '1990']) {
      const e = errorOf({ ...BENXI, entryDate });
      expect(e.code).toBe('INVALID_DATE');
      expect(e.field).toBe('entryDate');
      expect(e.message).toMatch(/只有年份，不是日期/);
      expect(e.message).toMatch(/请写完整的年月日/);
    }
    expect(isFnError(TENURE('本溪', '2015', '2023-06-01'))).toBe(true);
    expect(isFnError(RETIRE(1975, '男'))).toBe(true);
    // Real serials and eight-digit dates still read as before.
    expect(parseDate(36770)).toBe(parseDate('2000-09-01'));
    expect(parseDate('20000901')).toBe(parseDate('2000-09-01'));
  });

  test.each(['2023-1.-01', '2023-.1-01', '2023-01-1.', '2023-+1-01', '2023- 1-01', '2023-01-0x', '2023-1e-01'])('%s is rejected', (text) => {
    expect(() => parseDate(text, 'entryDate')).toThrow(CwError);
    expect(errorOf({ ...BENXI, entryDate: text }).code).toBe('INVALID_DATE');
  });

  test.each([
    ['priorYears', 2015, /priorYears：2015 超出范围。可用：此前在社区工作的年数（可累计的），0 至 60。/],
    ['priorYears', 1e300, /0 至 60/],
    ['priorYears', '61', /0 至 60/],
    ['currentPay', 1e12, /0 至 1000000/],
    ['originalAge', 1e300, /0 至 70/],
  ])('%s = %p is out of its stated bound', (field, value, message) => {
    const e = errorOf({ ...BENXI, [field]: value, birthDate: '1970-01-01', sex: '男' });
    expect(e.code).toBe('INVALID_NUMBER');
    expect(e.message).toMatch(message);
  });

  test('the bounds themselves are accepted', () => {
    expect(evaluate({ ...XIAMEN, priorYears: 60 }).tenureYears).toBeGreaterThan(60);
    expect(evaluate({ ...BENXI, priorYears: 0 }).total).toBe('4488.00');
  });

  test('CW.STAFF and CW.RETIRE state their bounds', () => {
    const s = STAFF('通州', 1e300);
    expect(isFnError(s) && s.message).toMatch(/超出范围.*0 至 100000000/);
    const r = RETIRE('1975-01-10', '女', 1e9);
    expect(isFnError(r) && r.message).toMatch(/0 至 70/);
  });
});

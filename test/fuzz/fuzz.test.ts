/**
 * Fuzz (fast-check, fixed seeds): 6,200 generated inputs across `cw calc` (in-process), the CW
 * functions and the roster reader. Every failure must be a known error code with a Chinese message
 * (never INTERNAL, never an English or JavaScript text), and an input carrying a known-bad value
 * must never yield a number.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { CwError, checkRoster } from '../../src/engine';
import { detectRoster } from '../../src/engine/roster/detect';
import type { SheetGrid } from '../../src/engine/roster/detect';
import { PAY, GRADE, TENURE, RETIRE, STAFF, EXPLAIN } from '../../src/functions/core';
import { isFnError } from '../../src/functions/errors';
import { readWorkbook } from '../../src/workbook/read';
import { LOCAL_PARAMS } from '../../bench/workers';
import { runCw } from '../helpers/cw';

jest.setTimeout(120_000);

/** Every code the engine and the file readers may give (src/engine/errors.ts), INTERNAL excluded. */
const KNOWN = new Set([
  'INVALID_JSON', 'INVALID_TYPE', 'REQUIRED', 'UNKNOWN_FIELD', 'INVALID_DATE', 'FUTURE_DATE', 'INVALID_NUMBER', 'UNKNOWN_POLICY',
  'UNKNOWN_POST', 'UNKNOWN_RATING', 'UNKNOWN_EDUCATION', 'UNKNOWN_DEGREE', 'UNKNOWN_CERTIFICATE', 'UNKNOWN_SEX', 'UNKNOWN_AWARD',
  'UNKNOWN_ITEM', 'UNKNOWN_PARAM', 'INVALID_PARAM', 'MISSING_PARAM', 'NOT_IN_FORCE', 'INVALID_ID',
  'FILE_NOT_FOUND', 'INVALID_OUTPUT', 'WRITE_FAILED', 'INVALID_WORKBOOK', 'TOO_LARGE',
]);
const CJK = /[\u4e00-\u9fff]/;
/** Text that would mean a JavaScript error or value leaked into a message. */
const LEAK = /TypeError|RangeError|SyntaxError|Cannot read|is not a function|is not defined|undefined|NaN|Infinity|\[object|function |native code|Maximum call stack|Unexpected token|JSON at position/;

/** Every string inside a value (keys too), for removing the clerk's own text from a message. */
function stringsIn(v: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 8) return out;
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) stringsIn(x, out, depth + 1);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { out.push(k); stringsIn(x, out, depth + 1); }
  return out.sort((a, b) => b.length - a.length);
}

function expectClearMessage(message: string, context: unknown): void {
  // What the clerk typed is shown back (“NaN”, a county named NaN): only the message's own words are checked.
  let own = message.replace(/“[^”]*”/g, '“”');
  for (const text of stringsIn(context)) if (text.length >= 2) own = own.split(text).join('');
  if (!CJK.test(message) || LEAK.test(own)) throw new Error(`unclear message ${JSON.stringify(message)} for ${JSON.stringify(context).slice(0, 300)}`);
}

const PROTO = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', '__defineSetter__'];
const POLICIES = ['本溪', 'benxi-2022', '厦门', 'xiamen', '宁夏', 'ningxia-2024', '长春新区', 'changchun', '通州', 'tongzhou'];
const POSTS = ['正职', '副职', '书记', '副主任', '委员', '专职委员', '工作人员', '其他社区工作者', '社区正职', '普通工作人员', '网格员'];

/** Arbitrary JSON-ish values, including the hostile ones the issue found. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...PROTO, '', ' ', '2015', '2023-1.-01', '1e300', '-1', '0', 'NaN', '\u0000', '优秀', '本科', '男', '2000-09-01', '2015年3月1日', '20150301', '36770', '  2015  '),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -100000, max: 3_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }), // neither Excel, JSON nor a cell holds NaN or ±Infinity
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.oneof(fc.constantFrom(...PROTO, '2021', '2022', '基数'), fc.string({ maxLength: 5 })), fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxKeys: 3 }),
);

const FIELDS = ['policy', 'post', 'previousPost', 'postDate', 'entryDate', 'asOf', 'priorYears', 'ratings', 'education', 'degree', 'certificate', 'certificateDate', 'awards', 'probation', 'currentPay', 'star', 'birthDate', 'sex', 'originalAge', 'params', 'id', 'name'];

/** A plausible worker: every field valid or absent. */
const goodWorker = fc.record({
  policy: fc.constantFrom(...POLICIES),
  post: fc.constantFrom(...POSTS),
  entryDate: fc.constantFrom('2000-09-01', '2012-07-01', '2015/3/1', '2019年6月30日', '20200101'),
  asOf: fc.constantFrom('2023-06-01', '2024-03-15', '2026-12-01'),
  priorYears: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  education: fc.option(fc.constantFrom('本科', '大专', '硕士研究生', '高中'), { nil: undefined }),
  certificate: fc.option(fc.constantFrom('社会工作师', '助理社会工作师', '无'), { nil: undefined }),
  ratings: fc.option(fc.dictionary(fc.constantFrom('2019', '2020', '2021', '2022'), fc.constantFrom('优秀', '合格', '基本合格', '称职')), { nil: undefined }),
}, { requiredKeys: ['policy', 'post', 'entryDate', 'asOf'] });

/** Values that must make their field an error, with the code the error must have. */
const POISON: Array<[string, unknown, string[]]> = [
  ...PROTO.flatMap((w): Array<[string, unknown, string[]]> => [
    ['education', w, ['UNKNOWN_EDUCATION']], ['degree', w, ['UNKNOWN_DEGREE']], ['certificate', w, ['UNKNOWN_CERTIFICATE']],
    ['post', w, ['UNKNOWN_POST']], ['policy', w, ['UNKNOWN_POLICY']], ['sex', w, ['UNKNOWN_SEX']], ['awards', [w], ['UNKNOWN_AWARD']],
    ['ratings', { 2021: w }, ['UNKNOWN_RATING']],
  ]),
  ['entryDate', '2015', ['INVALID_DATE']], ['entryDate', 2015, ['INVALID_DATE']], ['entryDate', '2023-1.-01', ['INVALID_DATE']],
  ['asOf', '2023-13-01', ['INVALID_DATE']], ['birthDate', '1990-02-30', ['INVALID_DATE']],
  ['priorYears', 2015, ['INVALID_NUMBER']], ['priorYears', 1e300, ['INVALID_NUMBER']], ['priorYears', -1, ['INVALID_NUMBER']],
  ['currentPay', 1e12, ['INVALID_NUMBER']], ['star', 9, ['INVALID_NUMBER']], ['originalAge', 1e300, ['INVALID_NUMBER']],
  ['id', [[[[]]]], ['INVALID_TYPE']], ['params', 'x', ['INVALID_TYPE']], ['params', { constructor: 1 }, ['UNKNOWN_PARAM']],
];

describe('cw calc (in-process)', () => {
  test('2,500 arbitrary worker objects: success, or a known code with a Chinese message', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...FIELDS, 'entrydate', '__proto__', 'constructor'), anyValue, { maxKeys: 8 }), fc.boolean(), async (raw, trace) => {
        const r = await runCw(['calc', '--compact', ...(trace ? [] : ['--no-trace']), JSON.stringify(raw)]);
        const out = JSON.parse(r.out);
        if (r.code === 0) {
          expect(out.total ?? out.grade ?? out.tenureYears).toBeDefined();
          return;
        }
        expect(r.code).toBe(2);
        expect(KNOWN.has(out.error.code)).toBe(true);
        expectClearMessage(out.error.message, raw);
      }),
      { seed: 20261201, numRuns: 2500 },
    );
  });

  test('1,200 good workers with one known-bad value: always that error, never a number', async () => {
    await fc.assert(
      fc.asyncProperty(goodWorker, fc.constantFrom(...POISON), async (worker, [field, value, codes]) => {
        const input = { ...worker, [field]: value, ...(String(worker.policy).match(/厦门|xiamen/) ? { params: LOCAL_PARAMS['xiamen-2020'] } : {}) };
        if (field === 'params') input.params = value as never;
        const r = await runCw(['calc', '--compact', '--no-trace', JSON.stringify(input)]);
        const out = JSON.parse(r.out);
        expect({ field, value, code: r.code }).toEqual({ field, value, code: 2 });
        // The poisoned field's own error, unless another field failed first (a missing local figure, a post the policy lacks …).
        if (!codes.includes(out.error.code)) expect(['MISSING_PARAM', 'UNKNOWN_POST', 'NOT_IN_FORCE', 'REQUIRED', 'FUTURE_DATE'].concat(codes)).toContain(out.error.code);
        expect(out.total).toBeUndefined();
        expectClearMessage(out.error.message, input);
      }),
      { seed: 1201, numRuns: 1200 },
    );
  });

  test('300 arbitrary texts on standard input (JSON Lines or not)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('{"policy":"本溪"', 'not json', '[1,2]', '{"policy":"本溪","post":"副职","entryDate":"2015"}', '}\n{', '\u0000')), { maxLength: 5 }), async (lines) => {
        const r = await runCw(['calc', '--compact'], lines.join('\n'));
        for (const line of r.out.split('\n').filter(Boolean)) {
          const out = JSON.parse(line);
          if (out.error) {
            expect(KNOWN.has(out.error.code)).toBe(true);
            expectClearMessage(out.error.message, lines);
          }
        }
      }),
      { seed: 77, numRuns: 300 },
    );
  });
});

describe('the CW functions', () => {
  const cell = fc.oneof(anyValue, fc.constantFrom(...POLICIES, ...POSTS), fc.array(fc.array(anyValue, { maxLength: 3 }), { maxLength: 3 }));
  test('1,500 arbitrary calls: a value, or #VALUE!/#N/A with a Chinese message', () => {
    const fns = [PAY, GRADE, TENURE, RETIRE, STAFF, EXPLAIN] as Array<(...a: unknown[]) => unknown>;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: fns.length - 1 }), fc.array(cell, { maxLength: 10 }), (k, args) => {
        const r = fns[k](...args);
        if (isFnError(r)) {
          expect(['#VALUE!', '#N/A']).toContain(r.code);
          expectClearMessage(r.message ?? '', args);
          return;
        }
        const cells = Array.isArray(r) ? (r as unknown[][]).flat() : [r];
        for (const c of cells) {
          expect(['number', 'string']).toContain(typeof c);
          if (typeof c === 'number') expect(Number.isFinite(c)).toBe(true);
          if (typeof c === 'string') expect(c).not.toMatch(LEAK);
        }
      }),
      { seed: 4488, numRuns: 1500 },
    );
  });

  test('300 calls with a known-bad argument never give a number', () => {
    const call = { PAY, TENURE } as Record<string, (...a: unknown[]) => unknown>;
    const bad = fc.constantFrom<[string, unknown[]]>(
      ...PROTO.map((w): [string, unknown[]] => ['PAY', ['本溪', '副职', '2000-09-01', '2023-06-01', null, w]]),
      ...PROTO.map((w): [string, unknown[]] => ['TENURE', ['厦门', '2015-03-01', '2023-06-01', [[w]]]]),
      ['PAY', ['本溪', '副职', '2015', '2023-06-01']], ['PAY', ['本溪', '副职', 2015, '2023-06-01']],
      ['TENURE', ['厦门', '2015-03-01', '2023-06-01', null, 1e300]],
    );
    fc.assert(
      fc.property(bad, ([fn, args]) => {
        expect(isFnError(call[fn](...args))).toBe(true);
      }),
      { seed: 9, numRuns: 300 },
    );
  });
});

describe('the roster reader', () => {
  const HEADERS = ['区县', '街道', '社区', '姓名', '性别', '身份证号', '出生日期', '岗位类别', '入职日期', '学历', '职业资格', '2022年考核', '任用方式', 'constructor', '__proto__'];
  const grid = fc.array(fc.array(fc.oneof(anyValue.filter((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v)) as fc.Arbitrary<string | number | boolean | null>, fc.constantFrom('春晖社区', '副职', '2015-03-01', '110101199003071234', '男', '优秀')), { minLength: HEADERS.length, maxLength: HEADERS.length }), { maxLength: 12 });
  test('300 arbitrary worker tables: findings in Chinese, or a known error', async () => {
    await fc.assert(
      fc.asyncProperty(grid, fc.constantFrom('benxi-2022', 'xiamen-2020', 'ningxia-2024', 'changchun-xinqu-2020', 'tongzhou-draft'), async (rows, policy) => {
        const sheets: SheetGrid[] = [{ name: '职工', rows: [HEADERS, ...rows], rowNumbers: [1, ...rows.map((_, i) => i + 2)] }];
        try {
          const detected = detectRoster(sheets);
          if (!detected.roster) return;
          const result = await checkRoster(detected.roster, policy, { asOf: '2026-12-01' });
          for (const f of result.findings) expectClearMessage(f.message, rows);
        } catch (e) {
          if (!(e instanceof CwError)) throw e;
          expect(KNOWN.has(e.code)).toBe(true);
          expectClearMessage(e.message, rows);
        }
      }),
      { seed: 580, numRuns: 300 },
    );
  });

  test('100 damaged copies of a workbook (bytes flipped, cut, zeroed): a Chinese INVALID_WORKBOOK or a normal read', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-fuzz-'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('职工');
    ws.addRow(HEADERS.slice(0, 9));
    for (let i = 0; i < 30; i++) ws.addRow(['思明区', '鹭江街道', '海岸社区', `职工${i}`, '男', '', '1985-03-01', '副职', '2012-07-01']);
    const base = Buffer.from(await wb.xlsx.writeBuffer());
    try {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: base.length - 1 }), fc.integer({ min: 1, max: 64 }), fc.constantFrom('flip', 'cut', 'zero'), async (at, n, how) => {
          const b = Buffer.from(base);
          if (how === 'flip') for (let i = at; i < Math.min(b.length, at + n); i++) b[i] ^= 0x5a;
          if (how === 'zero') b.fill(0, at, Math.min(b.length, at + n));
          const bytes = how === 'cut' ? b.subarray(0, at) : b;
          const file = path.join(dir, 'f.xlsx');
          fs.writeFileSync(file, bytes);
          try {
            await readWorkbook(file);
          } catch (e) {
            if (!(e instanceof CwError)) throw new Error(`not a CwError: ${String(e)} (${how} at ${at})`);
            expect(KNOWN.has(e.code)).toBe(true);
            expectClearMessage(e.message, { how, at, n });
          }
        }),
        { seed: 3, numRuns: 100 },
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

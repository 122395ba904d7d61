import fc from 'fast-check';
import { assess, assessGrade, evaluate, isoOf, dayNumberOf, toExcelSerial, parseDate, Decimal } from '../../src/engine';
import { LOCAL_PARAMS, POSTS } from '../../bench/workers';

/** As-of dates inside each policy's window, so no "not in force" errors. */
const AS_OF: Record<string, string> = {
  'benxi-2022': '2025-06-30',
  'xiamen-2020': '2021-06-30',
  'ningxia-2024': '2025-06-30',
  'changchun-xinqu-2020': '2025-06-30',
  'tongzhou-draft': '2025-06-30',
};
const GRADED = Object.keys(POSTS).filter((p) => p !== 'tongzhou-draft');

const dateArb = (fromYear: number, toYear: number) =>
  fc.record({ y: fc.integer({ min: fromYear, max: toYear }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
    .map(({ y, m, d }) => dayNumberOf(y, m, d));

const workerArb = fc.record({
  policy: fc.constantFrom(...GRADED),
  postIndex: fc.nat(),
  entry: dateArb(1975, 2020),
  later: fc.integer({ min: 0, max: 4000 }),
  ratings: fc.dictionary(fc.integer({ min: 2003, max: 2024 }).map(String), fc.constantFrom('优秀', '合格', '基本合格', '不合格'), { maxKeys: 4 }),
});

function inputOf(w: { policy: string; postIndex: number; entry: number; ratings: Record<string, string> }, entry = w.entry) {
  const posts = POSTS[w.policy];
  return {
    policy: w.policy,
    post: posts[w.postIndex % posts.length],
    entryDate: isoOf(entry),
    asOf: AS_OF[w.policy],
    ratings: w.ratings,
    ...(LOCAL_PARAMS[w.policy] ? { params: LOCAL_PARAMS[w.policy] } : {}),
  };
}

describe('properties (fast-check)', () => {
  test('grade never decreases with service (earlier entry, same facts)', () => {
    fc.assert(fc.property(workerArb, (w) => {
      const longer = assessGrade(inputOf(w, w.entry - w.later));
      const shorter = assessGrade(inputOf(w));
      return (longer.grade ?? 0) >= (shorter.grade ?? 0);
    }), { numRuns: 400 });
  });

  test('pay never decreases with grade (same post and allowances)', () => {
    fc.assert(fc.property(workerArb, (w) => {
      const a = assess(inputOf({ ...w, ratings: {} }, w.entry - w.later), { trace: false });
      const b = assess(inputOf({ ...w, ratings: {} }), { trace: false });
      const total = (x: typeof a) => x.items.reduce((s, i) => s.plus(i.amount), new Decimal(0));
      return a.grade! < b.grade! || total(a).gte(total(b)) || a.grade === b.grade;
    }), { numRuns: 400 });
  });

  test('grade stays within its post’s range', () => {
    const RANGES: Record<string, Record<string, [number, number]>> = {
      'benxi-2022': { 正职: [5, 16], 副职: [3, 14], 工作人员: [1, 12] },
      'xiamen-2020': { 正职: [7, 18], 副职: [5, 16], 专职委员: [3, 14], 其他社区工作者: [1, 12] },
      // Ningxia and Changchun ranges follow the example local parameters in bench/workers.ts.
      'ningxia-2024': { 两委正职: [10, 24], 两委副职: [7, 24], 两委其他专职成员: [4, 24], 专职工作人员: [1, 24] },
      'changchun-xinqu-2020': { 社区正职: [1, 8], 其他两委成员: [1, 8], 普通工作人员: [1, 8] },
    };
    fc.assert(fc.property(workerArb.filter((w) => RANGES[w.policy] !== undefined), fc.constantFrom(...[[], ['merit'], ['national', 'provincial']]), (w, awards) => {
      const input = { ...inputOf(w), awards };
      const r = assessGrade(input);
      const [lo, hi] = RANGES[w.policy][input.post];
      return r.grade! >= lo && r.grade! <= hi;
    }), { numRuns: 400 });
  });

  test('results never depend on argument spelling (policy alias, job title, date form, rating synonym)', () => {
    const spellings: Record<string, string[]> = {
      'benxi-2022': ['benxi-2022', 'benxi', '本溪', ' BENXI '],
      'xiamen-2020': ['xiamen-2020', 'xiamen', '厦门'],
      'ningxia-2024': ['ningxia-2024', 'ningxia', '宁夏'],
      'changchun-xinqu-2020': ['changchun-xinqu-2020', 'changchun', '长春新区'],
    };
    const titles: Record<string, string> = { 正职: '书记', 两委正职: '主任', 社区正职: '社区党委书记' };
    fc.assert(fc.property(workerArb, fc.nat(), fc.constantFrom<'iso' | 'serial' | 'zh' | 'slash'>('iso', 'serial', 'zh', 'slash'), (w, pick, form) => {
      const canonical = inputOf(w);
      const day = parseDate(canonical.entryDate);
      const [y, m, d] = canonical.entryDate.split('-').map(Number);
      const entryDate = form === 'iso' ? canonical.entryDate : form === 'serial' ? toExcelSerial(day) : form === 'zh' ? `${y}年${m}月${d}日` : `${y}/${m}/${d}`;
      const names = spellings[w.policy];
      const respelled = {
        ...canonical,
        policy: names[pick % names.length],
        post: titles[canonical.post] ?? canonical.post,
        entryDate,
        ratings: Object.fromEntries(Object.entries(canonical.ratings).map(([k, v]) => [k, v === '合格' ? '称职' : v === '不合格' ? '不称职' : v])),
      };
      const a = evaluate(canonical);
      const b = evaluate(respelled);
      return JSON.stringify(a) === JSON.stringify(b);
    }), { numRuns: 300 });
  });
});

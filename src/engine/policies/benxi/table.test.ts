import { assessGrade, evaluate } from '../../index';

/** 附件 社区工作者岗位等级薪酬系数参照表, as printed: grade → [正职, 副职, 工作人员] year bands, 系数. */
const TABLE: Array<[number, string, string, string, number]> = [
  [16, '34+', '', '', 1.56],
  [15, '31-33', '', '', 1.52],
  [14, '28-30', '34+', '', 1.48],
  [13, '25-27', '31-33', '', 1.44],
  [12, '22-24', '28-30', '34+', 1.4],
  [11, '19-21', '25-27', '31-33', 1.36],
  [10, '16-18', '22-24', '28-30', 1.32],
  [9, '13-15', '19-21', '25-27', 1.28],
  [8, '10-12', '16-18', '22-24', 1.24],
  [7, '7-9', '13-15', '19-21', 1.2],
  [6, '4-6', '10-12', '16-18', 1.16],
  [5, '-3', '7-9', '13-15', 1.12],
  [4, '', '4-6', '10-12', 1.09],
  [3, '', '-3', '7-9', 1.06],
  [2, '', '', '4-6', 1.03],
  [1, '', '', '-3', 1.0],
];
const POSTS = ['正职', '副职', '工作人员'] as const;

/** Years to probe in a band: both ends ('34+' probes 34 and 45; '-3' probes 1, 2, 3). */
function probes(band: string): number[] {
  if (band.endsWith('+')) return [Number(band.slice(0, -1)), 45];
  if (band.startsWith('-')) return [1, 2, 3];
  const [lo, hi] = band.split('-').map(Number);
  return [lo, lo + 1, hi];
}

/** Entry on 1 January N years before 2024-01-01: exactly N counted years on 2024-06-01. */
const entryFor = (years: number) => `${2024 - years}-01-01`;

const cells = TABLE.flatMap(([grade, ...rest]) =>
  POSTS.flatMap((post, i) => (rest[i] ? probes(rest[i] as string).map((years) => ({ grade, post, years, coefficient: rest[3] as number })) : [])),
);

describe('本溪 附件 grade table, every cell through the public API', () => {
  test.each(cells)('$post $years 年 → $grade 级 (系数 $coefficient)', ({ grade, post, years, coefficient }) => {
    const input = { policy: 'benxi-2022', post, entryDate: entryFor(years), asOf: '2024-06-01' };
    const g = assessGrade(input);
    expect(g.years).toBe(years);
    expect(g.grade).toBe(grade);
    const pay = evaluate(input, { trace: false });
    expect(pay.total).toBe((3400 * coefficient).toFixed(2));
  });

  test('the table has 36 filled cells and every one is probed', () => {
    const filled = TABLE.reduce((n, row) => n + row.slice(1, 4).filter(Boolean).length, 0);
    expect(filled).toBe(36);
    expect(new Set(cells.map((c) => `${c.grade}/${c.post}`)).size).toBe(36);
  });
});

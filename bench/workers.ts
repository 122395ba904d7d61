/**
 * Deterministic generated workers for benchmarks. Local figures the documents do not publish
 * (Xiamen 岗位津贴, Ningxia's level table, …) come from LOCAL_PARAMS: made-up example values,
 * labelled as such, used only here and in tests — never as engine defaults.
 */
import { dayNumberOf, isoOf } from '../src/engine';
import { prng } from '../src/sample/random';

export { prng };

const NINGXIA_POSTS = ['两委正职', '两委副职', '两委其他专职成员', '专职工作人员'];

function ningxiaExample(): Record<string, unknown> {
  const p: Record<string, unknown> = { 城市月平均工资: 7850 };
  NINGXIA_POSTS.forEach((post, i) => {
    p[`起始等级.${post}`] = [10, 7, 4, 1][i];
    p[`每级年限.${post}`] = 3;
    for (let level = 1; level <= 24; level++) p[`岗位等级薪酬.${post}.${level}`] = 800 + 75 * (level - 1) + 50 * (3 - i);
  });
  return p;
}

/**
 * Example local parameters per policy — 示例参数，非政策数额: invented figures for the values
 * the documents leave to local rules, used only by benches and tests, never as engine defaults.
 */
export const LOCAL_PARAMS: Record<string, Record<string, unknown>> = {
  'xiamen-2020': { '岗位津贴.正职': 1800, '岗位津贴.副职': 1500, '岗位津贴.专职委员': 1200, '岗位津贴.其他社区工作者': 900 },
  'ningxia-2024': ningxiaExample(),
  'changchun-xinqu-2020': {
    '薪酬表.社区正职': '0:4200;3:4400;6:4600;9:4800;12:5000;15:5200;18:5400;21:5600',
    '薪酬表.其他两委成员': '0:3800;3:3950;6:4100;9:4250;12:4400;15:4550;18:4700;21:4850',
    '薪酬表.普通工作人员': '0:3300;3:3420;6:3540;9:3660;12:3780;15:3900;18:4020;21:4140',
  },
  'tongzhou-draft': {
    '职务工资.正职': 2600, '职务工资.副职': 2200, '职务工资.一般工作人员': 1800,
    '专业技术等级工资.无': 0, '专业技术等级工资.助理社会工作师': 300, '专业技术等级工资.社会工作师': 500, '专业技术等级工资.高级社会工作师': 800,
    综合补贴: 1500,
    '绩效工资.正职': 1600, '绩效工资.副职': 1400, '绩效工资.一般工作人员': 1200,
  },
};

/** Post categories per policy, for generated workers. */
export const POSTS: Record<string, string[]> = {
  'benxi-2022': ['正职', '副职', '工作人员'],
  'xiamen-2020': ['正职', '副职', '专职委员', '其他社区工作者'],
  'ningxia-2024': NINGXIA_POSTS,
  'changchun-xinqu-2020': ['社区正职', '其他两委成员', '普通工作人员'],
  'tongzhou-draft': ['正职', '副职', '一般工作人员'],
};

/** `n` workers spread over the policies that have example parameters or need none. */
export function generateWorkers(n: number, seed: number): Array<Record<string, unknown>> {
  const rnd = prng(seed);
  const policies = Object.keys(POSTS);
  const out: Array<Record<string, unknown>> = [];
  const ratings = ['优秀', '合格', '合格', '合格', '基本合格', '不合格'];
  for (let i = 0; i < n; i++) {
    const policy = policies[i % policies.length];
    const posts = POSTS[policy];
    const entry = dayNumberOf(1985 + Math.floor(rnd() * 38), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28));
    const w: Record<string, unknown> = {
      policy,
      post: posts[Math.floor(rnd() * posts.length)],
      entryDate: isoOf(entry),
      asOf: '2025-06-30',
    };
    if (rnd() < 0.3) w.certificate = ['助理社会工作师', '社会工作师', '高级社会工作师'][Math.floor(rnd() * 3)];
    if (rnd() < 0.5) w.ratings = { 2022: ratings[Math.floor(rnd() * ratings.length)], 2023: ratings[Math.floor(rnd() * ratings.length)] };
    if (LOCAL_PARAMS[policy]) w.params = LOCAL_PARAMS[policy];
    out.push(w);
  }
  return out;
}

const BENXI_COEFFICIENTS = [1.0, 1.03, 1.06, 1.09, 1.12, 1.16, 1.2, 1.24, 1.28, 1.32, 1.36, 1.4, 1.44, 1.48, 1.52, 1.56];
const START: Record<string, number> = { 正职: 5, 副职: 3, 工作人员: 1 };

/**
 * What a VLOOKUP pay sheet does per row, given the years already typed in a column: look up the
 * grade from post and years, look up the coefficient, multiply by the base. No validation, no trace.
 */
export function benxiLookupBaseline(workers: Array<Record<string, unknown>>): number {
  let sum = 0;
  for (const w of workers) {
    const entryYear = Number(String(w.entryDate).slice(0, 4));
    const years = 2025 - entryYear;
    const start = START[w.post as string] ?? 1;
    const grade = Math.min(start + 11, start + Math.floor((years - 1) / 3));
    sum += Math.round(3400 * BENXI_COEFFICIENTS[grade - 1] * 100) / 100;
  }
  return sum;
}

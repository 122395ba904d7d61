/**
 * Generated 本溪 pay sheets for the HyperFormula tests and the benchmark (test/bench only):
 * the same workers built two ways —
 *
 *  - the CW way: one =CW.PAY(…) per worker, reading a 参数表 range, as in templates/benxi-pay.xlsx;
 *  - the native way clerks build it today: counted years with DATEDIF/EDATE, grade by VLOOKUP over
 *    a post table, coefficient by INDEX/MATCH over the grade table, pay = 基数 × 系数 split 80/20
 *    with ROUND, allowance by VLOOKUP.
 *
 * Workers are drawn from a seeded generator so every run sees the same sheet.
 */
import { dayNumberOf, policyOf, toExcelSerial } from '../../src/engine';
import { prng } from '../../src/sample/random';

export interface SheetWorker {
  name: string;
  post: '正职' | '副职' | '工作人员';
  entry: number;
  education: string | null;
  degree: string | null;
  certificate: string | null;
  /** Ratings of the three years before the as-of year, oldest first; null = not rated. */
  ratings: [string | null, string | null, string | null];
}

const POSTS: SheetWorker['post'][] = ['正职', '副职', '工作人员', '工作人员', '工作人员'];
const EDUCATION: [string | null, string | null][] = [['大专', null], ['本科', '学士'], ['本科', null], ['硕士研究生', '硕士'], ['中专', null], [null, null]];
const CERTIFICATES = [null, null, null, '助理社会工作师', '社会工作师', '高级社会工作师'];
const RATINGS = ['合格', '合格', '合格', '合格', '优秀', '优秀', '基本合格', '不合格'];

/** `n` workers entered between 1985 and the as-of date; ratings only for years they served. */
export function generateWorkers(n: number, asOfYear: number, seed = 20240701): SheetWorker[] {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const out: SheetWorker[] = [];
  for (let i = 0; i < n; i++) {
    const y = 1985 + Math.floor(r() * (asOfYear - 1985));
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    const [education, degree] = pick(EDUCATION);
    const ratings = [0, 1, 2].map((k) => {
      const year = asOfYear - 3 + k;
      return year >= y && r() < 0.9 ? pick(RATINGS) : null;
    }) as SheetWorker['ratings'];
    out.push({ name: `职工${i + 1}`, post: pick(POSTS), entry: toExcelSerial(dayNumberOf(y, m, d)), education, degree, certificate: pick(CERTIFICATES), ratings });
  }
  return out;
}

/** Workbook layout shared by both versions. */
export const SHEET = '薪酬表';
export const SETTINGS = '设置';
/** A sheet reference as formulas write it (quoted: HyperFormula, like Excel, accepts quoted CJK names). */
const ref = (sheet: string) => `'${sheet}'!`;
export const AS_OF_CELL = { sheetName: SETTINGS, col: 1, row: 0 };
/** Column of the total pay in each version (0-based). */
export const CW_TOTAL_COL = 9;
export const NATIVE_TOTAL_COL = 15;

function factsRow(w: SheetWorker): unknown[] {
  return [w.name, w.post, w.entry, w.education, w.degree, w.certificate, ...w.ratings];
}

/** The CW version: =CW.PAY(…) per row, parameters from a 参数表 range of the policy's keys. */
export function cwPaySheet(workers: SheetWorker[], asOf: number): Record<string, unknown[][]> {
  const defs = policyOf('本溪').params.defs;
  const lastParamRow = defs.length + 1;
  const rows: unknown[][] = [['姓名', '岗位', '入职日期', '学历', '学位', '职业资格', '考核1', '考核2', '考核3', '薪酬合计']];
  workers.forEach((w, i) => {
    const r = i + 2;
    rows.push([...factsRow(w), `=CW.PAY(${ref(SETTINGS)}$B$2,B${r},C${r},${ref(SETTINGS)}$B$1,G${r}:I${r},D${r},E${r},F${r},,'参数表'!$A$2:$B$${lastParamRow})`]);
  });
  return {
    [SETTINGS]: [['计算日期', asOf], ['政策', '本溪']],
    参数表: [['参数名', '本地值'], ...defs.map((d) => [d.key, null])],
    [SHEET]: rows,
  };
}

/** The native version: lookup tables and ordinary formulas, as a clerk builds it without the add-in. */
export function nativePaySheet(workers: SheetWorker[], asOf: number): Record<string, unknown[][]> {
  const p = policyOf('本溪').params.resolve(null);
  const posts = ['正职', '副职', '工作人员'];
  const coefficients = Array.from({ length: 16 }, (_, i) => [i + 1, p.num(`系数.${i + 1}`)]);
  const rows: unknown[][] = [['姓名', '岗位', '入职日期', '学历', '学位', '职业资格', '考核1', '考核2', '考核3', '计龄', '等级', '系数', '基础工资', '绩效工资', '职业津贴', '薪酬合计']];
  const jan1 = `DATE(YEAR(${ref(SETTINGS)}$B$1),1,1)`;
  workers.forEach((w, i) => {
    const r = i + 2;
    const whole = `DATEDIF(C${r},${jan1},"Y")`;
    rows.push([
      ...factsRow(w),
      `=MAX(1,IF(C${r}>=${jan1},1,${whole}+IF(EDATE(C${r},12*${whole})=${jan1},0,1))-COUNTIF(G${r}:I${r},"不合格"))`,
      `=MIN(VLOOKUP(B${r},'岗位表'!$A$2:$C$4,3,FALSE),VLOOKUP(B${r},'岗位表'!$A$2:$C$4,2,FALSE)+INT((J${r}-1)/${ref(SETTINGS)}$B$3))`,
      `=INDEX('系数表'!$B$2:$B$17,MATCH(K${r},'系数表'!$A$2:$A$17,0))`,
      `=ROUND(${ref(SETTINGS)}$B$2*L${r}*${ref(SETTINGS)}$B$4,2)`,
      `=ROUND(${ref(SETTINGS)}$B$2*L${r}*${ref(SETTINGS)}$B$5,2)`,
      `=IF(F${r}="",0,VLOOKUP(F${r},'津贴表'!$A$2:$B$4,2,FALSE))`,
      `=M${r}+N${r}+O${r}`,
    ]);
  });
  return {
    [SETTINGS]: [
      ['计算日期', asOf],
      ['基数', p.num('基数')],
      ['每级年限', p.num('每级年限')],
      ['基础工资比例', p.num('基础工资比例')],
      ['绩效工资比例', p.num('绩效工资比例')],
    ],
    岗位表: [['岗位', '起始等级', '最高等级'], ...posts.map((x) => [x, p.num(`起始等级.${x}`), p.num(`最高等级.${x}`)])],
    系数表: [['等级', '系数'], ...coefficients],
    津贴表: [['职业资格', '职业津贴'], ['助理社会工作师', p.num('职业津贴.初级')], ['社会工作师', p.num('职业津贴.中级')], ['高级社会工作师', p.num('职业津贴.高级')]],
    [SHEET]: rows,
  };
}

/** The engine input for one generated worker (what evaluate() is checked against). */
export function engineInput(w: SheetWorker, asOf: number, asOfYear: number): Record<string, unknown> {
  const ratings: Record<string, string> = {};
  w.ratings.forEach((x, k) => { if (x) ratings[asOfYear - 3 + k] = x; });
  const input: Record<string, unknown> = { policy: '本溪', post: w.post, entryDate: w.entry, asOf, ratings };
  if (w.education) input.education = w.education;
  if (w.degree) input.degree = w.degree;
  if (w.certificate) input.certificate = w.certificate;
  return input;
}

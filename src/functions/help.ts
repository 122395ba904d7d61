/**
 * The catalogue of cwkit's Excel functions: ids, parameters, Chinese and English help, examples.
 * One source for the zh-CN metadata (functions-zh-CN.json), the task pane's function reference,
 * `cw fn` argument handling and the error messages that name an argument. Pure data: no Office,
 * DOM or Node imports.
 *
 * The English descriptions must match the JSDoc in `functions.ts` (which is what
 * custom-functions-metadata reads); a test checks that they do.
 */

/** How Excel passes a parameter: a single value, or a range (two-dimensional array). */
export type ParamShape = 'scalar' | 'matrix';

/** One parameter of a function. */
export interface FnParamHelp {
  /** The parameter's name in the English metadata and in `functions.ts`. */
  name: string;
  /** Its name in Chinese Excel (functions-zh-CN.json). */
  zhName: string;
  optional: boolean;
  shape: ParamShape;
  description: string;
  zhDescription: string;
}

/** One function. */
export interface FnHelp {
  /** The id and name Excel shows after the namespace: CW.PAY. */
  id: FnId;
  description: string;
  zhDescription: string;
  /** What the function returns, in Chinese, for the task pane. */
  zhReturns: string;
  /** True when the result may spill (declared as a matrix). */
  spills: boolean;
  params: FnParamHelp[];
  /** Worked examples: a formula and what it gives, Chinese and English. */
  examples: { formula: string; zh: string; en: string }[];
}

export type FnId = 'TENURE' | 'GRADE' | 'PAY' | 'RETIRE' | 'STAFF' | 'EXPLAIN' | 'PARAMS' | 'IIT' | 'CONTRIB';

/** The namespace the manifest registers; Excel shows functions as CW.PAY. */
export const NAMESPACE = 'CW';

const P = {
  policy: {
    name: 'policy', zhName: '政策', optional: false, shape: 'scalar',
    description: 'Policy name: 本溪, 厦门, 宁夏, 长春新区, 通州 (or its policy id).',
    zhDescription: '政策名称或编号：本溪、厦门、宁夏、长春新区、通州（也可写政策编号，无法识别时的提示会列出全部编号）。',
  },
  post: {
    name: 'post', zhName: '岗位', optional: false, shape: 'scalar',
    description: "The worker's post category (正职, 副职 …) or job title (书记, 副主任, 委员 …).",
    zhDescription: '岗位类别（正职、副职……）或职务（书记、副主任、委员……）。',
  },
  entry_date: {
    name: 'entry_date', zhName: '入职日期', optional: false, shape: 'scalar',
    description: 'Entry date: an Excel date or text such as 2015-03-01, 2015/3/1 or 2015年3月1日.',
    zhDescription: '入职日期：Excel 日期，或“2015-03-01”“2015/3/1”“2015年3月1日”格式的文本。',
  },
  as_of: {
    name: 'as_of', zhName: '计算日期', optional: false, shape: 'scalar',
    description: 'Date the result applies to (required; write TODAY() for today, so Excel recalculates it every day).',
    zhDescription: '计算日期（按哪一天计算），必填；要按当天计算请写 TODAY()，Excel 每天重新计算。',
  },
  ratings: {
    name: 'ratings', zhName: '年度考核', optional: true, shape: 'matrix',
    description: 'Annual ratings: one row or column for consecutive years ending the year before as_of, or a two-row/two-column range of year and rating.',
    zhDescription: '年度考核等次：一行或一列（依次为截至计算日期上一年度的连续年度），或“年份、等次”两行/两列区域。',
  },
  prior_years: {
    name: 'prior_years', zhName: '此前年限', optional: true, shape: 'scalar',
    description: 'Earlier community service the policy lets accumulate, in years.',
    zhDescription: '此前可累计的社区工作年数。',
  },
  education: {
    name: 'education', zhName: '学历', optional: true, shape: 'scalar',
    description: 'Education: 高中及以下, 中专, 大专, 本科, 硕士研究生 or 博士研究生.',
    zhDescription: '学历：高中及以下、中专、大专、本科、硕士研究生、博士研究生。',
  },
  degree: {
    name: 'degree', zhName: '学位', optional: true, shape: 'scalar',
    description: 'Degree: 无, 学士, 硕士 or 博士.',
    zhDescription: '学位：无、学士、硕士、博士。',
  },
  awards: {
    name: 'awards', zhName: '表彰', optional: true, shape: 'matrix',
    description: 'Awards: 功勋荣誉, 国家级 or 省部级; one per cell or separated by commas.',
    zhDescription: '表彰：功勋荣誉、国家级、省部级；每格一项或用顿号、逗号分隔。',
  },
  certificate: {
    name: 'certificate', zhName: '职业资格', optional: true, shape: 'scalar',
    description: 'Social-work certificate: 助理社会工作师, 社会工作师 or 高级社会工作师.',
    zhDescription: '社会工作者职业资格：助理社会工作师、社会工作师、高级社会工作师。',
  },
  item: {
    name: 'item', zhName: '项目', optional: true, shape: 'scalar',
    description: 'Pay item name for that amount; omitted gives the total; 明细 spills every item.',
    zhDescription: '薪酬项目名称（返回该项金额）；省略返回合计；“明细”列出全部项目。',
  },
  params: {
    name: 'params', zhName: '参数表', optional: true, shape: 'matrix',
    description: 'Parameter overrides: a two-column range of key and value (a 参数表 sheet); blank rows are ignored.',
    zhDescription: '参数表：“参数名、值”两列区域（参数表工作表）；空行忽略。',
  },
} satisfies Record<string, FnParamHelp>;

const money = (name: string, zhName: string, optional: boolean, description: string, zhDescription: string): FnParamHelp =>
  ({ name, zhName, optional, shape: 'scalar', description, zhDescription });

/** The payroll functions (from 应发 to 实发), after the pay functions. */
const PAYROLL_FUNCTIONS: FnHelp[] = [
  {
    id: 'IIT',
    description: "This month's income tax withheld on wages by the cumulative method (预扣率表一), from the year-to-date figures; never negative.",
    zhDescription: '按累计预扣法（预扣率表一）计算本月应预扣预缴的工资薪金个人所得税；结果为负时为0。',
    zhReturns: '本月预扣税额（元，两位小数）。',
    spills: false,
    params: [
      money('income', '累计收入', false, 'Wages received in the tax year so far, this month included.', '本纳税年度截至本月的累计工资薪金收入（含本月）。'),
      money('special', '累计专项扣除', false, "The worker's own social insurance and housing fund in the tax year so far.", '累计专项扣除：个人缴纳的基本养老、医疗、失业保险和住房公积金。'),
      money('special_additional', '累计专项附加扣除', false, 'Special additional deductions (children, elderly care, housing …) in the tax year so far.', '累计专项附加扣除（子女教育、赡养老人、住房贷款利息或租金等）。'),
      { name: 'months', zhName: '任职月数', optional: false, shape: 'scalar', description: 'Months employed by this unit in the tax year, this month included (1–12).', zhDescription: '本纳税年度在本单位的任职受雇月数（含本月，1–12），减除费用按每月5000元累计。' },
      money('withheld', '累计已预扣税额', false, 'Tax already withheld in the tax year before this month.', '本月之前已预扣预缴的累计税额。'),
      money('other', '累计其他扣除', true, 'Other deductions allowed by law, year to date (e.g. private pension).', '累计依法确定的其他扣除（如个人养老金）。'),
      money('exempt', '累计免税收入', true, 'Tax-exempt income, year to date.', '累计免税收入。'),
      money('relief', '累计减免税额', true, 'Tax relief, year to date.', '累计减免税额。'),
    ],
    examples: [
      { formula: '=CW.IIT(120000,14000,12000,12,8000)', zh: '(120000 − 14000 − 12000 − 60000) × 3% − 8000 < 0 → 0', en: '(120000 − 14000 − 12000 − 60000) × 3% − 8000 is negative → 0' },
      { formula: '=CW.IIT(40000,4000,0,4,360)', zh: '(40000 − 4000 − 20000) × 3% − 360 → 120', en: '16000 × 3% − 360 withheld → 120' },
    ],
  },
  {
    id: 'CONTRIB',
    description: "The worker's own social insurance and housing fund on a base clamped to the local limits: the total, one item, or every item.",
    zhDescription: '按当地缴费基数上下限计算个人缴纳的社会保险费和住房公积金：返回合计、某一项目，或列出明细。',
    zhReturns: '金额（元）；项目为“明细”时溢出“项目、金额”两列（含缴费基数，末行为合计）。',
    spills: true,
    params: [
      money('base', '缴费基数', false, "The worker's contribution base before the limits (usually last year's monthly average wage).", '缴费基数（上下限调整前，一般为本人上年度月平均工资）。'),
      { name: 'params', zhName: '参数表', optional: false, shape: 'matrix', description: 'The local figures: a two-column range of key and value (失业保险.个人缴费比例, 补充医疗.个人缴费, 社保基数.下限/上限, 公积金.个人缴存比例, 公积金基数.下限/上限).', zhDescription: '当地数额：“参数名、值”两列区域（失业保险.个人缴费比例、补充医疗.个人缴费、社保基数.下限/上限、公积金.个人缴存比例、公积金基数.下限/上限）。' },
      { name: 'item', zhName: '项目', optional: true, shape: 'scalar', description: 'Item name (养老保险, 医疗保险, 失业保险, 补充医疗, 住房公积金); omitted gives the total; 明细 spills every item.', zhDescription: '项目名称（养老保险、医疗保险、失业保险、补充医疗、住房公积金）；省略返回合计；“明细”列出全部项目。' },
      money('fund_base', '公积金基数', true, 'Housing-fund base when it differs from the contribution base.', '住房公积金缴存基数（与社保缴费基数不同时填写）。'),
    ],
    examples: [
      { formula: '=CW.CONTRIB(4488,参数表!$A$2:$B$8,"明细")', zh: '养老 8%、医疗 2%（国家规定）及当地失业保险、补充医疗、公积金', en: 'pension 8%, medical 2% (national) and the local unemployment, supplementary medical and housing fund' },
    ],
  },
];

/** Every function, in the order the task pane lists them. */
export const FUNCTIONS: readonly FnHelp[] = [
  {
    id: 'PAY',
    description: 'Monthly pay under the policy: one pay item, the total by default, or every item.',
    zhDescription: '按政策计算月薪酬：返回某一项目、默认返回合计，或列出全部项目明细。',
    zhReturns: '金额（元，两位小数）；项目为“明细”时溢出“项目、金额”两列（末行为合计）。',
    spills: true,
    params: [P.policy, P.post, P.entry_date, P.as_of, P.ratings, P.education, P.degree, P.certificate, P.item, P.params],
    examples: [
      { formula: '=CW.PAY("本溪","副职","2000-09-01","2023-06-01")', zh: '本溪副职，计23年 → 10级，系数1.32 → 4488', en: 'Benxi deputy, 23 counted years → grade 10, coefficient 1.32 → 4488' },
      { formula: '=CW.PAY("本溪","副职","2000-09-01","2023-06-01",,,,"社会工作师","明细")', zh: '列出 基础工资 3590.4、绩效工资 897.6、职业津贴 200、合计 4688', en: 'spills 基础工资 3590.4, 绩效工资 897.6, 职业津贴 200 and 合计 4688' },
    ],
  },
  {
    id: 'GRADE',
    description: 'Grade (岗位等级) or level the worker holds under the policy.',
    zhDescription: '按政策计算岗位等级（级别）。',
    zhReturns: '等级数字。',
    spills: false,
    params: [P.policy, P.post, P.entry_date, P.as_of, P.ratings, P.education, P.degree, P.awards, P.params],
    examples: [
      { formula: '=CW.GRADE("本溪","正职","2012-07-01","2024-03-15")', zh: '计12年 → 正职8级', en: '12 counted years → head grade 8' },
    ],
  },
  {
    id: 'TENURE',
    description: 'Counted years of service under the policy.',
    zhDescription: '按政策计算计龄（工作年限）。',
    zhReturns: '年数。',
    spills: false,
    params: [P.policy, P.entry_date, P.as_of, P.ratings, P.prior_years],
    examples: [
      { formula: '=CW.TENURE("本溪","2012-07-01","2024-03-15")', zh: '满11年又不足1年 → 计12年', en: '11 whole years plus a part year → 12' },
    ],
  },
  {
    id: 'RETIRE',
    description: 'Statutory retirement date under the national gradual-delay schedule, as an Excel date.',
    zhDescription: '按国家渐进式延迟退休办法计算法定退休日期（Excel 日期）。',
    zhReturns: 'Excel 日期序列号（请设置为日期格式）。',
    spills: false,
    params: [
      { name: 'birth_date', zhName: '出生日期', optional: false, shape: 'scalar', description: 'Date of birth: an Excel date or text such as 1965-03-15.', zhDescription: '出生日期：Excel 日期或“1965-03-15”格式的文本。' },
      { name: 'sex', zhName: '性别', optional: false, shape: 'scalar', description: 'Sex: 男 or 女.', zhDescription: '性别：男、女。' },
      { name: 'original_age', zhName: '原退休年龄', optional: true, shape: 'scalar', description: 'Original retirement age before the delay: 60 (men), 55 (women, default) or 50 (women in worker posts).', zhDescription: '延迟前的原法定退休年龄：男 60；女 55（默认）或 50（工人岗位）。' },
    ],
    examples: [
      { formula: '=CW.RETIRE("1965-03-15","男")', zh: '60岁1个月 → 2025-04-15（序列号 45762）', en: '60 years 1 month → 2025-04-15 (serial 45762)' },
    ],
  },
  {
    id: 'STAFF',
    description: "Required staffing under the policy's main rule, spilled as minimum and maximum (blank when there is none).",
    zhDescription: '按政策的主要配备标准计算应配人数，溢出为最少、最多两格（无上限时为空）。',
    zhReturns: '一行两格：最少人数、最多人数（无上限时为空）。',
    spills: true,
    params: [
      P.policy,
      { name: 'households_or_population', zhName: '户数或人口', optional: false, shape: 'scalar', description: 'Households of the community (通州, 长春新区), urban resident population of the county (本溪, 宁夏) or resident population of the district (厦门).', zhDescription: '社区户数（通州、长春新区），县区城镇常住人口（本溪、宁夏），或区常住人口（厦门）。' },
      { name: 'party_members', zhName: '党员数', optional: true, shape: 'scalar', description: 'Party members of the community party organisation, where the rule uses them.', zhDescription: '社区党组织党员人数（标准用到时）。' },
    ],
    examples: [
      { formula: '=CW.STAFF("通州",2000)', zh: '每130户1人、不少于9人 → 最少16人', en: '1 per 130 households, at least 9 → minimum 16' },
    ],
  },
  {
    id: 'EXPLAIN',
    description: 'How the pay was worked out: spills rows of step, value and source (document and article).',
    zhDescription: '说明薪酬计算过程：溢出“步骤、结果、依据（文件及条款）”三列。',
    zhReturns: '三列多行：步骤、结果、依据。',
    spills: true,
    params: [P.policy, P.post, P.entry_date, P.as_of, P.ratings, P.education, P.degree, P.certificate, P.item, P.params],
    examples: [
      { formula: '=CW.EXPLAIN("本溪","副职","2000-09-01","2023-06-01")', zh: '列出计龄、岗位等级、薪酬标准……及所依据的条款', en: 'spills the tenure, grade, pay-standard … steps with their articles' },
    ],
  },
  {
    id: 'PARAMS',
    description: "The policy's parameters, spilled as key, value, unit and citation, to paste as a 参数表 and edit.",
    zhDescription: '列出政策参数（参数名、值、单位、依据），可粘贴为参数表后修改。',
    zhReturns: '四列多行：参数名、值（未规定的为空）、单位、依据。',
    spills: true,
    params: [P.policy],
    examples: [
      { formula: '=CW.PARAMS("本溪")', zh: '列出 基数 3400 元/月 本民发〔2022〕41号 三(六)1 等', en: 'spills 基数 3400 元/月 本民发〔2022〕41号 三(六)1 and the rest' },
    ],
  },
  ...PAYROLL_FUNCTIONS,
];

/** The entry for one function id. */
export function helpOf(id: string): FnHelp | undefined {
  return FUNCTIONS.find((f) => f.id === id);
}

/** How a parameter is named in messages: `entry_date（入职日期）`. */
export function paramLabel(p: Pick<FnParamHelp, 'name' | 'zhName'>): string {
  return `${p.name}（${p.zhName}）`;
}

import { CwError, required } from '../../errors';
import { addMonths, civilOf, endOfPreviousMonth, isoOf, wholeMonthsBetween, wholeYearsBetween } from '../../dates';
import type { DayNumber } from '../../dates';
import { Decimal, roundFen, fenText, ZERO } from '../../money';
import { postInEffect } from '../../tenure';
import { Trace } from '../../trace';
import { CERTIFICATE_NAMES } from '../../vocab/certificates';
import { ratingOf } from '../../vocab/ratings';
import { educationOf, educationRank } from '../../vocab/education';
import type { Education, Degree } from '../../vocab/education';
import type { AwardLevel, Finding, PayItem, Policy, Quota, StaffingRequirement, UnitFacts, Worker, WorkerFacts } from '../../types';
import type { ParamView } from '../../params';
import { TABLE, XIAMEN_DOC, XiamenPost, xiamenParams, xm } from './params';
import { xiamenRules } from './rules';

export { XIAMEN_DOC, xiamenParams, xm } from './params';

const CERT_KEYS = { 1: '职业津贴.初级', 2: '职业津贴.中级', 3: '职业津贴.高级' } as const;
const AWARD_KEYS: Record<AwardLevel, string> = { merit: '表彰高定等级.功勋荣誉', national: '表彰高定等级.国家级', provincial: '表彰高定等级.省部级' };
const AWARD_NAMES: Record<AwardLevel, string> = { merit: '功勋荣誉', national: '国家级表彰奖励', provincial: '省部级表彰奖励' };

/** 学历津贴 level of a 学历 or 学位: 1 本科/学士, 2 硕士, 3 博士, 0 none. */
const EDU_LEVEL: Partial<Record<Education, number>> = { 本科: 1, 硕士研究生: 2, 博士研究生: 3 };
const DEG_LEVEL: Partial<Record<Degree, number>> = { 学士: 1, 硕士: 2, 博士: 3 };
const LEVEL_KEY = ['', '本科', '硕士', '博士'];

/** Years as a clerk reads them: exact to two decimals, or marked as approximate. */
function yearsText(d: Decimal): string {
  const r = d.toDecimalPlaces(2);
  return r.equals(d) ? d.toString() : `约${r.toString()}`;
}

function dateParam(p: ParamView, key: string): number {
  return p.date(key);
}

/** 第三十六条: in force from publication (2020-06-29), valid two years; outside that window compute but warn. */
function checkInForce(asOf: DayNumber, p: ParamView, trace: Trace, warnings: string[]): void {
  const start = dateParam(p, '施行日期');
  const years = p.num('有效期年数');
  const end = p.memo('validity.end', () => addMonths(start, Math.round(years * 12)) - 1);
  if (trace.on) trace.add('适用政策', `${XIAMEN_DOC}《厦门市社区工作者管理办法（试行）》，${isoOf(start)} 起施行，有效期${years}年（至${isoOf(end)}）`, p.source('有效期年数'));
  if (asOf < start) {
    warnings.push(`计算日期 ${isoOf(asOf)} 早于${XIAMEN_DOC}施行日期 ${isoOf(start)}（第三十六条）：仍按本办法计算，请核对当时适用的规定。`);
    trace.add('有效期提示', `计算日期早于施行日期 ${isoOf(start)}，仍按本办法计算`, p.source('施行日期'));
  } else if (asOf > end) {
    warnings.push(`计算日期 ${isoOf(asOf)} 已超出${XIAMEN_DOC}的有效期（${isoOf(start)} 至 ${isoOf(end)}，第三十六条）：仍按本办法计算，请核对是否已延期或有新规定。`);
    trace.add('有效期提示', `计算日期晚于有效期末日 ${isoOf(end)}，仍按本办法计算`, p.source('有效期年数'));
  }
}

/**
 * 第十一条（二）: effective years = actual cumulative community service (from 2003-03 at the
 * earliest, measured at the end of the month before the as-of date, in whole months ÷ 12)
 * + earlier service (transfers) + 0.5 per 优秀 − 0.5 per 基本合格 − 1 per 不合格.
 */
function countedYears(w: Worker, trace: Trace): number {
  const p = w.params;
  const entry = required(w.entryDate, 'entryDate', '在社区工作的起始日期（entryDate）');
  const floorDate = dateParam(p, '最早起算日期');
  const start = Math.max(entry, floorDate);
  const measure = endOfPreviousMonth(w.asOf);
  const months = start <= measure ? wholeMonthsBetween(start, measure + 1) : 0;
  const service = new Decimal(months).div(12);
  if (entry < floorDate && trace.on) {
    trace.add('最早起算', `${isoOf(entry)} 入社区，早于 ${isoOf(floorDate)}，自 ${isoOf(floorDate)} 起算`, p.source('最早起算日期'));
  }
  if (trace.on) {
    trace.add(
      '实际工作年限',
      `${isoOf(start)} 至 ${isoOf(measure)}（计算日上月末）满${months}个月，折合 ${yearsText(service)} 年`,
      xm('第十一条（二）'),
      '解读 §厦门-计龄：年限计至计算日上月末（“从次月调整”），只计满整月，按整月数 ÷ 12 折算为年',
    );
  }
  let eff = service;
  if (w.priorYears > 0) {
    eff = eff.plus(w.priorYears);
    if (trace.on) {
      trace.add('此前社区工作年限', `累计 +${w.priorYears} 年（调动前在社区的实际工作时间）`, xm('第十一条（二）'),
        '解读 §厦门-累计年限：以在社区实际工作时间累计计算；priorYears 视为已按2003年3月起算核定的年数');
    }
  }
  // Ratings of years inside the service counted: from the year counting starts (or from the
  // earliest counting year when earlier service is added) to the year of the measuring date.
  const fromYear = w.priorYears > 0 ? civilOf(floorDate).y : civilOf(start).y;
  const toYear = civilOf(measure).y;
  let excellent = 0;
  let basic = 0;
  let failed = 0;
  for (const [year, r] of w.ratings) {
    if (year < fromYear || year > toYear) continue;
    if (r === '优秀') excellent++;
    else if (r === '基本合格') basic++;
    else if (r === '不合格') failed++;
  }
  if (excellent + basic + failed > 0) {
    const plus = p.dec('考核.优秀缩短年限').times(excellent);
    const minus = p.dec('考核.基本合格延长年限').times(basic).plus(p.dec('考核.不合格延长年限').times(failed));
    const before = eff;
    eff = eff.plus(plus).minus(minus);
    if (trace.on) {
      trace.add(
        '考核等次调整年限',
        `优秀${excellent}个 +${plus}，基本合格${basic}个、不合格${failed}个 −${minus}：${yearsText(before)} → ${yearsText(eff)} 年`,
        `${p.source('考核.优秀缩短年限')}；${p.source('考核.不合格延长年限')}`,
        `解读 §厦门-考核调整：只计${fromYear}–${toYear}年度（计算日上月末之前的服务年度）的考核等次；优秀缩短半年即有效年限加0.5年`,
      );
    }
  }
  if (eff.isNegative()) {
    if (trace.on) trace.add('有效年限', `${yearsText(eff)} 年低于0，按0年计（等级不低于起点等级）`, xm('第十一条（二）'));
    eff = ZERO;
  }
  if (trace.on) trace.add('有效年限', `${yearsText(eff)} 年`, xm('第十一条（二）'));
  return eff.toNumber();
}

/** 第十一条（二）、一览表: level = start + min(11, floor(years ÷ 3)); 第二十七条 awards raise it within the post's range. */
function grade(w: Worker, years: number, trace: Trace, warnings: string[]): number {
  const post = postInEffect(w, trace, xm('第十一条（二）'), warnings) as XiamenPost;
  return levelOf(w, post, years, trace);
}

function levelOf(w: Worker, post: XiamenPost, years: number, trace: Trace): number {
  const p = w.params;
  const start = p.num(`起始等级.${post}`);
  const top = p.num(`最高等级.${post}`);
  const step = p.num('每级年限');
  // years is a whole number of months ÷ 12 (plus half-years): floor of the quotient is exact here.
  const steps = Math.max(0, Math.floor(years / step));
  let level = Math.max(start, Math.min(top, start + steps));
  if (trace.on) {
    trace.add(
      '岗位等级',
      `${post}，有效年限 ${yearsText(new Decimal(years))} 年，满${step}年晋升1级 → ${level}级（${post}${start}–${top}级）`,
      xm(`第十一条（二）；${TABLE}`),
      '解读 §厦门-等级：等级 = 起点等级 + min(11, ⌊有效年限 ÷ 3⌋)；一览表“3年以下”为起点等级，“4-6年”即满3年不满6年，恰满3年即晋1级',
    );
  }
  if (w.awards.length > 0) {
    let best: AwardLevel = w.awards[0];
    for (const a of w.awards) if (p.num(AWARD_KEYS[a]) > p.num(AWARD_KEYS[best])) best = a;
    const bonus = p.num(AWARD_KEYS[best]);
    const raised = Math.min(top, level + bonus);
    if (trace.on) {
      const others = w.awards.length > 1 ? `（共${w.awards.length}项表彰，只取最高一项）` : '';
      const capped = raised < level + bonus ? `，不超过${post}最高${top}级；已达最高等级的可由各区发放专项奖励（未计入本计算）` : '';
      trace.add('表彰高定等级', `${AWARD_NAMES[best]}高定${bonus}级${others}：${level}级 → ${raised}级${capped}`, p.source(AWARD_KEYS[best]),
        '解读 §厦门-表彰高定：第二十七条“分别高定5个、2个、1个等级”按最高一项表彰高定，不累加');
    }
    level = raised;
  }
  return level;
}

/** 学历津贴 (第十三条（三）): 双证 amount when 学历 and 学位 are of the same level, else the larger one-certificate amount. */
function educationAllowance(w: Worker, trace: Trace): Decimal | null {
  const p = w.params;
  const e = w.education === null ? 0 : EDU_LEVEL[w.education] ?? 0;
  const d = w.degree === null ? 0 : DEG_LEVEL[w.degree] ?? 0;
  if (e === 0 && d === 0) {
    if (w.education !== null && trace.on) trace.add('学历津贴', `${w.education}，不享受学历津贴（本科以上方可享受）`, xm('第十三条（三）'));
    return null;
  }
  let key: string;
  let how: string;
  if (e === d) {
    key = `学历津贴.${LEVEL_KEY[e]}.双证`;
    how = `${w.education} + ${w.degree}，学历学位均取得`;
  } else {
    const level = Math.max(e, d);
    key = `学历津贴.${LEVEL_KEY[level]}.单证`;
    const degreeText = w.degree === null ? '未填学位（按无学位）' : w.degree;
    how = `${w.education ?? '未填学历'} + ${degreeText}，学历学位不同级，按较高一项单证（${LEVEL_KEY[level]}）`;
  }
  const amount = roundFen(p.dec(key));
  if (trace.on) {
    trace.add('学历津贴', `${how} → ${fenText(amount)}`, p.source(key),
      '解读 §厦门-学历津贴：学历与学位不同级时，取较高一级的“取得学历或者学位证书之一”标准');
  }
  return amount;
}

/** 第十一条、第十二条、第十三条（三）: 基本工资 + 岗位工资 + 岗位津贴 (基础工资, 70%) + 绩效报酬 (30%) + allowances. */
function pay(w: Worker, years: number, level: number | null, trace: Trace, warnings: string[]): PayItem[] {
  const p = w.params;
  const post = postInEffect(w, new Trace(false), xm('第十一条（二）'), []) as XiamenPost;
  const lv = level ?? levelOf(w, post, years, trace);
  const items = foundationItems(w, post, lv, trace);
  const foundation = p.memo(`foundation.${post}.${lv}`, () => items.reduce((s, i) => s.plus(i.amount), ZERO));
  const out: PayItem[] = [];
  if (w.probation) {
    const ratio = p.num('试用期基础工资比例');
    const amount = roundFen(foundation.times(ratio));
    out.push({ name: '试用期基础工资', amount });
    if (trace.on) {
      trace.add('试用期薪酬', `拟定${lv}级基础工资 ${fenText(foundation)} × ${ratio} = ${fenText(amount)}；试用期不发绩效报酬`, p.source('试用期基础工资比例'),
        '解读 §厦门-试用期：“试用期薪酬按拟定等级基础工资的80%发放”即试用期全部报酬，不另发绩效报酬；第十三条（三）学历津贴、职业津贴属“其他待遇”，试用期照发');
    }
  } else {
    out.push(...items);
    const share = p.num('基础工资占比');
    const perfShare = p.num('绩效占比');
    const performance = p.memo(`performance.${post}.${lv}`, () => roundFen(foundation.times(perfShare).div(share)));
    out.push({ name: '绩效报酬', amount: performance });
    if (trace.on) {
      trace.add('绩效报酬', `基础工资 ${fenText(foundation)} × ${perfShare} ÷ ${share} = ${fenText(performance)}`, `${p.source('绩效占比')}；${p.source('基础工资占比')}`,
        '解读 §厦门-绩效：基础工资占应发报酬70%、绩效报酬占30%，故绩效报酬 = 基础工资 × 3/7（月标准额；实际按考核等次拉开档次发放）');
    }
    const y = civilOf(w.asOf).y;
    for (const year of [y - 1, y]) {
      if (w.ratings.get(year) === '不合格') {
        warnings.push(`${year}年度考核不合格：各区可给予降职降薪或扣发绩效报酬（${XIAMEN_DOC}第十四条，具体办法由各区制定），本计算未作扣减。`);
        if (trace.on) trace.add('考核不合格', `${year}年度不合格，可降职降薪或扣发绩效报酬（由各区制定办法，未扣减）`, xm('第十四条'));
      }
    }
  }
  const edu = educationAllowance(w, trace);
  if (edu !== null) out.push({ name: '学历津贴', amount: edu });
  if (w.certificate !== null) {
    const name = CERTIFICATE_NAMES[w.certificate];
    if (w.certificateDate !== null && w.certificateDate > w.asOf) {
      if (trace.on) trace.add('职业津贴', `${name}于${isoOf(w.certificateDate)}取得，计算日尚未取得，不发放`, xm('第十三条（三）'));
    } else {
      const key = CERT_KEYS[w.certificate];
      const amount = roundFen(p.dec(key));
      out.push({ name: '职业津贴', amount });
      if (trace.on) trace.add('职业津贴', `${name} ${fenText(amount)}`, p.source(key));
    }
  }
  return out;
}

/** 基本工资, 岗位工资 and 岗位津贴 of a post and level (the 基础工资 of 第十一条), each rounded to the fen. */
function foundationItems(w: Worker, post: XiamenPost, level: number, trace: Trace): PayItem[] {
  const p = w.params;
  const first = p.dec('岗位工资.一级');
  const stepWage = p.dec('岗位工资.级差');
  const { basic, postWage, allowance } = p.memo(`wages.${post}.${level}`, () => ({
    basic: roundFen(p.dec(`基本工资.${post}`)),
    postWage: roundFen(first.plus(stepWage.times(level - 1))),
    allowance: roundFen(p.dec(`岗位津贴.${post}`)),
  }));
  if (trace.on) {
    trace.add('基本工资', `${post} ${fenText(basic)}`, p.source(`基本工资.${post}`));
    trace.add('岗位工资', `${level}级：${first} + ${stepWage} × (${level} − 1) = ${fenText(postWage)}`, `${p.source('岗位工资.级差')}；${TABLE}`);
    trace.add('岗位津贴', `${post} ${fenText(allowance)}`, p.source(`岗位津贴.${post}`));
    trace.add('基础工资', `${fenText(basic)} + ${fenText(postWage)} + ${fenText(allowance)} = ${fenText(basic.plus(postWage).plus(allowance))}`, xm('第十一条'));
  }
  return [
    { name: '基本工资', amount: basic },
    { name: '岗位工资', amount: postWage },
    { name: '岗位津贴', amount: allowance },
  ];
}

/**
 * 第十三条（一）: the monthly contribution base for 五险一金 = 基本工资 + 岗位工资 + 岗位津贴 of the
 * post and level in effect at `asOf`, but not below 60% of the province's average wage
 * (`社保.全省平均工资`, monthly, no default). `level` is computed when not given.
 */
export function xiamenSocialInsuranceBase(w: Worker, level?: number | null, trace: Trace = new Trace(false), warnings: string[] = []): Decimal {
  const p = w.params;
  const post = postInEffect(w, trace, xm('第十一条（二）'), warnings) as XiamenPost;
  const lv = level ?? levelOf(w, post, countedYears(w, trace), trace);
  const wages = foundationItems(w, post, lv, trace).reduce((s, i) => s.plus(i.amount), ZERO);
  const ratio = p.num('社保.最低基数比例');
  const average = p.dec('社保.全省平均工资');
  const floor = roundFen(average.times(ratio));
  const base = wages.lessThan(floor) ? floor : wages;
  if (trace.on) {
    const how = wages.lessThan(floor) ? `低于全省平均工资 ${fenText(average)} × ${ratio} = ${fenText(floor)}，按 ${fenText(floor)}` : `不低于 ${fenText(floor)}（全省平均工资 ${fenText(average)} × ${ratio}）`;
    trace.add('社保缴交基数', `基本工资 + 岗位工资 + 岗位津贴 = ${fenText(wages)}，${how}`, `${p.source('社保.最低基数比例')}；${p.source('社保.全省平均工资')}`,
      '解读 §厦门-社保基数：按本岗位等级的三项标准额计算（试用期亦同），全省平均工资按月填写');
  }
  return base;
}

/** 第五条: district ≤ 3 per 1,000 residents; community 两委专职成员 5–9 (never over 11) and ≥ 1 专职社区党群工作者. */
function staffing(facts: UnitFacts, scope: 'community' | 'county', p: ParamView, trace: Trace): StaffingRequirement[] {
  if (scope === 'county') {
    const population = facts.population;
    if (population === undefined) {
      throw new CwError('REQUIRED', '厦门配备标准按区常住人口计算：缺少常住人口（population）。', 'population');
    }
    const perThousand = p.num('配备.每千常住人口最多人数');
    const max = new Decimal(population).times(perThousand).div(1000).floor().toNumber();
    trace.add('配备标准', `常住人口 ${population} × ${perThousand}/千人 → 不高于 ${max} 人`, p.source('配备.每千常住人口最多人数'));
    return [{
      what: '社区工作者总数', counts: 'workers', scope: 'county', min: null, max, citation: xm('第五条'),
      basis: `每1000名常住人口不高于${perThousand}人（常住人口${population}人，向下取整）`, belowSeverity: 'warning', aboveSeverity: 'error',
    }];
  }
  const low = p.num('配备.两委专职成员最少');
  const high = p.num('配备.两委专职成员最多');
  const cap = p.num('配备.两委专职成员上限');
  const party = p.num('配备.专职党群工作者最少');
  trace.add('两委专职成员', `按${low}到${high}人配备，最多不超过${cap}人`, p.source('配备.两委专职成员上限'));
  trace.add('专职社区党群工作者', `每个社区至少${party}名`, p.source('配备.专职党群工作者最少'));
  return [
    {
      what: '两委专职成员', counts: 'twoCommittees', scope: 'community', min: low, max: high, citation: xm('第五条'),
      basis: `社区“两委”专职成员按照${low}到${high}人配备`, belowSeverity: 'warning', aboveSeverity: 'warning',
    },
    {
      what: '两委专职成员', counts: 'twoCommittees', scope: 'community', min: null, max: cap, citation: xm('第五条'),
      basis: `社区“两委”专职成员最多不超过${cap}人`, belowSeverity: 'warning', aboveSeverity: 'error',
    },
    {
      what: '专职社区党群工作者', counts: 'partyWorkers', scope: 'community', min: party, max: null, citation: xm('第五条'),
      basis: `每个社区至少配备${party}名专职社区党群工作者`, belowSeverity: 'error', aboveSeverity: 'warning',
    },
  ];
}

/**
 * 第三十条（一）: a recruited worker whose probation assessment (试用期满考核) is 不合格 → 依法解除劳动合同.
 * The result is `facts.probationRating` when the roster gives it; otherwise a worker still marked
 * as on probation with a 不合格 rating in a year from entry to the as-of year. Causes (二)–(六)
 * are not data-driven.
 */
function exitTriggers(w: Worker, facts: WorkerFacts = {}): Finding[] {
  if (facts.recruited === false) return [];
  const given = (facts as WorkerFacts & { probationRating?: unknown }).probationRating;
  let evidence: string;
  if (given !== undefined && given !== null && given !== '') {
    if (ratingOf(given, 'probationRating') !== '不合格') return [];
    evidence = '试用期满考核不合格';
  } else {
    if (!w.probation) return [];
    const fromYear = w.entryDate === null ? -Infinity : civilOf(w.entryDate).y;
    const toYear = civilOf(w.asOf).y;
    const years = [...w.ratings.entries()].filter(([y, r]) => r === '不合格' && y >= fromYear && y <= toYear).map(([y]) => y).sort((a, b) => a - b);
    if (years.length === 0) return [];
    evidence = `试用期内考核不合格（${years.join('、')}年度）`;
  }
  return [{
    severity: 'error', rule: '退出情形', citation: xm('第三十条（一）'),
    message: `${evidence}，属于“招聘的社区工作者试用期满考核不合格”的情形。`,
    action: '依法解除劳动合同；如试用期尚未届满，待期满考核确认后办理。具有法律法规规定不得辞退情形的，不得解除（第三十条）。',
  }];
}

/** 第二十一条: 优秀 ≤ 25% of those rated; 社区正职 are rated separately. */
function excellentQuota(rated: number, params: ParamView): Quota {
  const ratio = params.num('优秀比例上限');
  const max = new Decimal(rated).times(ratio).floor().toNumber();
  const pct = new Decimal(ratio).times(100).toString();
  return {
    // 第二十一条 “社区正职实行单列考核”: heads are rated in a separate list, not in this 25% (解读 §厦门-优秀比例).
    max, unit: '单位', over: 'community', excludes: ['正职'], citation: xm('第二十一条'),
    basis: `优秀等次占比不超过${pct}%：参加考核${rated}人（不含社区正职）× ${ratio}，向下取整为${max}人。社区正职实行单列考核（具体标准由各区制订），不计入本比例（解读 §厦门-优秀比例）；按第二十七条直接确定为优秀的不受比例限制。`,
  };
}

/**
 * 第八条, 第九条: recruited workers need 本市户籍, 大专 or above and age ≤ 35. 第九条 lets a street relax
 * age and 学历 for people it recommends, so falling short of either is a warning naming 第九条; 户籍 is
 * not relaxable, so its absence is an error (解读 §厦门-招聘条件).
 */
function recruitment(w: Worker, facts: WorkerFacts = {}): Finding[] {
  if (facts.recruited === false) return [];
  const p = w.params;
  const out: Finding[] = [];
  const floor = educationOf(p.get('招聘.最低学历'), 'params.招聘.最低学历')!;
  if (w.education === null) {
    out.push({
      severity: 'warning', rule: '招聘条件', citation: xm('第八条'),
      message: `未提供学历，无法核对“${floor}以上学历”的招聘条件。`, action: '请补充学历（education）后再核对。',
    });
  } else if (educationRank(w.education) < educationRank(floor)) {
    out.push({
      severity: 'warning', rule: '招聘条件', citation: xm('第八条；第九条'),
      message: `学历为${w.education}，低于招聘条件“国家教育部门承认的${floor}以上学历”；第九条允许对经街道（镇）推荐的人员适当放宽学历条件（解读 §厦门-招聘条件）。`,
      action: '核对是否属于第九条可适当放宽学历条件的情形（经街道（镇）推荐），并留存推荐材料；不属于的，不符合招聘条件。',
    });
  }
  let age = facts.age;
  if (age === undefined && w.birthDate !== null) age = wholeYearsBetween(w.birthDate, w.entryDate ?? w.asOf);
  const maxAge = p.num('招聘.最高年龄');
  if (age !== undefined && age > maxAge) {
    out.push({
      severity: 'warning', rule: '招聘条件', citation: xm('第八条；第九条'),
      message: `年龄${age}周岁，超过“年龄一般在${maxAge}周岁以下”的招聘条件；第九条允许对经街道（镇）推荐的人员适当放宽年龄条件（解读 §厦门-招聘条件）。`,
      action: '核对是否属于第九条可适当放宽年龄条件的情形（经街道（镇）推荐的本社区党员、居民志愿者、退伍军人等），并留存推荐材料。',
    });
  }
  if (facts.localHukou === false) {
    out.push({
      severity: 'error', rule: '招聘条件', citation: xm('第八条'),
      message: '不具有本市户籍，不符合“具有本市户籍”的招聘条件；第九条只允许放宽年龄和学历，不放宽户籍（解读 §厦门-招聘条件）。', action: '核对户籍；不具有本市户籍的，不符合招聘条件，应依规处理。',
    });
  }
  return out;
}

/** 厦门 · xiamen-2020. */
export const xiamen: Policy = {
  id: 'xiamen-2020',
  name: '厦门',
  jurisdiction: '福建省厦门市',
  draft: false,
  ratingWords: { 优秀: '优秀', 合格: '合格', 基本合格: '基本合格', 不合格: '不合格' },
  staffBasis: { scope: 'county', fact: 'population', what: '区常住人口' },
  funding: null,
  // 第三十六条: 施行日期 and 有效期 (the warnings name it).
  inForceArticle: '第三十六条',
  readsAverageWage: true,
  title: '厦门市社区工作者管理办法（试行）',
  doc: XIAMEN_DOC,
  aliases: ['xiamen', '厦门市', 'xiamen2020'],
  posts: [
    { name: '正职', roles: ['head'], aliases: ['社区正职'] },
    { name: '副职', roles: ['deputy'], aliases: ['社区副职'] },
    { name: '专职委员', roles: ['member'], aliases: ['委员', '社区专职委员'] },
    { name: '其他社区工作者', roles: ['staff'], aliases: ['其他'] },
  ],
  params: xiamenParams,
  checkInForce,
  countedYears,
  grade,
  pay,
  staffing,
  exitTriggers,
  excellentQuota,
  recruitment,
  recruits: true,
  rules: xiamenRules,
  // 第十三条（一）: the base is the three standard amounts of the worker's grade, not the declared one.
  socialInsuranceBase: (w, trace, warnings) => xiamenSocialInsuranceBase(w, undefined, trace, warnings),
  gradeAdjustment: '厦门：工作年限每满3年晋升一个岗位等级，从次月起执行（厦民规〔2020〕2号 第十一条（二））',
};

import { CwError, shown, required } from '../../errors';
import { civilOf, isoOf, wholeMonthsBetween } from '../../dates';
import { Decimal, roundFen, fenText, ZERO } from '../../money';
import { ratingRuns } from '../../tenure';
import { ratingOf } from '../../vocab/ratings';
import { CERTIFICATE_NAMES } from '../../vocab/certificates';
import type { Education } from '../../vocab/education';
import type { Citation } from '../../citation';
import type { AwardLevel, Finding, PayItem, Policy, StaffingRequirement, UnitFacts, Worker, WorkerFacts, FundingRule, FundingShare } from '../../types';
import type { ParamView } from '../../params';
import type { Trace } from '../../trace';
import { NINGXIA_DOC, ningxiaParams, nx } from './params';
import { ningxiaRules } from './rules';

export { NINGXIA_DOC, NINGXIA_POSTS, NINGXIA_TOP_LEVEL, ningxiaParams } from './params';
export type { NingxiaPost } from './params';
export { ningxiaReservePool, ningxiaCertificationTarget } from './rules';
export type { ReservePool } from './rules';

const HEAD_POST = '两委正职';
const CERT_KEYS = { 1: '职业津贴.初级', 2: '职业津贴.中级', 3: '职业津贴.高级' } as const;
/** Ningxia's own names for the three certificate levels (四 明确薪酬标准). */
const NX_CERT_NAMES = { 1: '助理社会工作者', 2: '社会工作者', 3: '高级社会工作者' } as const;

/** 学历 → 学历津贴 class: 专科 (大专), 本科, 研究生 (硕士 or 博士研究生); below 大专 none. */
const EDUCATION_CLASS: Partial<Record<Education, '专科' | '本科' | '研究生'>> = {
  大专: '专科', 本科: '本科', 硕士研究生: '研究生', 博士研究生: '研究生',
};

const defaults = (): ParamView => ningxiaParams.resolve(null);

/**
 * Completed months of community service: entry to as-of, plus earlier service elsewhere in the
 * region (全区互认, 累计计算). `priorYears` is converted to completed months.
 */
function serviceMonths(w: Worker): { own: number; prior: number; total: number } {
  const entry = required(w.entryDate, 'entryDate', '入职日期（entryDate）');
  const own = wholeMonthsBetween(entry, w.asOf);
  const prior = Math.floor(w.priorYears * 12 + 1e-9);
  return { own, prior, total: own + prior };
}

const ym = (months: number): string => `${Math.floor(months / 12)}年${months % 12}个月`;

/**
 * 一 健全岗位序列: 社区工作年限 from the entry date to the as-of date in completed months
 * (years = months / 12, fractional), plus prior years in the region.
 */
function countedYears(w: Worker, trace: Trace): number {
  const m = serviceMonths(w);
  if (trace.on) {
    const prior = m.prior > 0 ? `；区内此前社区工作 ${ym(m.prior)}（全区互认，累计计算）` : '';
    trace.add(
      '社区工作年限',
      `${isoOf(w.entryDate!)} 入职，至 ${isoOf(w.asOf)} 满 ${ym(m.own)}${prior}；合计 ${ym(m.total)}（${+(m.total / 12).toFixed(4)} 年）`,
      nx('一 健全岗位序列'),
      '解读 §宁夏-计龄：按足月计算社区工作年限（不足1个月不计），以“月÷12”的小数年表示，使“优秀缩短半年、不合格延后半年”的半年能够生效',
    );
  }
  return m.total / 12;
}

/** An integer level parameter, checked. */
function levelParam(p: ParamView, key: string): number {
  const v = p.num(key);
  if (!Number.isInteger(v)) {
    throw new CwError('INVALID_PARAM', `宁夏参数“${key}”的值 ${v} 不是整数。可用：1 至 ${p.num('最高等级')} 的整数等级。`, `params.${key}`);
  }
  return v;
}

/**
 * 一 健全岗位序列: level = start + floor(effective years / years per level), clamped to
 * [start, 最高等级]; effective years = counted years + 0.5 × 优秀 − 0.5 × 不合格.
 */
function grade(w: Worker, years: number, trace: Trace): number {
  const post = required(w.post, 'post', '岗位类别（post）');
  const p = w.params;
  const startKey = `起始等级.${post}`;
  const stepKey = `每级年限.${post}`;
  const start = levelParam(p, startKey);
  const step = p.num(stepKey);
  const top = levelParam(p, '最高等级');
  if (start > top) {
    throw new CwError('INVALID_PARAM', `宁夏参数“${startKey}”为 ${start} 级，高于最高等级 ${top} 级。请检查参数表。`, `params.${startKey}`);
  }
  if (w.postDate !== null && trace.on) {
    trace.add('岗位变动', `文件未规定岗位变动的调整时点，按计算日岗位 ${post} 计算`, nx('一 健全岗位序列'));
  }
  const asOfYear = civilOf(w.asOf).y;
  const excellentYears: number[] = [];
  const failedYears: number[] = [];
  const ignored: number[] = [];
  for (const [year, r] of [...w.ratings.entries()].sort((a, b) => a[0] - b[0])) {
    if (r !== '优秀' && r !== '不合格') continue;
    if (year >= asOfYear) ignored.push(year);
    else (r === '优秀' ? excellentYears : failedYears).push(year);
  }
  const bonus = p.num('晋升年限调整.优秀');
  const delay = p.num('晋升年限调整.不合格');
  const serviceYears = new Decimal(Math.round(years * 12)).div(12);
  const effective = excellentYears.length + failedYears.length === 0 ? serviceYears
    : serviceYears.plus(p.dec('晋升年限调整.优秀').times(excellentYears.length)).minus(p.dec('晋升年限调整.不合格').times(failedYears.length));
  if (trace.on) {
    const parts = [`社区工作年限 ${+serviceYears.toFixed(4)} 年`];
    if (excellentYears.length) parts.push(`+ ${bonus} × ${excellentYears.length} 个优秀（${excellentYears.join('、')}年）`);
    if (failedYears.length) parts.push(`− ${delay} × ${failedYears.length} 个不合格（${failedYears.join('、')}年）`);
    const skipped = ignored.length ? `；${ignored.join('、')}年度考核未满一年度周期，暂不计入` : '';
    trace.add(
      '晋升年限',
      `${parts.join(' ')} = ${+effective.toFixed(4)} 年${skipped}`,
      nx('一 健全岗位序列'),
      '解读 §宁夏-考核调整：计算日之前各年度的优秀、不合格等次累计调整晋升年限（每个半年）；计算日当年度的等次次年起计',
    );
  }
  const steps = Math.max(0, effective.div(step).floor().toNumber());
  const level = Math.min(top, start + steps);
  if (trace.on) {
    const clamp = start + steps > top ? `，不超过最高${top}级` : effective.isNegative() ? `，不低于起始${start}级` : '';
    trace.add(
      '岗位等级',
      `${post}：起始${start}级 + ⌊${+effective.toFixed(4)} ÷ ${step}⌋ = ${level}级${clamp}`,
      `${p.source(startKey)}；${p.source(stepKey)}`,
    );
  }
  return level;
}

/** Result of {@link ningxiaLongServiceSubsidy}. */
export interface LongServiceSubsidy {
  /** Monthly amount; zero when not eligible. */
  amount: Decimal;
  /** The honour tier applied: 'national' (党中央、国务院) or 'provincial' (自治区党委政府、国家部委). */
  tier: 'national' | 'provincial' | null;
  /** The parameter the amount came from. */
  key: string | null;
  citation: Citation;
  basis: string;
}

/**
 * 四 完善激励机制: monthly 奖励补贴 for a 社区党组织书记 or 居民委员会主任 with at least 20
 * years in office and an honour. The highest honour applies: 党中央、国务院 (national) 800 in
 * post / 600 retired; 自治区党委政府、国家部委 (provincial) 600 / 500. A 功勋荣誉 (merit) is
 * conferred by 党中央、国务院 and counts as the national tier.
 */
export function ningxiaLongServiceSubsidy(
  years: number,
  award: AwardLevel | readonly AwardLevel[] | null | undefined,
  retired: boolean,
  params: ParamView = defaults(),
): LongServiceSubsidy {
  const citation = nx('四 完善激励机制');
  const awards: readonly AwardLevel[] = award == null ? [] : typeof award === 'string' ? [award] : award;
  const min = params.num('长期任职补贴.最低年限');
  const tier = awards.some((a) => a === 'national' || a === 'merit') ? 'national' : awards.includes('provincial') ? 'provincial' : null;
  if (!Number.isFinite(years) || years < 0) {
    throw new CwError('INVALID_NUMBER', `years：${shown(years)} 不是有效的任职年限。可用：≥ 0 的年数。`, 'years');
  }
  if (tier === null) {
    return { amount: ZERO, tier: null, key: null, citation, basis: '未获自治区党委政府、国家部委或党中央、国务院表彰，不享受' };
  }
  if (years < min) {
    return { amount: ZERO, tier, key: null, citation, basis: `累计任职 ${+years.toFixed(4)} 年，未满${min}年，不享受` };
  }
  const key = `长期任职补贴.${tier === 'national' ? '国家级' : '省部级'}.${retired ? '退休' : '在职'}`;
  const amount = roundFen(params.dec(key));
  const honour = tier === 'national' ? '党中央、国务院表彰' : '自治区党委政府、国家部委表彰';
  return {
    amount, tier, key, citation,
    basis: `累计任职 ${+years.toFixed(4)} 年（满${min}年），获${honour}，${retired ? '正常退休' : '在职'}每月 ${fenText(amount)} 元（多项表彰按最高一项）`,
  };
}

/**
 * 四 明确薪酬标准: 基本薪酬 (55% × city monthly average wage) + 岗位等级薪酬 + 星级补贴 +
 * 学历津贴 + 职业津贴, including 五险一金; 20% of it is 绩效薪酬 (四 落实薪酬待遇), a split.
 * Plus the long-service subsidy (四 完善激励机制) for an eligible 两委正职.
 */
function pay(w: Worker, years: number, level: number | null, trace: Trace, warnings: string[]): PayItem[] {
  const p = w.params;
  const post = required(w.post, 'post', '岗位类别（post）');
  const items: PayItem[] = [];

  const wage = p.dec('城市月平均工资');
  const ratio = p.num('基本薪酬比例');
  const basic = p.memo('基本薪酬', () => roundFen(wage.times(p.dec('基本薪酬比例'))));
  items.push({ name: '基本薪酬', amount: basic });
  if (trace.on) trace.add('基本薪酬', `地级市上年度月平均工资 ${fenText(wage)} × ${ratio} = ${fenText(basic)}`, `${p.source('城市月平均工资')}；${p.source('基本薪酬比例')}`);

  const tableKey = `岗位等级薪酬.${post}.${level}`;
  const levelPay = roundFen(p.dec(tableKey));
  items.push({ name: '岗位等级薪酬', amount: levelPay });
  if (trace.on) trace.add('岗位等级薪酬', `${post}${level}级 ${fenText(levelPay)}`, p.source(tableKey));

  if (w.star !== null) {
    const key = `星级补贴.${w.star}`;
    const amount = roundFen(p.dec(key));
    items.push({ name: '星级补贴', amount });
    if (trace.on) trace.add('星级补贴', `${w.star}星级社区党组织 ${fenText(amount)}`, p.source(key), '解读 §宁夏-星级补贴：“一至五星级…每月100至500元”按每星100元逐级对应（1星100 … 5星500）');
  } else if (trace.on) {
    trace.add('星级补贴', '未提供社区党组织星级（star），不计', nx('四 明确薪酬标准'));
  }

  const eduClass = w.education === null ? undefined : EDUCATION_CLASS[w.education];
  if (eduClass) {
    const key = `学历津贴.${eduClass}`;
    const amount = roundFen(p.dec(key));
    items.push({ name: '学历津贴', amount });
    if (trace.on) trace.add('学历津贴', `${w.education}${w.education === eduClass ? '' : `（${eduClass}）`} ${fenText(amount)}`, p.source(key), '解读 §宁夏-学历津贴：按学历（国家承认）计发，与学位无关；大专 = 专科，硕士、博士研究生 = 研究生');
  } else if (trace.on) {
    trace.add('学历津贴', w.education === null ? '未提供学历（education），不计' : `${w.education}，低于大学专科，不发放`, nx('四 明确薪酬标准'));
  }

  if (w.certificate !== null) {
    const key = CERT_KEYS[w.certificate];
    const name = `${NX_CERT_NAMES[w.certificate]}（${CERTIFICATE_NAMES[w.certificate]}）`;
    if (w.certificateDate !== null && w.certificateDate > w.asOf) {
      if (trace.on) trace.add('职业津贴', `${name}取证日期 ${isoOf(w.certificateDate)} 晚于计算日，不发放`, nx('四 明确薪酬标准'));
    } else {
      const amount = roundFen(p.dec(key));
      items.push({ name: '职业津贴', amount });
      if (w.certificateDate === null) warnings.push('未提供取证日期（certificateDate），按计算日已持证发放职业津贴；请核对取证日期。');
      if (trace.on) trace.add('职业津贴', `${name} ${fenText(amount)}`, p.source(key), '解读 §宁夏-职业津贴：文件未规定起发时点，自取证之日起计发');
    }
  }

  const standard = items.reduce((s, i) => s.plus(i.amount), ZERO);
  if (trace.on) {
    const perfRatio = p.num('绩效薪酬比例');
    const performance = roundFen(standard.times(p.dec('绩效薪酬比例')));
    trace.add('薪酬（含五险一金）', `${items.map((i) => `${i.name} ${fenText(i.amount)}`).join(' + ')} = ${fenText(standard)}；“五险一金”在此薪酬内列支，不另加`, nx('四 明确薪酬标准'), '解读 §宁夏-五险一金：薪酬标准含“五险一金”');
    trace.add(
      '其中绩效薪酬',
      `${fenText(standard)} × ${perfRatio} = ${fenText(performance)}，依据考核结果按月发放；其余 ${fenText(standard.minus(performance))} 为固定部分（拆分，不另加）`,
      p.source('绩效薪酬比例'),
      '解读 §宁夏-绩效薪酬：绩效薪酬为薪酬的20%，从中划出而非另加；按月考核的发放办法由县级考核方案确定，此处按全额列示',
    );
    if (w.probation) trace.add('试用期', '文件未规定试用期薪酬，按拟定岗位等级全额计算', nx('三 完善退出机制'));
  }

  // 四 完善激励机制 counts years as 书记/主任, not community years (解读 §宁夏-长期任职).
  if (post === HEAD_POST && w.awards.length > 0) {
    if (w.headYears === null) {
      warnings.push(`未提供任社区党组织书记、居民委员会主任的累计年限（headYears，花名册“任书记主任年限”列）：长期任职奖励补贴要求累计任职满${p.num('长期任职补贴.最低年限')}年，未计发；请补充任职年限。`);
      if (trace.on) trace.add('长期任职奖励补贴', '未提供任书记、主任累计年限（headYears），不计发；社区工作年限不能代替', nx('四 完善激励机制'), '解读 §宁夏-长期任职');
    } else {
      const s = ningxiaLongServiceSubsidy(w.headYears, w.awards, false, p);
      if (s.amount.greaterThan(0)) items.push({ name: '长期任职奖励补贴', amount: s.amount });
      if (trace.on) trace.add('长期任职奖励补贴', `任书记、主任${s.basis}${s.amount.greaterThan(0) ? '；不属于四部分薪酬，不计入绩效薪酬基数' : ''}`, s.key ? p.source(s.key) : s.citation, '解读 §宁夏-长期任职');
    }
  }

  const total = items.reduce((s, i) => s.plus(i.amount), ZERO);
  if (w.currentPay !== null && total.lessThan(w.currentPay)) {
    warnings.push(`按宁夏标准计算的薪酬 ${fenText(total)} 低于现行薪酬 ${fenText(w.currentPay)}；文件未规定保留原标准，请按当地过渡办法处理。`);
  }
  if (trace.on && standard.greaterThan(0) && wage.greaterThan(0)) {
    trace.add('薪酬水平', `四部分薪酬 ${fenText(standard)} 为地级市上年度月平均工资的 ${standard.div(wage).times(100).toFixed(1)}%（目标：逐步达到平均工资水平）`, nx('四 明确薪酬标准'));
  }
  return items;
}

/**
 * 一 优化队伍结构: at county level, 18 workers per 10,000 urban residents as TOTAL CONTROL.
 * The figure is rounded half-up to whole people and is both the floor and the ceiling:
 * above it is an error, below it a warning.
 */
function staffing(facts: UnitFacts, scope: 'community' | 'county', p: ParamView, trace: Trace): StaffingRequirement[] {
  if (scope !== 'county') return [];
  const urban = facts.urbanPopulation;
  if (urban === undefined || urban === null) {
    throw new CwError('REQUIRED', `宁夏社区工作者总量按县级城镇常住人口计算：${facts.name ? `${facts.name}` : ''}缺少城镇常住人口（urbanPopulation）。`, 'urbanPopulation');
  }
  if (!Number.isFinite(urban) || urban < 0) {
    throw new CwError('INVALID_NUMBER', `urbanPopulation：${shown(urban)} 不是有效的城镇常住人口。可用：≥ 0 的人数。`, 'urbanPopulation');
  }
  const per = p.num('配备.每万城镇常住人口人数');
  const exact = new Decimal(urban).times(per).div(10000);
  const n = exact.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  if (trace.on) {
    trace.add(
      '总量控制',
      `城镇常住人口 ${urban} × ${per}/万 = ${+exact.toFixed(4)} → 核定 ${n} 人（超出为违规，不足为提示）`,
      p.source('配备.每万城镇常住人口人数'),
      '解读 §宁夏-配备总量：“按照每万城镇常住人口拥有社区工作者18人标准实行总量控制”——按四舍五入取整得核定总量，既是上限也是应配数',
    );
  }
  return [{
    what: '社区工作者总数', counts: 'workers', scope: 'county', min: n, max: n, citation: nx('一 优化队伍结构'),
    basis: `每万城镇常住人口${per}人，实行总量控制：${urban} × ${per} ÷ 10000 = ${+exact.toFixed(4)}，四舍五入为${n}人`,
    belowSeverity: 'warning', aboveSeverity: 'error',
  }];
}

/** Result of {@link ningxiaRegionalShare}. */
export interface RegionalShare {
  /** Canonical county (district) name, or the name as given when not recognised. */
  county: string;
  area: 'mountain' | 'other' | 'ningdong';
  /** Share of the pay bill the region's budget pays (0.8 or 0.2). */
  ratio: number;
  /** The region's amount, rounded half-up to the fen. */
  amount: Decimal;
  citation: Citation;
  basis: string;
  /** Set when the name is not a county-level unit of Ningxia (the 20% rate was applied). */
  warning?: string;
}

/** 山区9县（区）(四 落实薪酬待遇): the published default of the 山区县名单 parameter (from outside the document). */
export const NINGXIA_MOUNTAIN_COUNTIES: readonly string[] = String(ningxiaParams.byKey.get('山区县名单')!.value).split('、');

/** The mountain-county list in force: the 山区县名单 parameter, canonical names (`西吉` → 西吉县). */
function mountainCounties(p: ParamView): ReadonlySet<string> {
  return p.memo('山区县名单', () => new Set(String(p.get('山区县名单')).split(/[、,，;；\s]+/).filter((s) => s !== '').map((s) => countyOf(s, new Set()).name)));
}
/** Ningxia's 22 county-level units, by prefecture city, to recognise names. */
const NINGXIA_COUNTIES: Record<string, string[]> = {
  银川市: ['兴庆区', '金凤区', '西夏区', '永宁县', '贺兰县', '灵武市'],
  石嘴山市: ['大武口区', '惠农区', '平罗县'],
  吴忠市: ['利通区', '红寺堡区', '盐池县', '同心县', '青铜峡市'],
  固原市: ['原州区', '西吉县', '隆德县', '泾源县', '彭阳县'],
  中卫市: ['沙坡头区', '中宁县', '海原县'],
};
const SUFFIX = /(开发区|县|区|市)$/;
const CORE_TO_NAME = new Map<string, string>(Object.values(NINGXIA_COUNTIES).flat().map((n) => [n.replace(SUFFIX, ''), n]));
const PREFIX_REGION = /^(宁夏回族自治区|宁夏自治区|宁夏)/;
const PREFIX_CITY = new RegExp(`^(${Object.keys(NINGXIA_COUNTIES).map((c) => `${c.replace(/市$/, '')}市?`).join('|')})`);

/** Canonical name and area of a county text: `西吉`, `西吉县`, `固原市西吉县`, `宁东能源化工基地`. */
function countyOf(text: string, mountain: ReadonlySet<string>): { name: string; area: RegionalShare['area']; known: boolean } {
  let t = text.replace(/\s+/g, '').replace(PREFIX_REGION, '');
  if (t.startsWith('宁东')) return { name: '宁东', area: 'ningdong', known: true };
  const stripped = t.replace(PREFIX_CITY, '');
  if (stripped !== '') t = stripped;
  const name = CORE_TO_NAME.get(t.replace(SUFFIX, '')) ?? CORE_TO_NAME.get(t);
  if (!name) return { name: text.trim(), area: 'other', known: false };
  return { name, area: mountain.has(name) ? 'mountain' : 'other', known: true };
}

/**
 * 四 落实薪酬待遇: the region's budget pays 80% of the pay bill of the nine mountain counties
 * (districts) and 20% elsewhere and for 宁东; the city and county pay the rest.
 */
export function ningxiaRegionalShare(county: string, amount: Decimal | number | string, params: ParamView = defaults()): RegionalShare {
  if (typeof county !== 'string' || county.trim() === '') {
    throw new CwError('REQUIRED', `county：缺少县（区）名称 ${shown(county)}。可用：如“西吉县”“原州区”“兴庆区”“宁东”。`, 'county');
  }
  const mountain = mountainCounties(params);
  const c = countyOf(county, mountain);
  const key = c.area === 'mountain' ? '自治区补助比例.山区' : '自治区补助比例.其他';
  const ratio = params.num(key);
  const bill = new Decimal(amount);
  const share = roundFen(bill.times(ratio));
  const where = c.area === 'mountain' ? '山区9县（区）之一' : c.area === 'ningdong' ? '宁东' : '其他县（区）';
  const out: RegionalShare = {
    county: c.name, area: c.area, ratio, amount: share, citation: nx('四 落实薪酬待遇'),
    basis: `${c.name}属${where}，自治区财政补助 ${ratio * 100}%：${fenText(bill)} × ${ratio} = ${fenText(share)}（${params.source(key)}；山区县名单：${params.isOverridden('山区县名单') ? '参数表' : '文件未列名称，默认名单来自文件之外，解读 §宁夏-山区县'}）`,
  };
  if (!c.known) out.warning = `“${county.trim()}”不是宁夏的县（区）名称，按其他县（区）${ratio * 100}%计算；请核对名称（山区9县（区）：${[...mountain].join('、')}）。`;
  return out;
}

/**
 * 三 完善退出机制: 试用期满考核不合格, or 连续2个年度考核为不合格等次 → 依法解除劳动合同.
 * The probation result is read from `facts.probationRating`.
 */
function exitTriggers(w: Worker, facts: WorkerFacts): Finding[] {
  const out: Finding[] = [];
  const citation = nx('三 完善退出机制');
  const probation = facts?.probationRating === undefined ? null : ratingOf(facts.probationRating, 'probationRating');
  if (probation === '不合格') {
    out.push({
      severity: 'error', rule: '退出情形', citation,
      message: '试用期满考核不合格，属于解除劳动合同的退出情形。',
      action: '按照相关规定及约定依法解除劳动合同。',
    });
  }
  const runs = ratingRuns(w.ratings, '不合格');
  const consecutive = w.params.num('退出.连续不合格年数');
  if (runs.longest >= consecutive) {
    out.push({
      severity: 'error', rule: '退出情形', citation,
      message: `连续${runs.longest}个年度考核为不合格等次（不合格年度：${runs.years.join('、')}年），属于连续${consecutive}个年度考核不合格的退出情形。`,
      action: '按照相关规定及约定依法解除劳动合同；属于社区“两委”成员的，按有关规定履行罢免等程序。',
    });
  }
  return out;
}

/** 四 落实薪酬待遇 as a funding rule: the region's share of each county's pay bill, rates and list from the parameters. */
const ningxiaFunding: FundingRule = {
  shareLabel: '自治区补助',
  restLabel: '市、县（区）承担',
  share(county, _heads, bill, params) {
    const s = ningxiaRegionalShare(county || '（未填区县）', bill, params);
    const out: FundingShare = { county: s.county, share: s.amount, rate: `${new Decimal(s.ratio).times(100).toString()}%`, basis: s.basis, citation: s.citation };
    if (s.warning) out.warning = s.warning;
    return out;
  },
  statement(params) {
    const pct = (key: string) => `${new Decimal(params.num(key)).times(100).toString()}%`;
    const list = params.isOverridden('山区县名单') ? '参数表所列' : '文件未列名称，按通行名单，解读 §宁夏-山区县';
    return `自治区财政对山区9县（区）（${list}）按社区工作者薪酬总额的${pct('自治区补助比例.山区')}补助，其他县（区）和宁东按${pct('自治区补助比例.其他')}补助，其余由市、县（区）承担。`;
  },
};

/** 宁夏 · ningxia-2024. */
export const ningxia: Policy = {
  id: 'ningxia-2024',
  name: '宁夏',
  jurisdiction: '宁夏回族自治区',
  draft: false,
  ratingWords: { 优秀: '优秀', 合格: '合格', 基本合格: '基本合格', 不合格: '不合格' },
  staffBasis: { scope: 'county', fact: 'urbanPopulation', what: '县、区城镇常住人口' },
  funding: ningxiaFunding,
  // Never warns: no validity window.
  inForceArticle: '施行与有效期',
  readsAverageWage: false,
  title: '关于加强社区工作者队伍建设的实施意见',
  doc: NINGXIA_DOC,
  aliases: ['ningxia', '宁夏回族自治区', 'ningxia2024', 'nx'],
  posts: [
    { name: '两委正职', roles: ['head'], aliases: ['正职', '“两委”正职', '社区“两委”正职', '社区两委正职'] },
    { name: '两委副职', roles: ['deputy'], aliases: ['副职', '“两委”副职', '社区“两委”副职', '社区两委副职'] },
    { name: '两委其他专职成员', roles: ['member'], aliases: ['其他专职成员', '“两委”其他专职成员', '社区“两委”其他专职成员', '两委其他成员'] },
    { name: '专职工作人员', roles: ['staff'], aliases: ['社区专职工作人员', '工作人员'] },
  ],
  params: ningxiaParams,
  checkInForce(asOf, params, trace) {
    const start = isoOf(params.date('施行日期'));
    if (asOf < params.date('施行日期')) {
      throw new CwError('NOT_IN_FORCE', `asOf：宁夏《关于加强社区工作者队伍建设的实施意见》于 ${start} 印发施行，计算日期 ${isoOf(asOf)} 早于此日。请使用 ${start} 或之后的日期。`, 'asOf');
    }
    if (trace.on) trace.add('适用政策', `${NINGXIA_DOC}，${start} 起适用`, params.source('施行日期'), '解读 §宁夏-施行日期：文件未另定施行日期，自成文日期起适用');
  },
  countedYears,
  grade: (w, years, trace) => grade(w, years, trace),
  pay,
  staffing,
  exitTriggers,
  // 宁夏 sets no 优秀 ratio (三 强化考核奖惩 only names the four grades) and no age or education floor
  // for recruitment (一 优化队伍结构: "科学设置学历、专业等条件", left to the county).
  excellentQuota: () => null,
  recruitment: () => [],
  recruits: false,
  rules: ningxiaRules,
  socialInsuranceBase: null,
  gradeAdjustment: '宁夏：按岗位等级表（市级参数）的年限晋级，从次月起执行（“4岗24级”）',
};

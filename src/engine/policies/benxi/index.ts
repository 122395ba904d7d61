import { CwError, required } from '../../errors';
import { civilOf, isoOf, startOfNextMonth, startOfYear } from '../../dates';
import { ZERO, roundFen, fenText, sumOf } from '../../money';
import { postInEffect, ratingRuns, yearsRoundedUp } from '../../tenure';
import { CERTIFICATE_NAMES } from '../../vocab/certificates';
import { educationRank } from '../../vocab/education';
import type { Finding, FundingRule, PayItem, Policy, StaffingRequirement, UnitFacts, Worker } from '../../types';
import type { ParamView } from '../../params';
import type { Citation } from '../../citation';
import type { Decimal } from '../../money';
import type { Trace } from '../../trace';
import { BENXI_DOC, benxiParams, bx } from './params';
import { benxiRules } from './rules';

export { benxiTermChecks } from './rules';

const CERT_KEYS = { 1: '职业津贴.初级', 2: '职业津贴.中级', 3: '职业津贴.高级' } as const;

/**
 * 三(六)3(1),(4): continuous years from the last entry, a part year counted whole, changing
 * on 1 January after the years are reached; a 不合格 year is not counted; never below 1.
 */
function countedYears(w: Worker, trace: Trace): number {
  const entry = required(w.entryDate, 'entryDate', '入职日期（entryDate）');
  const jan1 = startOfYear(w.asOf);
  const asOfYear = civilOf(w.asOf).y;
  let years: number;
  if (entry >= jan1) {
    years = 1;
    if (trace.on) trace.add('计龄', `${isoOf(entry)} 入职，当年不满1年按1年计，计1年`, bx('三(六)3(1)'), '解读 §本溪-计龄：按次年1月1日统一调整，不满1年按1年计');
  } else {
    const span = yearsRoundedUp(entry, jan1);
    years = span.counted;
    if (trace.on) {
      const how = span.exact ? `满${span.whole}年` : `满${span.whole}年又不足1年`;
      trace.add('计龄', `${isoOf(entry)} 入职，至${isoOf(jan1)} ${how}，计${years}年`, bx('三(六)3(1)'), '解读 §本溪-计龄：按次年1月1日统一调整，不满1年按1年计');
    }
  }
  const entryYear = civilOf(entry).y;
  let failed = 0;
  for (const [year, r] of w.ratings) if (r === '不合格' && year >= entryYear && year < asOfYear) failed++;
  if (failed > 0) {
    const before = years;
    years = Math.max(1, years - failed);
    if (trace.on) trace.add('不合格年度不计年限', `${failed} 个不合格年度，${before} − ${failed} → ${years}年（不低于1年）`, bx('三(六)3(4)'));
  }
  if (w.priorYears > 0 && trace.on) {
    trace.add('此前工作年限', `不计入（间断任职从最后一次入职起算）`, bx('三(六)3(1)'));
  }
  return years;
}

/** 三(二), 附件: grade from post and counted years, one grade per 每级年限 years; optional degree step (三(六)2). */
function grade(w: Worker, years: number, trace: Trace, warnings: string[]): number {
  const post = postInEffect(w, trace, bx('三(六)3(2)'), warnings);
  const p = w.params;
  const start = p.num(`起始等级.${post}`);
  const top = p.num(`最高等级.${post}`);
  const step = p.num('每级年限');
  let g = Math.min(top, start + Math.floor((years - 1) / step));
  if (trace.on) trace.add('岗位等级', `${post}，计${years}年 → ${g}级（${post}${start}–${top}级，每${step}年一级）`, bx('三(二)；附件'));
  const qualifies = (w.degree !== null && w.degree !== '无') || (w.education !== null && educationRank(w.education) >= educationRank('硕士研究生'));
  if (qualifies) {
    if (p.flag('学历学位提升等级')) {
      const raised = Math.min(top, g + 1);
      if (trace.on) trace.add('学历学位提升等级', `${g}级 → ${raised}级（只提升1级，不超过${post}最高${top}级）`, p.source('学历学位提升等级'), '解读 §本溪-学位提升：默认不启用；启用时只提升1级');
      g = raised;
    } else if (trace.on) {
      trace.add('学历学位提升等级', '本县、区未启用（默认否），不提升', p.source('学历学位提升等级'), '解读 §本溪-学位提升：“鼓励有条件的县、区”，默认不启用');
    }
  }
  return g;
}

/** 三(六)1–3: 薪酬标准 = 基数 × 系数, split 80/20; 职业津贴; probation; failed year; no cut. */
function pay(w: Worker, _years: number, g: number | null, trace: Trace, warnings: string[]): PayItem[] {
  const p = w.params;
  // The standard and its split depend only on the grade and the parameters: computed once per grade.
  const { standard, basic, performance: fullPerformance } = p.memo(`pay.${g}`, () => {
    const standard = p.dec('基数').times(p.dec(`系数.${g}`));
    return { standard, basic: roundFen(standard.times(p.dec('基础工资比例'))), performance: roundFen(standard.times(p.dec('绩效工资比例'))) };
  });
  let performance = fullPerformance;
  if (trace.on) {
    // A 基数 from the 参数表 or with a history names where it came from and since when.
    const source = p.isOverridden('基数') || p.history('基数').length > 1 ? `${p.source('基数')}；附件` : bx('三(六)1；附件');
    trace.add('薪酬标准', `基数 ${p.dec('基数').toFixed(2)} × 系数 ${p.num(`系数.${g}`)} = ${fenText(standard)}`, source);
  }
  if (trace.on) trace.add('基础工资', `${fenText(standard)} × ${p.num('基础工资比例')} = ${fenText(basic)}`, p.source('基础工资比例'));
  const asOfYear = civilOf(w.asOf).y;
  if (w.probation) {
    performance = ZERO;
    if (trace.on) trace.add('试用期', `按拟定岗位等级的基础工资发放，不发绩效工资${w.certificate !== null ? '，也不发职业津贴（转正后发放）' : ''}`, bx('三(六)3(5)'), '解读 §本溪-试用期薪酬');
  } else if (w.ratings.get(asOfYear) === '不合格') {
    performance = ZERO;
    if (trace.on) trace.add('绩效工资', `${asOfYear}年度考核不合格，不发放本年度绩效工资`, bx('三(六)3(4)'));
  } else if (trace.on) {
    trace.add('绩效工资', `${fenText(standard)} × ${p.num('绩效工资比例')} = ${fenText(performance)}（按年度考核发放）`, p.source('绩效工资比例'));
  }
  const items: PayItem[] = [
    { name: '基础工资', amount: basic },
    { name: '绩效工资', amount: performance },
  ];
  // 三(六)3(5): probation pay is the intended grade's 基础工资 and nothing else; 职业津贴 is part of the
  // 薪酬结构 (三(六)2) and starts with the regular appointment (解读 §本溪-试用期薪酬).
  if (w.certificate !== null && !w.probation) {
    const key = CERT_KEYS[w.certificate];
    const from = w.certificateDate === null ? null : startOfNextMonth(w.certificateDate);
    if (from !== null && w.asOf < from) {
      items.push({ name: '职业津贴', amount: ZERO });
      if (trace.on) trace.add('职业津贴', `${CERTIFICATE_NAMES[w.certificate]}于${isoOf(w.certificateDate!)}批准，自${isoOf(from)}起发放，计算日尚未发放`, bx('三(六)3(3)'));
    } else {
      const amount = roundFen(p.dec(key));
      items.push({ name: '职业津贴', amount });
      if (w.certificateDate === null) warnings.push('未提供取证日期（certificateDate），按已满批准次月发放职业津贴计算；请核对证书批准日期。');
      if (trace.on) trace.add('职业津贴', `${CERTIFICATE_NAMES[w.certificate]} ${fenText(amount)}${from !== null ? `（自${isoOf(from)}起）` : ''}`, `${p.source(key)}；${BENXI_DOC} 三(六)3(3)`);
    }
  }
  const total = sumOf(items.map((i) => i.amount));
  if (w.currentPay !== null && total.lessThan(w.currentPay)) {
    const keep = roundFen(w.currentPay.minus(total));
    items.push({ name: '保留原标准补差', amount: keep });
    if (trace.on) trace.add('保持原标准不变', `按系数计算 ${fenText(total)} 低于现行标准 ${fenText(w.currentPay)}，补差 ${fenText(keep)}`, bx('三(六)3(6)'));
  }
  return items;
}

/** 三(四): at county/district level, at least 18 workers per 10,000 urban residents. */
function staffing(facts: UnitFacts, scope: 'community' | 'county', p: ParamView, trace: Trace): StaffingRequirement[] {
  if (scope !== 'county') return [];
  const urban = facts.urbanPopulation;
  if (urban === undefined) {
    throw new CwError('REQUIRED', '本溪配备标准按县、区城镇常住人口计算：缺少城镇常住人口（urbanPopulation）。', 'urbanPopulation');
  }
  const perTenThousand = p.num('配备.每万城镇常住人口最少人数');
  const min = Math.ceil((urban * perTenThousand) / 10000 - 1e-9);
  trace.add('配备标准', `城镇常住人口 ${urban} × ${perTenThousand}/万 → 不少于 ${min} 人`, p.source('配备.每万城镇常住人口最少人数'));
  return [{
    what: '社区工作者总数', counts: 'workers', scope: 'county', min, max: null, citation: bx('三(四)'),
    basis: `每万城镇常住人口不少于${perTenThousand}人`, belowSeverity: 'error', aboveSeverity: 'warning',
  }];
}

/** 三(十二): 连续2年或累计3年考核不合格 → 依法依规解除劳动合同. */
function exitTriggers(w: Worker): Finding[] {
  const runs = ratingRuns(w.ratings, '不合格');
  const consecutive = w.params.num('退出.连续不合格年数');
  const cumulative = w.params.num('退出.累计不合格年数');
  if (runs.longest < consecutive && runs.total < cumulative) return [];
  const why = runs.longest >= consecutive ? `连续${runs.longest}年考核不合格` : `累计${runs.total}年考核不合格`;
  return [{
    severity: 'error', rule: '退出情形', citation: bx('三(十二)'),
    message: `${why}（${runs.years.join('、')}年），属于连续${consecutive}年或累计${cumulative}年考核不合格的退出情形。`,
    action: '依法依规解除劳动合同；属于社区“两委”成员的，按相关法律法规履行退出程序。',
  }];
}

/** City funding for a county (三(六)5): per approved head per month. */
export interface CityFunding {
  perHead: Decimal;
  heads: number;
  /** Monthly city share for all approved heads; the rest is the county's. */
  monthly: Decimal;
  citation: Citation;
  basis: string;
}

/**
 * 三(六)5: the city pays, per approved head per month, 30% of the 1,000-yuan living subsidy and
 * 30% of the 100-yuan adjustment (330 yuan); the county pays the rest.
 */
export function benxiCityFunding(approvedHeads: number, params: ParamView = benxiParams.resolve(null)): CityFunding {
  if (!Number.isInteger(approvedHeads) || approvedHeads < 0) {
    throw new CwError('INVALID_NUMBER', `核定人数：${approvedHeads} 无效。可用：0 或正整数。`, 'approvedHeads');
  }
  const share = params.dec('市级补助.比例');
  const a = params.dec('市级补助.生活补贴基数');
  const b = params.dec('市级补助.调整补贴基数');
  const perHead = roundFen(a.times(share).plus(b.times(share)));
  return {
    perHead, heads: approvedHeads, monthly: roundFen(perHead.times(approvedHeads)), citation: bx('三(六)5'),
    basis: `${fenText(a)} × ${share} + ${fenText(b)} × ${share} = ${fenText(perHead)} 元/人·月，其余由县区财政承担`,
  };
}

/** 三(六)5 as a funding rule: the city's share per head on the roster (核定人数 = 在册人数). */
const benxiFunding: FundingRule = {
  shareLabel: '市级补助',
  restLabel: '县区承担',
  share(county, heads, _bill, params) {
    const f = benxiCityFunding(heads, params);
    return { county: county || '（未填区县）', share: f.monthly, rate: `${fenText(f.perHead)} 元/人·月`, basis: f.basis, citation: f.citation };
  },
  statement(params) {
    const f = benxiCityFunding(0, params);
    return `市级财政按核定人数每人每月补助 ${fenText(f.perHead)} 元（${f.basis}）。核定人数按花名册在册人数计。`;
  },
};

/** 本溪 · benxi-2022. */
export const benxi: Policy = {
  id: 'benxi-2022',
  name: '本溪',
  jurisdiction: '辽宁省本溪市',
  draft: false,
  ratingWords: { 优秀: '优秀', 合格: '合格', 基本合格: '基本合格', 不合格: '不合格' },
  staffBasis: { scope: 'county', fact: 'urbanPopulation', what: '县、区城镇常住人口' },
  funding: benxiFunding,
  // Never warns: no validity window.
  inForceArticle: '施行与有效期',
  readsAverageWage: true,
  title: '关于加强全市社区工作者职业体系建设的实施意见（试行）',
  doc: BENXI_DOC,
  aliases: ['benxi', '本溪市', 'benxi2022'],
  posts: [
    { name: '正职', roles: ['head'], aliases: ['社区正职'] },
    { name: '副职', roles: ['deputy'], aliases: ['社区副职'] },
    { name: '工作人员', roles: ['member', 'staff'], aliases: ['社区工作人员'] },
  ],
  params: benxiParams,
  checkInForce(asOf, params, trace) {
    const start = params.date('施行日期');
    if (asOf < start) {
      throw new CwError('NOT_IN_FORCE', `asOf：本溪薪酬办法自 ${isoOf(start)} 起执行（${BENXI_DOC} 三(六)4），计算日期 ${isoOf(asOf)} 早于此日。请使用 ${isoOf(start)} 或之后的日期。`, 'asOf');
    }
    if (trace.on) trace.add('适用政策', `${BENXI_DOC}，${isoOf(start)} 起执行`, params.source('施行日期'));
  },
  countedYears,
  grade,
  pay,
  staffing,
  exitTriggers,
  // 本溪 sets no 优秀 ratio and no age or education floor for recruitment (三(五) only requires an exam).
  excellentQuota: () => null,
  recruitment: () => [],
  recruits: false,
  rules: benxiRules,
  socialInsuranceBase: null,
  gradeAdjustment: '本溪：工作年限按次年1月1日统一调整，岗位等级随之每年1月1日调整（本民发〔2022〕41号 三(六)3(1)；附件）',
};

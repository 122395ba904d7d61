import { CwError, shown, required } from '../../errors';
import { isoOf, wholeMonthsBetween, wholeYearsBetween } from '../../dates';
import { Decimal, roundFen, fenText } from '../../money';
import { CERTIFICATE_NAMES } from '../../vocab/certificates';
import { atLeastJuniorCollege } from '../../vocab/education';
import type { Finding, PayItem, Policy, StaffingRequirement, UnitFacts, Worker, WorkerFacts } from '../../types';
import type { ParamView } from '../../params';
import type { Trace } from '../../trace';
import { changchunRules } from './rules';
import { CHANGCHUN_DOC, CHANGCHUN_ZONES, changchunParams, cc } from './params';

export { CHANGCHUN_DOC, CHANGCHUN_POSTS, CHANGCHUN_ZONES, changchunParams } from './params';
export { changchunServiceHallCheck, changchunCertificateTarget, changchunTrainingDue } from './rules';
export type { TrainingDue } from './rules';


// ───────────────────────── 二(四) pay table parameter ─────────────────────────

/** One step of a post's pay table: from `fromYears` counted years, `amount` yuan a month. */
export interface PayTableStep {
  fromYears: number;
  amount: Decimal;
}

const FORMAT_HINT = '应为“年限:月薪酬”对，用分号分隔，年限为从0起递增的整数，月薪酬为元（最多两位小数），如“0:3000;3:3200;6:3400”';

/** Index of the first ':' or '：' in `text`, or -1. */
function firstColon(text: string): number {
  const a = text.indexOf(':');
  const b = text.indexOf('：');
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

/**
 * Parses a `薪酬表.<post>` parameter: "年限:月薪酬" pairs separated by ; ； 、 , ， or new lines,
 * thresholds whole years starting at 0 and strictly increasing. Any slip is an INVALID_PARAM
 * error in Chinese that names the parameter, the offending pair and the expected form.
 */
export function parseChangchunPayTable(text: string, key: string): PayTableStep[] {
  const fail = (detail: string): never => {
    throw new CwError('INVALID_PARAM', `长春新区参数“${key}”格式有误：${detail}。${FORMAT_HINT}。`, `params.${key}`);
  };
  const pairs = text.split(/[;；、,，\r\n]+/).map((s) => s.trim()).filter((s) => s !== '');
  if (pairs.length === 0) fail('没有任何“年限:月薪酬”对');
  const steps: PayTableStep[] = [];
  pairs.forEach((pair, i) => {
    // The first colon splits the pair: indexOf, not /^(.*?)\s*[:：]\s*(.*)$/, whose backtracking
    // took 18 s on '0' + 80,000 spaces + 'x'.
    const colon = firstColon(pair);
    if (colon < 0) return fail(`第${i + 1}对 ${shown(pair)} 缺少冒号`);
    const m = [pair, pair.slice(0, colon).trim(), pair.slice(colon + 1).trim()];
    const yearsText = m[1].replace(/年(以上)?$/, '').trim();
    const amountText = m[2].replace(/元$/, '').trim();
    if (!/^\d+$/.test(yearsText)) return fail(`第${i + 1}对 ${shown(pair)} 的年限 ${shown(m[1])} 不是非负整数`);
    if (!/^\d+(\.\d{1,2})?$/.test(amountText)) return fail(`第${i + 1}对 ${shown(pair)} 的月薪酬 ${shown(m[2])} 不是金额（元，最多两位小数，不要千位分隔符）`);
    const fromYears = Number(yearsText);
    if (i === 0 && fromYears !== 0) return fail(`第一档年限应为0（计龄不足${fromYears}年的人员没有对应档次），实为 ${fromYears}`);
    if (i > 0 && fromYears <= steps[i - 1].fromYears) return fail(`第${i + 1}对的年限 ${fromYears} 不大于前一档的 ${steps[i - 1].fromYears}（年限须递增）`);
    steps.push({ fromYears, amount: new Decimal(amountText) });
  });
  return steps;
}

/** The pay table in force for a post (a required parameter without default). */
function payTableOf(p: ParamView, post: string): { key: string; steps: PayTableStep[] } {
  const key = `薪酬表.${post}`;
  return { key, steps: p.memo(`table.${key}`, () => parseChangchunPayTable(p.get(key) as string, key)) };
}

// ───────────────────────── rules ─────────────────────────

const YEARS_READING = '解读 §长春新区-计龄：文件未规定计龄方法；按入职日期至计算日期的整月数加此前可累计年限（priorYears），满12个月计1年，不足1年不计';

/** Counted years: whole years from the entry date, plus earlier service carried over (priorYears). */
function countedYears(w: Worker, trace: Trace): number {
  const entry = required(w.entryDate, 'entryDate', '入职日期（entryDate）');
  const months = wholeMonthsBetween(entry, w.asOf) + Math.round(w.priorYears * 12);
  const years = Math.floor(months / 12);
  if (trace.on) {
    const prior = w.priorYears > 0 ? `，加此前工作年限 ${w.priorYears} 年` : '';
    trace.add('计龄', `${isoOf(entry)} 入职至 ${isoOf(w.asOf)} 满${wholeYearsBetween(entry, w.asOf)}年${prior}，按整年计 ${years} 年`, cc('二(四)'), YEARS_READING);
  }
  return years;
}

/** 二(四): the level is the step of the post's table whose threshold is the highest one ≤ counted years. */
function grade(w: Worker, years: number, trace: Trace): number {
  const post = required(w.post, 'post', '岗位类别（post）');
  const { key, steps } = payTableOf(w.params, post);
  let level = 1;
  for (let i = 0; i < steps.length; i++) if (steps[i].fromYears <= years) level = i + 1;
  if (trace.on) {
    const s = steps[level - 1];
    const upper = level < steps.length ? `${steps[level].fromYears - 1}` : '以上';
    const span = level < steps.length ? `${s.fromYears}–${upper}年` : `${s.fromYears}年以上`;
    trace.add('岗位等级', `${post}，计${years}年，落在第${level}档（${span}）→ ${level}级`, w.params.source(key));
  }
  return level;
}

/** 二(四): table amount split 70/30 into 基础报酬 and 绩效工资; transferred workers keep a higher current pay. */
function pay(w: Worker, _years: number, level: number | null, trace: Trace, warnings: string[]): PayItem[] {
  const p = w.params;
  const post = required(w.post, 'post', '岗位类别（post）');
  const { key, steps } = payTableOf(p, post);
  const standard = steps[(level ?? 1) - 1].amount;
  const basicRatio = p.num('基础报酬比例');
  const perfRatio = p.num('绩效工资比例');
  const basic = roundFen(standard.times(basicRatio));
  const performance = roundFen(standard.times(perfRatio));
  if (trace.on) {
    trace.add('薪酬标准', `${post} ${level}级 ${fenText(standard)} 元/月`, p.source(key));
    trace.add('基础报酬', `${fenText(standard)} × ${basicRatio} = ${fenText(basic)}（与岗位等级相对应）`, p.source('基础报酬比例'));
    trace.add('绩效工资', `${fenText(standard)} × ${perfRatio} = ${fenText(performance)}（由所在街道（乡）根据绩效考核结果分配，此为标准额）`, p.source('绩效工资比例'));
  }
  const split = basic.plus(performance);
  if (!split.equals(standard)) {
    warnings.push(`基础报酬与绩效工资分别四舍五入至分后合计 ${fenText(split)}，与薪酬表金额 ${fenText(standard)} 相差 ${fenText(split.minus(standard))} 元；请核对比例参数或薪酬表金额。`);
  }
  if (w.probation) warnings.push('长新党政办发〔2020〕30号正文未规定试用期薪酬（附件未公开），按岗位等级薪酬全额计算；请按开发区薪酬实施办法核对。');
  const items: PayItem[] = [
    { name: '基础报酬', amount: basic },
    { name: '绩效工资', amount: performance },
  ];
  if (w.currentPay !== null && split.lessThan(w.currentPay)) {
    const keep = roundFen(w.currentPay.minus(split));
    items.push({ name: '保持不降补差', amount: keep });
    if (trace.on) {
      trace.add('保持不降', `按薪酬表 ${fenText(split)} 低于现工资 ${fenText(w.currentPay)}，补差 ${fenText(keep)}`, cc('二(四)'), '解读 §长春新区-保持不降：提供了现薪酬（currentPay）即视为依规转入人员');
    }
  }
  return items;
}

/** 二(二): community range by households, 2 dedicated party-building posts; zone quotas at county scope. */
function staffing(facts: UnitFacts, scope: 'community' | 'county', p: ParamView, trace: Trace): StaffingRequirement[] {
  if (scope === 'county') return [zoneQuota(facts, p, trace)];
  const households = facts.households;
  if (households === undefined || !Number.isFinite(households) || households < 0) {
    throw new CwError('REQUIRED', `长春新区“社工岗”按社区户数配备（${CHANGCHUN_DOC} 二(二)）：缺少社区户数（households）${households === undefined ? '' : `，${shown(households)} 无效`}。`, 'households');
  }
  const base = p.num('配备.基准户数');
  const lo = p.num('配备.基准最少人数');
  const hi = p.num('配备.基准最多人数');
  const perMax = p.num('配备.增设每岗最少户数');
  const perMin = p.num('配备.增设每岗最多户数');
  const extra = Math.max(0, households - base);
  const min = lo + Math.floor(extra / perMin);
  const max = hi + Math.floor(extra / perMax);
  const basis = extra === 0
    ? `${households}户，${base}户以下按${lo}至${hi}人左右配备`
    : `${households}户，超过${base}户 ${extra} 户：下限 ${lo} + ⌊${extra}/${perMin}⌋ = ${min}，上限 ${hi} + ⌊${extra}/${perMax}⌋ = ${max}（每增加${perMax}—${perMin}户可增设1个）`;
  trace.add('“社工岗”配备', `${min}–${max} 个`, cc('二(二)'), '解读 §长春新区-配备：超过3000户的，下限按每500户、上限按每300户增设1个');
  const party = p.num('配备.专职党建社工岗');
  trace.add('专职党建“社工岗”', `${party} 个（不含社区党组织书记、副书记）`, p.source('配备.专职党建社工岗'));
  return [
    { what: '“社工岗”总数', counts: 'workers', scope: 'community', min, max, citation: cc('二(二)'), basis, belowSeverity: 'warning', aboveSeverity: 'warning' },
    {
      what: '专职党建“社工岗”', counts: 'partyPosts', scope: 'community', min: party, max: party, citation: cc('二(二)'),
      basis: `每个社区在核定的“社工岗”内设立${party}个专职党建“社工岗”，不含社区党组织书记、副书记`, belowSeverity: 'error', aboveSeverity: 'warning',
    },
  ];
}

const WHOLE_AREA = ['长春新区', '新区', '全区'];

/** 二(二): a zone's approved 社工岗 total (员额), a ceiling under 总量调控; no name means the whole new area. */
function zoneQuota(facts: UnitFacts, p: ParamView, trace: Trace): StaffingRequirement {
  const raw = (facts.name ?? '').trim();
  let key: string;
  if (raw === '' || WHOLE_AREA.includes(raw)) {
    key = '员额.全区';
  } else {
    const zone = CHANGCHUN_ZONES.find((z) => z === raw || z.replace(/开发区$/, '') === raw.replace(/(开发区|经济开发区|区)$/, ''));
    if (!zone) {
      throw new CwError('INVALID_TYPE', `长春新区员额按开发区核定（${CHANGCHUN_DOC} 二(二)）：无法识别开发区 ${shown(raw)}。可用：${CHANGCHUN_ZONES.join('、')}，或 长春新区（全区）。`, 'name');
    }
    key = `员额.${zone}`;
  }
  const max = p.num(key);
  const unit = key.slice('员额.'.length);
  trace.add('“社工岗”员额', `${unit === '全区' ? '长春新区全区' : unit} 不超过 ${max} 个`, p.source(key));
  return {
    what: '“社工岗”员额', counts: 'workers', scope: 'county', min: null, max, citation: cc('二(二)'),
    basis: `${unit === '全区' ? '全区拟设置“社工岗”' : `${unit}`}${max}个；实施总量调控、员额管理，调整须报新区党工委、管委会同意`,
    belowSeverity: 'warning', aboveSeverity: 'error',
  };
}

/** Age in whole years from the roster fact, or from the birth date at the as-of date. */
function ageOf(w: Worker, facts: WorkerFacts): number | null {
  if (facts.age !== undefined) return facts.age;
  return w.birthDate === null ? null : wholeYearsBetween(w.birthDate, w.asOf);
}

/** 二(三): 大专 or above; age ≤ 40, relaxed to ≤ 45 for four groups. Only for openly recruited workers. */
function recruitment(w: Worker, facts: WorkerFacts): Finding[] {
  if (facts.recruited === false) return [];
  const out: Finding[] = [];
  const c = cc('二(三)');
  if (w.education === null) {
    out.push({ severity: 'warning', rule: '招聘条件', citation: c, message: '未提供学历，无法核对“大专以上学历”条件。', action: '补填学历（education）后复核。' });
  } else if (!atLeastJuniorCollege(w.education)) {
    out.push({ severity: 'error', rule: '招聘条件', citation: c, message: `学历为${w.education}，不符合“原则上招聘具有大专以上学历”的条件。`, action: '核实学历；不符合条件的不宜聘用。' });
  }
  const age = ageOf(w, facts);
  const limit = w.params.num('招聘.最高年龄');
  const relaxedLimit = w.params.num('招聘.放宽最高年龄');
  const groups: string[] = [];
  if (facts.existingWorker) groups.push('现有社区工作者（含公益性岗位人员）');
  if (w.certificate !== null) groups.push(`持${CERTIFICATE_NAMES[w.certificate]}证书`);
  if (facts.sociologyGraduate) groups.push('社会学专业高校毕业生');
  if (facts.veteran) groups.push('退役军人');
  if (age === null) {
    out.push({ severity: 'warning', rule: '招聘条件', citation: c, message: '未提供年龄或出生日期，无法核对年龄条件。', action: '补填出生日期（birthDate）或年龄后复核。' });
  } else if (age > limit) {
    if (groups.length > 0 && age <= relaxedLimit) {
      out.push({ severity: 'info', rule: '招聘条件', citation: c, message: `年龄${age}周岁，超过${limit}周岁，但属于${groups.join('、')}，年龄放宽至${relaxedLimit}周岁，符合条件。`, action: '同等条件下优先聘用。' });
    } else if (groups.length > 0) {
      out.push({ severity: 'error', rule: '招聘条件', citation: c, message: `年龄${age}周岁，超过放宽后的${relaxedLimit}周岁上限（${groups.join('、')}）。`, action: '不符合年龄条件，不宜聘用。' });
    } else {
      out.push({ severity: 'error', rule: '招聘条件', citation: c, message: `年龄${age}周岁，超过${limit}周岁；不属于可放宽至${relaxedLimit}周岁的人员（现有社区工作者、持社会工作者职业水平证书、社会学专业高校毕业生、退役军人）。`, action: '核实是否属于放宽年龄的人员（existingWorker、certificate、sociologyGraduate、veteran）；否则不宜聘用。' });
    }
  }
  return out;
}

// ───────────────────────── the policy ─────────────────────────

/** 长春新区 · changchun-xinqu-2020. */
export const changchun: Policy = {
  id: 'changchun-xinqu-2020',
  name: '长春新区',
  jurisdiction: '吉林省长春新区',
  draft: false,
  ratingWords: { 优秀: '优秀', 合格: '合格', 基本合格: '基本合格', 不合格: '不合格' },
  staffBasis: { scope: 'community', fact: 'households', what: '社区户数' },
  funding: null,
  // The document sets no in-force date: the 印发日期 is read as one (解读 §长春新区-施行日期).
  inForceArticle: '施行与有效期',
  readsAverageWage: false,
  title: '长春新区关于进一步加强城市社区专职工作者队伍建设的实施意见',
  doc: CHANGCHUN_DOC,
  aliases: ['changchun', 'changchun-xinqu', '长春', 'changchun2020'],
  posts: [
    { name: '社区正职', roles: ['head'], aliases: ['正职'] },
    { name: '其他两委成员', roles: ['deputy', 'member'], aliases: ['其他“两委”成员', '两委成员', '副职'] },
    { name: '普通工作人员', roles: ['staff'], aliases: ['工作人员'] },
  ],
  params: changchunParams,
  checkInForce(asOf, params, trace, warnings) {
    const start = params.date('施行日期');
    if (asOf < start) {
      warnings.push(`计算日期 ${isoOf(asOf)} 早于${CHANGCHUN_DOC}印发日期 ${isoOf(start)}，当时“社工岗”薪酬制度尚未建立；结果仅供参考。`);
    }
    trace.add('适用政策', `${CHANGCHUN_DOC}，${isoOf(start)} 印发`, params.source('施行日期'), '解读 §长春新区-施行日期：文件未规定施行日期，按印发日期；计算日期早于此日时照常计算并提示，不报错');
  },
  countedYears,
  grade,
  pay,
  staffing,
  // 二(十) sets up an exit mechanism but names no rating or attendance trigger.
  exitTriggers: () => [],
  // 二(九) sets four rating grades but no 优秀 ratio.
  excellentQuota: () => null,
  recruitment,
  recruits: true,
  rules: changchunRules,
  socialInsuranceBase: null,
  gradeAdjustment: null,
};

import { CwError, shown, required } from '../../errors';
import { citeText } from '../../citation';
import { civilOf, isoOf, wholeMonthsBetween, wholeYearsBetween } from '../../dates';
import { Decimal, roundFen, fenText } from '../../money';
import { ratingRuns } from '../../tenure';
import { CERTIFICATE_NAMES } from '../../vocab/certificates';
import type { CertificateLevel } from '../../vocab/certificates';
import { educationRank } from '../../vocab/education';
import { ratingOf } from '../../vocab/ratings';
import type { Citation } from '../../citation';
import type { Finding, PayItem, Policy, Quota, StaffingRequirement, UnitFacts, Worker, WorkerFacts } from '../../types';
import type { ParamView } from '../../params';
import type { Trace } from '../../trace';
import { TONGZHOU_DOC, tongzhouParams, tz } from './params';
import { tongzhouRules } from './rules';

export { TONGZHOU_DOC, TONGZHOU_POSTS, TONGZHOU_CERT_KEYS, tongzhouParams } from './params';
export { tongzhouServiceAgreement, tongzhouContinuingEducation, tongzhouRetirement, tongzhouAverageWageCheck } from './rules';
export type { ServiceAgreement, TongzhouRetirement } from './rules';

/** The warning every Tongzhou result carries. */
export const TONGZHOU_DRAFT_WARNING =
  '通州：《通州区社区工作者管理办法（征求意见稿）》是征求意见稿，尚未正式发布施行；结果仅供参考，正式文件发布后须按正式文件复核。';

/** Throws one MISSING_PARAM error naming every required figure that is not supplied. */
function requireParams(p: ParamView, keys: string[], citation: Citation): void {
  const missing = keys.filter((k) => !p.has(k));
  if (missing.length === 0) return;
  if (missing.length === 1) p.get(missing[0]); // the standard single-parameter message
  const list = missing.map((k) => {
    const def = p.table.byKey.get(k)!;
    return `${k}（${def.label}，单位：${def.unit}）`;
  }).join('；');
  throw new CwError('MISSING_PARAM', `缺少参数：${list}。${citeText(citation)} 未公布这些数额，由当地确定；请在参数表（params）中提供：${missing.join('、')}。`, `params.${missing[0]}`);
}

// ───────────────────────── rules ─────────────────────────

const YEARS_READING = '解读 §通州-计龄：跨区、跨街道（乡镇）流动的社区工作年限累计计算（此前年限填 priorYears）；按整月累计，满12个月计1年，不足1年不计（第三十五条“满30年”按足年计）';

/** 第十九条: community years accumulate across moves; whole years of entry-to-date plus priorYears. */
function countedYears(w: Worker, trace: Trace): number {
  const entry = required(w.entryDate, 'entryDate', '入职日期（entryDate）');
  const months = wholeMonthsBetween(entry, w.asOf) + Math.round(w.priorYears * 12);
  const years = Math.floor(months / 12);
  if (trace.on) {
    const prior = w.priorYears > 0 ? `，加流动前累计年限 ${w.priorYears} 年` : '';
    trace.add('计龄', `${isoOf(entry)} 入职至 ${isoOf(w.asOf)} 满${wholeYearsBetween(entry, w.asOf)}年${prior}，按整年计 ${years} 年`, tz('第十九条'), YEARS_READING);
  }
  return years;
}

/** The draft has no grade table: 第十一条 pays by post and certificate level. */
function grade(w: Worker, _years: number, trace: Trace): null {
  if (trace.on) trace.add('岗位等级', '征求意见稿未设岗位等级表，按岗位（职务工资）和职业水平（专业技术等级工资）计酬', tz('第十一条(三)'));
  return null;
}

const certKey = (c: CertificateLevel | null): string => `专业技术等级工资.${c === null ? '无' : CERTIFICATE_NAMES[c]}`;

/** 第十一条(三): 职务工资 + 专业技术等级工资 + 综合补贴 + 绩效工资; 第三十五条 long-service subsidy. */
function pay(w: Worker, years: number, _grade: number | null, trace: Trace, warnings: string[]): PayItem[] {
  const p = w.params;
  const post = required(w.post, 'post', '岗位类别（post）');
  const keys = [`职务工资.${post}`, certKey(w.certificate), '综合补贴', `绩效工资.${post}`];
  requireParams(p, keys, tz('第十一条(三)'));
  const names = ['职务工资', '专业技术等级工资', '综合补贴', '绩效工资'];
  const items: PayItem[] = keys.map((key, i) => ({ name: names[i], amount: roundFen(p.dec(key)) }));
  if (trace.on) {
    const postNote = post === '正职' ? '（社区党组织书记、居委会主任；社区服务站站长享受正职待遇，第九条）' : '';
    trace.add('职务工资', `${post}${postNote} ${fenText(items[0].amount)}`, p.source(keys[0]));
    trace.add('专业技术等级工资', `${w.certificate === null ? '无职业水平证书' : CERTIFICATE_NAMES[w.certificate]} ${fenText(items[1].amount)}`, p.source(keys[1]));
    trace.add('综合补贴', fenText(items[2].amount), p.source(keys[2]));
    trace.add('绩效工资', `${post} ${fenText(items[3].amount)}（标准额；按岗定薪、优绩优酬，第十一条(二)）`, p.source(keys[3]));
  }
  const threshold = p.num('长期任职.年限');
  if (years >= threshold) {
    const reading = '解读 §通州-长期任职：“可探索给予”特殊补贴；参数表提供了数额即按此计发，未提供则只提示符合年限条件，不报错';
    if (p.has('长期任职特殊补贴')) {
      const amount = roundFen(p.dec('长期任职特殊补贴'));
      items.push({ name: '长期任职特殊补贴', amount });
      if (trace.on) trace.add('长期任职特殊补贴', `社区任职 ${years} 年（满${threshold}年）${fenText(amount)}；另须有突出贡献、群众认可，名额由区主管部门和区财政部门确定`, p.source('长期任职特殊补贴'), reading);
    } else {
      warnings.push(`社区任职 ${years} 年，已满${threshold}年：有突出贡献、群众认可的，可探索给予特殊补贴（${TONGZHOU_DOC} 第三十五条）；标准由区主管部门和区财政部门确定，如已确定请在参数表提供“长期任职特殊补贴”。`);
      if (trace.on) trace.add('长期任职特殊补贴', `满${threshold}年，未提供数额，未计发`, tz('第三十五条'), reading);
    }
  }
  if (w.probation && trace.on) trace.add('试用期', '征求意见稿未规定试用期工资，按岗位全额计算', tz('第十六条'));
  return items;
}

const PARTY_ORG_TYPES = ['党委', '党总支', '党支部'] as const;

/** 第七条、第八条: per-community staffing. The district total (第五条) has no published figure. */
function staffing(facts: UnitFacts, scope: 'community' | 'county', p: ParamView, trace: Trace): StaffingRequirement[] {
  if (scope === 'county') {
    trace.add('区级总量', '第五条实行总量调控，由区主管部门确定，未规定数额', tz('第五条'));
    return [];
  }
  const households = facts.households;
  if (households === undefined || !Number.isFinite(households) || households < 0) {
    throw new CwError('REQUIRED', `通州社区工作者按社区户数配备（${TONGZHOU_DOC} 第七条）：缺少社区户数（households）${households === undefined ? '' : `，${shown(households)} 无效`}。`, 'households');
  }
  const per = p.num('配备.每名户数');
  const floor = p.num('配备.每社区最少人数');
  const byHouseholds = Math.ceil(households / per);
  const min = Math.max(floor, byHouseholds);
  trace.add('社区工作者配备', `${households}户 ÷ ${per} 向上取整 = ${byHouseholds}，不少于${floor} → 至少 ${min} 人`, tz('第七条'), '解读 §通州-配备：每130户配备1名，向上取整，且不少于9名');
  const out: StaffingRequirement[] = [
    { what: '社区工作者总数', counts: 'workers', scope: 'community', min, max: null, citation: tz('第七条'), basis: `每${per}户居民配备1名（${households}户 → ${byHouseholds}名，向上取整），且每个社区不少于${floor}名`, belowSeverity: 'error', aboveSeverity: 'warning' },
    { what: '正职', counts: { post: '正职' }, scope: 'community', min: null, max: p.num('职数.正职最多'), citation: tz('第八条'), basis: `每个社区最多不超过${p.num('职数.正职最多')}名正职职数（书记、主任原则上“一肩挑”；服务站站长享受正职待遇）`, belowSeverity: 'warning', aboveSeverity: 'error' },
    { what: '副职', counts: { post: '副职' }, scope: 'community', min: null, max: p.num('职数.副职最多'), citation: tz('第八条'), basis: `每个社区最多不超过${p.num('职数.副职最多')}名副职职数（专职副书记、副主任、副站长）`, belowSeverity: 'warning', aboveSeverity: 'error' },
  ];
  const rawType = (facts.partyOrgType ?? '').trim();
  if (rawType === '') {
    trace.add('社区党组织委员', '未提供党组织类型（partyOrgType），不核对委员人数', tz('第七条'));
  } else {
    const type = PARTY_ORG_TYPES.find((t) => rawType === t || rawType.replace(/^社区/, '') === t);
    if (!type) {
      throw new CwError('INVALID_TYPE', `partyOrgType：无法识别社区党组织类型 ${shown(rawType)}。可用：${PARTY_ORG_TYPES.join('、')}（可加“社区”前缀）。`, 'partyOrgType');
    }
    const lo = p.num(`党组织.${type}最少委员`);
    const hi = p.num(`党组织.${type}最多委员`);
    out.push({ what: `社区${type}委员`, counts: 'partyCommittee', scope: 'community', min: lo, max: hi, citation: tz('第七条'), basis: `社区${type}一般由${lo}至${hi}名委员组成`, belowSeverity: 'warning', aboveSeverity: 'warning' });
  }
  out.push(
    { what: '社区党组织书记', counts: 'partySecretary', scope: 'community', min: 1, max: 1, citation: tz('第七条'), basis: '社区党组织设书记1人', belowSeverity: 'error', aboveSeverity: 'error' },
    { what: '社区党组织专职副书记', counts: 'partyDeputy', scope: 'community', min: 1, max: 1, citation: tz('第七条'), basis: '社区党组织设专职副书记1人', belowSeverity: 'error', aboveSeverity: 'error' },
  );
  const base = [p.num('党务工作者.最少'), p.num('党务工作者.最多')];
  const one = p.num('党务工作者.增配1名党员数');
  const two = p.num('党务工作者.增配2名党员数');
  const members = facts.partyMembers;
  const extra = members === undefined ? 0 : members > two ? 2 : members > one ? 1 : 0;
  const memberText = members === undefined ? '未提供党员数，按基本职数' : `党员 ${members} 名${extra === 0 ? `，未超过${one}名` : `，超过${extra === 2 ? two : one}名增配${extra}名`}`;
  trace.add('专职党务工作者', `${base[0] + extra}–${base[1] + extra} 名（${memberText}）`, tz('第七条'), '解读 §通州-党务工作者：增配名额同时加在1-3名的上下限上；专职副书记计入专职党务工作者职数');
  out.push({
    what: '专职党务工作者', counts: 'partyWorkersAndDeputy', scope: 'community', min: base[0] + extra, max: base[1] + extra, citation: tz('第七条'),
    basis: `单独编配${base[0]}-${base[1]}名（社区党组织专职副书记纳入职数）；党员超过${one}名增配1名、超过${two}名增配2名（不含回社区报到的在职党员）；${memberText}`,
    belowSeverity: 'error', aboveSeverity: 'warning',
  });
  const rcLo = p.num('居委会.最少成员');
  const rcHi = p.num('居委会.最多成员');
  out.push(
    { what: '社区居委会成员', counts: 'residentsCommittee', scope: 'community', min: rcLo, max: rcHi, citation: tz('第七条'), basis: `社区居委会由主任1人、副主任1至2人、委员若干人共${rcLo}至${rcHi}人组成`, belowSeverity: 'error', aboveSeverity: 'error' },
    { what: '社区居委会主任', counts: 'committeeHead', scope: 'community', min: 1, max: 1, citation: tz('第七条'), basis: '社区居委会设主任1人', belowSeverity: 'error', aboveSeverity: 'error' },
    { what: '社区居委会副主任', counts: 'committeeDeputy', scope: 'community', min: 1, max: p.num('居委会.最多副主任'), citation: tz('第七条'), basis: `社区居委会设副主任1至${p.num('居委会.最多副主任')}人`, belowSeverity: 'error', aboveSeverity: 'error' },
  );
  return out;
}

/** 第二十六条: 优秀 within 25% of those rated in the street (township). */
function excellentQuota(rated: number, p: ParamView): Quota {
  const ratio = p.num('优秀比例');
  const max = new Decimal(rated).times(ratio).floor().toNumber();
  return { max, unit: '街道(乡镇)', over: 'street', excludes: [], citation: tz('第二十六条'), basis: `本街道（乡镇）参加考核 ${rated} 人 × ${ratio}，向下取整 = ${max} 人（“一般掌握在25%以内”）` };
}

/** 第二十五条(二): more than 15 days of unexcused absence in a year → the year's rating must be 不称职. */
export function tongzhouRatingCheck(rating: unknown, facts: WorkerFacts, params: ParamView = tongzhouParams.resolve()): Finding[] {
  const days = facts.absenceDaysInYear;
  const limit = params.num('考核.旷工不称职天数');
  if (days === undefined || days <= limit) return [];
  const r = ratingOf(rating);
  if (r === '不合格') return [];
  const shownRating = r === null ? '尚未评定' : `评为${r === '合格' ? '称职' : r === '基本合格' ? '基本称职' : r}`;
  return [{
    severity: r === null ? 'warning' : 'error', rule: '考核等次', citation: tz('第二十五条(二)'),
    message: `当年无故旷工累计 ${days} 天，超过${limit}天，年度考核应确定为不称职；现${shownRating}。`,
    action: r === null ? '年度考核时确定为不称职等次。' : '将该年度考核等次改为不称职。',
  }];
}

const NOT_PROTECTED = new Set(['', '无', '否', '没有', '正常']);
const PROTECTED_ITEMS: Array<[RegExp, string]> = [
  [/工伤|因公致残|因公负伤|致残/, '第四十一条(一)'],
  [/医疗期|患病|负伤|病假/, '第四十一条(二)'],
  [/孕期|怀孕|产假|哺乳期|哺乳/, '第四十一条(三)'],
];

/** The protected status of 第四十一条, or null. Unrecognised text is taken as 第四十一条(四) "其他情形". */
function protectedOf(facts: WorkerFacts): { status: string; article: string } | null {
  const status = (facts.protectedStatus ?? '').trim();
  if (NOT_PROTECTED.has(status)) return null;
  const hit = PROTECTED_ITEMS.find(([re]) => re.test(status));
  return { status, article: hit ? hit[1] : '第四十一条(四)' };
}

/** 第四十条(一)(六) exit triggers, each barred for a protected worker (第四十一条); plus the 第二十五条 rating check. */
function exitTriggers(w: Worker, facts: WorkerFacts): Finding[] {
  const p = w.params;
  const year = civilOf(w.asOf).y;
  const out: Finding[] = tongzhouRatingCheck(w.ratings.get(year) ?? null, facts, p);
  const exits: Array<{ article: string; why: string }> = [];
  const runs = ratingRuns(w.ratings, '不合格');
  const consecutive = p.num('退出.连续不称职年数');
  if (runs.longest >= consecutive) {
    exits.push({ article: '第四十条(一)', why: `连续${runs.longest}年年度考核不称职（不合格）（${runs.years.join('、')}年），达到连续${consecutive}年` });
  }
  const runLimit = p.num('退出.连续旷工天数');
  if (facts.absenceConsecutiveDays !== undefined && facts.absenceConsecutiveDays > runLimit) {
    exits.push({ article: '第四十条(六)', why: `旷工或无正当理由逾期不归连续 ${facts.absenceConsecutiveDays} 天，超过${runLimit}天` });
  }
  const yearLimit = p.num('退出.年累计旷工天数');
  if (facts.absenceDaysInYear !== undefined && facts.absenceDaysInYear > yearLimit) {
    exits.push({ article: '第四十条(六)', why: `一年内旷工累计 ${facts.absenceDaysInYear} 天，超过${yearLimit}天` });
  }
  const prot = protectedOf(facts);
  for (const e of exits) {
    if (prot === null) {
      out.push({ severity: 'error', rule: '退出情形', citation: tz(e.article), message: `${e.why}，属于应退出社区工作者队伍的情形。`, action: '依法按程序解除服务协议；辞退前确认不属于第四十一条不得辞退的情形。' });
    } else {
      const injury = prot.article === '第四十一条(一)' ? '（须经确认丧失或者部分丧失工作能力）' : '';
      out.push({
        severity: 'warning', rule: '退出情形（不得辞退）', citation: tz(`${e.article}；${prot.article}`),
        message: `${e.why}，属于第四十条的退出情形；但该社区工作者处于“${prot.status}”${injury}，依第四十一条不得辞退。`,
        action: '不得辞退、不得解除服务协议；该情形消除后再依法复核。',
      });
    }
  }
  return out;
}

/** Age in whole years from the roster fact, or from the birth date at the as-of date. */
function ageOf(w: Worker, facts: WorkerFacts): number | null {
  if (facts.age !== undefined) return facts.age;
  return w.birthDate === null ? null : wholeYearsBetween(w.birthDate, w.asOf);
}

/**
 * 第六条(二): 大专 or above (fresh graduates 本科 or above), age generally ≤ 40, a resident of Beijing.
 * For an elected worker (`recruited === false`) 第六条(一)3 says "原则上应具备" the same conditions:
 * the findings are then warnings.
 */
function recruitment(w: Worker, facts: WorkerFacts): Finding[] {
  const elected = facts.recruited === false;
  const c = elected ? tz('第六条(一)3；第六条(二)') : tz('第六条(二)');
  const hard: Finding['severity'] = elected ? 'warning' : 'error';
  const note = elected ? '（选任人员首次纳入管理的，原则上应具备招聘条件）' : '';
  const out: Finding[] = [];
  const floor = facts.freshGraduate ? '本科' : '大专';
  if (w.education === null) {
    out.push({ severity: 'warning', rule: '招聘条件', citation: c, message: '未提供学历，无法核对学历条件。', action: '补填学历（education）后复核。' });
  } else if (educationRank(w.education) < educationRank(floor)) {
    const need = facts.freshGraduate ? '应届毕业生应为大学本科以上学历' : '具有国家承认的大专以上学历';
    out.push({ severity: hard, rule: '招聘条件', citation: c, message: `学历为${w.education}，不符合“${need}”的条件${note}。`, action: '核实学历；不符合条件的不宜聘用。' });
  }
  const age = ageOf(w, facts);
  const limit = w.params.num('招聘.最高年龄');
  if (age === null) {
    out.push({ severity: 'warning', rule: '招聘条件', citation: c, message: '未提供年龄或出生日期，无法核对年龄条件。', action: '补填出生日期（birthDate）或年龄后复核。' });
  } else if (age > limit) {
    out.push({ severity: 'warning', rule: '招聘条件', citation: c, message: `年龄${age}周岁，超过“一般在${limit}周岁以下”${note}。`, action: '“一般”条件：超龄聘用须说明理由并经区社区工作者招聘工作小组同意。' });
  }
  if (facts.localHukou === false) {
    out.push({ severity: hard, rule: '招聘条件', citation: c, message: `不是本市居民，不符合“本市居民，且应就近居住”的条件${note}。`, action: '核实户籍或居住证明。' });
  }
  return out;
}

// ───────────────────────── the policy ─────────────────────────

/** 通州 · tongzhou-draft. */
export const tongzhou: Policy = {
  id: 'tongzhou-draft',
  name: '通州',
  jurisdiction: '北京市通州区',
  draft: true,
  ratingWords: { 优秀: '优秀', 合格: '称职', 基本合格: '基本称职', 不合格: '不称职' },
  staffBasis: { scope: 'community', fact: 'households', what: '社区户数' },
  funding: null,
  // A draft: no in-force article yet (第四十七条 only says “自发布之日起执行”).
  inForceArticle: '施行与有效期',
  readsAverageWage: true,
  title: '通州区社区工作者管理办法（征求意见稿）',
  doc: TONGZHOU_DOC,
  aliases: ['tongzhou', '通州区', '北京通州'],
  posts: [
    { name: '正职', roles: ['head'], aliases: ['正职岗位', '服务站站长', '社区服务站站长'] },
    { name: '副职', roles: ['deputy'], aliases: ['副职岗位', '服务站副站长', '社区服务站副站长'] },
    { name: '一般工作人员', roles: ['member', 'staff'], aliases: ['一般工作人员岗位'] },
  ],
  params: tongzhouParams,
  checkInForce(_asOf, _params, trace, warnings) {
    warnings.push(TONGZHOU_DRAFT_WARNING);
    trace.add('适用政策', `${TONGZHOU_DOC}：征求意见稿，尚未发布施行（第四十七条“自发布之日起执行”）`, tz('第四十七条'), '解读 §通州-征求意见稿：征求意见稿，每个结果都附此提示');
  },
  countedYears,
  grade,
  pay,
  staffing,
  exitTriggers,
  excellentQuota,
  recruitment,
  recruits: true,
  rules: tongzhouRules,
  socialInsuranceBase: null,
  gradeAdjustment: null,
};

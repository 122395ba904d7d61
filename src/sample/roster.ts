/**
 * The sample roster (templates/示例花名册.xlsx): a deterministic, seeded generator of workers,
 * communities and county figures with valid resident IDs and realistic Chinese names, plus a set
 * of DELIBERATE rule breaks that the tests expect every policy's checks to find (SAMPLE_BREAKS).
 * Pure TypeScript: the xlsx is written by scripts/make-sample-roster.ts; the bench and the
 * workbench generate rosters in memory.
 *
 * Everything except the breaks is built to pass every policy's checks at SAMPLE_AS_OF:
 * 12–15 workers per community, 两委 of 7–9 with a 居委会 of 5–7, 2 专职党务工作者, households
 * below 130 × headcount, 优秀 at most 20% of those rated per community and year, entry ages
 * 22–35 with 大专 or above, retirement more than a year away, and at least 3 社工师 per community.
 */
import { addMonths, civilOf, dayNumberOf, isoOf, toExcelSerial, wholeYearsBetween } from '../engine/dates';
import type { DayNumber } from '../engine/dates';
import { idCheckChar } from '../engine/idcard';
import { retirementOf } from '../engine/retirement';
import type { PolicyId, Sex } from '../engine/types';
import { POLICIES } from '../engine/policies';
import type { Cell, Roster, RosterTable } from '../engine/roster/types';
import { prng, shuffled } from './random';
export { prng } from './random';

/** The date the sample's breaks are designed for (retirement within 6 months, probation length …). */
export const SAMPLE_AS_OF = '2026-12-01';
export const SAMPLE_SEED = 20261201;

// ───────────────────────── vocabulary ─────────────────────────

const SURNAMES = ('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤').split('');
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '令狐'];
const MALE_CHARS = ('伟强磊军勇杰涛明超斌鹏辉华刚健峰浩宇轩然博文俊凯晨阳睿昊翔琦骁昶彧翀犇淼鑫晟煜哲逸航泽宸楠锐毅弘'
  + '志建国平永海波东亮成林').split('');
const FEMALE_CHARS = ('芳娜敏静丽艳娟霞秀英玲婷雪慧颖琳欣悦怡萱涵玥婧瑾嫣琤珺芃蕾薇佳茜瑶璐岚菁晴曦婉妍诗蓉'
  + '红梅兰燕萍莉洁').split('');
/** Characters outside the most common set (GB 2312 level 2 or beyond): they must survive every step. */
export const RARE_NAME_CHARS = ['喆', '堃', '赟'];

const COMMUNITY_WORDS = ['春晖', '桂园', '锦绣', '阳光', '金桥', '翠湖', '枫林', '丽景', '兴隆', '东风', '长青', '书香', '滨江',
  '福寿', '康乐', '友谊', '紫荆', '梧桐', '海棠', '玉兰', '望江', '花园', '明珠', '育才', '鼓楼', '光明', '青年', '建设', '胜利',
  '红旗', '民主', '团结', '前进', '安居', '怡和', '华府', '南湖', '西苑', '北辰', '文昌'];
const STREET_WORDS = ['新华', '解放', '站前', '永安', '和平', '北山', '中山', '人民', '长安', '东湖', '西城', '南门'];
const COUNTY_WORDS = ['清河', '白塔', '河西', '城东', '江北', '高平', '明水', '凤山', '临湖', '望城'];
/** Birth-registration codes (first six digits) of real county-level divisions. */
const REGIONS = ['110105', '120101', '130102', '210502', '220102', '320106', '350203', '370102', '410105', '510104', '640104', '210504'];

// ───────────────────────── the breaks ─────────────────────────

/** What a break is expected to produce under one policy. */
export interface ExpectedFinding {
  severity: 'error' | 'warning' | 'info';
  rule: string;
}

/** A deliberate rule break in the sample roster. */
export interface SampleBreak {
  id: string;
  /** What is wrong, in Chinese (templates/README.md). */
  what: string;
  /** Where the finding points: a worker row, a community (row in 社区), a street, or a county (row in 区县). */
  scope: 'worker' | 'community' | 'street' | 'county';
  /** Expected findings per policy; a policy not listed finds nothing here. */
  expect: Partial<Record<PolicyId, ExpectedFinding[]>>;
}

const ALL: PolicyId[] = POLICIES.map((p) => p.id);
const E = (rule: string): ExpectedFinding => ({ severity: 'error', rule });
const W = (rule: string): ExpectedFinding => ({ severity: 'warning', rule });
const every = (...f: ExpectedFinding[]): Partial<Record<PolicyId, ExpectedFinding[]>> => Object.fromEntries(ALL.map((p) => [p, f]));

/** The deliberate breaks, with the findings each policy must report (templates/README.md lists them). */
export const SAMPLE_BREAKS: readonly SampleBreak[] = [
  {
    id: 'understaffed', scope: 'community', what: '社区只有5人（书记兼主任、副书记、副主任、2名居委会委员），没有专职党务工作者',
    expect: {
      'xiamen-2020': [E('配备标准：专职社区党群工作者')],
      'changchun-xinqu-2020': [W('配备标准：“社工岗”总数'), E('配备标准：专职党建“社工岗”')],
      'tongzhou-draft': [E('配备标准：社区工作者总数'), E('配备标准：社区居委会成员'), W('配备标准：社区党支部委员')],
    },
  },
  {
    id: 'too-many-deputies', scope: 'community', what: '社区有3名居委会副主任，加专职副书记共4名副职',
    expect: { 'tongzhou-draft': [E('配备标准：副职'), E('配备标准：社区居委会副主任')] },
  },
  {
    id: 'excellent-quota', scope: 'community', what: '2024年度社区全员考核优秀（超过25%），并使所在街道的优秀比例超过25%',
    expect: { 'xiamen-2020': [E('优秀比例')] },
  },
  {
    id: 'excellent-quota-street', scope: 'street', what: '（同上）2024年度该街道考核优秀超过参加考核人数的25%',
    expect: { 'tongzhou-draft': [E('优秀比例')] },
  },
  { id: 'id-check-char', scope: 'worker', what: '身份证号校验位错误（末位录错）', expect: every(E('身份证号')) },
  { id: 'id-birth-mismatch', scope: 'worker', what: '出生日期与身份证号中的出生日期不一致（差1个月）', expect: every(E('身份证号与出生日期')) },
  { id: 'id-sex-mismatch', scope: 'worker', what: '性别与身份证号第17位不一致', expect: every(E('身份证号与性别')) },
  {
    id: 'two-failed-years', scope: 'worker', what: '2023、2024年连续两年考核不合格',
    expect: { 'benxi-2022': [E('退出情形')], 'ningxia-2024': [E('退出情形')], 'tongzhou-draft': [E('退出情形')] },
  },
  { id: 'retiring-soon', scope: 'worker', what: '女职工1971年9月出生，将于2027-03-10达到法定退休年龄（6个月内）', expect: every(W('退休提醒')) },
  {
    id: 'retired-elected', scope: 'worker', what: '选任的社区党组织书记1963年出生，已于2023年达到法定退休年龄，任期至2031年',
    // Readings: 本溪 三(七)1 (an elected 两委 member may stay until the next election) and 厦门 第十五条 are warnings.
    expect: { ...every(E('超过退休年龄')), 'tongzhou-draft': [W('超过退休年龄')], 'benxi-2022': [W('超过退休年龄')], 'xiamen-2020': [W('超过退休年龄')] },
  },
  { id: 'impossible-date', scope: 'worker', what: '入职时间写成不存在的日期“2019-02-30”', expect: every(E('数据格式')) },
  { id: 'unknown-post', scope: 'worker', what: '岗位类别和职务写成“办事员”，无法归入任何岗位类别', expect: every(E('数据格式')) },
  { id: 'missing-entry-date', scope: 'worker', what: '入职时间为空', expect: every(W('缺少数据')) },
  {
    id: 'recruit-education', scope: 'worker', what: '公开招聘人员学历为高中',
    // 厦门 第九条 lets a street relax 学历: a warning there.
    expect: { 'xiamen-2020': [W('招聘条件')], 'changchun-xinqu-2020': [E('招聘条件')], 'tongzhou-draft': [E('招聘条件')] },
  },
  {
    id: 'recruit-age', scope: 'worker', what: '公开招聘人员入职时已满43周岁（无放宽年龄的情形）',
    expect: { 'xiamen-2020': [W('招聘条件')], 'changchun-xinqu-2020': [E('招聘条件')], 'tongzhou-draft': [W('招聘条件')] },
  },
  {
    id: 'probation-failed', scope: 'worker', what: '试用期满考核不合格，仍在花名册中',
    expect: { 'xiamen-2020': [E('退出情形')], 'ningxia-2024': [E('退出情形')] },
  },
  {
    id: 'absence', scope: 'worker', what: '本年度无故旷工35天，最长连续18天，本年度尚未考核',
    expect: { 'tongzhou-draft': [E('退出情形'), E('退出情形'), W('考核等次')] },
  },
  { id: 'continuing-education', scope: 'worker', what: '助理社会工作师本登记期继续教育只有40学时', expect: { 'tongzhou-draft': [E('继续教育')] } },
  {
    id: 'probation-overdue', scope: 'worker', what: '2025-11-17入职，至今仍标为试用期（超过6个月）',
    expect: { 'benxi-2022': [W('试用期')], 'tongzhou-draft': [W('试用期期限')] },
  },
  { id: 'secondment', scope: 'worker', what: '借调到街道已3个月', expect: { 'benxi-2022': [E('借调时间')] } },
  { id: 'agreement-expired', scope: 'worker', what: '招聘人员服务协议2021-03-01签订，5年期满未续签', expect: { 'tongzhou-draft': [W('服务协议期限')] } },
  { id: 'few-social-workers', scope: 'community', what: '社区只有2名社会工作师（其余为助理社会工作师或无证）', expect: { 'changchun-xinqu-2020': [W('社工师人数')] } },
  { id: 'reserve-pool', scope: 'street', what: '街道各社区书记后备人才只有1人，合计少于社区数的3倍', expect: { 'ningxia-2024': [W('书记后备人才')] } },
  {
    id: 'county-over', scope: 'county', what: '区常住人口、城镇常住人口偏少：社区工作者超过每千常住人口3人，也超过每万城镇常住人口18人的总量',
    expect: { 'xiamen-2020': [E('配备标准：社区工作者总数')], 'ningxia-2024': [E('配备标准：社区工作者总数')] },
  },
  {
    id: 'county-under', scope: 'county', what: '区城镇常住人口较多：社区工作者少于每万城镇常住人口18人',
    expect: { 'benxi-2022': [E('配备标准：社区工作者总数')], 'ningxia-2024': [W('配备标准：社区工作者总数')] },
  },
];

/** Findings every check of the sample has that are not breaks (the roster is outside a policy's validity window, …). */
export const SAMPLE_BACKGROUND: Partial<Record<PolicyId, Array<ExpectedFinding & { scope: 'roster' | 'county'; count: number }>>> = {
  'xiamen-2020': [{ severity: 'info', rule: '适用政策', scope: 'roster', count: 1 }],
  'tongzhou-draft': [{ severity: 'info', rule: '适用政策', scope: 'roster', count: 1 }],
  // The sample's districts are not 长春新区 development zones: the zone quotas cannot be checked.
  'changchun-xinqu-2020': [{ severity: 'warning', rule: '无法核对', scope: 'county', count: 2 }],
  // Certified share is between 35% and 50%: the 2030 aim is not yet met (info, not a breach).
  'ningxia-2024': [{ severity: 'info', rule: '持证比例', scope: 'county', count: 2 }],
};

/** Where a break landed in the generated roster. */
export interface LocatedBreak extends SampleBreak {
  county: string;
  street: string | null;
  community: string | null;
  /** Sheet of `row` (职工, 社区 or 区县), or null for a street. */
  sheet: string | null;
  row: number | null;
  name: string | null;
}

// ───────────────────────── the generator ─────────────────────────

/** Options of {@link generateSampleRoster}; the defaults give templates/示例花名册.xlsx. */
export interface SampleOptions {
  seed?: number;
  counties?: number;
  streetsPerCounty?: number;
  communities?: number;
  /** Workers per community, at most; each community has this many or one fewer (at least 12). */
  perCommunity?: number;
  /** Plant the deliberate breaks (default true; a bench may turn them off). */
  breaks?: boolean;
  /** Let community sizes vary by one (default true); false gives exactly `perCommunity` workers each. */
  vary?: boolean;
}

/** A generated roster: the three tables as cells, and where the breaks are. */
export interface SampleRoster {
  roster: Roster;
  breaks: LocatedBreak[];
  asOf: string;
  /** Header row of the worker sheet (a title row sits above it). */
  workerHeaderRow: number;
}

/** Worker sheet headers, in order (a mix of docs/design.md's names and common synonyms). */
export const WORKER_HEADERS = ['序号', '区县', '街道', '社区', '姓名', '性别', '身份证号码', '出生日期', '岗位类别', '职务', '任用方式', '入职时间',
  '学历', '学位', '职业资格', '取证日期', '考核2022', '考核2023', '考核2024', '考核2025', '试用期', '试用期考核', '现薪酬（元/月）', '借调月数', '旷工天数',
  '连续旷工天数', '保护情形', '一站式大厅', '最近培训年度', '继续教育学时', '协议签订日期', '任期届满日期', '备注'] as const;
export const COMMUNITY_HEADERS = ['区县', '街道', '社区', '户数', '常住人口', '城镇常住人口', '党员数', '党组织类型', '星级', '书记后备人才数'] as const;
export const COUNTY_HEADERS = ['区县', '常住人口', '城镇常住人口'] as const;
/** Worker columns holding dates (written as date cells). */
export const DATE_HEADERS = new Set(['出生日期', '入职时间', '取证日期', '协议签订日期', '任期届满日期']);
export const TITLE_ROW = '社区工作者花名册（示例数据，非真实人员）';

type WorkerHeader = (typeof WORKER_HEADERS)[number];
type Person = Partial<Record<WorkerHeader, Cell>> & { _sex: Sex; _birth: DayNumber; _entry: DayNumber; _elected: boolean; _break?: string };

const YEARS = [2022, 2023, 2024, 2025];

/**
 * Generates a roster. Deterministic for a seed: the same options always give the same cells.
 * The defaults (2 districts, 6 streets, 40 communities, about 580 workers, breaks on) are the
 * committed sample; `{communities: 5000, counties: 10, streetsPerCounty: 25, perCommunity: 20, breaks: false}`
 * is the 100,000-worker bench roster.
 */
export function generateSampleRoster(options: SampleOptions = {}): SampleRoster {
  const seed = options.seed ?? SAMPLE_SEED;
  const nCounties = options.counties ?? 2;
  const perCounty = options.streetsPerCounty ?? 3;
  const nCommunities = options.communities ?? 40;
  const perCommunity = Math.max(12, options.perCommunity ?? 15);
  const withBreaks = options.breaks ?? true;
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const asOf = dayNumberOf(2026, 12, 1);
  const asOfYear = civilOf(asOf).y;

  // Places.
  const countyNames = Array.from({ length: nCounties }, (_, i) => (i < COUNTY_WORDS.length ? `${COUNTY_WORDS[i]}区` : `第${i + 1}区`));
  const nStreets = nCounties * perCounty;
  const streetNames = Array.from({ length: nStreets }, (_, i) => (i < STREET_WORDS.length ? `${STREET_WORDS[i]}街道` : `${STREET_WORDS[i % STREET_WORDS.length]}${Math.floor(i / STREET_WORDS.length) + 1}街道`));
  // Communities spread evenly over the streets, in order.
  const streetOfCommunity = (c: number) => Math.min(nStreets - 1, Math.floor((c * nStreets) / nCommunities));
  const communityNames = Array.from({ length: nCommunities }, (_, i) => (i < COMMUNITY_WORDS.length ? `${COMMUNITY_WORDS[i]}社区` : `${COMMUNITY_WORDS[i % COMMUNITY_WORDS.length]}${Math.floor(i / COMMUNITY_WORDS.length) + 1}社区`));

  // Which community hosts which break (distinct communities spread over both districts).
  const host: Record<string, number> = {};
  if (withBreaks) {
    const order = ['excellent-quota', 'understaffed', 'too-many-deputies', 'id-check-char', 'id-birth-mismatch', 'id-sex-mismatch', 'two-failed-years',
      'retiring-soon', 'impossible-date', 'unknown-post', 'recruit-education', 'recruit-age', 'absence', 'continuing-education', 'probation-overdue',
      'probation-failed', 'missing-entry-date', 'few-social-workers', 'agreement-expired', 'retired-elected', 'secondment'];
    // Spread: community 0 (street 0) for the quota; the others every other community.
    order.forEach((id, i) => { host[id] = i === 0 ? 0 : Math.min(nCommunities - 1, 2 * i - 1); });
  }
  const reserveStreet = withBreaks ? Math.min(nStreets - 1, perCounty + 1) : -1;

  const ids = new Set<string>();
  const residentId = (birth: DayNumber, sex: Sex): string => {
    const { y, m, d } = civilOf(birth);
    const date = `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
    for (;;) {
      let seq = int(1, 999);
      if ((seq % 2 === 1) !== (sex === '男')) seq = seq === 999 ? 998 : seq + 1;
      const first17 = pick(REGIONS) + date + String(seq).padStart(3, '0');
      const id = first17 + idCheckChar(first17);
      if (!ids.has(id)) {
        ids.add(id);
        return id;
      }
    }
  };
  let rareLeft = withBreaks ? [...RARE_NAME_CHARS] : [];
  const nameOf = (sex: Sex): string => {
    const surname = rnd() < 0.02 ? pick(COMPOUND_SURNAMES) : pick(SURNAMES);
    const chars = sex === '男' ? MALE_CHARS : FEMALE_CHARS;
    const given = rareLeft.length ? rareLeft.shift()! + (rnd() < 0.5 ? pick(chars) : '') : rnd() < 0.35 ? pick(chars) : pick(chars) + pick(chars);
    return surname + given;
  };
  const retiresAfter = addMonths(asOf, 13);
  /** A person with a birth date (entry age 22–35, entry before `latestEntry`) who retires more than a year after the as-of date. */
  const person = (elected: boolean, latestEntry: DayNumber): Person => {
    for (;;) {
      const sex: Sex = rnd() < 0.58 ? '女' : '男';
      const birth = dayNumberOf(int(1970, 2001), int(1, 12), int(1, 28));
      if (retirementOf(birth, sex).date <= retiresAfter) continue;
      const entry = addMonths(birth, int(22 * 12, 35 * 12));
      if (entry > latestEntry || entry < dayNumberOf(1995, 1, 1)) continue;
      return { _sex: sex, _birth: birth, _entry: entry, _elected: elected };
    }
  };

  const workers: Cell[][] = [];
  const workerRowNo: number[] = [];
  const WORKER_HEADER_ROW = 2;
  const communityRows: Cell[][] = [];
  const located: LocatedBreak[] = [];
  const breakById = new Map(SAMPLE_BREAKS.map((b) => [b.id, b]));
  const locate = (id: string, place: Omit<LocatedBreak, keyof SampleBreak>) => located.push({ ...breakById.get(id)!, ...place });
  const countyWorkers = new Array<number>(nCounties).fill(0);
  const countyCertified = new Array<number>(nCounties).fill(0);
  const entryLatest = dayNumberOf(2026, 5, 31);
  let serial = 0;

  for (let c = 0; c < nCommunities; c++) {
    const s = streetOfCommunity(c);
    const k = Math.min(nCounties - 1, Math.floor(s / perCounty));
    const county = countyNames[k];
    const street = streetNames[s];
    const community = communityNames[c];
    const isHost = (id: string) => withBreaks && host[id] === c;

    // Party organisation by membership (党支部 < 100 members ≤ 党总支 ≤ 200 < 党委).
    const r = rnd();
    let orgType = r < 0.4 ? '党支部' : r < 0.8 ? '党总支' : '党委';
    if (isHost('understaffed') || isHost('too-many-deputies')) orgType = '党支部';
    const members = orgType === '党支部' ? int(40, 99) : orgType === '党总支' ? int(100, 200) : int(201, 299);
    const p = orgType === '党支部' ? int(1, 3) : 3;
    const committee = orgType === '党支部' ? int(3, 6 - p) : 3;
    const target = perCommunity - ((options.vary ?? true) && rnd() < 0.3 ? 1 : 0);

    // Composition: [title, post category, elected].
    const slots: Array<[string, string, boolean]> = [];
    if (isHost('understaffed')) {
      slots.push([`${orgType}书记、居委会主任`, '正职', true], [`${orgType}副书记`, '副职', true], ['居委会副主任', '副职', true], ['居委会委员', '委员', true], ['居委会委员', '委员', true]);
    } else {
      const deputies = isHost('too-many-deputies') ? 3 : 1;
      const partyMembers = isHost('too-many-deputies') ? 2 : p;
      const residents = isHost('too-many-deputies') ? 2 : committee;
      slots.push([`${orgType}书记、居委会主任`, '正职', true], [`${orgType}副书记`, '副职', true]);
      for (let i = 0; i < deputies; i++) slots.push(['居委会副主任', '副职', true]);
      for (let i = 0; i < partyMembers; i++) slots.push([`${orgType}委员`, '委员', true]);
      for (let i = 0; i < residents; i++) slots.push(['居委会委员', '委员', true]);
      slots.push(['专职党务工作者', '工作人员', false], ['党群工作者', '工作人员', false]);
      while (slots.length < target) slots.push([rnd() < 0.3 ? '网格员' : '专职工作人员', '工作人员', false]);
    }
    const total = slots.length;
    const households = isHost('understaffed') ? 800 : int(900, 130 * total - 30);
    const population = Math.round(households * (2.5 + rnd() * 0.5));
    const urban = population - int(0, Math.floor(population * 0.03));

    // People.
    const people: Person[] = slots.map(([title, post, elected]) => {
      const pe = person(elected, entryLatest);
      pe['职务'] = title;
      pe['岗位类别'] = post;
      pe['任用方式'] = elected ? '选任' : '招聘';
      return pe;
    });
    // A newcomer on probation in some communities (entered within the last 6 months, not yet rated).
    if (!isHost('understaffed') && rnd() < 0.15) {
      const staff = people.findIndex((x) => x['职务'] === '专职工作人员');
      if (staff >= 0) {
        const pe = people[staff];
        pe._entry = dayNumberOf(2026, int(7, 10), int(1, 28));
        pe._birth = dayNumberOf(civilOf(pe._entry).y - int(23, 30), int(1, 12), int(1, 28));
        pe['试用期'] = '是';
      }
    }

    // Certificates: at least 3 社工师 or above per community (2 in the break community), about 40% certified.
    const order = shuffled(people.map((_, i) => i), rnd);
    const senior = isHost('few-social-workers') ? 2 : Math.min(people.length, int(3, 4));
    const junior = isHost('understaffed') ? 0 : int(2, 3);
    order.forEach((i, j) => {
      const pe = people[i];
      if (j < senior) pe['职业资格'] = rnd() < 0.12 ? '高级社会工作师' : '社会工作师';
      else if (j < senior + junior) pe['职业资格'] = '助理社会工作师';
      else pe['职业资格'] = null;
    });

    for (const pe of people) {
      const entryYear = civilOf(pe._entry).y;
      const eduRoll = rnd();
      const edu = eduRoll < 0.3 ? '大专' : eduRoll < 0.9 ? '本科' : '硕士研究生';
      pe['学历'] = edu;
      pe['学位'] = edu === '本科' ? (rnd() < 0.85 ? '学士' : '无') : edu === '硕士研究生' ? '硕士' : null;
      if (pe['职业资格']) pe['继续教育学时'] = int(90, 140);
      pe['现薪酬（元/月）'] = 3200 + Math.round((asOfYear - entryYear) * 60 + rnd() * 900) + (pe['岗位类别'] === '正职' ? 1200 : pe['岗位类别'] === '副职' ? 700 : 0);
      pe['一站式大厅'] = '否';
      pe['最近培训年度'] = pe['岗位类别'] === '正职' ? 2026 : int(2025, 2026);
      if (pe._elected) pe['任期届满日期'] = toExcelSerial(dayNumberOf(2031, 6, 30));
      if (pe['试用期'] !== '是') pe['试用期'] = '否';
    }
    // 2–3 people keep the one-stop hall (staff first).
    const hallOrder = [...people.keys()].sort((a, b) => Number(people[a]._elected) - Number(people[b]._elected));
    hallOrder.slice(0, isHost('understaffed') ? 2 : int(2, 3)).forEach((i) => { people[i]['一站式大厅'] = '是'; });

    // Ratings: rated from the first full half-year; 优秀 at most 20% per community and year, at most one 不合格 per person.
    for (const y of YEARS) {
      const rated = people.filter((pe) => pe._entry <= dayNumberOf(y, 6, 30));
      // In the quota break's street and year the other communities use their whole 25% (allowed), so the street is clearly over.
      const share = withBreaks && y === 2024 && s === streetOfCommunity(host['excellent-quota']) ? 0.25 : 0.2;
      const excellent = Math.floor(rated.length * share);
      const ratedInOrder = shuffled(rated, rnd);
      ratedInOrder.forEach((pe, j) => {
        const key = `考核${y}` as WorkerHeader;
        if (j < excellent) pe[key] = '优秀';
        else {
          const roll = rnd();
          const failedBefore = YEARS.some((yy) => pe[`考核${yy}` as WorkerHeader] === '不合格');
          pe[key] = roll < 0.04 ? '基本合格' : roll < 0.05 && !failedBefore ? '不合格' : '合格';
        }
      });
    }
    if (isHost('excellent-quota')) {
      // Everyone rated in 2024 is 优秀.
      for (const pe of people) if (pe['考核2024']) pe['考核2024'] = '优秀';
    }

    // The worker-row breaks: each picks a general staff member of its host community.
    const staffOf = () => people.find((pe) => pe['职务'] === '专职工作人员' && pe['试用期'] === '否' && !pe._break);
    const mark = (id: string, change: (pe: Person) => void, who?: Person) => {
      if (!isHost(id)) return;
      const pe = who ?? staffOf();
      if (!pe) throw new Error(`sample: no staff member to carry break ${id} in ${community}`);
      pe._break = id;
      change(pe);
    };
    /** A break that changes someone's certificate passes a 社工师 certificate on, so the community keeps its count. */
    const handOver = (pe: Person) => {
      const cert = pe['职业资格'];
      if (cert !== '社会工作师' && cert !== '高级社会工作师') return;
      const other = people.find((x) => x !== pe && !x['职业资格'] && !x._break);
      if (!other) throw new Error(`sample: nobody to take over a certificate in ${community}`);
      other['职业资格'] = cert;
      other['继续教育学时'] = int(90, 140);
    };
    mark('id-check-char', () => {});
    mark('id-birth-mismatch', (pe) => { pe._birth = dayNumberOf(int(1980, 1990), int(2, 11), int(1, 28)); pe._entry = addMonths(pe._birth, 25 * 12); });
    mark('id-sex-mismatch', (pe) => { pe._birth = dayNumberOf(int(1982, 1992), int(1, 12), int(1, 28)); pe._entry = addMonths(pe._birth, 24 * 12); });
    mark('two-failed-years', (pe) => { pe['考核2022'] = '合格'; pe['考核2023'] = '不合格'; pe['考核2024'] = '不合格'; pe['考核2025'] = '合格'; });
    mark('retiring-soon', (pe) => { pe._sex = '女'; pe._birth = dayNumberOf(1971, 9, 10); pe._entry = dayNumberOf(2003, 3, 1); });
    mark('impossible-date', () => {});
    mark('unknown-post', (pe) => { pe['岗位类别'] = '办事员'; pe['职务'] = '办事员'; });
    mark('recruit-education', (pe) => { pe['学历'] = '高中'; pe['学位'] = null; });
    mark('recruit-age', (pe) => {
      handOver(pe);
      pe._birth = dayNumberOf(1975, 4, 12);
      pe._entry = dayNumberOf(2018, 6, 1);
      pe['职业资格'] = null;
      pe['继续教育学时'] = null;
      for (const y of YEARS) if (y < 2019) pe[`考核${y}` as WorkerHeader] = null;
    });
    mark('absence', (pe) => { pe['旷工天数'] = 35; pe['连续旷工天数'] = 18; });
    mark('continuing-education', (pe) => { handOver(pe); pe['职业资格'] = '助理社会工作师'; pe['继续教育学时'] = 40; });
    mark('probation-overdue', (pe) => {
      pe._entry = dayNumberOf(2025, 11, 17);
      pe._birth = dayNumberOf(1999, 5, 20);
      pe['试用期'] = '是';
      for (const y of YEARS) pe[`考核${y}` as WorkerHeader] = null;
    });
    mark('probation-failed', (pe) => {
      pe._entry = dayNumberOf(2025, 8, 1);
      pe._birth = dayNumberOf(1998, 10, 3);
      pe['试用期考核'] = '不合格';
      for (const y of YEARS) pe[`考核${y}` as WorkerHeader] = null;
    });
    mark('missing-entry-date', () => {});
    mark('secondment', (pe) => { pe['借调月数'] = 3; });
    mark('agreement-expired', (pe) => { pe._entry = dayNumberOf(2016, 3, 1); pe._birth = dayNumberOf(1990, 7, 8); });
    mark('retired-elected', (pe) => { pe._sex = '男'; pe._birth = dayNumberOf(1963, 3, 16); pe._entry = dayNumberOf(1995, 9, 1); }, people[0]);

    // Rows.
    const firstRow = WORKER_HEADER_ROW + 1 + workers.length;
    people.forEach((pe, i) => {
      const b = pe._break;
      let id = residentId(pe._birth, pe._sex);
      // Dates that follow the (final) entry date: certificate, service agreement (renewed every 5 years), probation result.
      if (pe['职业资格']) {
        const from = Math.max(pe._entry, dayNumberOf(2010, 1, 1));
        pe['取证日期'] = toExcelSerial(from + Math.floor(rnd() * Math.max(1, dayNumberOf(2026, 6, 30) - from)));
      }
      if (!pe._elected) {
        const years = Math.floor(wholeYearsBetween(pe._entry, asOf) / 5) * 5;
        pe['协议签订日期'] = toExcelSerial(addMonths(pe._entry, years * 12));
        if (pe['试用期'] === '否' && pe._entry >= dayNumberOf(2023, 1, 1) && !pe['试用期考核']) pe['试用期考核'] = '合格';
      }
      const row: Record<string, Cell> = { ...pe };
      row['序号'] = ++serial;
      row['区县'] = county;
      row['街道'] = street;
      row['社区'] = community;
      row['姓名'] = nameOf(pe._sex);
      row['性别'] = pe._sex;
      row['出生日期'] = toExcelSerial(pe._birth);
      row['入职时间'] = toExcelSerial(pe._entry);
      if (b === 'id-check-char') {
        const good = id[17];
        id = id.slice(0, 17) + (good === '0' ? '1' : good === 'X' ? '0' : good === '9' ? 'X' : String(Number(good) + 1));
      }
      if (b === 'id-birth-mismatch') row['出生日期'] = toExcelSerial(addMonths(pe._birth, -1));
      if (b === 'id-sex-mismatch') row['性别'] = pe._sex === '男' ? '女' : '男';
      if (b === 'impossible-date') row['入职时间'] = '2019-02-30';
      if (b === 'missing-entry-date') row['入职时间'] = null;
      if (b === 'agreement-expired') row['协议签订日期'] = toExcelSerial(dayNumberOf(2021, 3, 1));
      if (b === 'two-failed-years') row['备注'] = '2023、2024年度考核不合格';
      // A few birth dates left blank (the ID supplies them) and a few dates typed as text, as real rosters have.
      if (!b && rnd() < 0.02) row['出生日期'] = null;
      else if (!b && rnd() < 0.03) row['入职时间'] = isoOf(pe._entry).replace(/-0?/g, '/');
      row['身份证号码'] = id;
      workers.push(WORKER_HEADERS.map((h) => (row[h] === undefined ? null : row[h])));
      workerRowNo.push(firstRow + i);
      if (b) locate(b, { county, street, community, sheet: '职工', row: firstRow + i, name: row['姓名'] as string });
      countyWorkers[k]++;
      if (pe['职业资格']) countyCertified[k]++;
    });

    const reserve = s === reserveStreet ? 1 : int(3, 4);
    communityRows.push([county, street, community, households, population, urban, members, orgType, int(1, 5), reserve]);
    const communityRow = 1 + communityRows.length;
    for (const id of ['understaffed', 'too-many-deputies', 'excellent-quota', 'few-social-workers']) {
      if (isHost(id)) locate(id, { county, street, community, sheet: '社区', row: communityRow, name: null });
    }
    if (isHost('excellent-quota')) locate('excellent-quota-street', { county, street, community: null, sheet: null, row: null, name: null });
  }
  if (withBreaks) {
    const s = reserveStreet;
    const k = Math.floor(s / perCounty);
    locate('reserve-pool', { county: countyNames[k], street: streetNames[s], community: null, sheet: null, row: null, name: null });
  }

  // County figures: clean ones are consistent with every policy's county standard; the two break counties are not.
  const countyRows: Cell[][] = countyNames.map((name, k) => {
    const w = countyWorkers[k];
    let population: number;
    let urban: number;
    if (withBreaks && k === 0) {
      population = Math.floor(((w * 1000) / 3) * 0.93);
      urban = Math.floor(population * 0.92);
      locate('county-over', { county: name, street: null, community: null, sheet: '区县', row: 2 + k, name: null });
    } else if (withBreaks && k === 1) {
      urban = Math.ceil(((w * 10000) / 18) * 1.2);
      population = Math.ceil(urban * 1.08);
      locate('county-under', { county: name, street: null, community: null, sheet: '区县', row: 2 + k, name: null });
    } else {
      // 18 per 10,000 urban residents gives exactly this headcount (Ningxia's total, Benxi's minimum).
      urban = Math.floor(((w - 0.3) * 10000) / 18);
      population = Math.ceil(urban * 1.1);
    }
    return [name, population, urban];
  });

  const workerTable: RosterTable = { sheet: '职工', headerRow: WORKER_HEADER_ROW, headers: [...WORKER_HEADERS], rows: workers };
  const communityTable: RosterTable = { sheet: '社区', headerRow: 1, headers: [...COMMUNITY_HEADERS], rows: communityRows };
  const countyTable: RosterTable = { sheet: '区县', headerRow: 1, headers: [...COUNTY_HEADERS], rows: countyRows };
  if (withBreaks) {
    for (let k = 0; k < nCounties; k++) {
      const share = countyCertified[k] / countyWorkers[k];
      if (share < 0.35 || share >= 0.5) throw new Error(`sample: ${countyNames[k]} certified share ${share.toFixed(3)} outside [0.35, 0.5)`);
    }
  }
  return { roster: { workers: workerTable, communities: communityTable, counties: countyTable }, breaks: located, asOf: SAMPLE_AS_OF, workerHeaderRow: WORKER_HEADER_ROW };
}

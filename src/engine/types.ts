import type { DayNumber } from './dates';
import type { Decimal } from './money';
import type { ParamTable, ParamView } from './params';
import type { Trace, TraceStep } from './trace';
import type { Rating } from './vocab/ratings';
import type { Education, Degree } from './vocab/education';
import type { CertificateLevel } from './vocab/certificates';
import type { PostCategory } from './vocab/posts';
import type { Citation } from './citation';
import type { PolicyRules } from './rules';

/**
 * A policy's id (`benxi-2022` …). The registry, `POLICIES` in policies/index.ts, is the one list of
 * them: a new policy is its folder and one entry there.
 */
export type PolicyId = string;

/** Award (表彰) levels that move a grade or earn a subsidy: 功勋荣誉, 国家级, 省部级. */
export type AwardLevel = 'merit' | 'national' | 'provincial';

/** Sex as recorded on a resident ID. */
export type Sex = '男' | '女';

/** A worker's facts after validation: what every rule reads. */
export interface Worker {
  policy: Policy;
  /** The post category in the policy's own words, or null when not given. */
  post: string | null;
  /** Post held before `postDate`, for the "from the next month" rule. */
  previousPost: string | null;
  postDate: DayNumber | null;
  entryDate: DayNumber | null;
  asOf: DayNumber;
  /** Earlier community service that the policy lets accumulate (transfers), in years. */
  priorYears: number;
  /** Cumulative years as 社区党组织书记 or 居民委员会主任 (宁夏 long-service subsidy), or null when not given. */
  headYears: number | null;
  ratings: ReadonlyMap<number, Rating>;
  education: Education | null;
  degree: Degree | null;
  certificate: CertificateLevel | null;
  certificateDate: DayNumber | null;
  awards: AwardLevel[];
  probation: boolean;
  currentPay: Decimal | null;
  /** Star level (1–5) of the community party organisation (Ningxia 星级补贴). */
  star: number | null;
  birthDate: DayNumber | null;
  sex: Sex | null;
  /** Original statutory retirement age before the national delay (60, 55 or 50). */
  originalAge: number | null;
  params: ParamView;
}

/** One pay item, rounded to the fen. */
export interface PayItem {
  name: string;
  amount: Decimal;
}

/** The facts a staffing rule reads, for one community or one county/district. */
export interface UnitFacts {
  /** The unit's name (a community, a county/district, or a zone such as 高新开发区). */
  name?: string;
  households?: number;
  population?: number;
  urbanPopulation?: number;
  partyMembers?: number;
  /** 党委, 党总支 or 党支部. */
  partyOrgType?: string;
}

/**
 * Who a staffing requirement counts on the roster; the checks and reports pick their counter by this
 * tag, never by the Chinese label. `{ post }` counts the workers of one of the policy's post categories.
 */
export type StaffCount =
  /** Every community worker of the unit. */
  | 'workers'
  /** Full-time members of the two committees (党组织 or 居委会; one person counted once). */
  | 'twoCommittees'
  /** Full-time party workers by job title (专职党务工作者、党群工作者、党建专干 …). */
  | 'partyWorkers'
  /** 专职党建“社工岗”: the same count, said to exclude 书记 and 副书记. */
  | 'partyPosts'
  /** Party workers plus the full-time deputy party secretary (通州 第七条 puts the deputy in the quota). */
  | 'partyWorkersAndDeputy'
  /** Members of the community party organisation (书记, 副书记, 委员). */
  | 'partyCommittee'
  | 'partySecretary'
  | 'partyDeputy'
  /** Members of the residents' committee (主任, 副主任, 委员). */
  | 'residentsCommittee'
  | 'committeeHead'
  | 'committeeDeputy'
  | { post: string };

/** A required headcount range with its article. `max` null means no ceiling. */
export interface StaffingRequirement {
  /** What is counted, in Chinese for messages: 社区工作者总数, 两委专职成员, 专职党务工作者 … */
  what: string;
  /** What is counted, as a type: the roster counter that checks this requirement. */
  counts: StaffCount;
  scope: 'community' | 'county';
  min: number | null;
  max: number | null;
  citation: Citation;
  /** How the figure was reached, in Chinese. */
  basis: string;
  /** 'error' when breaking the bound is a breach, 'warning' when it is advisory. */
  belowSeverity: 'error' | 'warning';
  aboveSeverity: 'error' | 'warning';
}

/** Which single fact CW.STAFF's number is, and at which level the policy's main staffing rule counts it. */
export interface StaffBasis {
  scope: 'community' | 'county';
  fact: keyof UnitFacts;
  /** The fact in Chinese, for messages: 社区户数, 县、区城镇常住人口 … */
  what: string;
}

/** One county's share of its pay bill paid by the higher level, under a policy's funding rule. */
export interface FundingShare {
  /** The county's canonical name. */
  county: string;
  share: Decimal;
  /** The rate as printed: `330.00 元/人·月`, `80%`. */
  rate: string;
  basis: string;
  citation: Citation;
  warning?: string;
}

/** How the higher level funds a county's community workers, where the document says so. */
export interface FundingRule {
  /** Column words: 市级补助 / 县区承担, 自治区补助 / 市、县（区）承担. */
  shareLabel: string;
  restLabel: string;
  /** The county's share of a monthly pay bill for `heads` workers on the roster. */
  share(county: string, heads: number, bill: Decimal, params: ParamView): FundingShare;
  /** The sentence above the table, from the parameters in force. */
  statement(params: ParamView): string;
}

/** A policy: its vocabulary, its parameters, and its rules. */
export interface Policy {
  id: PolicyId;
  /** Short Chinese name: 本溪, 厦门 … */
  name: string;
  /** Where it applies, for report title blocks: 辽宁省本溪市 … */
  jurisdiction: string;
  /** A draft for comment, not in force (front ends show a badge; every result warns). */
  draft: boolean;
  /** The document's own words for the four ratings (通州: 称职, 基本称职, 不称职). */
  ratingWords: Readonly<Record<Rating, string>>;
  /** What CW.STAFF's single number is. */
  staffBasis: StaffBasis;
  /** The higher level's share of the pay bill; null when the document sets none. */
  funding: FundingRule | null;
  /** True when a pay-level rule compares pay with the previous year's city average wage (cw check --average-wage). */
  readsAverageWage: boolean;
  /** Full document title and number, for report title blocks. */
  title: string;
  doc: string;
  aliases: string[];
  posts: PostCategory[];
  params: ParamTable;
  /** The article `checkInForce`'s warnings rest on (its in-force and validity rule), cited by the roster checks' note. */
  inForceArticle: string;
  /** Rejects an as-of date before the policy applies, or warns outside its validity window. */
  checkInForce(asOf: DayNumber, params: ParamView, trace: Trace, warnings: string[]): void;
  /** Counted (effective) years of service at `asOf`. */
  countedYears(w: Worker, trace: Trace): number;
  /** Grade or level at `asOf`; null for a policy without grades. */
  grade(w: Worker, years: number, trace: Trace, warnings: string[]): number | null;
  /** Every pay item, each rounded to the fen; the total is their sum. */
  pay(w: Worker, years: number, grade: number | null, trace: Trace, warnings: string[]): PayItem[];
  /** Required staffing for a community (`scope` community) or a county/district. */
  staffing(facts: UnitFacts, scope: 'community' | 'county', params: ParamView, trace: Trace): StaffingRequirement[];
  /** Exit triggers (解除劳动合同/服务协议) from ratings and attendance, as findings. */
  exitTriggers(w: Worker, facts: WorkerFacts): Finding[];
  /** Most 优秀 ratings allowed among `rated` workers of one unit in one year; null when the policy sets no quota. */
  excellentQuota(rated: number, params: ParamView): Quota | null;
  /** Recruitment conditions for a recruited (not elected) worker, as findings. */
  recruitment(w: Worker, facts: WorkerFacts): Finding[];
  /** True when `recruitment` sets any condition (the check then needs the 任用方式 column). */
  recruits: boolean;
  /** The roster rules per worker, community, street and county (rules.ts). */
  rules: PolicyRules;
  /**
   * The document's own contribution base (缴费基数) for one worker and month, or null when the
   * document leaves it to the worker's declared base (厦门 第十三条（一） sets one).
   */
  socialInsuranceBase: ((w: Worker, trace: Trace, warnings: string[]) => Decimal) | null;
  /** How grades move during a year, with the article, for the heading of the 调档 list; null when the document does not say. */
  gradeAdjustment: string | null;
}

/** Roster facts beyond the pay inputs, read by exit and recruitment rules. All optional. */
export interface WorkerFacts {
  /** Age in whole years at the recruitment date or as-of date. */
  age?: number;
  /** Days of unexcused absence in the current year (旷工), and the longest consecutive run. */
  absenceDaysInYear?: number;
  absenceConsecutiveDays?: number;
  /** Protected status that forbids dismissal: 工伤, 医疗期, 孕期, 产假, 哺乳期. */
  protectedStatus?: string;
  /** Recruited (招聘) rather than elected (选任); recruitment rules apply only then. */
  recruited?: boolean;
  freshGraduate?: boolean;
  existingWorker?: boolean;
  veteran?: boolean;
  sociologyGraduate?: boolean;
  /** Registered resident of the city (户籍), where a policy requires it. */
  localHukou?: boolean;
  /** Result of the assessment at the end of probation (试用期满考核), e.g. 合格 or 不合格. */
  probationRating?: string;
}

/** A rule outcome: what is wrong or worth attention, the article, and what to do. */
export interface Finding {
  severity: 'error' | 'warning' | 'info';
  /** Short rule name: 退出情形, 招聘条件, 优秀比例 … */
  rule: string;
  citation: Citation;
  message: string;
  action: string;
}

/** A cap on 优秀 ratings. */
export interface Quota {
  max: number;
  /** The unit the quota counts over, in the document's words: 单位, 街道(乡镇) … (for messages only). */
  unit: string;
  /** The unit the quota counts over, as a type: each community, or each street (街道/乡镇). */
  over: 'community' | 'street';
  /** Post categories (the policy's own names) rated in a separate list and not counted in this quota. */
  excludes: readonly string[];
  citation: Citation;
  basis: string;
}

/** The result of evaluating one worker: the `cw calc` contract. */
export interface Evaluation {
  policy: PolicyId;
  asOf: string;
  tenureYears: number;
  grade: number | null;
  items: Record<string, string>;
  total: string;
  warnings: string[];
  trace: TraceStep[];
  retirementDate?: string;
}

import type { Cell, TableKind } from './types';

/** A column the checks read: its key, its Chinese header, the synonyms real sheets use, and why it matters. */
export interface FieldDef {
  key: string;
  /** The header cwkit writes and shows (DESIGN.md "Rosters"). */
  label: string;
  synonyms: string[];
  /** Required for the checks to run at all. */
  required?: boolean;
  /** What the column is for, in Chinese (shown when it is missing or when the clerk maps it). */
  use: string;
}

const PLACE: FieldDef[] = [
  { key: 'county', label: '区县', synonyms: ['县区', '区(县)', '县(区)', '区县名称', '所属区县', '区县(市)', '县(市、区)', '县(市,区)', '县市区', '区', '县', '开发区', '区(开发区)'], use: '按区县汇总配备标准' },
  { key: 'street', label: '街道', synonyms: ['街道(乡镇)', '乡镇(街道)', '街道乡镇', '乡镇街道', '街道办事处', '所属街道', '街道名称', '街道办', '街乡', '乡镇'], use: '按街道汇总（优秀比例、后备人才）' },
  { key: 'community', label: '社区', synonyms: ['所在社区', '所属社区', '社区名称', '社区(居委会)', '社区居委会', '居委会', '社区(村)', '村(社区)'], required: true, use: '按社区汇总配备标准' },
];

/** Worker columns (DESIGN.md "Rosters"), plus the optional columns some rules read. */
export const WORKER_FIELDS: FieldDef[] = [
  ...PLACE,
  { key: 'name', label: '姓名', synonyms: ['名字', '职工姓名', '人员姓名', '社区工作者姓名', '姓 名'], required: true, use: '指明是哪位职工' },
  { key: 'sex', label: '性别', synonyms: [], use: '退休年龄；与身份证号核对' },
  { key: 'idNumber', label: '身份证号', synonyms: ['身份证号码', '公民身份号码', '居民身份证号码', '居民身份证号', '身份证', '身份证件号码', '证件号码', '公民身份证号码'], use: '校验身份证号；补全出生日期和性别' },
  { key: 'birthDate', label: '出生日期', synonyms: ['出生年月', '出生年月日', '出生时间', '生日'], use: '退休日期；招聘年龄' },
  { key: 'post', label: '岗位类别', synonyms: ['岗位', '岗位类型', '岗位名称', '岗位等级类别', '人员类别'], use: '按岗位类别统计职数（正职、副职…）' },
  { key: 'title', label: '职务', synonyms: ['现任职务', '担任职务', '职务名称', '现职务', '任职情况', '职务(岗位)'], use: '“两委”、党组织、居委会成员和专职党务工作者' },
  { key: 'appointment', label: '任用方式', synonyms: ['产生方式', '选任或招聘', '选任/招聘', '人员来源', '聘用方式', '进入方式', '来源'], use: '招聘人员核对招聘条件（选任、招聘）' },
  { key: 'elected', label: '是否选任', synonyms: ['选任', '是否选任人员', '是否两委选任'], use: '招聘人员核对招聘条件（是：选任；否：招聘）' },
  { key: 'entryDate', label: '入职日期', synonyms: ['入职时间', '参加工作时间', '参加社区工作时间', '参加社区工作日期', '进入社区工作时间', '到社区工作时间', '从事社区工作时间', '聘用日期', '入职年月'], use: '工作年限；招聘年龄；试用期' },
  { key: 'education', label: '学历', synonyms: ['最高学历', '文化程度', '全日制学历'], use: '招聘条件' },
  { key: 'degree', label: '学位', synonyms: ['最高学位'], use: '（薪酬）' },
  { key: 'certificate', label: '职业资格', synonyms: ['职业水平证书', '社工证', '社会工作者职业水平证书', '职业资格证书', '证书等级', '社工职业资格', '持证情况', '社会工作职业资格'], use: '持证比例；社工师人数；继续教育' },
  { key: 'certificateDate', label: '取证日期', synonyms: ['取证时间', '证书取得时间', '取得证书时间', '发证日期', '资格取得时间', '取证年月'], use: '（薪酬：职业津贴起发）' },
  { key: 'secondmentMonths', label: '借调月数', synonyms: ['借调时间(月)', '已借调月数', '借调时长(月)', '借调时长'], use: '借调时间（本溪）' },
  { key: 'probation', label: '试用期', synonyms: ['是否试用期', '是否在试用期', '试用期内'], use: '试用期期限' },
  { key: 'probationRating', label: '试用期考核', synonyms: ['试用期满考核', '试用期考核结果', '转正考核', '试用期考核等次'], use: '退出情形（试用期满考核不合格）' },
  { key: 'currentPay', label: '现薪酬', synonyms: ['现工资', '现月薪酬', '月薪酬', '现行薪酬', '月工资', '现薪酬标准'], use: '工资总体水平' },
  { key: 'priorYears', label: '此前社区工作年限', synonyms: ['此前工作年限', '原社区工作年限', '调入前社区工作年限', '调入前工作年限'], use: '（薪酬：累计年限）' },
  { key: 'headYears', label: '任书记主任年限', synonyms: ['任书记主任累计年限', '任书记、主任年限', '书记主任任职年限', '任书记或主任年限', '累计任书记主任年限'], use: '（薪酬：长期任职奖励补贴，宁夏）' },
  { key: 'originalAge', label: '原退休年龄', synonyms: ['原法定退休年龄', '退休年龄'], use: '退休日期（女职工 55 或 50）' },
  { key: 'absenceDays', label: '旷工天数', synonyms: ['本年旷工天数', '年度旷工天数', '当年旷工天数', '累计旷工天数', '无故旷工天数', '本年度旷工天数'], use: '退出情形；考核等次（通州）' },
  { key: 'absenceConsecutiveDays', label: '连续旷工天数', synonyms: ['最长连续旷工天数', '连续旷工'], use: '退出情形（通州）' },
  { key: 'protectedStatus', label: '保护情形', synonyms: ['不得辞退情形', '特殊情形', '特殊保护情形'], use: '不得辞退的情形（工伤、医疗期、孕期、产假、哺乳期）' },
  { key: 'freshGraduate', label: '应届毕业生', synonyms: ['是否应届毕业生', '应届'], use: '招聘条件（通州：应届毕业生须本科）' },
  { key: 'veteran', label: '退役军人', synonyms: ['是否退役军人', '退伍军人', '是否退伍军人'], use: '招聘条件（长春新区：放宽年龄）' },
  { key: 'sociologyGraduate', label: '社会学专业', synonyms: ['是否社会学专业', '社会学专业毕业生'], use: '招聘条件（长春新区：放宽年龄）' },
  { key: 'existingWorker', label: '原社区工作者', synonyms: ['现有社区工作者', '是否现有社区工作者', '公益性岗位人员'], use: '招聘条件（长春新区：放宽年龄）' },
  { key: 'localHukou', label: '本市户籍', synonyms: ['是否本市户籍', '本市居民', '是否本市居民'], use: '招聘条件' },
  { key: 'serviceHall', label: '一站式大厅', synonyms: ['大厅值班', '服务大厅', '是否大厅值班', '一站式服务大厅', '大厅人员'], use: '“一站式”大厅人数（长春新区）' },
  { key: 'lastTrainingYear', label: '最近培训年度', synonyms: ['上次培训年度', '最近培训时间', '最近一次培训', '最近培训年份', '上次培训年份'], use: '培训周期（长春新区）' },
  { key: 'educationHours', label: '继续教育学时', synonyms: ['继续教育时长', '本登记期继续教育学时', '继续教育小时数'], use: '继续教育（通州）' },
  { key: 'agreementDate', label: '协议签订日期', synonyms: ['服务协议签订日期', '合同签订日期', '劳动合同签订日期', '协议签订时间'], use: '服务协议期限（通州）' },
  { key: 'termEnd', label: '任期届满日期', synonyms: ['任期结束日期', '本届任期届满日期', '任期届满'], use: '选任人员退休后可工作至任期结束（通州）' },
  // Payroll (cw payroll, cw backpay): the facts from 应发 to 实发 that a pay roster carries.
  { key: 'contributionBase', label: '缴费基数', synonyms: ['社保缴费基数', '社会保险缴费基数', '社保基数', '上年度月平均工资', '上年月平均工资', '缴费工资'], use: '（代扣：社会保险个人缴费基数，上下限调整前）' },
  { key: 'fundBase', label: '公积金缴存基数', synonyms: ['公积金基数', '住房公积金缴存基数', '住房公积金基数'], use: '（代扣：住房公积金基数，与缴费基数不同时填写）' },
  { key: 'specialAdditional', label: '专项附加扣除', synonyms: ['每月专项附加扣除', '专项附加扣除(月)', '本月专项附加扣除', '专项附加扣除额'], use: '（个税：本月专项附加扣除）' },
  { key: 'otherDeductions', label: '其他扣除', synonyms: ['依法确定的其他扣除', '本月其他扣除', '个人养老金'], use: '（个税：本月依法确定的其他扣除）' },
  { key: 'bankAccount', label: '银行账号', synonyms: ['工资卡号', '银行卡号', '代发账号', '工资账号', '银行帐号', '卡号'], use: '（银行代发名单）' },
  { key: 'paid', label: '已发', synonyms: ['已发金额', '已发应发', '实际已发', '已发薪酬', '已发放'], use: '（补发：该月已发的应发合计）' },
];

/** Community columns (DESIGN.md "Rosters"). */
export const COMMUNITY_FIELDS: FieldDef[] = [
  ...PLACE,
  { key: 'households', label: '户数', synonyms: ['居民户数', '总户数', '社区户数', '常住户数', '住户数', '户籍户数'], use: '社区配备标准（按户数）' },
  { key: 'population', label: '常住人口', synonyms: ['常住人口数', '总人口', '人口', '居住人口', '实有人口'], use: '区县配备标准（按常住人口）' },
  { key: 'urbanPopulation', label: '城镇常住人口', synonyms: ['城镇人口', '城镇常住人口数'], use: '区县配备标准（按城镇常住人口）' },
  { key: 'partyMembers', label: '党员数', synonyms: ['党员人数', '党员', '在册党员数', '党员总数'], use: '专职党务工作者职数' },
  { key: 'partyOrgType', label: '党组织类型', synonyms: ['党组织', '党组织设置', '党组织形式', '党组织设置形式'], use: '党组织委员人数' },
  { key: 'star', label: '星级', synonyms: ['党组织星级', '星级评定', '星级等次'], use: '（薪酬：星级补贴）' },
  { key: 'reservePool', label: '书记后备人才数', synonyms: ['后备人才数', '后备干部数', '书记后备人数', '后备人才'], use: '书记后备人才库（宁夏）' },
];

/** County columns: figures for a whole 区县 (which override the sums of its communities). */
export const COUNTY_FIELDS: FieldDef[] = [
  { ...PLACE[0], required: true },
  { key: 'population', label: '常住人口', synonyms: ['常住人口数', '总人口', '人口'], use: '区县配备标准（按常住人口）' },
  { key: 'urbanPopulation', label: '城镇常住人口', synonyms: ['城镇人口', '城镇常住人口数'], use: '区县配备标准（按城镇常住人口）' },
  { key: 'zone', label: '员额单位', synonyms: ['开发区', '所属开发区', '员额核定单位'], use: '员额按开发区核定（长春新区）' },
];

const FIELDS: Record<TableKind, FieldDef[]> = { workers: WORKER_FIELDS, communities: COMMUNITY_FIELDS, counties: COUNTY_FIELDS };

/** Headers a roster often has that no rule reads: recognised, and not offered for mapping. */
const IGNORED = new Set(['序号', '编号', '备注', '联系电话', '手机', '手机号', '手机号码', '电话', '民族', '政治面貌', '籍贯', '住址', '家庭住址', '专业', '所学专业', '毕业院校', '毕业学校', '工号', '人员编号', '说明']);

/** Fields of a table kind. */
export function fieldsOf(kind: TableKind): FieldDef[] {
  return FIELDS[kind];
}

/** Normalises header text: no spaces or required-markers, half-width brackets and colons removed at the end. */
export function normalizeHeader(h: Cell): string {
  if (h === null || h === undefined) return '';
  return String(h)
    .replace(/[\s\u3000]+/g, '')
    .replace(/[*＊]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/，/g, ',')
    .replace(/[:：]$/, '')
    .toLowerCase();
}

const INDEX = new Map<TableKind, Map<string, string>>();
function indexOf(kind: TableKind): Map<string, string> {
  let m = INDEX.get(kind);
  if (!m) {
    m = new Map();
    for (const f of FIELDS[kind]) for (const s of [f.label, ...f.synonyms]) m.set(normalizeHeader(s), f.key);
    INDEX.set(kind, m);
  }
  return m;
}

const RATING_BEFORE = /^(?:年度)?考核(?:等次|结果|情况)?(\d{4})(?:年度|年)?$/;
const RATING_AFTER = /^(\d{4})(?:年度|年)?(?:年度)?考核(?:等次|结果|情况)?$/;

/** The year of an annual-rating header (考核2023, 2023年度考核, 2023年考核等次 …), or null. */
export function ratingYearOf(header: Cell): number | null {
  const h = normalizeHeader(header);
  const m = RATING_BEFORE.exec(h) ?? RATING_AFTER.exec(h);
  if (!m) return null;
  const y = Number(m[1]);
  return y >= 1990 && y <= 2100 ? y : null;
}

/** The field a header names, by its label or a synonym; bracketed notes such as （元/月） are ignored. */
export function fieldOfHeader(header: Cell, kind: TableKind): string | null {
  const h = normalizeHeader(header);
  if (h === '') return null;
  const index = indexOf(kind);
  const direct = index.get(h);
  if (direct) return direct;
  const bare = h.replace(/\([^)]*\)/g, '');
  return bare !== h && bare !== '' ? index.get(bare) ?? null : null;
}

/** A clerk's mapping for columns cwkit did not recognise: field key → 0-based column or header text. */
export interface HeaderOverride {
  /** Field key (community, idNumber …) → 0-based column or header text. */
  [field: string]: number | string | Record<string, number | string> | undefined;
  /** Annual-rating columns: year → 0-based column or header text. */
  ratings?: Record<string, number | string>;
}

/** The outcome of matching a header row. */
export interface HeaderMatch {
  kind: TableKind;
  /** Field key → 0-based column. */
  columns: Record<string, number>;
  /** One column per rated year, in year order. */
  ratingColumns: Array<{ year: number; column: number }>;
  /** Required fields with no column: the UI asks the clerk to pick one. */
  missing: FieldDef[];
  /** Optional fields with no column (the rules that read them are skipped or reported). */
  absent: FieldDef[];
  /** Headers that name no field (offered for manual mapping). */
  unrecognised: Array<{ column: number; header: string }>;
  /** Fields named by more than one column: the first is used. */
  duplicates: Array<{ field: string; columns: number[] }>;
  /** Problems with the override itself (a column that does not exist, an unknown field). */
  overrideErrors: string[];
}

function columnOf(ref: number | string, headers: Cell[]): number | null {
  if (typeof ref === 'number') return Number.isInteger(ref) && ref >= 0 && ref < headers.length ? ref : null;
  const want = normalizeHeader(ref);
  const i = headers.findIndex((h) => normalizeHeader(h) === want);
  return i >= 0 ? i : null;
}

/**
 * Matches a header row to fields by Chinese name and common synonyms (not by position).
 * An explicit override (from the clerk's mapping step) wins over the automatic match.
 * Worker tables need 社区, 姓名 and one of 岗位类别 / 职务.
 */
export function matchHeaders(headers: Cell[], kind: TableKind, override: HeaderOverride = {}): HeaderMatch {
  const defs = FIELDS[kind];
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const columns: Record<string, number> = {};
  const seen = new Map<string, number[]>();
  const ratings = new Map<number, number>();
  const unrecognised: HeaderMatch['unrecognised'] = [];
  const overrideErrors: string[] = [];
  const overridden = new Set<number>();

  for (const [key, ref] of Object.entries(override)) {
    if (key === 'ratings' || ref === undefined) continue;
    if (!byKey.has(key) || (typeof ref !== 'number' && typeof ref !== 'string')) {
      overrideErrors.push(`映射：未知字段“${key}”。可用：${defs.map((d) => `${d.key}（${d.label}）`).join('、')}。`);
      continue;
    }
    const col = columnOf(ref, headers);
    if (col === null) {
      overrideErrors.push(`映射：${byKey.get(key)!.label} 指定的列“${ref}”在表头中不存在。`);
      continue;
    }
    columns[key] = col;
    overridden.add(col);
  }
  for (const [year, ref] of Object.entries(override.ratings ?? {})) {
    const y = Number(year);
    const col = columnOf(ref, headers);
    if (!Number.isInteger(y) || y < 1990 || y > 2100) overrideErrors.push(`映射：“${year}”不是考核年度。可用：四位年份。`);
    else if (col === null) overrideErrors.push(`映射：${y}年度考核指定的列“${ref}”在表头中不存在。`);
    else {
      ratings.set(y, col);
      overridden.add(col);
    }
  }

  headers.forEach((h, col) => {
    if (overridden.has(col)) return;
    const text = h === null || h === undefined ? '' : String(h).trim();
    if (text === '') return;
    const year = kind === 'workers' ? ratingYearOf(h) : null;
    if (year !== null) {
      if (!ratings.has(year)) ratings.set(year, col);
      return;
    }
    const key = fieldOfHeader(h, kind);
    if (key === null) {
      if (!IGNORED.has(normalizeHeader(h).replace(/\([^)]*\)/g, ''))) unrecognised.push({ column: col, header: text });
      return;
    }
    const list = seen.get(key) ?? [];
    list.push(col);
    seen.set(key, list);
    if (columns[key] === undefined) columns[key] = col;
  });

  const duplicates = [...seen].filter(([k, cols]) => cols.length > 1 && !(k in override)).map(([field, cols]) => ({ field, columns: cols }));
  const missing: FieldDef[] = [];
  const absent: FieldDef[] = [];
  for (const d of defs) {
    if (columns[d.key] !== undefined) continue;
    if (d.required) missing.push(d);
    else absent.push(d);
  }
  if (kind === 'workers' && columns.post === undefined && columns.title === undefined) {
    missing.push({ key: 'post', label: '岗位类别（或职务）', synonyms: [], required: true, use: '按岗位类别统计职数；识别“两委”成员' });
  }
  const ratingColumns = [...ratings].sort((a, b) => a[0] - b[0]).map(([year, column]) => ({ year, column }));
  return { kind, columns, ratingColumns, missing, absent, unrecognised, duplicates, overrideErrors };
}

/** How well a row reads as the header of a table kind: the number of distinct fields it names (0 when a required field is missing). */
export function headerScore(row: Cell[], kind: TableKind): number {
  const keys = new Set<string>();
  let ratings = 0;
  // A worker header (姓名) or a community header (社区) rules a row out as a community or county header.
  let names = false;
  let communities = false;
  for (const h of row) {
    if (kind === 'workers' && ratingYearOf(h) !== null) ratings++;
    const k = fieldOfHeader(h, kind);
    if (k) keys.add(k);
    const w = kind === 'workers' ? k : fieldOfHeader(h, 'workers');
    if (w === 'name') names = true;
    if (w === 'community') communities = true;
  }
  const needs = kind === 'workers'
    ? keys.has('name') && (keys.has('post') || keys.has('title') || keys.has('idNumber'))
    : kind === 'communities'
      ? keys.has('community') && !names && (keys.has('households') || keys.has('population') || keys.has('urbanPopulation') || keys.has('partyMembers'))
      : keys.has('county') && !communities && !names && (keys.has('population') || keys.has('urbanPopulation') || keys.has('zone'));
  return needs ? keys.size + Math.min(ratings, 1) : 0;
}

/** The 0-based index of the header row among the first `scan` rows (titles and notes above it are skipped), or -1. */
export function findHeaderRow(rows: Cell[][], kind: TableKind, scan = 20): number {
  let best = -1;
  let bestScore = 1;
  for (let i = 0; i < Math.min(scan, rows.length); i++) {
    const s = headerScore(rows[i] ?? [], kind);
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  }
  return best;
}

/**
 * Turns a roster into the figures a report prints. Every figure comes from the engine: rows are
 * read by the checks' row reader (the same validation `cw check` applies), pay by `assess`,
 * staffing by the policy's own rule and the checks' counters, quotas by `excellentQuota`,
 * retirement by `retirementOf`, funding by the policy's declared `funding` rule.
 * Subtotals are sums of the engine's rounded amounts in decimal.js.
 */
import {
  CwError, Decimal, Trace, addMonths, assess, citeText, civilOf, counterFor, dayNumberOf, fenText, isoOf,
  matchHeaders, normalizeWorker, policyOf, readWorkerRow, retirementOf, toEvaluation, toExcelSerial,
  wholeMonthsBetween, CERTIFICATE_NAMES, UnitCounts,
} from '../engine';
import type { Cell, HeaderMatch, Policy, Rating, Roster, RosterTable, RowContext, UnitFacts, WorkerRow } from '../engine';
import { sheetRowOf } from '../engine';
import { REPORT_TITLES } from './types';
import type { FundingLine, RatingLine, ReportData, ReportKind, ReportOptions, RetirementLine, StaffingLine, WorkerLine } from './types';


const RATINGS: Rating[] = ['优秀', '合格', '基本合格', '不合格'];
const SEP = '\u0001';

/** `YYYY-MM` → the first day of that month; a Chinese error otherwise. */
export function periodStart(period: string): number {
  const m = /^(\d{4})-(\d{1,2})$/.exec(String(period ?? '').trim());
  const day = m ? dayNumberOf(Number(m[1]), Number(m[2]), 1) : NaN;
  if (!m || Number.isNaN(day) || Number(m[1]) < 2000 || Number(m[1]) > 2100) {
    throw new CwError('INVALID_DATE', `--period：“${period}”不是有效的年月。可用：YYYY-MM，如 2026-12。`, 'period');
  }
  return day;
}

function headerTexts(table: RosterTable, m: HeaderMatch): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, c] of Object.entries(m.columns)) {
    const h = table.headers[c];
    out[k] = h === null || h === undefined || String(h).trim() === '' ? k : String(h).trim();
  }
  return out;
}

function text(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'number' ? (Number.isInteger(v) ? v.toFixed(0) : String(v)) : String(v).trim();
}

function compact(v: Cell | undefined): string {
  return text(v).replace(/[\s\u3000]+/g, '');
}

function intOf(v: Cell | undefined): number | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(String(v).replace(/[,，\s]/g, '').replace(/(人|户|名)$/, ''));
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** A community (or county) with its table facts and the roster's headcounts. */
interface Unit {
  county: string;
  street: string;
  community: string;
  facts: UnitFacts;
  star: number | null;
  counts: UnitCounts;
  listed: boolean;
}

/** The roster read once: worker rows in roster order and the units they fall into. */
interface ReadRoster {
  policy: Policy;
  rows: Array<{ line: WorkerLine; row: WorkerRow; unit: Unit }>;
  communities: Map<string, Unit>;
  counties: Map<string, { name: string; facts: UnitFacts; counts: UnitCounts; communities: Unit[] }>;
}

function readRoster(roster: Roster, policy: Policy, asOf: number, params: ReturnType<Policy['params']['resolve']>, unitFilter: string, onRow: (i: number, n: number) => void): ReadRoster {
  const wt = roster.workers;
  const wm = matchHeaders(wt.headers, 'workers');
  if (wm.missing.length) {
    throw new CwError('REQUIRED', `职工表（工作表“${wt.sheet}”第${wt.headerRow}行）缺少必需的列：${wm.missing.map((d) => d.label).join('、')}。请使用这些表头（或常见同义词）。`, 'headers');
  }
  const communities = new Map<string, Unit>();
  const byName = new Map<string, Unit | null>();
  const counties: ReadRoster['counties'] = new Map();
  const countyOf = (name: string) => {
    let c = counties.get(name);
    if (!c) counties.set(name, (c = { name, facts: { name }, counts: new UnitCounts(), communities: [] }));
    return c;
  };
  const addUnit = (county: string, street: string, community: string, listed: boolean): Unit => {
    const u: Unit = { county, street, community, facts: { name: community }, star: null, counts: new UnitCounts(), listed };
    communities.set(county + SEP + street + SEP + community, u);
    byName.set(community, byName.has(community) ? null : u);
    countyOf(county).communities.push(u);
    return u;
  };

  const ct = roster.communities ?? null;
  if (ct) {
    const cm = matchHeaders(ct.headers, 'communities');
    const col = (cells: Cell[], k: string) => (cm.columns[k] === undefined ? null : cells[cm.columns[k]] ?? null);
    for (const cells of ct.rows) {
      const community = compact(col(cells, 'community'));
      if (!community) continue;
      const county = compact(col(cells, 'county'));
      const street = compact(col(cells, 'street'));
      if (communities.has(county + SEP + street + SEP + community)) continue;
      const u = addUnit(county, street, community, true);
      for (const k of ['households', 'population', 'urbanPopulation', 'partyMembers'] as const) {
        const n = intOf(col(cells, k));
        if (n !== undefined) u.facts[k] = n;
      }
      const org = text(col(cells, 'partyOrgType'));
      if (org) u.facts.partyOrgType = org;
      const star = intOf(col(cells, 'star'));
      if (star !== undefined && Number.isInteger(star) && star >= 1 && star <= 5) u.star = star;
    }
  }
  const kt = roster.counties ?? null;
  if (kt) {
    const km = matchHeaders(kt.headers, 'counties');
    const col = (cells: Cell[], k: string) => (km.columns[k] === undefined ? null : cells[km.columns[k]] ?? null);
    for (const cells of kt.rows) {
      const name = compact(col(cells, 'county'));
      if (!name) continue;
      const c = countyOf(name);
      for (const k of ['population', 'urbanPopulation'] as const) {
        const n = intOf(col(cells, k));
        if (n !== undefined) c.facts[k] = n;
      }
      const zone = text(col(cells, 'zone'));
      if (zone) c.facts.name = zone;
    }
  }

  const header = headerTexts(wt, wm);
  const ctx: RowContext = {
    policy, params, asOf, sheet: wt.sheet, cols: wm.columns, header,
    ratingCols: wm.ratingColumns.map((r) => ({ ...r, header: String(wt.headers[r.column]).trim() })),
    ids: new Map(), postCache: new Map(), titleCache: new Map(),
  };
  const cell = (cells: Cell[], k: string) => (wm.columns[k] === undefined ? null : cells[wm.columns[k]] ?? null);
  const rows: ReadRoster['rows'] = [];
  const n = wt.rows.length;
  for (let i = 0; i < n; i++) {
    if ((i & 63) === 0) onRow(i, n);
    const cells = wt.rows[i];
    const county = compact(cell(cells, 'county'));
    const street = compact(cell(cells, 'street'));
    const community = compact(cell(cells, 'community'));
    if (unitFilter && unitFilter !== county && unitFilter !== street && unitFilter !== community) continue;
    let unit = communities.get(county + SEP + street + SEP + community);
    if (!unit) {
      const cand = byName.get(community);
      unit = cand && (!county || cand.county === county) && (!street || cand.street === street) ? cand : addUnit(county, street, community, false);
    }
    const findings: Parameters<typeof readWorkerRow>[3] = [];
    const rowNo = sheetRowOf(wt, i);
    const r = readWorkerRow(ctx, cells, rowNo, findings, { county: unit.county, street: unit.street, community: unit.community });
    unit.counts.add(r.post, r.titles);
    countyOf(unit.county).counts.add(r.post, r.titles);
    const w = r.worker;
    const line: WorkerLine = {
      row: rowNo, county: unit.county, street: unit.street, community: unit.community,
      name: text(cell(cells, 'name')), sex: r.sex, idNumber: text(cell(cells, 'idNumber')).toUpperCase(),
      birthDate: r.birthDate === null ? null : isoOf(r.birthDate), post: r.post, title: text(cell(cells, 'title')),
      entryDate: r.entryDate === null ? null : isoOf(r.entryDate),
      education: w?.education ?? null, degree: w?.degree ?? null,
      certificate: r.certificate === null ? null : CERTIFICATE_NAMES[r.certificate],
      ratings: [...r.ratings].sort((a, b) => a[0] - b[0]).map(([year, rating]) => ({ year, rating })),
      rowFindings: findings.filter((f) => f.severity === 'error' || f.rule === '缺少数据').map((f) => f.message),
    };
    rows.push({ line, row: r, unit });
  }
  onRow(n, n);
  if (unitFilter && rows.length === 0) {
    throw new CwError('REQUIRED', `--unit：花名册中没有名为“${unitFilter}”的区县、街道或社区。`, 'unit');
  }
  return { policy, rows, communities, counties };
}

/** The engine's input for a row (what `cw calc` would be given), or null when the row cannot be assessed. */
function inputOf(r: WorkerRow, unit: Unit, policy: Policy, asOf: number, params: Record<string, unknown> | null): Record<string, unknown> | null {
  const w = r.worker;
  if (!w) return null;
  const input: Record<string, unknown> = { policy: policy.id, asOf: toExcelSerial(asOf) };
  if (r.post !== null) input.post = r.post;
  if (w.entryDate !== null) input.entryDate = toExcelSerial(w.entryDate);
  if (w.birthDate !== null) input.birthDate = toExcelSerial(w.birthDate);
  if (w.sex !== null) input.sex = w.sex;
  if (w.originalAge !== null) input.originalAge = w.originalAge;
  if (w.education !== null) input.education = w.education;
  if (w.degree !== null) input.degree = w.degree;
  if (w.certificate !== null) input.certificate = CERTIFICATE_NAMES[w.certificate];
  if (w.certificateDate !== null) input.certificateDate = toExcelSerial(w.certificateDate);
  if (w.ratings.size) input.ratings = Object.fromEntries([...w.ratings].map(([y, v]) => [String(y), v]));
  if (w.probation) input.probation = true;
  if (w.priorYears) input.priorYears = w.priorYears;
  if (w.headYears !== null) input.headYears = w.headYears;
  if (r.currentPay !== null) input.currentPay = r.currentPay;
  if (unit.star !== null) input.star = unit.star;
  if (params) input.params = params;
  return input;
}

/** Assesses every row's pay; a missing parameter (a policy-level gap) is thrown, other row errors are kept on the row. */
function assessAll(read: ReadRoster, asOf: number, params: Record<string, unknown> | null, trace: boolean, onProgress?: (d: number, t: number) => void): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  const n = read.rows.length;
  read.rows.forEach(({ line, row, unit }, i) => {
    if ((i & 31) === 0) onProgress?.(i, n);
    const input = inputOf(row, unit, read.policy, asOf, params);
    if (!input) {
      line.error = line.rowFindings.join('；') || '该行数据无法读取。';
      return;
    }
    try {
      const a = assess(input, { trace });
      const e = toEvaluation(a);
      line.pay = {
        years: a.years, grade: a.grade, items: a.items.map((it) => ({ name: it.name, amount: fenText(it.amount) })), total: e.total,
        warnings: a.warnings, trace: a.trace, retirementDate: a.retirementDate === null ? null : isoOf(a.retirementDate),
      };
      for (const it of a.items) {
        if (!seen.has(it.name)) {
          seen.add(it.name);
          names.push(it.name);
        }
      }
    } catch (err) {
      if (!(err instanceof CwError)) throw err;
      if (err.code === 'MISSING_PARAM' || err.code === 'NOT_IN_FORCE' || err.code === 'INVALID_PARAM' || err.code === 'UNKNOWN_PARAM') throw err;
      // The row reader's message names the column as the sheet writes it; the engine's is the fallback.
      line.error = line.rowFindings.length ? line.rowFindings.join('；') : err.message;
    }
  });
  onProgress?.(n, n);
  return names;
}

/** Sum of two-decimal texts in decimal.js. */
export function sumText(values: Iterable<string>): string {
  let s = new Decimal(0);
  for (const v of values) s = s.plus(v);
  return fenText(s);
}

function staffingLines(read: ReadRoster, policy: Policy, params: ReturnType<Policy['params']['resolve']>): StaffingLine[] {
  const out: StaffingLine[] = [];
  const postNames = policy.posts.map((p) => p.name);
  const add = (scope: 'community' | 'county', county: string, street: string, community: string, facts: UnitFacts, counts: UnitCounts, listed: boolean) => {
    let reqs;
    try {
      reqs = policy.staffing(facts, scope, params, new Trace(false));
    } catch (e) {
      if (!(e instanceof CwError)) throw e;
      out.push({ scope, county, street, community, what: '配备标准', headcount: false, min: null, max: null, actual: counts.workers, status: '无法核对', severity: null, basis: listed || scope === 'county' ? e.message : '社区表中没有该社区，无法按户数、人口核对。', citation: policy.doc, how: '' });
      return;
    }
    for (const req of reqs) {
      const counter = counterFor(req.counts, postNames);
      const actual = counter ? counter.count(counts) : null;
      const below = actual !== null && req.min !== null && actual < req.min;
      const above = actual !== null && req.max !== null && actual > req.max;
      out.push({
        scope, county, street, community, what: req.what, headcount: req.counts === 'workers', min: req.min, max: req.max, actual,
        status: actual === null ? '无法核对' : below ? '不足' : above ? '超出' : '符合',
        severity: below ? req.belowSeverity : above ? req.aboveSeverity : null,
        basis: req.basis, citation: citeText(req.citation), how: counter ? counter.how : `花名册无法统计“${req.what}”，请人工核对`,
      });
    }
  };
  const inRows = new Set(read.rows.map((r) => r.unit));
  for (const u of read.communities.values()) if (inRows.has(u)) add('community', u.county, u.street, u.community, u.facts, u.counts, u.listed);
  for (const c of read.counties.values()) {
    const used = c.communities.filter((u) => inRows.has(u));
    if (!used.length) continue;
    const facts: UnitFacts = { ...c.facts };
    for (const key of ['population', 'urbanPopulation', 'households'] as const) {
      if (facts[key] !== undefined) continue;
      const listed = c.communities.filter((u) => u.listed);
      if (listed.length > 0 && listed.every((u) => u.facts[key] !== undefined)) facts[key] = listed.reduce((s, u) => s + (u.facts[key] as number), 0);
    }
    add('county', c.name, '', '', facts, c.counts, true);
  }
  return out;
}

function ratingLines(read: ReadRoster, policy: Policy, params: ReturnType<Policy['params']['resolve']>): { lines: RatingLine[]; years: number[] } {
  const probe = policy.excellentQuota(4, params);
  const byStreet = probe !== null && probe.over === 'street';
  const excluded = new Set(probe?.excludes ?? []);
  const units = new Map<string, { unit: string; county: string; street: string; members: WorkerLine[] }>();
  const years = new Set<number>();
  for (const { line, unit } of read.rows) {
    const key = byStreet ? unit.county + SEP + unit.street : unit.county + SEP + unit.street + SEP + unit.community;
    let u = units.get(key);
    if (!u) units.set(key, (u = { unit: byStreet ? unit.street || '（未填街道）' : unit.community, county: unit.county, street: unit.street, members: [] }));
    // Posts rated in a separate list (厦门 社区正职) are not counted in the unit's quota.
    if (line.post !== null && excluded.has(line.post)) continue;
    u.members.push(line);
    for (const r of line.ratings) years.add(r.year);
  }
  const sortedYears = [...years].sort((a, b) => a - b);
  const lines: RatingLine[] = [];
  for (const u of units.values()) {
    for (const year of sortedYears) {
      const counts = { 优秀: 0, 合格: 0, 基本合格: 0, 不合格: 0 } as Record<Rating, number>;
      for (const w of u.members) {
        const r = w.ratings.find((x) => x.year === year);
        if (r) counts[r.rating]++;
      }
      const rated = RATINGS.reduce((s, r) => s + counts[r], 0);
      const q = rated > 0 ? policy.excellentQuota(rated, params) : null;
      lines.push({
        unit: u.unit, county: u.county, street: u.street, year, counts, rated, unrated: u.members.length - rated,
        quota: q ? q.max : null, quotaBasis: q ? `${q.basis}（${citeText(q.citation)}）` : probe ? '无人参加考核' : '本政策未规定优秀比例',
        ok: q ? counts['优秀'] <= q.max : null,
      });
    }
  }
  return { lines, years: sortedYears };
}

function fundingOf(read: ReadRoster, policy: Policy, params: ReturnType<Policy['params']['resolve']>): NonNullable<ReportData['funding']> {
  const byCounty = new Map<string, WorkerLine[]>();
  for (const { line } of read.rows) {
    const list = byCounty.get(line.county) ?? [];
    list.push(line);
    byCounty.set(line.county, list);
  }
  const lines: FundingLine[] = [];
  const rule = policy.funding;
  const statement = rule ? rule.statement(params) : `${policy.doc || policy.title}未规定上级财政对社区工作者薪酬的补助比例或分担办法：本表只列各区县按本政策测算的月薪酬总额，不测算上级补助。`;
  let citation = policy.doc;
  for (const [county, ws] of byCounty) {
    const bill = sumText(ws.filter((w) => w.pay).map((w) => w.pay!.total));
    const heads = ws.length;
    if (rule) {
      const f = rule.share(county, heads, new Decimal(bill), params);
      citation = citeText(f.citation);
      lines.push({ county: f.county, heads, bill, share: fenText(f.share), rest: fenText(new Decimal(bill).minus(f.share)), ratio: f.rate, basis: f.basis, ...(f.warning ? { warning: f.warning } : {}) });
    } else {
      lines.push({ county: county || '（未填区县）', heads, bill, share: null, rest: null, ratio: '未规定', basis: '文件未规定补助比例' });
    }
  }
  const hasShare = lines.some((l) => l.share !== null);
  return {
    lines, statement, citation, shareLabel: rule?.shareLabel ?? '上级补助', restLabel: rule?.restLabel ?? '本级承担',
    total: {
      heads: lines.reduce((s, l) => s + l.heads, 0), bill: sumText(lines.map((l) => l.bill)),
      share: hasShare ? sumText(lines.map((l) => l.share ?? '0')) : null, rest: hasShare ? sumText(lines.map((l) => l.rest ?? '0')) : null,
    },
  };
}

function retirementData(read: ReadRoster, asOf: number, months: number): NonNullable<ReportData['retirement']> {
  const until = addMonths(asOf, months);
  const lines: RetirementLine[] = [];
  for (const { line, row } of read.rows) {
    if (row.birthDate === null || row.sex === null) continue;
    const ret = retirementOf(row.birthDate, row.sex, row.originalAge);
    if (ret.date > until) continue;
    const overdue = ret.date <= asOf;
    const left = overdue ? -wholeMonthsBetween(ret.date, asOf) : wholeMonthsBetween(asOf, ret.date);
    lines.push({
      worker: line, originalAge: ret.originalAge, delayMonths: ret.delayMonths,
      ageText: `${Math.floor(ret.ageMonths / 12)}岁${ret.ageMonths % 12 ? `${ret.ageMonths % 12}个月` : ''}`,
      date: isoOf(ret.date), monthsLeft: left, overdue,
    });
  }
  lines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.worker.row - b.worker.row));
  return { months, until: isoOf(until), lines };
}

/**
 * Reads the roster and computes what report `kind` prints. Throws CwError for bad input: an
 * unknown policy, a bad period, a worker table without its required columns, a parameter the
 * policy needs and the 参数表 lacks (缺少参数), an as-of date before the policy applies.
 */
export function prepareReport(kind: ReportKind, roster: Roster, options: ReportOptions): ReportData {
  const policy = policyOf(options.policy);
  const asOf = periodStart(options.period);
  const overrides = options.params && Object.keys(options.params).length ? options.params : null;
  const params = policy.params.resolve(overrides, asOf);
  const unitFilter = (options.unit ?? '').replace(/[\s\u3000]+/g, '');
  const months = options.months ?? 6;
  if (!Number.isInteger(months) || months < 0 || months > 240) {
    throw new CwError('INVALID_NUMBER', `--months：${months} 不是有效的月数。可用：0 至 240 的整数（默认 6）。`, 'months');
  }
  const needsPay = kind === 'payroll' || kind === 'worker' || kind === 'funding';
  const progress = options.onProgress;
  // Reading is about a fifth of the work when pay is computed too.
  const read = readRoster(roster, policy, asOf, params, unitFilter, (i, n) => progress?.(needsPay ? Math.round(i / 5) : i, n));

  const notes: string[] = [];
  const probe = { policy: policy.id, asOf: toExcelSerial(asOf), ...(overrides ? { params: overrides } : {}) };
  const warnings: string[] = [];
  // The policy's own in-force rule, once for the report (checkInForce reads a normalised worker).
  policy.checkInForce(normalizeWorker(probe), new Trace(false), warnings);
  notes.push(...warnings);

  const counties = [...new Set(read.rows.map((r) => r.unit.county).filter(Boolean))];
  const { y, m } = civilOf(asOf);
  const data: ReportData = {
    kind, title: REPORT_TITLES[kind], policyId: policy.id, policyName: policy.name, policyTitle: policy.title, policyDoc: policy.doc,
    jurisdiction: policy.jurisdiction, ratingWords: { ...policy.ratingWords }, period: `${y}-${String(m).padStart(2, '0')}`, periodText: `${y}年${m}月`,
    asOf: isoOf(asOf), unit: unitFilter || counties.join('、') || '全部', notes, workers: read.rows.map((r) => r.line),
  };
  if (needsPay) {
    const n = read.rows.length;
    data.itemNames = assessAll(read, asOf, overrides, kind === 'worker', progress ? (d) => progress(Math.round(n / 5 + (d * 4) / 5), n) : undefined);
  }
  if (kind === 'staffing') data.staffing = staffingLines(read, policy, params);
  if (kind === 'ratings') {
    const r = ratingLines(read, policy, params);
    data.ratings = r.lines;
    data.ratingYears = r.years;
  }
  if (kind === 'funding') data.funding = fundingOf(read, policy, params);
  if (kind === 'retirement') data.retirement = retirementData(read, asOf, months);
  progress?.(read.rows.length, read.rows.length);
  return data;
}

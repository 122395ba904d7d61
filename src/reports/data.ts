/**
 * Turns a roster into the figures a report prints. Every figure comes from the engine: the roster's
 * one evaluation (`evaluateRoster`: the same units, rows and validation `cw check` applies), pay by
 * `assessWorker`, staffing by the evaluation's comparison with the policy's own rule, quotas by
 * `excellentQuota`, retirement by `retirementOf`, funding by the policy's declared `funding` rule.
 * A worker the evaluation cannot place in a community is listed, with the reason, never dropped.
 * Subtotals are sums of the engine's rounded amounts in decimal.js.
 */
import {
  CwError, Decimal, Trace, addMonths, assessWorker, citeText, civilOf, countyFactsOf, dayNumberOf, fenText, isoOf,
  policyOf, retirementOf, rosterSteps, rowProblems, stopsWholeRoster, staffingOf, toEvaluation, toExcelSerial, wholeMonthsBetween, CERTIFICATE_NAMES,
} from '../engine';
import type { CommunityUnit, EvaluatedRow, Policy, Rating, RosterEvaluation, Roster } from '../engine';
import { REPORT_TITLES } from './types';
import type { FundingLine, RatingLine, ReportData, ReportKind, ReportOptions, RetirementLine, StaffingLine, WorkerLine } from './types';


const RATINGS: Rating[] = ['优秀', '合格', '基本合格', '不合格'];

/** `YYYY-MM` → the first day of that month; a Chinese error otherwise. */
export function periodStart(period: string): number {
  const m = /^(\d{4})-(\d{1,2})$/.exec(String(period ?? '').trim());
  const day = m ? dayNumberOf(Number(m[1]), Number(m[2]), 1) : NaN;
  if (!m || Number.isNaN(day) || Number(m[1]) < 2000 || Number(m[1]) > 2100) {
    throw new CwError('INVALID_DATE', `--period：“${period}”不是有效的年月。可用：YYYY-MM，如 2026-12。`, 'period');
  }
  return day;
}

/** The evaluated roster with the rows a report covers (one unit, or all) and their printed lines. */
interface ReadRoster {
  ev: RosterEvaluation;
  rows: Array<{ line: WorkerLine; row: EvaluatedRow }>;
}

/** Whether a row is in the report's unit (a county, street or community name), or the filter is empty. */
function inUnit(r: EvaluatedRow, unitFilter: string): boolean {
  return !unitFilter || unitFilter === r.county || unitFilter === r.street || unitFilter === r.community;
}

function lineOf(r: EvaluatedRow): WorkerLine {
  const w = r.worker;
  return {
    row: r.place.row, county: r.county, street: r.street, community: r.unit ? r.unit.community : '',
    name: r.name, sex: r.sex, idNumber: r.idNumber,
    birthDate: r.birthDate === null ? null : isoOf(r.birthDate), post: r.post, title: r.title,
    entryDate: r.entryDate === null ? null : isoOf(r.entryDate),
    education: w.education, degree: w.degree,
    certificate: r.certificate === null ? null : CERTIFICATE_NAMES[r.certificate],
    ratings: [...r.ratings].sort((a, b) => a[0] - b[0]).map(([year, rating]) => ({ year, rating })),
    rowFindings: rowProblems(r.findings),
    ...(r.unplaced === null ? {} : { unplaced: r.unplaced }),
  };
}

function readRoster(roster: Roster, policy: Policy, asOf: number, params: ReturnType<Policy['params']['resolve']>, unitFilter: string, onRow: (i: number, n: number) => void): ReadRoster {
  const steps = rosterSteps(roster, policy.id, { asOf: toExcelSerial(asOf), paramView: params });
  const n = roster.workers.rows.length;
  let step = steps.next();
  for (; !step.done; step = steps.next()) onRow(step.value, n);
  const ev = step.value;
  onRow(n, n);
  const rows = ev.rows.filter((r) => inUnit(r, unitFilter)).map((row) => ({ line: lineOf(row), row }));
  if (unitFilter && rows.length === 0) {
    throw new CwError('REQUIRED', `--unit：花名册中没有名为“${unitFilter}”的区县、街道或社区。`, 'unit');
  }
  return { ev, rows };
}

/**
 * The report's notes on what it could not use: each worker it cannot place in a community (listed,
 * never dropped), and each malformed cell of the community and county tables (its figure is left out).
 */
function readingNotes(read: ReadRoster): string[] {
  const unplaced = read.rows
    .filter(({ row }) => row.unplaced !== null)
    .map(({ row }) => `第${row.place.row}行${row.name ? `（${row.name}）` : ''}未列入任何社区：${row.unplaced}`);
  const tables = read.ev.findings.filter((f) => f.severity === 'error').map((f) => `工作表“${f.sheet}”第${f.row}行：${f.message}该数未计入。`);
  return [...unplaced, ...tables];
}

/** Assesses every row's pay; a missing parameter (a policy-level gap) is thrown, other row errors are kept on the row. */
function assessAll(read: ReadRoster, trace: boolean, onProgress?: (d: number, t: number) => void): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  const n = read.rows.length;
  read.rows.forEach(({ line, row }, i) => {
    if ((i & 31) === 0) onProgress?.(i, n);
    try {
      const a = assessWorker(row.worker, { trace });
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
      if (stopsWholeRoster(err)) throw err;
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

function staffingLines(read: ReadRoster, policy: Policy): StaffingLine[] {
  const { ev } = read;
  const out: StaffingLine[] = [];
  const add = (scope: 'community' | 'county', county: string, street: string, community: string, facts: CommunityUnit['facts'], counts: CommunityUnit['counts'], listed: boolean) => {
    const s = staffingOf(policy, ev.params, facts, scope, counts);
    if (s.error) {
      out.push({ scope, county, street, community, what: '配备标准', headcount: false, min: null, max: null, actual: counts.workers, status: '无法核对', severity: null, basis: listed || scope === 'county' ? s.error.message : '社区表中没有该社区，无法按户数、人口核对。', citation: policy.doc, how: '' });
      return;
    }
    for (const { requirement: req, actual, how, below, above } of s.comparisons) {
      out.push({
        scope, county, street, community, what: req.what, headcount: req.counts === 'workers', min: req.min, max: req.max, actual,
        status: actual === null ? '无法核对' : below ? '不足' : above ? '超出' : '符合',
        severity: below ? req.belowSeverity : above ? req.aboveSeverity : null,
        basis: req.basis, citation: citeText(req.citation), how: actual !== null ? how : `花名册无法统计“${req.what}”，请人工核对`,
      });
    }
  };
  const inRows = new Set(read.rows.map((r) => r.row.unit));
  const countiesInRows = new Set(read.rows.map((r) => r.row.unit?.countyUnit ?? ev.counties.get(r.row.county)));
  for (const u of ev.communities.values()) if (inRows.has(u)) add('community', u.county, u.street, u.community, u.facts, u.counts, u.row !== null);
  for (const c of ev.counties.values()) {
    if (!countiesInRows.has(c)) continue;
    add('county', c.county, '', '', countyFactsOf(c), c.counts, true);
  }
  return out;
}

function ratingLines(read: ReadRoster, policy: Policy, params: ReturnType<Policy['params']['resolve']>): { lines: RatingLine[]; years: number[] } {
  const quota = read.ev.quota;
  const byStreet = quota !== null && quota.over === 'street';
  const units = new Map<object, { unit: string; county: string; street: string; members: WorkerLine[] }>();
  const years = new Set<number>();
  for (const { line, row } of read.rows) {
    // A worker in no community is in no quota unit (the report's notes list it).
    const unit = row.unit;
    if (!unit) continue;
    const key = byStreet ? unit.streetUnit : unit;
    let u = units.get(key);
    if (!u) units.set(key, (u = { unit: byStreet ? unit.street || '（未填街道）' : unit.community, county: unit.county, street: unit.street, members: [] }));
    // Posts rated in a separate list (厦门 社区正职) are not counted in the unit's quota.
    if (line.post !== null && quota !== null && quota.excludes.has(line.post)) continue;
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
        quota: q ? q.max : null, quotaBasis: q ? `${q.basis}（${citeText(q.citation)}）` : quota ? '无人参加考核' : '本政策未规定优秀比例',
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
  const warnings: string[] = [];
  // The policy's own in-force rule, once for the report.
  policy.checkInForce(asOf, params, new Trace(false), warnings);
  notes.push(...warnings, ...readingNotes(read));

  const counties = [...new Set(read.rows.map((r) => r.row.county).filter(Boolean))];
  const { y, m } = civilOf(asOf);
  const data: ReportData = {
    kind, title: REPORT_TITLES[kind], policyId: policy.id, policyName: policy.name, policyTitle: policy.title, policyDoc: policy.doc,
    jurisdiction: policy.jurisdiction, ratingWords: { ...policy.ratingWords }, period: `${y}-${String(m).padStart(2, '0')}`, periodText: `${y}年${m}月`,
    asOf: isoOf(asOf), unit: unitFilter || counties.join('、') || '全部', notes, workers: read.rows.map((r) => r.line),
  };
  if (needsPay) {
    const n = read.rows.length;
    data.itemNames = assessAll(read, kind === 'worker', progress ? (d) => progress(Math.round(n / 5 + (d * 4) / 5), n) : undefined);
  }
  if (kind === 'staffing') data.staffing = staffingLines(read, policy);
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

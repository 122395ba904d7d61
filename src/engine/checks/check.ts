import { CwError, shown } from '../errors';
import { addMonths, civilOf, isoOf, parseDate, todayInChina, toExcelSerial } from '../dates';
import type { DayNumber } from '../dates';
import { normalizeWorker } from '../input';
import { policyOf } from '../policies';
import { NATIONAL_RETIREMENT, retirementOf } from '../retirement';
import { Trace } from '../trace';
import type { ParamView } from '../params';
import type { Finding, Policy, UnitFacts } from '../types';
import { isBlank, nameOf, numberOf, textOf } from '../roster/cells';
import { fieldsOf, matchHeaders } from '../roster/headers';
import type { HeaderMatch } from '../roster/headers';
import { sheetRowOf } from '../roster/types';
import type { Roster, RosterTable, TableKind } from '../roster/types';
import { counterFor } from './counts';
import { extrasOf } from './extras';
import type { ExtraContext } from './extras';
import { findingAt, NOTES, readWorkerRow, ROSTER_RULES } from './row';
import type { RowContext, WorkerRow } from './row';
import { CheckCancelled } from './types';
import type { CheckOptions, CheckResult, CommunitySummary, FindingPlace, RosterFinding } from './types';
import { CommunityUnit, CountyUnit, RatingsByYear, StreetUnit } from './units';

const SEP = '\u0001';
const KIND_NAME: Record<TableKind, string> = { workers: '职工表', communities: '社区表', counties: '区县表' };
const NO_COUNTY = '（未填区县）';
/** 50 years in days, at the least (50 × 365 + 12 leap days). */
const YOUNGEST_RETIREMENT_DAYS = 50 * 365 + 12;

/** Header text per field, as the sheet writes it (the label when the column is absent). */
function headerTexts(table: RosterTable, m: HeaderMatch): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of fieldsOf(m.kind)) out[d.key] = d.label;
  for (const [k, c] of Object.entries(m.columns)) {
    const h = table.headers[c];
    out[k] = h === null || h === undefined || String(h).trim() === '' ? out[k] : String(h).trim();
  }
  return out;
}

/** Matches a table's headers and rejects a table the checks cannot read. */
function match(table: RosterTable, kind: TableKind, options: CheckOptions): HeaderMatch {
  const m = matchHeaders(table.headers, kind, options.mapping?.[kind]);
  if (m.overrideErrors.length) throw new CwError('INVALID_TYPE', `${KIND_NAME[kind]}（工作表“${table.sheet}”）的列映射有误：${m.overrideErrors.join(' ')}`, 'mapping');
  if (m.missing.length) {
    throw new CwError(
      'REQUIRED',
      `${KIND_NAME[kind]}（工作表“${table.sheet}”第${table.headerRow}行）缺少必需的列：${m.missing.map((d) => d.label).join('、')}。请使用这些表头（或常见同义词），或在列映射中指定对应的列。`,
      'headers',
    );
  }
  return m;
}

function articleIn(message: string): string {
  const m = /第[一二三四五六七八九十百]+条(（[一二三四五六七八九十]+）)?/.exec(message);
  return m ? m[0] : '施行与有效期';
}

/** Yields to the event loop between slices of work, reports progress, honours cancellation. */
class Pacer {
  private last = Date.now();
  private readonly slice: number;
  private readonly yieldTo: () => Promise<void>;
  constructor(private readonly options: CheckOptions, public total: number) {
    this.slice = options.sliceMs ?? 25;
    this.yieldTo = options.yieldTo ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  }
  check(): void {
    if (this.options.signal?.aborted) throw new CheckCancelled();
  }
  /** Call often; it only yields when the slice is used up. */
  async tick(done: number): Promise<void> {
    if (Date.now() - this.last < this.slice) return;
    this.options.onProgress?.(done, this.total);
    await this.yieldTo();
    this.check();
    this.last = Date.now();
  }
}

/**
 * Checks a roster against every staffing and roster rule of a policy (docs/rules.md), through the
 * engine's own policy functions: community and county headcounts, post caps, 两委 and committee
 * sizes, dedicated party workers, the 优秀 quota per unit and year, exit triggers, retirement due
 * within `retirementMonths`, recruitment conditions, certification targets and the policy's other
 * exported rules, resident IDs, and every missing or malformed cell. One pass over the worker rows,
 * in time slices so a UI stays responsive; progress and cancellation through `options`.
 * Throws CwError for bad input (unknown policy, a table without its required columns, a bad as-of date).
 */
export async function checkRoster(roster: Roster, policyId: string, options: CheckOptions = {}): Promise<CheckResult> {
  const policy = policyOf(policyId);
  const asOf = isBlank(options.asOf as null) ? todayInChina() : parseDate(options.asOf, 'asOf');
  const params = policy.params.resolve(options.params ?? null, asOf);
  const asOfYear = civilOf(asOf).y;
  const months = options.retirementMonths ?? 6;
  if (!Number.isInteger(months) || months < 0 || months > 240) {
    throw new CwError('INVALID_NUMBER', `retirementMonths：${shown(months)} 不是有效的月数。可用：0 至 240 的整数（默认 6）。`, 'retirementMonths');
  }
  const retireBy = addMonths(asOf, months);
  const averageWage = options.averageWage ?? null;
  if (averageWage !== null && (!Number.isFinite(averageWage) || averageWage <= 0)) {
    throw new CwError('INVALID_NUMBER', `averageWage：${shown(averageWage)} 不是有效的月平均工资。可用：正数（元/月）。`, 'averageWage');
  }

  const wt = roster.workers;
  const wm = match(wt, 'workers', options);
  const ct = roster.communities ?? null;
  const cm = ct ? match(ct, 'communities', options) : null;
  const kt = roster.counties ?? null;
  const km = kt ? match(kt, 'counties', options) : null;

  const findings: RosterFinding[] = [];
  const rosterPlace: FindingPlace = { scope: 'roster', county: null, street: null, community: null, sheet: null, row: null, name: null };
  const emit = (place: FindingPlace, f: Finding, extra?: Parameters<typeof findingAt>[2]) => findings.push(findingAt(place, f, extra));

  // The policy's own in-force rule, once for the roster (a date before a policy applies is bad input).
  const probe = normalizeWorker({ policy: policy.id, asOf: toExcelSerial(asOf) });
  probe.params = params;
  const inForce: string[] = [];
  policy.checkInForce(probe, new Trace(false), inForce);
  for (const w of inForce) {
    emit(rosterPlace, { severity: 'info', rule: '适用政策', citation: { doc: policy.doc, article: articleIn(w) }, message: w, action: '结果按本政策给出；请核对检查日期适用的规定。' });
  }

  const extras = extrasOf(policy);
  const ectx: ExtraContext = {
    policy, params, asOf, asOfYear, averageWage,
    workerColumn: (f) => wm.columns[f] !== undefined,
    communityColumn: (f) => cm !== null && cm.columns[f] !== undefined,
  };

  // Columns some rules need: say once which rules could not be checked.
  const skipped = (rule: string, what: string) => emit(rosterPlace, {
    severity: 'info', rule: '无法核对', citation: ROSTER_RULES,
    message: `花名册没有${what}，未核对“${rule}”。`, action: `如需核对，请在表中增加${what}后重新检查。`,
  });
  const recruitmentRules = policy.recruits;
  if (recruitmentRules && wm.columns.appointment === undefined && wm.columns.elected === undefined) skipped('招聘条件', '“任用方式”（选任/招聘）列');
  if (wm.columns.idNumber === undefined && wm.columns.birthDate === undefined) skipped('退休提醒', '“身份证号”或“出生日期”列');
  if (!ct) skipped('按户数、人口的配备标准', '社区表（户数、常住人口、城镇常住人口、党员数、党组织类型）');
  for (const need of extras.needs) {
    const present = need.table === 'workers' ? ectx.workerColumn(need.field) : ectx.communityColumn(need.field);
    if (!present && (need.table === 'workers' || ct)) {
      const def = fieldsOf(need.table).find((d) => d.key === need.field)!;
      skipped(need.rule, `${KIND_NAME[need.table]}的“${def.label}”列`);
    }
  }

  // Units, in roster order: communities from the community table first, then as worker rows name them.
  const communities = new Map<string, CommunityUnit>();
  const byStreetCommunity = new Map<string, CommunityUnit | null>();
  const byName = new Map<string, CommunityUnit | null>();
  const streets = new Map<string, StreetUnit>();
  const counties = new Map<string, CountyUnit>();
  const countyOf = (county: string) => {
    let c = counties.get(county);
    if (!c) counties.set(county, (c = new CountyUnit(county, counties.size)));
    return c;
  };
  const streetOf = (county: string, street: string) => {
    const key = county + SEP + street;
    let s = streets.get(key);
    if (!s) {
      streets.set(key, (s = new StreetUnit(key, county, street, streets.size)));
      countyOf(county).streets.push(s);
    }
    return s;
  };
  const addCommunity = (county: string, street: string, community: string) => {
    const key = county + SEP + street + SEP + community;
    const u = new CommunityUnit(key, county, street, community, communities.size);
    communities.set(key, u);
    u.streetUnit = streetOf(county, street);
    u.countyUnit = countyOf(county);
    u.streetUnit.communities.push(u);
    u.countyUnit.communities.push(u);
    const sc = street + SEP + community;
    byStreetCommunity.set(sc, byStreetCommunity.has(sc) ? null : u);
    byName.set(community, byName.has(community) ? null : u);
    return u;
  };
  const communityPlace = (u: CommunityUnit): FindingPlace => ({
    scope: 'community', county: u.county || null, street: u.street || null, community: u.community,
    sheet: u.row === null ? null : ct!.sheet, row: u.row, name: null,
  });

  // The county table: a county's own figures.
  if (kt && km) {
    const kh = headerTexts(kt, km);
    kt.rows.forEach((cells, i) => {
      const row = sheetRowOf(kt, i);
      const cell = (k: string) => (km.columns[k] === undefined ? null : cells[km.columns[k]] ?? null);
      const county = nameOf(cell('county'));
      const place: FindingPlace = { scope: 'county', county: county || null, street: null, community: null, sheet: kt.sheet, row, name: null };
      if (county === '') {
        emit(place, { severity: 'warning', rule: '缺少数据', citation: ROSTER_RULES, message: `缺少${kh.county}：这一行的人口数据无法归入区县。`, action: '填写区县名称。' }, { column: kh.county });
        return;
      }
      const c = countyOf(county);
      if (c.row !== null) {
        emit(place, { severity: 'warning', rule: '区县重复', citation: ROSTER_RULES, message: `区县“${county}”在区县表中出现两次（另见第${c.row}行），以第一行为准。`, action: '删去重复的一行。' });
        return;
      }
      c.row = row;
      for (const [key, what] of [['population', '区县常住人口'], ['urbanPopulation', '区县城镇常住人口']] as const) {
        const v = cell(key);
        if (isBlank(v)) continue;
        try {
          c.tableFacts[key] = numberOf(v, kh[key], `${what}（人）`, true);
        } catch (e) {
          emit(place, { severity: 'error', rule: '数据格式', citation: ROSTER_RULES, message: (e as Error).message, action: `填写${what}（整数）。` }, { column: kh[key] });
        }
      }
      const zone = textOf(cell('zone'));
      if (zone !== '') c.tableFacts.name = zone;
    });
  }

  // The community table.
  const ch = ct && cm ? headerTexts(ct, cm) : {};
  if (ct && cm) {
    ct.rows.forEach((cells, i) => {
      const row = sheetRowOf(ct, i);
      const cell = (k: string) => (cm.columns[k] === undefined ? null : cells[cm.columns[k]] ?? null);
      const county = nameOf(cell('county'));
      const street = nameOf(cell('street'));
      const community = nameOf(cell('community'));
      const place: FindingPlace = { scope: 'community', county: county || null, street: street || null, community: community || null, sheet: ct.sheet, row, name: null };
      if (community === '') {
        emit(place, { severity: 'warning', rule: '缺少数据', citation: ROSTER_RULES, message: `缺少${ch.community}：这一行无法对应到社区。`, action: '填写社区名称（与职工表一致）。' }, { column: ch.community });
        return;
      }
      const key = county + SEP + street + SEP + community;
      const existing = communities.get(key);
      if (existing) {
        emit(place, { severity: 'warning', rule: '社区重复', citation: ROSTER_RULES, message: `社区“${community}”在社区表中出现两次（另见第${existing.row}行），以第一行为准。`, action: '删去重复的一行，或在街道列区分同名社区。' });
        return;
      }
      const u = addCommunity(county, street, community);
      u.row = row;
      u.facts.name = community;
      const num = (key: 'households' | 'population' | 'urbanPopulation' | 'partyMembers', what: string) => {
        const v = cell(key);
        if (isBlank(v)) return;
        try {
          u.facts[key] = numberOf(v, ch[key], what, true);
        } catch (e) {
          emit(place, { severity: 'error', rule: '数据格式', citation: ROSTER_RULES, message: (e as Error).message, action: `填写${what}（整数）。` }, { column: ch[key] });
        }
      };
      num('households', '社区户数');
      num('population', '常住人口（人）');
      num('urbanPopulation', '城镇常住人口（人）');
      num('partyMembers', '党员人数');
      const orgType = textOf(cell('partyOrgType'));
      if (orgType !== '') u.facts.partyOrgType = orgType;
      const pool = cell('reservePool');
      if (!isBlank(pool)) {
        try {
          u.reservePool = numberOf(pool, ch.reservePool, '书记后备人才人数', true);
        } catch (e) {
          emit(place, { severity: 'error', rule: '数据格式', citation: ROSTER_RULES, message: (e as Error).message, action: '填写后备人才人数（整数）。' }, { column: ch.reservePool });
        }
      }
    });
  }

  // Which unit counts 优秀: the policy's quota names it (单位 = the community; 街道(乡镇) = the street).
  const probeQuota = policy.excellentQuota(4, params);
  const quotaByStreet = probeQuota !== null && probeQuota.over === 'street';
  const quotaExcludes = new Set(probeQuota?.excludes ?? []);
  if (quotaExcludes.size > 0) {
    emit(rosterPlace, {
      severity: 'info', rule: '优秀比例', citation: probeQuota!.citation,
      message: `${[...quotaExcludes].join('、')}实行单列考核，其考核等次不计入${probeQuota!.unit}的优秀比例；单列考核的标准由各地制订，本检查未核对（解读 §厦门-优秀比例）。`,
      action: '按本地单列考核办法另行核对社区正职的优秀等次。',
    });
  }

  // One pass over the worker rows.
  const ctx: RowContext = {
    policy, params, asOf, sheet: wt.sheet, cols: wm.columns, header: headerTexts(wt, wm),
    ratingCols: wm.ratingColumns.map((r) => ({ ...r, header: String(wt.headers[r.column]).trim() })),
    ids: new Map(), postCache: new Map(), titleCache: new Map(),
  };
  const resolved = new Map<string, CommunityUnit | null>();
  const byRaw = new Map<unknown, Map<unknown, Map<unknown, CommunityUnit | null>>>();
  /**
   * A community table that leaves 区县 or 街道 blank: the community takes them from its first worker row
   * that gives them, so street and county rules group it correctly.
   */
  const adopt = (u: CommunityUnit, county: string, street: string) => {
    const c = u.county || county;
    const s = u.street || street;
    if (c === u.county && s === u.street) return;
    const drop = <T>(list: T[], x: T) => list.splice(list.indexOf(x), 1);
    drop(u.streetUnit.communities, u);
    drop(u.countyUnit.communities, u);
    u.county = c;
    u.street = s;
    u.streetUnit = streetOf(c, s);
    u.countyUnit = countyOf(c);
    u.streetUnit.communities.push(u);
    u.countyUnit.communities.push(u);
  };
  const resolve = (county: string, street: string, community: string): CommunityUnit | null => {
    if (community === '') return null;
    const key = county + SEP + street + SEP + community;
    if (resolved.has(key)) return resolved.get(key)!;
    let u = communities.get(key) ?? null;
    if (!u) {
      const cand = (street ? byStreetCommunity.get(street + SEP + community) : undefined) ?? byName.get(community) ?? null;
      if (cand && (!county || !cand.county || county === cand.county) && (!street || !cand.street || street === cand.street)) {
        u = cand;
        adopt(u, county, street);
      }
    }
    if (!u) u = communities.get(key) ?? addCommunity(county, street, community);
    resolved.set(key, u);
    return u;
  };

  const pacer = new Pacer(options, wt.rows.length + communities.size);
  pacer.check();
  const hasUnitCols = { county: wm.columns.county, street: wm.columns.street, community: wm.columns.community };
  const rows = wt.rows;
  for (let i = 0; i < rows.length; i++) {
    if ((i & 255) === 0) await pacer.tick(i);
    const cells = rows[i];
    const rowNo = sheetRowOf(wt, i);
    // Units are looked up by the raw cells first (names repeat on every row), normalised only on a miss.
    const rc = hasUnitCols.county === undefined ? null : cells[hasUnitCols.county] ?? null;
    const rs = hasUnitCols.street === undefined ? null : cells[hasUnitCols.street] ?? null;
    const rm = hasUnitCols.community === undefined ? null : cells[hasUnitCols.community] ?? null;
    let l1 = byRaw.get(rc);
    if (!l1) byRaw.set(rc, (l1 = new Map()));
    let l2 = l1.get(rs);
    if (!l2) l1.set(rs, (l2 = new Map()));
    let unit = l2.get(rm);
    if (unit === undefined) {
      unit = resolve(nameOf(rc), nameOf(rs), nameOf(rm));
      l2.set(rm, unit);
    }
    const r = readWorkerRow(ctx, cells, rowNo, findings, unit);
    const county = unit ? unit.countyUnit : countyOf(r.county);
    county.counts.add(r.post, r.titles);
    if (r.certificate !== null) county.certified++;
    if (r.currentPay !== null) {
      county.payTotal += r.currentPay;
      county.payCount++;
    }
    if (unit) {
      unit.counts.add(r.post, r.titles);
      unit.certificates[r.certificate ?? 0]++;
      if (r.serviceHall) unit.hall++;
      const street = unit.streetUnit;
      street.workers++;
      if (r.currentPay !== null) {
        street.payTotal += r.currentPay;
        street.payCount++;
      }
      if (probeQuota !== null && !(r.post !== null && quotaExcludes.has(r.post))) tallyRatings(quotaByStreet ? street.ratings : unit.ratings, r, rowNo);
    }
    workerRules(r);
  }
  pacer.total = rows.length + communities.size;

  function tallyRatings(t: RatingsByYear, r: WorkerRow, rowNo: number): void {
    for (const [year, rating] of r.ratings) {
      const y = t.tally(year);
      y.rated++;
      if (rating === '优秀') {
        y.excellent++;
        if (y.rows.length < 200) y.rows.push(rowNo);
      }
    }
  }

  function workerRules(r: WorkerRow): void {
    const place = r.place;
    const w = r.worker;
    if (w !== null) {
      try {
        for (const f of policy.exitTriggers(w, r.facts)) emit(place, f);
        // Recruitment conditions are judged at recruitment: without an entry date (already a finding) they are not checked.
        if (recruitmentRules && r.elected !== null && r.entryDate !== null) for (const f of policy.recruitment(w, r.facts)) emit(place, f);
      } catch (e) {
        if (!(e instanceof CwError)) throw e;
        emit(place, { severity: 'warning', rule: '无法核对', citation: NOTES('通用-无法核对'), message: e.message, action: '补全或更正所缺数据后重新检查。' });
      }
    }
    // Nobody retires before 50 (the lowest original age; the national schedule only delays): a worker
    // younger than that at the end of the window needs no retirement date.
    if (r.birthDate !== null && r.sex !== null && retireBy - r.birthDate < YOUNGEST_RETIREMENT_DAYS) {
      // not due
    } else if (r.birthDate !== null && r.sex !== null) {
      const ret = retirementOf(r.birthDate, r.sex, r.originalAge);
      const overdue = ret.date <= asOf;
      if (overdue || ret.date <= retireBy) {
        const special = extras.retirement?.(ectx, r, ret, overdue);
        if (special !== undefined) {
          if (special !== null) emit(place, special);
        } else {
          const age = `${Math.floor(ret.ageMonths / 12)}岁${ret.ageMonths % 12 ? `${ret.ageMonths % 12}个月` : ''}`;
          const basis = `${r.sex}，${isoOf(r.birthDate)} 出生，原退休年龄${ret.originalAge}岁，按国家渐进式延迟退休办法延迟${ret.delayMonths}个月，法定退休年龄${age}`;
          emit(place, overdue
            ? { severity: 'error', rule: '超过退休年龄', citation: NATIONAL_RETIREMENT, message: `已于 ${isoOf(ret.date)} 达到法定退休年龄（${basis}），仍在花名册中。`, action: '办理退休手续，并从社区工作者队伍中退出；如已退休，请从花名册中移除。' }
            : { severity: 'warning', rule: '退休提醒', citation: NATIONAL_RETIREMENT, message: `将于 ${isoOf(ret.date)} 达到法定退休年龄（${basis}），在${months}个月内。`, action: '提前准备退休手续，安排岗位补充。' });
        }
      }
    } else if (r.idNumberOk !== false) {
      const what = [r.birthDate === null ? ctx.header.birthDate : null, r.sex === null ? ctx.header.sex : null].filter(Boolean).join('和');
      emit(place, { severity: 'warning', rule: '缺少数据', citation: NATIONAL_RETIREMENT, message: `缺少${what}（身份证号也未能提供）：无法核对法定退休时间。`, action: `填写${what}，或填写有效的身份证号。` }, { column: r.birthDate === null ? ctx.header.birthDate : ctx.header.sex });
    }
    if (extras.worker) for (const f of extras.worker(ectx, r)) emit(place, f);
  }

  // Communities: staffing, quota, the policy's own community rules.
  const postNames = policy.posts.map((p) => p.name);
  const facts: string[] = [];
  let done = rows.length;
  for (const u of communities.values()) {
    if (((done++) & 63) === 0) await pacer.tick(done);
    const place = communityPlace(u);
    if (ct && u.row === null) {
      emit(place, { severity: 'warning', rule: '社区匹配', citation: ROSTER_RULES, message: `社区表中没有“${[u.county, u.street, u.community].filter(Boolean).join(' ')}”：按户数、人口的配备标准无法核对。`, action: '在社区表中补充该社区（名称与职工表一致），或更正职工表中的社区名称。' });
    }
    staffing(u.facts, 'community', u.counts, place, (e) => {
      if (!ct) facts.push(u.community);
      else if (u.row !== null) emit(place, { severity: 'warning', rule: '无法核对', citation: ROSTER_RULES, message: e.message, action: '在社区表中补全该社区的数据后重新检查。' });
    });
    if (probeQuota !== null && !quotaByStreet) quota(u.ratings, place, u.community);
    if (extras.community) for (const f of extras.community(ectx, u)) emit(place, f);
  }
  if (facts.length) {
    emit(rosterPlace, { severity: 'info', rule: '无法核对', citation: ROSTER_RULES, message: `没有社区表：${facts.length}个社区按户数、党组织类型的配备标准未核对（如 ${facts.slice(0, 3).join('、')}）。`, action: '增加社区表（社区、户数、常住人口、党员数、党组织类型）后重新检查。' });
  }

  // Streets.
  // Findings on community-table rows were placed before their community took a street or county from the worker rows.
  if (ct) {
    const byRow = new Map<number, CommunityUnit>();
    for (const u of communities.values()) if (u.row !== null) byRow.set(u.row, u);
    for (const f of findings) {
      if (f.scope !== 'community' || f.sheet !== ct.sheet || f.row === null) continue;
      const u = byRow.get(f.row);
      if (u) {
        f.county = u.county || null;
        f.street = u.street || null;
      }
    }
  }
  // Units left empty (a table community that took its street or county from the worker rows) are dropped.
  for (const [k, s] of streets) if (s.communities.length === 0 && s.workers === 0) streets.delete(k);
  for (const [k, c] of counties) if (c.communities.length === 0 && c.counts.workers === 0 && c.row === null) counties.delete(k);
  for (const s of streets.values()) {
    const place: FindingPlace = { scope: 'street', county: s.county || null, street: s.street || null, community: null, sheet: null, row: null, name: null };
    if (probeQuota !== null && quotaByStreet) quota(s.ratings, place, s.street || '（未填街道）');
    if (extras.street) for (const f of extras.street(ectx, s)) emit(place, f);
  }

  // Counties: the county-scope staffing standard and the policy's county rules.
  for (const c of counties.values()) {
    const place: FindingPlace = { scope: 'county', county: c.county || NO_COUNTY, street: null, community: null, sheet: c.row === null ? null : kt!.sheet, row: c.row, name: null };
    const f = countyFacts(c);
    staffing(f, 'county', c.counts, place, (e) => emit(place, {
      severity: 'warning', rule: '无法核对', citation: ROSTER_RULES, message: `${c.county || NO_COUNTY}：${e.message}`,
      action: kt ? '在区县表中补全或更正该区县的数据（或在社区表中填齐各社区的人口数）后重新检查。' : '增加区县表（区县、常住人口、城镇常住人口），或在社区表中填齐各社区的人口数后重新检查。',
    }));
    if (extras.county) for (const x of extras.county(ectx, c)) emit(place, x);
  }
  options.onProgress?.(pacer.total, pacer.total);

  function countyFacts(c: CountyUnit): UnitFacts {
    const f: UnitFacts = { name: c.tableFacts.name ?? c.county };
    for (const key of ['population', 'urbanPopulation', 'households'] as const) {
      const own = c.tableFacts[key];
      if (own !== undefined) {
        f[key] = own;
        continue;
      }
      const listed = c.communities.filter((u) => u.row !== null);
      if (listed.length > 0 && listed.every((u) => u.facts[key] !== undefined)) f[key] = listed.reduce((n, u) => n + (u.facts[key] as number), 0);
    }
    return f;
  }

  function staffing(f: UnitFacts, scope: 'community' | 'county', counts: CommunityUnit['counts'], place: FindingPlace, cannot: (e: CwError) => void): void {
    let reqs;
    try {
      reqs = policy.staffing(f, scope, params as ParamView, new Trace(false));
    } catch (e) {
      if (!(e instanceof CwError)) throw e;
      cannot(e);
      return;
    }
    for (const req of reqs) {
      const counter = counterFor(req.counts, postNames);
      if (!counter) {
        emit(place, { severity: 'info', rule: '无法核对', citation: req.citation, message: `花名册无法统计“${req.what}”，未核对此项配备标准（${req.basis}）。`, action: '请人工核对。' });
        continue;
      }
      const n = counter.count(counts);
      const below = req.min !== null && n < req.min;
      const above = req.max !== null && n > req.max;
      if (!below && !above) continue;
      const range = req.min !== null && req.max !== null ? (req.min === req.max ? `${req.min}人` : `${req.min}–${req.max}人`) : req.min !== null ? `不少于${req.min}人` : `不超过${req.max}人`;
      emit(place, {
        severity: below ? req.belowSeverity : req.aboveSeverity,
        rule: `配备标准：${req.what}`,
        citation: req.citation,
        message: `${req.what} ${n} 人，${below ? `少于规定的 ${req.min} 人` : `超过规定的 ${req.max} 人`}（应为${range}：${req.basis}）。统计口径：${counter.how}。`,
        action: below
          ? `配齐${req.what}（至少 ${req.min} 人）；如花名册漏填或错填岗位、职务，请更正后重新检查。`
          : `核减${req.what}至不超过 ${req.max} 人，或按规定报批调整；如花名册岗位、职务填写有误，请更正后重新检查。`,
      });
    }
  }

  function quota(t: RatingsByYear, place: FindingPlace, unitName: string): void {
    for (const year of [...t.years.keys()].sort((a, b) => a - b)) {
      const y = t.years.get(year)!;
      if (y.excellent === 0) continue;
      const q = policy.excellentQuota(y.rated, params);
      if (q === null || y.excellent <= q.max) continue;
      emit(place, {
        severity: 'error', rule: '优秀比例', citation: q.citation,
        message: `${year}年度${unitName}参加考核 ${y.rated} 人，优秀 ${y.excellent} 人，超出优秀名额（最多 ${q.max} 人）${y.excellent - q.max} 人（${q.basis}）。`,
        action: `调整${year}年度考核等次，优秀不超过 ${q.max} 人；按规定不受比例限制的（如表彰直接确定为优秀），请留存依据。`,
      }, { year, rows: y.rows.slice() });
    }
  }

  return finish(policy, asOf, months, findings, { workers: wm, communities: cm, counties: km }, rows.length, communities, streets, counties);
}

/** Sorts the findings into roster order and counts them. */
function finish(
  policy: Policy, asOf: DayNumber, months: number, findings: RosterFinding[], mapping: CheckResult['mapping'], workers: number,
  communities: Map<string, CommunityUnit>, streets: Map<string, StreetUnit>, counties: Map<string, CountyUnit>,
): CheckResult {
  // Units by their names as finally placed (a community may have taken its street or county from its rows).
  const named = new Map<string, CommunityUnit>();
  for (const u of communities.values()) named.set(u.county + SEP + u.street + SEP + u.community, u);
  const countyOrd = (name: string | null) => counties.get(name === NO_COUNTY ? '' : name ?? '')?.ord ?? counties.size;
  const key = (f: RosterFinding): number[] => {
    if (f.scope === 'roster') return [-1, 0, 0, 0];
    const c = countyOrd(f.county);
    if (f.scope === 'county') return [c, -1, -1, f.row ?? -1];
    const s = streets.get((f.county ?? '') + SEP + (f.street ?? ''))?.ord ?? streets.size;
    if (f.scope === 'street') return [c, s, -1, -1];
    const u = named.get((f.county ?? '') + SEP + (f.street ?? '') + SEP + (f.community ?? ''))?.ord ?? communities.size;
    return [c, s, u, f.scope === 'community' ? -1 : f.row ?? 0];
  };
  const keys = findings.map(key);
  const order = findings.map((_, i) => i).sort((a, b) => {
    const x = keys[a];
    const y = keys[b];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || x[3] - y[3] || a - b;
  });
  const sorted = order.map((i) => findings[i]);

  const per = new Map<string, CommunitySummary>();
  for (const [key, u] of named) {
    per.set(key, { county: u.county || null, street: u.street || null, community: u.community, workers: u.counts.workers, row: u.row, error: 0, warning: 0, info: 0 });
  }
  const totals = { error: 0, warning: 0, info: 0 };
  for (const f of sorted) {
    totals[f.severity]++;
    if (f.community !== null) {
      const s = per.get((f.county ?? '') + SEP + (f.street ?? '') + SEP + f.community);
      if (s) s[f.severity]++;
    }
  }
  return {
    policy: policy.id, policyName: policy.name, doc: policy.doc, asOf: isoOf(asOf), retirementMonths: months,
    findings: sorted,
    summary: { ...totals, workers, communities: communities.size, streets: streets.size, counties: counties.size, byCommunity: [...per.values()] },
    mapping,
  };
}

/** The roster's tables: header matching, and the community and county tables read into their units. */
import { CwError } from '../errors';
import { isBlank, nameOf, numberOf, textOf } from '../roster/cells';
import { fieldsOf, matchHeaders } from '../roster/headers';
import type { HeaderMatch, HeaderOverride } from '../roster/headers';
import { sheetRowOf } from '../roster/types';
import type { Cell, RosterTable, TableKind } from '../roster/types';
import { findingAt, ROSTER_RULES, MISSING_DATA } from './findings';
import type { FindingPlace, RosterFinding } from './findings';
import type { UnitIndex } from './units';

/** Each table's name in messages. */
export const KIND_NAME: Record<TableKind, string> = { workers: '职工表', communities: '社区表', counties: '区县表' };

/** Header text per field, as the sheet writes it (the label when the column is absent). */
export function headerTexts(table: RosterTable, m: HeaderMatch): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of fieldsOf(m.kind)) out[d.key] = d.label;
  for (const [k, c] of Object.entries(m.columns)) {
    const h = table.headers[c];
    out[k] = h === null || h === undefined || String(h).trim() === '' ? out[k] : String(h).trim();
  }
  return out;
}

/** Matches a table's headers and rejects a table that cannot be read (a bad mapping, a required column missing). */
export function matchTable(table: RosterTable, kind: TableKind, override: HeaderOverride | undefined): HeaderMatch {
  const m = matchHeaders(table.headers, kind, override);
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

/** Reads one whole-number cell into `set`; a malformed one is a finding on the row. */
function wholeNumber(v: Cell, column: string, what: string, action: string, place: FindingPlace, out: RosterFinding[], set: (n: number) => void): void {
  if (isBlank(v)) return;
  try {
    set(numberOf(v, column, what, true));
  } catch (e) {
    if (!(e instanceof CwError)) throw e;
    out.push(findingAt(place, { severity: 'error', rule: '数据格式', citation: ROSTER_RULES, message: e.message, action }, { column }));
  }
}

/** The county table: each county's own population figures and zone name. */
export function readCounties(kt: RosterTable, km: HeaderMatch, units: UnitIndex, out: RosterFinding[]): void {
  const kh = headerTexts(kt, km);
  kt.rows.forEach((cells, i) => {
    const row = sheetRowOf(kt, i);
    const cell = (k: string) => (km.columns[k] === undefined ? null : cells[km.columns[k]] ?? null);
    const county = nameOf(cell('county'));
    const place: FindingPlace = { scope: 'county', county: county || null, street: null, community: null, sheet: kt.sheet, row, name: null };
    if (county === '') {
      out.push(findingAt(place, { severity: 'warning', rule: MISSING_DATA, citation: ROSTER_RULES, message: `缺少${kh.county}：这一行的人口数据无法归入区县。`, action: '填写区县名称。' }, { column: kh.county }));
      return;
    }
    const c = units.county(county);
    if (c.row !== null) {
      out.push(findingAt(place, { severity: 'warning', rule: '区县重复', citation: ROSTER_RULES, message: `区县“${county}”在区县表中出现两次（另见第${c.row}行），以第一行为准。`, action: '删去重复的一行。' }));
      return;
    }
    c.row = row;
    for (const [key, what] of [['population', '区县常住人口'], ['urbanPopulation', '区县城镇常住人口']] as const) {
      wholeNumber(cell(key), kh[key], `${what}（人）`, `填写${what}（整数）。`, place, out, (n) => (c.tableFacts[key] = n));
    }
    const zone = textOf(cell('zone'));
    if (zone !== '') c.tableFacts.name = zone;
  });
}

/** The community table: each community's households, population, party figures, reserve pool and 星级. */
export function readCommunities(ct: RosterTable, cm: HeaderMatch, units: UnitIndex, out: RosterFinding[]): void {
  const ch = headerTexts(ct, cm);
  ct.rows.forEach((cells, i) => {
    const row = sheetRowOf(ct, i);
    const cell = (k: string) => (cm.columns[k] === undefined ? null : cells[cm.columns[k]] ?? null);
    const county = nameOf(cell('county'));
    const street = nameOf(cell('street'));
    const community = nameOf(cell('community'));
    const place: FindingPlace = { scope: 'community', county: county || null, street: street || null, community: community || null, sheet: ct.sheet, row, name: null };
    if (community === '') {
      out.push(findingAt(place, { severity: 'warning', rule: MISSING_DATA, citation: ROSTER_RULES, message: `缺少${ch.community}：这一行无法对应到社区。`, action: '填写社区名称（与职工表一致）。' }, { column: ch.community }));
      return;
    }
    const existing = units.exact(county, street, community);
    if (existing) {
      out.push(findingAt(place, { severity: 'warning', rule: '社区重复', citation: ROSTER_RULES, message: `社区“${community}”在社区表中出现两次（另见第${existing.row}行），以第一行为准。`, action: '删去重复的一行，或在街道列区分同名社区。' }));
      return;
    }
    const u = units.add(county, street, community);
    u.row = row;
    u.facts.name = community;
    const num = (key: 'households' | 'population' | 'urbanPopulation' | 'partyMembers', what: string) =>
      wholeNumber(cell(key), ch[key], what, `填写${what}（整数）。`, place, out, (n) => (u.facts[key] = n));
    num('households', '社区户数');
    num('population', '常住人口（人）');
    num('urbanPopulation', '城镇常住人口（人）');
    num('partyMembers', '党员人数');
    const orgType = textOf(cell('partyOrgType'));
    if (orgType !== '') u.facts.partyOrgType = orgType;
    wholeNumber(cell('reservePool'), ch.reservePool, '书记后备人才人数', '填写后备人才人数（整数）。', place, out, (n) => (u.reservePool = n));
    const star = cell('star');
    wholeNumber(typeof star === 'string' ? star.trim().replace(/星级?$/, '') : star, ch.star, '社区党组织星级（1–5）', '填写社区党组织星级（1至5的整数）。', place, out, (n) => {
      if (n >= 1 && n <= 5) u.star = n;
      else out.push(findingAt(place, { severity: 'error', rule: '数据格式', citation: ROSTER_RULES, message: `${ch.star}：${n} 不是有效星级。可用：1、2、3、4、5（社区党组织星级）。`, action: '填写社区党组织星级（1至5的整数）。' }, { column: ch.star }));
    });
  });
}

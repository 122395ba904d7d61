/** Small hand-made rosters for the rule tests. */
import { checkRoster, idCheckChar } from '../../src/engine';
import type { Cell, CheckOptions, CheckResult, Roster, RosterFinding, RosterTable } from '../../src/engine';

export const AS_OF = '2026-12-01';

let seq = 100;
/** A valid resident ID for a birth date (YYYY-MM-DD) and sex. */
export function idFor(birth: string, sex: '男' | '女', region = '110105'): string {
  let n = seq++;
  if ((n % 2 === 1) !== (sex === '男')) n++;
  const first17 = region + birth.replace(/-/g, '') + String(n % 1000).padStart(3, '0');
  return first17 + idCheckChar(first17);
}

export type Row = Record<string, Cell>;

/** A worker with sensible defaults: a recruited 专职工作人员 of 春晖社区, born 1990, entered 2015. */
export function worker(over: Row = {}): Row {
  const sex = (over['性别'] as '男' | '女' | undefined) ?? '女';
  const birth = (typeof over['出生日期'] === 'string' ? over['出生日期'] : '1990-05-17') as string;
  return {
    区县: '甲区', 街道: '乙街道', 社区: '春晖社区', 姓名: '王芳', 性别: sex, 身份证号: idFor(birth, sex), 出生日期: birth,
    职务: '专职工作人员', 任用方式: '招聘', 入职日期: '2015-03-01', 学历: '本科', ...over,
  };
}

/** A table from records: headers in order of first appearance. */
export function table(sheet: string, records: Row[], headerRow = 1): RosterTable {
  const headers: string[] = [];
  for (const r of records) for (const k of Object.keys(r)) if (!headers.includes(k)) headers.push(k);
  return { sheet, headerRow, headers, rows: records.map((r) => headers.map((h) => (r[h] === undefined ? null : r[h]))) };
}

export function rosterOf(workers: Row[], communities?: Row[], counties?: Row[]): Roster {
  return {
    workers: table('职工', workers),
    communities: communities ? table('社区', communities) : null,
    counties: counties ? table('区县', counties) : null,
  };
}

export async function check(policy: string, workers: Row[], communities?: Row[], options: CheckOptions = {}, counties?: Row[]): Promise<CheckResult> {
  return checkRoster(rosterOf(workers, communities, counties), policy, { asOf: AS_OF, ...options });
}

/** Findings of one rule. */
export function findings(r: CheckResult, rule: string | RegExp): RosterFinding[] {
  return r.findings.filter((f) => (typeof rule === 'string' ? f.rule === rule : rule.test(f.rule)));
}

/** A standard community of a given composition: 书记兼主任, 副书记, 副主任, 委员 …, 2 党务工作者, staff. */
export function community(name: string, opts: { street?: string; county?: string; members?: number; residents?: number; partyWorkers?: number; staff?: number; deputies?: number } = {}): Row[] {
  const base = { 区县: opts.county ?? '甲区', 街道: opts.street ?? '乙街道', 社区: name, 任用方式: '选任' };
  const rows: Row[] = [worker({ ...base, 职务: '党支部书记、居委会主任', 性别: '男', 出生日期: '1975-02-03' }), worker({ ...base, 职务: '党支部副书记' })];
  for (let i = 0; i < (opts.deputies ?? 1); i++) rows.push(worker({ ...base, 职务: '居委会副主任' }));
  for (let i = 0; i < (opts.members ?? 1); i++) rows.push(worker({ ...base, 职务: '党支部委员' }));
  for (let i = 0; i < (opts.residents ?? 3); i++) rows.push(worker({ ...base, 职务: '居委会委员' }));
  for (let i = 0; i < (opts.partyWorkers ?? 2); i++) rows.push(worker({ ...base, 职务: '专职党务工作者', 任用方式: '招聘' }));
  for (let i = 0; i < (opts.staff ?? 2); i++) rows.push(worker({ ...base, 职务: '专职工作人员', 任用方式: '招聘' }));
  return rows;
}

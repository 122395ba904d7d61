import { policyIds, CwError, checkRoster, citeText, policyOf } from '../engine';
import type { CheckResult, RosterFinding } from '../engine';
import { readRosterFile } from '../workbook/read';
import { LIMIT_HELP, LimitOptions, takeLimit, workbookLimits } from './limits';
import { Io } from './io';
import { rosterParams } from './params-file';

const HELP = `用法 / usage:
  cw check ROSTER.xlsx --policy ID [选项]   按政策的配备、考核、退出、招聘、退休等规则检查花名册
选项 / options:
  --policy ID           政策：${policyIds()}
  --json                以 JSON 输出全部结果（字段：policy, asOf, summary, findings …）
  --retire-months N     提醒 N 个月内达到法定退休年龄的职工（默认 6）
  --as-of DATE          检查日期（默认今天），如 2026-12-01
  --params FILE         参数表（.json：{"参数名": 值}，或含“参数表”工作表的 .xlsx），覆盖政策的默认参数；
                        花名册工作簿中的“参数表”工作表也会读取，--params 优先
  --average-wage N      上年度本市职工月平均工资（政策按它比较薪酬水平时使用，见 docs/rules.md）
  --progress / --no-progress  是否在标准错误输出显示进度（默认：大文件显示）
工作簿中职工表、社区表、区县表按表头识别（见 docs/design.md“花名册”），不按工作表名称或位置。
退出码：0 没有错误；1 有“错误”级别的问题；2 输入有误（文件、政策、表头）。
`;

const SEVERITY: Record<RosterFinding['severity'], string> = { error: '错误', warning: '警告', info: '提示' };

interface Args extends LimitOptions {
  file?: string;
  policy?: string;
  json: boolean;
  retireMonths?: number;
  asOf?: string;
  params?: string;
  averageWage?: number;
  progress?: boolean;
}

function parseArgs(args: string[]): Args {
  const out: Args = { json: false };
  const value = (i: number, name: string): string => {
    const v = args[i + 1];
    if (v === undefined || v.startsWith('--')) throw new CwError('REQUIRED', `${name} 需要一个值。`, name);
    return v;
  };
  const number = (text: string, name: string, integer: boolean): number => {
    const n = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || (integer && !Number.isInteger(n))) {
      throw new CwError('INVALID_NUMBER', `${name}：“${text}”不是${integer ? '非负整数' : '正数'}。`, name);
    }
    return n;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const [flag, inline] = eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const take = (name: string) => (inline !== undefined ? inline : value(i++, name));
    if (takeLimit(flag, () => take(flag), out)) continue;
    switch (flag) {
      case '--policy': case '-p': out.policy = take('--policy'); break;
      case '--json': out.json = true; break;
      case '--retire-months': out.retireMonths = number(take('--retire-months'), '--retire-months', true); break;
      case '--as-of': out.asOf = take('--as-of'); break;
      case '--params': out.params = take('--params'); break;
      case '--average-wage': out.averageWage = number(take('--average-wage'), '--average-wage', false); break;
      case '--progress': out.progress = true; break;
      case '--no-progress': out.progress = false; break;
      default:
        if (a.startsWith('-')) throw new CwError('UNKNOWN_FIELD', `未知选项“${a}”。可用：--policy、--json、--retire-months、--as-of、--params、--average-wage、--progress、--max-rows、--max-size。`, a);
        if (out.file !== undefined) throw new CwError('INVALID_TYPE', `只能检查一个花名册文件（已有“${out.file}”，又给了“${a}”）。`, 'file');
        out.file = a;
    }
  }
  return out;
}

/** The group a finding is printed under: the whole roster, a county, a street, or a community. */
function groupOf(f: RosterFinding): string {
  if (f.scope === 'roster') return '全表';
  const parts = [f.county, f.street, f.scope === 'county' || f.scope === 'street' ? null : f.community ?? '（未填社区）'].filter((x): x is string => !!x);
  return parts.join(' ') || '（未填区县）';
}

function where(f: RosterFinding): string {
  if (f.scope === 'worker') return `第${f.row}行 ${f.name ?? '（未填姓名）'}${f.column ? `（${f.column}）` : ''}`;
  const row = f.row !== null && f.sheet ? `${f.sheet}表第${f.row}行` : '';
  return [row, f.year ? `${f.year}年度` : '', f.column ? `（${f.column}）` : ''].filter(Boolean).join(' ');
}

/** The Chinese report: summary, then findings grouped by county, street and community. */
export function formatText(file: string, r: CheckResult, notes: string[]): string {
  const s = r.summary;
  const lines = [
    `花名册检查 · ${r.policyName}（${r.policy}，${r.doc}）`,
    `文件：${file}`,
    ...notes.map((n) => `  ${n}`),
    `检查日期：${r.asOf}；退休提醒：${r.retirementMonths}个月内`,
    `职工 ${s.workers} 人，社区 ${s.communities} 个，街道 ${s.streets} 个，区县 ${s.counties} 个`,
    `结果：错误 ${s.error} 项，警告 ${s.warning} 项，提示 ${s.info} 项`,
  ];
  const byCommunity = new Map(s.byCommunity.map((c) => [[c.county ?? '', c.street ?? '', c.community].join(' ').trim(), c]));
  let group = '';
  for (const f of r.findings) {
    const g = groupOf(f);
    if (g !== group) {
      group = g;
      const c = f.scope === 'worker' || f.scope === 'community' ? byCommunity.get(g) : undefined;
      const counts = c ? `——错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}（${c.workers} 人${c.row !== null ? `，社区表第${c.row}行` : ''}）` : '';
      lines.push('', `■ ${g}${counts}`);
    }
    const at = where(f);
    lines.push(`  [${SEVERITY[f.severity]}] ${f.rule}${at ? ` · ${at}` : ''}`);
    lines.push(`      ${f.message}`);
    lines.push(`      依据：${citeText(f.citation)}`);
    lines.push(`      处理：${f.action}`);
  }
  if (r.findings.length === 0) lines.push('', '未发现问题。');
  return lines.join('\n') + '\n';
}

/** `cw check`: checks a roster workbook against a policy's staffing and roster rules. */
export async function run(args: string[], io: Io): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(HELP);
    return 0;
  }
  let json = args.includes('--json');
  const fail = (e: unknown): number => {
    const err = e instanceof CwError ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: `内部错误：${(e as Error)?.message ?? String(e)}。请把文件和此信息报告给维护者。` };
    if (json) io.stdout(JSON.stringify({ error: err }) + '\n');
    else io.stderr(`cw check：${err.message}\n${e instanceof CwError ? '' : '\n'}`);
    return 2;
  };
  let a: Args;
  try {
    a = parseArgs(args);
    json = a.json;
    if (!a.file) throw new CwError('REQUIRED', `缺少花名册文件。\n${HELP}`, 'file');
    if (!a.policy) throw new CwError('REQUIRED', `缺少 --policy。可用：${policyIds()}。`, 'policy');
    policyOf(a.policy);
  } catch (e) {
    return fail(e);
  }

  let progressShown = false;
  const show = (text: string) => {
    if (a.progress === false) return;
    progressShown = true;
    io.stderr(`\r${text}`);
  };
  try {
    const detected = await readRosterFile(a.file, { limits: workbookLimits(a), onRows: (n) => { if (a.progress || n >= 4096) show(`读取中… ${n.toLocaleString('en-US')} 行   `); } });
    if (!detected.roster) throw new CwError('REQUIRED', `“${a.file}”中没有可识别的职工表。${detected.notes.join('')}表头须包含“姓名”以及“岗位类别”“职务”或“身份证号”之一（见 docs/design.md“花名册”）。`, 'file');
    const large = detected.roster.workers.rows.length >= 5000;
    // The workbook's own 参数表 counts, as in the pane and `cw report`; --params wins over it.
    const { params } = await rosterParams(detected.grids, policyOf(a.policy!), a.params, { payroll: false });
    const result = await checkRoster(detected.roster, a.policy!, {
      asOf: a.asOf,
      retirementMonths: a.retireMonths,
      params,
      averageWage: a.averageWage ?? null,
      onProgress: (done, total) => { if (a.progress || large) show(`检查中… ${Math.floor((done / Math.max(1, total)) * 100)}%   `); },
    });
    if (progressShown) io.stderr('\r完成。                    \n');
    if (a.json) {
      io.stdout(JSON.stringify({ file: a.file, notes: detected.notes, ...result }) + '\n');
    } else {
      io.stdout(formatText(a.file, result, detected.notes));
    }
    return result.summary.error > 0 ? 1 : 0;
  } catch (e) {
    if (progressShown) io.stderr('\n');
    return fail(e);
  }
}

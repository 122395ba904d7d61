/**
 * Argument reading shared by `cw payroll`, `cw backpay` and `cw adjust`: flags with values, the
 * roster and its 参数表 (the workbook's 参数表 sheet, then --params JSON or .xlsx, which wins).
 */
import { CwError, policyIds, policyOf } from '../engine';
import type { Policy, Roster, SheetGrid } from '../engine';
import { rosterParams } from './params-file';
import { readRosterFile } from '../workbook/read';

/** Flags and positionals as given. */
export interface ParsedArgs {
  flags: Map<string, string | true>;
  positional: string[];
}

/**
 * Reads `--flag value`, `--flag=value` and bare switches. `valued` lists the flags that take a value,
 * `switches` those that do not; anything else starting with `-` is an error naming what is accepted.
 */
export function parseFlags(args: string[], valued: string[], switches: string[], command: string): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const [flag, inline] = eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    if (valued.includes(flag)) {
      let v = inline;
      if (v === undefined) {
        v = args[i + 1];
        if (v === undefined || v.startsWith('--')) throw new CwError('REQUIRED', `${flag} 需要一个值。`, flag);
        i++;
      }
      flags.set(flag, v);
    } else if (switches.includes(flag)) {
      flags.set(flag, true);
    } else if (a.startsWith('-')) {
      throw new CwError('UNKNOWN_FIELD', `${command}：未知选项“${a}”。可用：${[...valued, ...switches].join('、')}。`, a);
    } else positional.push(a);
  }
  return { flags, positional };
}

/** A flag's value, or a Chinese error saying it is required. */
export function requiredFlag(p: ParsedArgs, flag: string, what: string): string {
  const v = p.flags.get(flag);
  if (typeof v !== 'string' || v.trim() === '') throw new CwError('REQUIRED', `缺少 ${flag}（${what}）。`, flag);
  return v.trim();
}

/** The roster, its policy and the 参数表 (the workbook's sheet, overridden key by key by --params). */
export interface RosterInput {
  policy: Policy;
  roster: Roster;
  grids: SheetGrid[];
  params: Record<string, unknown>;
  /** Where the parameters came from, for the summary line. */
  paramNotes: string[];
}

/** Reads ROSTER.xlsx with --policy and --params. */
export async function readRosterInput(file: string | undefined, p: ParsedArgs, usage: string): Promise<RosterInput> {
  if (!file) throw new CwError('REQUIRED', `缺少花名册文件 ROSTER.xlsx。用法：${usage}`, 'file');
  const policy = policyOf(requiredFlag(p, '--policy', `政策：${policyIds()}`));
  const read = await readRosterFile(file);
  if (!read.roster) throw new CwError('REQUIRED', `${file}：${read.notes.join(' ')}`, 'file');
  const extra = p.flags.get('--params');
  const { params, notes } = await rosterParams(read.grids, policy, typeof extra === 'string' ? extra : undefined, { payroll: true });
  return { policy, roster: read.roster, grids: read.grids, params, paramNotes: notes };
}

/** The exit path of the payroll commands: a CwError is bad input (2), anything else a bug (1). */
export function failure(command: string, e: unknown, err: (t: string) => void): number {
  if (e instanceof CwError) {
    const hint = e.code === 'MISSING_PARAM' ? `（${command}：用 --params 参数.json（或 .xlsx），或在工作簿中加“参数表”工作表（参数名、本地值两列）提供。）` : '';
    err(`${command}：${e.message}${hint}\n`);
    return 2;
  }
  err(`${command}：内部错误：${(e as Error)?.message ?? String(e)}。请把文件和此信息报告给维护者。\n`);
  return 1;
}

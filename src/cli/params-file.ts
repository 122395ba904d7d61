/**
 * The local parameters a roster command uses: the roster workbook's own 参数表 sheet, then a
 * `--params` file over it (JSON `{"参数名": 值}` or grouped by policy, or an .xlsx holding a 参数表).
 * One reader for `cw check`, `cw report` and the payroll commands, so the same workbook gives the
 * same figures in each (and in the pane, which reads the same sheet).
 */
import * as fs from 'fs';
import { CwError, isPayrollParam } from '../engine';
import type { Policy, SheetGrid } from '../engine';
import { paramsFromSheets } from '../reports/params-sheet';
import { readWorkbook } from '../workbook/read';
import { jsonProblemText } from './json-problem';
import { sharedParamsOf } from './shared-params';

/** The overrides in a `--params` file for this policy. */
export async function readParamsFile(file: string, policy: Policy): Promise<Record<string, unknown>> {
  if (!fs.existsSync(file)) throw new CwError('FILE_NOT_FOUND', `找不到参数文件“${file}”。请检查路径。`, '--params');
  if (fs.statSync(file).isDirectory()) throw new CwError('INVALID_TYPE', `参数文件“${file}”是文件夹。可用：.json 文件，或含“参数表”工作表的 .xlsx。`, '--params');
  if (/\.xlsx$/i.test(file)) {
    const found = paramsFromSheets(await readWorkbook(file), policy);
    if (!found) throw new CwError('REQUIRED', `--params：${file} 中没有参数表（“参数名”“本地值”两列）。`, '--params');
    return found.params;
  }
  const text = fs.readFileSync(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CwError('INVALID_JSON', `参数文件“${file}”不是有效的 JSON：${jsonProblemText(text)}。可用：{"参数名": 值}。`, '--params');
  }
  const shared = sharedParamsOf(json);
  return shared.all ?? shared.byPolicy.get(policy.id) ?? {};
}

/** Where a command's parameters came from, and what they are. */
export interface RosterParams {
  params: Record<string, unknown>;
  /** For the summary line: 参数表：工作表“…”N 项, 参数文件：… N 项. */
  notes: string[];
}

/**
 * The workbook's 参数表 with the `--params` file over it. `payroll` says whether the payroll figures
 * (代扣代缴, which may share the 参数表) are kept: only the payroll commands use them; the policy
 * itself rejects keys it does not know.
 */
export async function rosterParams(grids: SheetGrid[], policy: Policy, file: string | undefined, options: { payroll: boolean }): Promise<RosterParams> {
  const sheet = paramsFromSheets(grids, policy);
  const notes: string[] = [];
  if (sheet) notes.push(`参数表：工作表“${sheet.sheet}”${Object.keys(sheet.params).length} 项`);
  const fromFile = file !== undefined ? await readParamsFile(file, policy) : {};
  if (file !== undefined) notes.push(`参数文件：${file} ${Object.keys(fromFile).length} 项`);
  const all = { ...(sheet?.params ?? {}), ...fromFile };
  return { params: options.payroll ? all : Object.fromEntries(Object.entries(all).filter(([k]) => !isPayrollParam(k))), notes };
}

/**
 * `cw adjust ROSTER.xlsx --policy ID --year YYYY --out FILE.xlsx [--pdf FILE.pdf] [--params F] [--force]`:
 * the 岗位等级调整名单 for a year.
 */
import { CwError, adjustmentList, fenText, splitPayrollOverrides } from '../engine';
import { adjustmentDocument } from '../reports/pay-documents';
import { renderPdf } from '../reports/node';
import { adjustmentWorkbook } from '../workbook/payroll';
import type { Io } from './io';
import { failure, parseFlags, readRosterInput, requiredFlag } from './payroll-args';
import { checkOutputPath, writeOutputFile } from './write-file';

const USAGE = 'cw adjust ROSTER.xlsx --policy ID --year YYYY --out 调整名单.xlsx [--pdf 调整名单.pdf] [--params 参数.json] [--force]';
const HELP = `用法 / usage:
  ${USAGE}
列出该年度内岗位等级（级别）发生变化的每名职工：调整月份、原等级和新等级、原月应发和新月应发、依据。
本溪每年1月1日统一调整；厦门、宁夏在工作年限达到晋级年限的次月调整。
退出码：0 已生成；2 输入有误；1 内部错误。
`;

/** `cw adjust`. */
export async function run(args: string[], io: Io): Promise<number> {
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    io.stdout(HELP);
    return args.length === 0 ? 2 : 0;
  }
  try {
    const p = parseFlags(args, ['--policy', '--year', '--out', '--pdf', '--params'], ['--force'], 'cw adjust');
    if (p.positional.length > 1) throw new CwError('INVALID_TYPE', `多余的参数“${p.positional.slice(1).join(' ')}”。用法：${USAGE}`, 'args');
    const yearText = requiredFlag(p, '--year', '年度 YYYY，如 2027');
    if (!/^\d{4}$/.test(yearText)) throw new CwError('INVALID_DATE', `--year：“${yearText}”不是年份。可用：如 2027。`, '--year');
    const out = requiredFlag(p, '--out', '调整名单 FILE.xlsx');
    const pdf = p.flags.get('--pdf') as string | undefined;
    const force = p.flags.get('--force') === true;
    const inputs = [p.positional[0], p.flags.get('--params') as string | undefined];
    checkOutputPath(out, { force, inputs });
    if (pdf) checkOutputPath(pdf, { force, inputs, option: '--pdf' });
    const input = await readRosterInput(p.positional[0], p, USAGE);
    const list = adjustmentList(input.roster, input.policy, Number(yearText), splitPayrollOverrides(input.params).policy);
    const unit = [...new Set(list.lines.map((l) => l.county).filter(Boolean))].join('、') || '全部';
    writeOutputFile(out, await adjustmentWorkbook(list, input.policy.name), { force, inputs });
    if (pdf) writeOutputFile(pdf, await renderPdf(adjustmentDocument(input.policy, list, unit)), { force, inputs, option: '--pdf' });
    for (const n of list.notes) io.stderr(`注意：${n}\n`);
    io.stdout(`已生成 ${list.year}年岗位等级调整名单（${input.policy.name}，${list.lines.length} 人，月应发合计增加 ${fenText(list.increase)}）：${out}${pdf ? `、${pdf}` : ''}\n`);
    return 0;
  } catch (e) {
    return failure('cw adjust', e, io.stderr);
  }
}

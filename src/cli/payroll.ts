/**
 * `cw payroll ROSTER.xlsx --policy ID --period YYYY-MM --out FILE.xlsx [--previous PREV.xlsx]
 * [--bank BANK.xlsx] [--params F] [--force]`: the month's pay sheet from 应发 to 实发.
 */
import { CwError, fenText, payrollSheet, workerKey } from '../engine';
import { chainNotes, checkPreviousPeriod, unitNameOf } from '../payroll-sheet/grid';
import { bankWorkbook, payrollWorkbook, readPreviousSheet } from '../workbook/payroll';
import { payrollRegisterData } from '../reports/pay-documents';
import { renderReport } from '../reports/node';
import type { Io } from './io';
import { failure, parseFlags, readRosterInput, requiredFlag } from './payroll-args';
import { checkOutputPath, writeOutputFile } from './write-file';

const USAGE = 'cw payroll ROSTER.xlsx --policy ID --period YYYY-MM --out FILE.xlsx [--previous 上月薪酬表.xlsx] [--bank 代发名单.xlsx] [--pdf 薪酬发放表.pdf] [--params 参数.json] [--force]';
const HELP = `用法 / usage:
  ${USAGE}
生成当月薪酬表（工作表“薪酬表”）：每名职工的应发各项、应发合计，个人缴纳的养老保险、医疗保险、失业保险、
补充医疗、住房公积金，按累计预扣法代扣的个人所得税，代扣合计、实发，以及本年累计收入、累计专项扣除、
累计已预扣税额等累计数。
选项 / options:
  --period YYYY-MM        发放月份（按该月1日计算）
  --out FILE.xlsx         输出的薪酬表
  --previous PREV.xlsx    上月由 cw payroll 生成的薪酬表：本月从其累计数接续（同一纳税年度）；1月或新入职不需要
  --bank BANK.xlsx        同时写出银行代发名单（姓名、身份证号、银行账号、实发）
  --pdf FILE.pdf          同时写出薪酬发放表 PDF（应发各项、代扣各项、代扣合计、实发，社区小计、街道合计、签字栏）
  --params FILE           参数表（.json 或 .xlsx）；工作簿中的“参数表”工作表也会读取，--params 优先。
                          代扣所需的当地数额没有默认值：失业保险.个人缴费比例、补充医疗.个人缴费、
                          社保基数.下限、社保基数.上限、公积金.个人缴存比例、公积金基数.下限、公积金基数.上限
  --force                 允许覆盖已存在的输出文件
花名册可选列：缴费基数、公积金缴存基数、专项附加扣除（每月）、其他扣除（每月）、银行账号。
退出码：0 已生成；2 输入有误；1 内部错误。
`;

/** `cw payroll`. */
export async function run(args: string[], io: Io): Promise<number> {
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    io.stdout(HELP);
    return args.length === 0 ? 2 : 0;
  }
  try {
    const p = parseFlags(args, ['--policy', '-p', '--period', '--out', '-o', '--previous', '--bank', '--pdf', '--params'], ['--force'], 'cw payroll');
    if (p.flags.has('-p')) p.flags.set('--policy', p.flags.get('-p')!);
    if (p.flags.has('-o')) p.flags.set('--out', p.flags.get('-o')!);
    if (p.positional.length > 1) throw new CwError('INVALID_TYPE', `多余的参数“${p.positional.slice(1).join(' ')}”。用法：${USAGE}`, 'args');
    const file = p.positional[0];
    const period = requiredFlag(p, '--period', '发放月份 YYYY-MM，如 2027-01');
    const out = requiredFlag(p, '--out', '输出的薪酬表 FILE.xlsx');
    const bank = p.flags.get('--bank') as string | undefined;
    const pdf = p.flags.get('--pdf') as string | undefined;
    const previousFile = p.flags.get('--previous') as string | undefined;
    const force = p.flags.get('--force') === true;
    const inputs = [file, previousFile, p.flags.get('--params') as string | undefined];
    checkOutputPath(out, { force, inputs });
    if (bank) {
      if (bank === out) throw new CwError('INVALID_TYPE', '--bank 与 --out 是同一个文件。请给银行代发名单另一个文件名。', '--bank');
      checkOutputPath(bank, { force, inputs, option: '--bank' });
    }
    if (pdf) checkOutputPath(pdf, { force, inputs, option: '--pdf' });
    const input = await readRosterInput(file, p, USAGE);
    let previous = null;
    if (previousFile) {
      previous = await readPreviousSheet(previousFile, workerKey);
      checkPreviousPeriod(previous.period, period, { where: `--previous：${previousFile}`, hint: '' });
    }
    const sheet = payrollSheet(input.roster, { policy: input.policy, period, params: input.params, previous: previous?.byKey ?? null });
    const units = unitNameOf(sheet);
    writeOutputFile(out, await payrollWorkbook(sheet, units), { force, inputs });
    if (bank) writeOutputFile(bank, await bankWorkbook(sheet), { force, inputs, option: '--bank' });
    if (pdf) writeOutputFile(pdf, await renderReport(payrollRegisterData(sheet, units)), { force, inputs, option: '--pdf' });
    const done = sheet.lines.filter((l) => l.month).length;
    const failed = sheet.lines.filter((l) => !l.month);
    for (const n of sheet.notes) io.stderr(`注意：${n}\n`);
    if (failed.length) io.stderr(`警告：${failed.length} 名职工未能核算（${failed.slice(0, 3).map((l) => l.error).join('；')}${failed.length > 3 ? '…' : ''}），已在薪酬表“说明”列注明。\n`);
    for (const n of chainNotes(sheet, previous)) io.stderr(`注意：${n}\n`);
    const notes = [...input.paramNotes, previous ? `累计数接续 ${previous.period}` : ''].filter(Boolean);
    io.stdout(`已生成 ${sheet.year}年${sheet.month}月薪酬表（${input.policy.name}，${done} 名职工，应发 ${fenText(sheet.totals.gross)}，代扣 ${fenText(sheet.totals.deductions)}，实发 ${fenText(sheet.totals.net)}）：${out}${bank ? `；银行代发名单：${bank}` : ''}${pdf ? `；薪酬发放表：${pdf}` : ''}${notes.length ? `；${notes.join('；')}` : ''}\n`);
    return 0;
  } catch (e) {
    return failure('cw payroll', e, io.stderr);
  }
}

/**
 * `cw backpay ROSTER.xlsx --policy ID --worker 姓名|身份证号 --from YYYY-MM --to YYYY-MM --out FILE.xlsx
 * [--pdf FILE.pdf] [--paid-sheets a.xlsx,b.xlsx] [--params F] [--force]`: the 补发明细表.
 */
import { CwError, Decimal, backPay, fenText, payrollRows, periodDay, policyParamsOn, reasonText, splitPayrollOverrides, workerKey } from '../engine';
import type { PaidMonth, PayrollRow } from '../engine';
import { backPayDocument } from '../reports/pay-documents';
import { renderPdf } from '../reports/node';
import { backPayWorkbook, readPaidSheet } from '../workbook/payroll';
import type { PaidLine } from '../workbook/payroll';
import type { Io } from './io';
import { failure, parseFlags, readRosterInput, requiredFlag } from './payroll-args';
import { checkOutputPath, writeOutputFile } from './write-file';

const USAGE = 'cw backpay ROSTER.xlsx --policy ID --worker 姓名或身份证号 --from YYYY-MM --to YYYY-MM --out 补发明细表.xlsx [--pdf 补发明细表.pdf] [--paid-sheets 8月.xlsx,9月.xlsx…] [--params 参数.json] [--force]';
const HELP = `用法 / usage:
  ${USAGE}
按职工现在的情况（花名册：岗位、入职日期、职业资格及取证日期……）和各月1日有效的参数，逐月计算应发，与已发比较，
列出每月补发（差额）和合计，并说明原因：哪项参数或事实从何时起变化、依据哪一条。
已发：--paid-sheets 给出各月由 cw payroll 生成的薪酬表（逗号分隔）；没有时用花名册“已发”列（每月相同的应发合计）。
参数变化：在 --params 中给出带日期的值，如 {"基数": [{"from": "2023-01-01", "value": 3400}, {"from": "2026-10-01", "value": 3600}]}，
或在参数表工作表中加“生效日期”列。
退出码：0 已生成；2 输入有误；1 内部错误。
`;

function pickWorker(rows: PayrollRow[], who: string): PayrollRow {
  const t = who.replace(/[\s\u3000]+/g, '').toUpperCase();
  const found = rows.filter((r) => r.idNumber === t || r.name === who.replace(/[\s\u3000]+/g, ''));
  if (found.length === 0) throw new CwError('REQUIRED', `--worker：花名册中没有姓名或身份证号为“${who}”的职工。`, '--worker');
  if (found.length > 1) throw new CwError('INVALID_TYPE', `--worker：“${who}”有 ${found.length} 人（${found.map((r) => `第${r.row}行 ${r.community}`).join('、')}）。请改用身份证号。`, '--worker');
  const r = found[0];
  if (!r.worker) throw new CwError('INVALID_TYPE', `--worker：${r.error ?? `第${r.row}行数据无法读取。`}`, '--worker');
  return r;
}

/** `cw backpay`. */
export async function run(args: string[], io: Io): Promise<number> {
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    io.stdout(HELP);
    return args.length === 0 ? 2 : 0;
  }
  try {
    const p = parseFlags(args, ['--policy', '--worker', '--from', '--to', '--out', '--pdf', '--paid-sheets', '--params'], ['--force'], 'cw backpay');
    if (p.positional.length > 1) throw new CwError('INVALID_TYPE', `多余的参数“${p.positional.slice(1).join(' ')}”。用法：${USAGE}`, 'args');
    const from = periodDay(requiredFlag(p, '--from', '补发开始月份 YYYY-MM'));
    const to = periodDay(requiredFlag(p, '--to', '补发结束月份 YYYY-MM'));
    const who = requiredFlag(p, '--worker', '职工姓名或身份证号');
    const out = requiredFlag(p, '--out', '补发明细表 FILE.xlsx');
    const pdf = p.flags.get('--pdf') as string | undefined;
    const force = p.flags.get('--force') === true;
    const sheets = ((p.flags.get('--paid-sheets') as string | undefined) ?? '').split(/[,，]/).map((s) => s.trim()).filter(Boolean);
    const inputs = [p.positional[0], p.flags.get('--params') as string | undefined, ...sheets];
    checkOutputPath(out, { force, inputs });
    if (pdf) checkOutputPath(pdf, { force, inputs, option: '--pdf' });
    const input = await readRosterInput(p.positional[0], p, USAGE);
    const split = splitPayrollOverrides(input.params);
    const row = pickWorker(payrollRows(input.roster, input.policy, policyParamsOn(input.policy, split.policy, to), to), who);
    const bySheet = new Map<string, { file: string; line: PaidLine | undefined }>();
    for (const file of sheets) {
      const s = await readPaidSheet(file, workerKey);
      if (bySheet.has(s.period)) throw new CwError('INVALID_TYPE', `--paid-sheets：${bySheet.get(s.period)!.file} 与 ${file} 都是 ${s.period} 的薪酬表。`, 'paid');
      bySheet.set(s.period, { file, line: s.byKey.get(row.key) });
    }
    const paid = (period: string): PaidMonth | null => {
      const s = bySheet.get(period);
      if (s) {
        if (!s.line) throw new CwError('REQUIRED', `--paid-sheets：${s.file}（${period}）中没有 ${row.name}。`, 'paid');
        return { total: s.line.total, items: s.line.items, source: `${period} 薪酬表` };
      }
      return row.paid ? { total: row.paid, source: '花名册“已发”列' } : null;
    };
    const statement = backPay({ ...row.worker!, asOf: to }, { from, to, params: split.policy, paid });
    const who2 = { name: row.name, idNumber: row.idNumber, community: row.community };
    writeOutputFile(out, await backPayWorkbook(who2, input.policy.name, statement), { force, inputs });
    if (pdf) writeOutputFile(pdf, await renderPdf(backPayDocument(input.policy, who2, statement)), { force, inputs, option: '--pdf' });
    const lines = [`${row.name}（${row.community}，第${row.row}行）补发明细，${statement.months[0].period} 至 ${statement.months.at(-1)!.period}：`];
    for (const m of statement.months) lines.push(`  ${m.period}  应发 ${fenText(m.dueTotal)}  已发 ${fenText(m.paid.total)}  补发 ${fenText(m.difference)}`);
    lines.push(`  合计补发 ${fenText(statement.total)}（${statement.months.filter((m) => !m.difference.isZero()).length} 个月）`);
    for (const r of statement.reasons) lines.push(`  原因：${reasonText(r)}`);
    if (statement.total.isZero() && statement.months.every((m) => m.difference.equals(new Decimal(0)))) lines.push('  各月应发与已发一致，无需补发。');
    lines.push(`已生成：${out}${pdf ? `、${pdf}` : ''}`);
    io.stdout(lines.join('\n') + '\n');
    return 0;
  } catch (e) {
    return failure('cw backpay', e, io.stderr);
  }
}

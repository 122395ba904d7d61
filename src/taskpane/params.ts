/**
 * The 参数表 the pane creates: the same layout as templates/params.xlsx (scripts/make-templates.ts)
 * — 参数名, 本地值, 文件规定值, 单位, 依据, 说明 — one row per parameter of the policy
 * (`policy.params.defs`, what CW.PARAMS spills), the rows a clerk must fill marked, and a last
 * column 生效日期: a value that changes on a date gets one more row with the same 参数名 and the
 * date it starts (src/reports/params-sheet.ts reads the rows as the engine's dated values).
 */
import { citeText, mustSupply, payrollParams } from '../engine';
import type { Cell, Policy } from '../engine';

export const PARAM_HEADERS = ['参数名', '本地值（空＝按文件规定）', '文件规定值', '单位', '依据', '说明', '生效日期'] as const;
/** The template's fill for a required value's row. */
export const REQUIRED_FILL = '#FFE699';

/** The sheet name the pane gives a policy's 参数表 (as in templates/params.xlsx: 本溪参数表 …). */
export function paramSheetName(policy: Policy): string {
  return `${policy.name}参数表`;
}

/**
 * The rows of a new 参数表, the rows to mark as required (1-based), and the rows of the local payroll
 * figures (代扣代缴, required by 月度工资 only) that follow the policy's rows: `cw payroll` and the pane
 * read them from the same sheet (docs/payroll.md).
 */
export function paramSheet(policy: Policy): { rows: Cell[][]; required: number[]; payrollRequired: number[] } {
  const rows: Cell[][] = [[...PARAM_HEADERS]];
  const required: number[] = [];
  for (const d of policy.params.defs) {
    const need = mustSupply(d);
    if (need) required.push(rows.length + 1);
    rows.push([
      d.key,
      null,
      d.value === undefined ? '（未规定）' : (d.value as string | number | boolean),
      d.unit,
      citeText(d.citation),
      need ? `必填：${d.label}。文件未规定数额，请按本地标准填写“本地值”；未填写时用到它的薪酬显示 #VALUE!（缺少参数）。`
        : d.value === undefined ? `可选：${d.label}。未填写时不影响薪酬计算。` : d.label,
    ]);
  }
  const payrollRequired: number[] = [];
  for (const d of payrollParams.defs.filter(mustSupply)) {
    payrollRequired.push(rows.length + 1);
    rows.push([d.key, null, '（未规定）', d.unit, citeText(d.citation), `月度工资必填：${d.label}。国家规定由当地确定，没有默认值；只算应发时可不填。`]);
  }
  const last = rows.length;
  rows.push([]);
  rows.push([
    `用法：在“本地值”列填写本县区的标准即可替代文件规定值，空白表示按文件规定。公式可引用 '${paramSheetName(policy)}'!$A$2:$B$${last}。也可在任意单元格输入 =CW.PARAMS("${policy.name}") 列出全部参数。标准自某日起调整时，另起一行填写同一参数名、新的本地值和“生效日期”（如 2026-07-01），原来一行也填上它的生效日期（如文件施行日期）：同一参数有多行时，每行都要有生效日期。`,
  ]);
  return { rows, required, payrollRequired };
}

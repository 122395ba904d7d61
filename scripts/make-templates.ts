/**
 * Writes the workbook templates in templates/ (run `npm run templates`; the outputs are committed):
 *
 *   benxi-pay.xlsx    本溪 pay sheet: worker facts, CW.TENURE/GRADE/PAY formulas, a 参数表 sheet
 *   xiamen-pay.xlsx   厦门 pay sheet: the same, with the 岗位津贴 rows of its 参数表 left blank
 *                     for the district to fill (pay shows #VALUE! 缺少参数 until then)
 *   params.xlsx       a standalone 参数表 per policy, to copy into any workbook
 *
 * Formulas are stored the way Excel stores a JavaScript custom function in a file
 * (`_xldudf_CW_PAY(…)`), so the add-in binds them when the workbook opens; the cached results
 * are computed by the very same functions (src/functions/core.ts), so the sheet shows the right
 * figures even before Excel recalculates.
 */
import * as path from 'path';
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import { withFuturePrefixes } from '../src/workbook/excel-functions';
import { pinZipTimestamps } from '../src/workbook/write';
import { POLICIES, citeText, dayNumberOf, mustSupply, policyOf, toExcelSerial } from '../src/engine';
import type { ParamDef, Policy } from '../src/engine';
import { GRADE, PAY, TENURE } from '../src/functions/core';
import type { FnResult } from '../src/functions/core';
import { isFnError, errorText } from '../src/functions/errors';

const OUT = path.join(__dirname, '..', 'templates');
/** The as-of date the templates open with; the clerk overwrites it. */
const AS_OF = { y: 2024, m: 7, d: 1 };
const PARAM_SHEET = '参数表';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE9F7' } };
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4CE' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE08A' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

/** A JavaScript Date that exceljs writes as the Excel serial of this civil date. */
function dateCell(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}
function serial(y: number, m: number, d: number): number {
  return toExcelSerial(dayNumberOf(y, m, d));
}

/** A workbook with fixed document dates, so regenerating an unchanged template changes little. */
function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cwkit';
  wb.lastModifiedBy = 'cwkit';
  wb.created = new Date(Date.UTC(2024, 6, 1));
  wb.modified = new Date(Date.UTC(2024, 6, 1));
  return wb;
}

/**
 * How Excel stores a formula in a file: =CW.NAME( as the custom function `_xldudf_CW_NAME(`, and
 * functions newer than Excel 2007 with their future-function prefix (IFNA → `_xlfn.IFNA`), without
 * which Excel shows #NAME?.
 */
function stored(formula: string): string {
  return withFuturePrefixes(formula.replace(/\bCW\.([A-Z]+)\(/g, '_xldudf_CW_$1('));
}

/** The cached value of a formula cell, from the same implementation Excel will run. */
function cached(r: FnResult, naAsZero = false): ExcelJS.CellFormulaValue['result'] {
  if (isFnError(r)) {
    if (naAsZero && errorText(r) === '#N/A') return 0;
    return { error: errorText(r) };
  }
  if (Array.isArray(r)) return r[0][0] as number | string;
  return r;
}

/** Writes one policy's 参数表: key, local value (blank = the document's figure), document value, unit, citation, note. */
function writeParamSheet(ws: ExcelJS.Worksheet, policy: Policy, localValues: Record<string, number> = {}): number {
  ws.columns = [
    { header: '参数名', key: 'key', width: 30 },
    { header: '本地值（空＝按文件规定）', key: 'local', width: 22 },
    { header: '文件规定值', key: 'doc', width: 14 },
    { header: '单位', key: 'unit', width: 12 },
    { header: '依据', key: 'cite', width: 36 },
    { header: '说明', key: 'label', width: 70 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).eachCell((c) => { c.fill = HEADER_FILL; c.border = THIN; });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  policy.params.defs.forEach((d: ParamDef, i: number) => {
    const required = mustSupply(d);
    const row = ws.getRow(i + 2);
    row.values = [
      d.key,
      localValues[d.key] ?? null,
      d.value === undefined ? '（未规定）' : (d.value as number | string | boolean),
      d.unit,
      citeText(d.citation),
      required ? `必填：${d.label}。文件未规定数额，请按本地标准填写“本地值”；未填写时用到它的薪酬显示 #VALUE!（缺少参数）。`
        : d.value === undefined ? `可选：${d.label}。未填写时不影响薪酬计算。` : d.label,
    ];
    row.getCell(2).fill = required ? REQUIRED_FILL : INPUT_FILL;
    row.eachCell({ includeEmpty: true }, (c) => { c.border = THIN; });
  });
  const last = policy.params.defs.length + 1;
  const note = ws.getCell(`A${last + 2}`);
  note.value = `用法：在“本地值”列填写本县区的标准即可替代文件规定值，空白表示按文件规定。薪酬表中的公式引用 '${PARAM_SHEET}'!$A$2:$B$${last}。也可在任意单元格输入 =CW.PARAMS("${policy.name}") 列出全部参数。`;
  note.font = { italic: true, color: { argb: 'FF595959' } };
  return last;
}

interface Worker {
  name: string;
  post: string;
  entry: [number, number, number];
  education?: string;
  degree?: string;
  certificate?: string;
  /** Ratings of the three years before the as-of year, oldest first ('' = not rated). */
  ratings: [string, string, string];
}

interface PayColumn {
  header: string;
  item: string | null;
  /** True for an allowance some workers do not have: the cell shows 0 instead of #N/A. */
  optional?: boolean;
}

interface PaySheetSpec {
  file: string;
  policy: string;
  title: string;
  notes: string[];
  workers: Worker[];
  pay: PayColumn[];
  /** Number format of the 计龄 column (厦门's effective years are fractional). */
  tenureFormat?: string;
}

async function writePayWorkbook(spec: PaySheetSpec): Promise<void> {
  const policy = policyOf(spec.policy);
  const wb = newWorkbook();
  wb.calcProperties.fullCalcOnLoad = true;
  const ws = wb.addWorksheet('薪酬表', { views: [{ state: 'frozen', ySplit: 4, xSplit: 2 }] });
  const params = wb.addWorksheet(PARAM_SHEET);
  const lastParamRow = writeParamSheet(params, policy);
  const help = wb.addWorksheet('说明');

  const paramRange = `'${PARAM_SHEET}'!$A$2:$B$${lastParamRow}`;
  const facts = ['序号', '姓名', '岗位', '入职日期', '学历', '学位', '职业资格'];
  const ratingCols = ['H', 'I', 'J'];
  const headers = [...facts, '', '', '', spec.tenureFormat ? '有效年限（年）' : '计龄（年）', '岗位等级', ...spec.pay.map((p) => p.header)];
  const colLetter = (i: number) => String.fromCharCode(65 + i);

  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell('A1').value = spec.title;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = '政策';
  ws.getCell('B2').value = policy.name;
  ws.getCell('C2').value = '计算日期';
  ws.getCell('D2').value = dateCell(AS_OF.y, AS_OF.m, AS_OF.d);
  ws.getCell('D2').numFmt = 'yyyy-mm-dd';
  for (const a of ['B2', 'D2']) ws.getCell(a).fill = INPUT_FILL;
  ws.mergeCells(3, 1, 3, headers.length);
  ws.getCell('A3').value = spec.notes[0];
  ws.getCell('A3').font = { color: { argb: 'FF595959' } };

  const header = ws.getRow(4);
  headers.forEach((h, i) => { header.getCell(i + 1).value = h; });
  ratingCols.forEach((c, k) => {
    ws.getCell(`${c}4`).value = { formula: `"考核"&(YEAR($D$2)-${3 - k})`, result: `考核${AS_OF.y - 3 + k}` };
  });
  header.font = { bold: true };
  header.eachCell((c) => { c.fill = HEADER_FILL; c.border = THIN; c.alignment = { horizontal: 'center', wrapText: true }; });
  ws.getRow(4).height = 30;

  const asOf = serial(AS_OF.y, AS_OF.m, AS_OF.d);
  const paramMatrix = () => policy.params.defs.map((d) => [d.key, null]);
  spec.workers.forEach((w, i) => {
    const r = 5 + i;
    const row = ws.getRow(r);
    const entry = serial(...w.entry);
    row.getCell(1).value = i + 1;
    row.getCell(2).value = w.name;
    row.getCell(3).value = w.post;
    row.getCell(4).value = dateCell(...w.entry);
    row.getCell(4).numFmt = 'yyyy-mm-dd';
    row.getCell(5).value = w.education ?? null;
    row.getCell(6).value = w.degree ?? null;
    row.getCell(7).value = w.certificate ?? null;
    w.ratings.forEach((x, k) => { row.getCell(8 + k).value = x || null; });
    const ratings = `H${r}:J${r}`;
    const args = `$B$2,C${r},D${r},$D$2,${ratings},E${r},F${r},G${r}`;
    // What Excel passes for this row: serials, ranges as arrays, empty cells as null.
    const rv = [w.ratings.map((x) => x || null)];
    const e = [policy.name, w.post, entry, asOf, rv, w.education ?? null, w.degree ?? null] as const;
    row.getCell(11).value = { formula: stored(`CW.TENURE($B$2,D${r},$D$2,${ratings})`), result: cached(TENURE(policy.name, entry, asOf, rv)) };
    if (spec.tenureFormat) row.getCell(11).numFmt = spec.tenureFormat;
    row.getCell(12).value = {
      formula: stored(`CW.GRADE($B$2,C${r},D${r},$D$2,${ratings},E${r},F${r},,${paramRange})`),
      result: cached(GRADE(...e, null, paramMatrix())),
    };
    spec.pay.forEach((p, k) => {
      const item = p.item === null ? '' : `"${p.item}"`;
      const call = `CW.PAY(${args},${item},${paramRange})`;
      const value = PAY(...e, w.certificate ?? null, p.item, paramMatrix());
      row.getCell(13 + k).value = {
        formula: stored(p.optional ? `IFNA(${call},0)` : call),
        result: cached(value, p.optional),
      };
      row.getCell(13 + k).numFmt = '#,##0.00';
    });
    row.eachCell({ includeEmpty: true }, (c) => { c.border = THIN; });
    for (let c = 1; c <= 10; c++) row.getCell(c).fill = INPUT_FILL;
  });
  const totalRow = ws.getRow(5 + spec.workers.length);
  totalRow.getCell(2).value = '合计';
  spec.pay.forEach((_, k) => {
    const col = colLetter(12 + k);
    // (Cell.result, not Cell.value: exceljs's value getter drops a cached result of 0.)
    const results = spec.workers.map((w, i) => ws.getCell(`${col}${5 + i}`).result);
    const sum = results.every((v) => typeof v === 'number') ? results.reduce((s: number, v) => s + (v as number), 0) : { error: '#VALUE!' as const };
    totalRow.getCell(13 + k).value = { formula: `SUM(${col}5:${col}${4 + spec.workers.length})`, result: typeof sum === 'number' ? Math.round(sum * 100) / 100 : sum };
    totalRow.getCell(13 + k).numFmt = '#,##0.00';
  });
  totalRow.font = { bold: true };
  ws.columns.forEach((c, i) => { c.width = i === 0 ? 6 : i === 1 ? 10 : i === 3 ? 12 : 11; });

  help.getColumn(1).width = 110;
  const lines = [
    `${spec.title} — 使用说明`,
    '',
    '1. 需要加载“社区工作者薪酬工具”加载项（manifest.xml，安装方法见 docs/functions.md）。加载后打开本表即可看到计算结果。',
    '   若公式显示为 _xldudf_CW_… 或 #NAME?，说明加载项尚未加载：加载后选中公式单元格按 F2 再按回车即可。',
    '2. 在“薪酬表”的 计算日期（D2）填写发薪月份中的日期；黄色单元格为需要填写的职工信息。',
    '3. 考核列为计算日期之前的三个年度，列标题随计算日期自动显示年份；留空表示未考核。',
    `4. 参数在“${PARAM_SHEET}”工作表：“本地值”列空白表示按文件规定，填写后即替代文件规定值。`,
    '5. 出错的单元格显示 #VALUE! 或 #N/A：指向单元格左上角的错误标记即可看到中文原因，例如“缺少参数”“无法识别岗位”。',
    `6. 想看某人的计算过程，在空白处输入 =CW.EXPLAIN(B2,C5,D5,D2,H5:J5,E5,F5,G5,,'${PARAM_SHEET}'!A2:B${lastParamRow})。`,
    ...spec.notes.slice(1),
  ];
  lines.forEach((t, i) => { help.getCell(`A${i + 1}`).value = t; });
  help.getCell('A1').font = { bold: true, size: 13 };

  await writeStable(wb, spec.file);
  console.log(`templates/${spec.file}  ${spec.workers.length} 名示例职工`);
}

/** Writes a template with its zip entries' times pinned to the document date: an unchanged template regenerates byte for byte. */
async function writeStable(wb: ExcelJS.Workbook, file: string): Promise<void> {
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  fs.writeFileSync(path.join(OUT, file), pinZipTimestamps(bytes, wb.created));
}

async function writeParamsWorkbook(): Promise<void> {
  const wb = newWorkbook();
  const readme = wb.addWorksheet('说明');
  readme.getColumn(1).width = 110;
  [
    '参数表模板 — 每个政策一张工作表。',
    '把对应政策的工作表复制到薪酬工作簿，公式最后一个参数引用它的 A、B 两列（例如 参数表!$A$2:$B$40）。',
    '“本地值”空白表示按文件规定；黄色深色行是文件未规定、必须由本地填写的参数。',
    '参数名不可改动；多余的空行会被忽略。',
  ].forEach((t, i) => { readme.getCell(`A${i + 1}`).value = t; });
  for (const p of POLICIES) writeParamSheet(wb.addWorksheet(`${p.name}参数表`), p);
  await writeStable(wb, 'params.xlsx');
  console.log(`templates/params.xlsx  ${POLICIES.length} 个政策`);
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  await writePayWorkbook({
    file: 'benxi-pay.xlsx',
    policy: '本溪',
    title: '本溪市社区工作者薪酬计算表（本民发〔2022〕41号）',
    notes: ['黄色为填写项；计龄、岗位等级和薪酬由 CW 函数按本民发〔2022〕41号计算（基数、系数等见“参数表”）。'],
    pay: [
      { header: '基础工资', item: '基础工资' },
      { header: '绩效工资', item: '绩效工资' },
      { header: '职业津贴', item: '职业津贴', optional: true },
      { header: '薪酬合计', item: null },
    ],
    workers: [
      { name: '职工甲', post: '正职', entry: [2009, 3, 1], education: '本科', degree: '学士', certificate: '社会工作师', ratings: ['合格', '优秀', '合格'] },
      { name: '职工乙', post: '副职', entry: [2000, 9, 1], education: '大专', ratings: ['合格', '合格', '合格'] },
      { name: '职工丙', post: '副书记', entry: [2016, 7, 15], education: '本科', degree: '学士', certificate: '助理社会工作师', ratings: ['优秀', '合格', '合格'] },
      { name: '职工丁', post: '工作人员', entry: [2021, 4, 1], education: '大专', ratings: ['', '合格', '不合格'] },
      { name: '职工戊', post: '委员', entry: [2012, 10, 8], education: '硕士研究生', degree: '硕士', certificate: '高级社会工作师', ratings: ['合格', '合格', '优秀'] },
      { name: '职工己', post: '书记', entry: [1995, 1, 3], education: '中专', ratings: ['优秀', '优秀', '合格'] },
      { name: '职工庚', post: '专职工作人员', entry: [2023, 11, 20], education: '本科', degree: '学士', ratings: ['', '', '合格'] },
      { name: '职工辛', post: '副主任', entry: [2006, 5, 1], education: '大专', certificate: '社会工作师', ratings: ['基本合格', '合格', '合格'] },
    ],
  });
  await writePayWorkbook({
    file: 'xiamen-pay.xlsx',
    policy: '厦门',
    tenureFormat: '0.00',
    title: '厦门市社区工作者薪酬计算表（厦民规〔2020〕2号）',
    notes: [
      '黄色为填写项。岗位津贴由各区制定：请先在“参数表”填写 岗位津贴.* 四行的本地值，填好之前薪酬列显示 #VALUE!（缺少参数）。',
      `7. 厦门的岗位津贴（厦民规〔2020〕2号 第十一条（三））由各区制定，文件未规定数额，本模板不预填：请在“${PARAM_SHEET}”填写 岗位津贴.正职、岗位津贴.副职、岗位津贴.专职委员、岗位津贴.其他社区工作者 的本地值。`,
      '8. 有效年限按实际工作年限计至计算日期上月末，优秀每年加0.5年、基本合格减0.5年、不合格减1年（第十一条（二））。',
    ],
    pay: [
      { header: '基本工资', item: '基本工资' },
      { header: '岗位工资', item: '岗位工资' },
      { header: '岗位津贴', item: '岗位津贴' },
      { header: '绩效报酬', item: '绩效报酬' },
      { header: '学历津贴', item: '学历津贴', optional: true },
      { header: '职业津贴', item: '职业津贴', optional: true },
      { header: '薪酬合计', item: null },
    ],
    workers: [
      { name: '职工甲', post: '正职', entry: [2010, 3, 1], education: '本科', degree: '学士', certificate: '社会工作师', ratings: ['合格', '优秀', '合格'] },
      { name: '职工乙', post: '副职', entry: [2004, 6, 1], education: '大专', ratings: ['合格', '合格', '合格'] },
      { name: '职工丙', post: '专职委员', entry: [2017, 9, 1], education: '硕士研究生', degree: '学士', certificate: '助理社会工作师', ratings: ['优秀', '合格', '基本合格'] },
      { name: '职工丁', post: '其他社区工作者', entry: [2021, 5, 10], education: '本科', ratings: ['', '合格', '合格'] },
      { name: '职工戊', post: '其他社区工作者', entry: [2013, 12, 1], education: '大专', certificate: '高级社会工作师', ratings: ['合格', '不合格', '合格'] },
      { name: '职工己', post: '书记', entry: [2001, 8, 15], education: '本科', degree: '学士', ratings: ['优秀', '优秀', '优秀'] },
    ],
  });
  await writeParamsWorkbook();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

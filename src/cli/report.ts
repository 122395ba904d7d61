import { policyIds, CwError, policyOf, todayInChina, civilOf } from '../engine';
import { buildReport, missingGlyphs, missingText, periodStart, prepareReport, reportKindOf, REPORT_KINDS, REPORT_TITLES } from '../reports';
import { rosterParams } from './params-file';
import { drawsItself, renderPdf, renderReport } from '../reports/node';
import { buildReportSheet } from '../reports/sheet/builders';
import { readRosterFile } from '../workbook/read';
import { Io, processIo } from './io';
import { checkOutputPath, writeOutputFile } from './write-file';
import { LIMIT_HELP, LimitOptions, takeLimit, workbookLimits } from './limits';

const HELP = `用法 / usage:
  cw report KIND ROSTER.xlsx --policy ID --out FILE.pdf [选项]   从花名册生成可打印的 PDF 报表（A4）
KIND（报表）:
${REPORT_KINDS.map((k) => `  ${k.padEnd(11)} ${REPORT_TITLES[k]}`).join('\n')}
  也可写中文名称，如 薪酬发放表、配备情况统计表、个人核定表、退休名单。
选项 / options:
  --policy ID        政策：${policyIds()}
  --out FILE.pdf     输出文件（不会覆盖已有文件，也不会写到花名册或参数文件上）
  --out FILE.xlsx    改为输出可打印的工作表（A4、每页重复表头、页脚“第 N 页 / 共 M 页”，内容同 PDF），
                     适用于不能运行加载项的 Excel 2016/2019：在 Excel 中打印或另存为 PDF
  --force            输出文件已存在时替换它（先写临时文件再替换，失败时原文件不变）
  --period YYYY-MM   报表期间（默认本月）；按该月1日计算，PDF 的文档日期也取该日，同样输入得到同样的文件
  --months N         退休到龄名单：N 个月内达到法定退休年龄（默认 6）
  --params FILE.json 参数表 {"参数名": 值}（或按政策分组，与 cw calc --params 相同）；
                     工作簿中的“参数表”工作表（参数名、本地值两列）也会读取，--params 优先
  --unit NAME        只含该区县、街道或社区
  --progress / --no-progress  是否在标准错误输出显示进度条（默认：终端上显示）
${LIMIT_HELP}
厦门（岗位津贴）、宁夏（等级表、城市月平均工资）、长春新区（薪酬表）、通州（各项工资）的本地数额
文件未规定，必须用参数表提供，否则报“缺少参数”。
退出码：0 已生成；2 输入有误（文件、政策、参数、报表名称）；1 内部错误。
`;

interface Args extends LimitOptions {
  kind?: string;
  file?: string;
  policy?: string;
  out?: string;
  period?: string;
  months?: number;
  params?: string;
  unit?: string;
  progress?: boolean;
  force?: boolean;
}

function parseArgs(args: string[]): Args {
  const out: Args = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const [flag, inline] = eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const take = (): string => {
      if (inline !== undefined) return inline;
      const v = args[i + 1];
      if (v === undefined || v.startsWith('--')) throw new CwError('REQUIRED', `${flag} 需要一个值。`, flag);
      i++;
      return v;
    };
    if (takeLimit(flag, take, out)) continue;
    switch (flag) {
      case '--policy': case '-p': out.policy = take(); break;
      case '--out': case '-o': out.out = take(); break;
      case '--period': out.period = take(); break;
      case '--months': {
        const v = take();
        if (!/^\d+$/.test(v)) throw new CwError('INVALID_NUMBER', `--months：“${v}”不是非负整数。可用：如 6、12。`, '--months');
        out.months = Number(v);
        break;
      }
      case '--params': out.params = take(); break;
      case '--unit': out.unit = take(); break;
      case '--progress': out.progress = true; break;
      case '--no-progress': out.progress = false; break;
      case '--force': out.force = true; break;
      default:
        if (a.startsWith('-')) throw new CwError('UNKNOWN_FIELD', `未知选项“${a}”。可用：--policy、--out、--force、--period、--months、--params、--unit、--progress、--max-rows、--max-size。`, a);
        positional.push(a);
    }
  }
  if (positional.length > 2) throw new CwError('INVALID_TYPE', `多余的参数“${positional.slice(2).join(' ')}”。用法：cw report KIND ROSTER.xlsx --policy ID --out FILE.pdf。`, 'args');
  [out.kind, out.file] = positional;
  return out;
}

/** A one-line progress bar on standard error (redrawn in place). */
class Bar {
  private last = '';
  constructor(private readonly io: Io, private readonly on: boolean) {}
  show(stage: string, share: number): void {
    if (!this.on) return;
    const p = Math.max(0, Math.min(1, share));
    const width = 24;
    const full = Math.round(p * width);
    const line = `\r${stage} [${'#'.repeat(full)}${'-'.repeat(width - full)}] ${String(Math.round(p * 100)).padStart(3)}%`;
    if (line === this.last) return;
    this.last = line;
    this.io.stderr(line);
  }
  done(): void {
    if (this.on && this.last) this.io.stderr('\r' + ' '.repeat(this.last.length) + '\r');
    this.last = '';
  }
}

/** `cw report`: builds one of the six statutory reports from a roster workbook and writes it as PDF. */
export async function run(args: string[], io: Io): Promise<number> {
  if (args.includes('--help') || args.includes('-h') || args.length === 0) {
    io.stdout(HELP);
    return args.length === 0 ? 2 : 0;
  }
  let bar: Bar | null = null;
  try {
    const a = parseArgs(args);
    if (!a.kind) throw new CwError('REQUIRED', `缺少报表名称 KIND。可用：${REPORT_KINDS.join('、')}。`, 'kind');
    const kind = reportKindOf(a.kind);
    if (!a.file) throw new CwError('REQUIRED', '缺少花名册文件 ROSTER.xlsx。用法：cw report KIND ROSTER.xlsx --policy ID --out FILE.pdf。', 'file');
    if (!a.policy) throw new CwError('REQUIRED', `缺少 --policy。可用：${policyIds()}。`, '--policy');
    if (!a.out) throw new CwError('REQUIRED', '缺少 --out FILE.pdf（输出文件）。', '--out');
    const policy = policyOf(a.policy);
    const period = a.period ?? (() => {
      const { y, m } = civilOf(todayInChina());
      return `${y}-${String(m).padStart(2, '0')}`;
    })();
    periodStart(period);
    // Refused at once (own input, existing file, folder, link) rather than after the work; a missing
    // output folder is made when writing, as `--out out/payroll.pdf` in a fresh clone expects.
    const outputOptions = { force: a.force, inputs: [a.file, a.params] };
    checkOutputPath(a.out, outputOptions);
    bar = new Bar(io, a.progress ?? (io === processIo && process.stderr.isTTY === true));

    bar.show('读取花名册', 0);
    const read = await readRosterFile(a.file, { limits: workbookLimits(a), onRows: () => bar!.show('读取花名册', 0.05) });
    if (!read.roster) throw new CwError('REQUIRED', `${a.file}：${read.notes.join(' ')}`, 'file');
    const { params, notes } = await rosterParams(read.grids, policy, a.params, { payroll: false });

    const data = prepareReport(kind, read.roster, {
      policy: policy.id, period, params, months: a.months, unit: a.unit ?? null,
      onProgress: (done, total) => bar!.show('计算', total ? done / total : 1),
    });
    if (/\.xlsx$/i.test(a.out)) {
      // The print-ready worksheet the add-in writes, as a file (no font needed: Excel prints it).
      bar.show('写入工作表', 0.9);
      const sheet = buildReportSheet(data);
      // exceljs is loaded only for an .xlsx output (a quarter of a second of start-up).
      const { reportSheetXlsx } = await import('../reports/sheet/xlsx');
      writeOutputFile(a.out, await reportSheetXlsx(sheet), outputOptions);
      bar.done();
      io.stdout(`已生成 ${data.title}工作表“${sheet.name}”（${data.policyName}，${data.periodText}，${data.workers.length} 名职工，A4 ${sheet.page.orientation === 'landscape' ? '横向' : '纵向'}）：${a.out}\n`);
      return 0;
    }
    // Reports Node draws itself need no pdfmake document: their own texts are the data's.
    const doc = drawsItself(data) ? null : buildReport(data);
    const missing = missingGlyphs(data, doc ?? { content: [] });
    bar.show('排版', 0);
    const progress = (share: number) => bar!.show('绘制页面', share);
    const pdf = doc ? await renderPdf(doc, progress) : await renderReport(data, progress);
    writeOutputFile(a.out, pdf, outputOptions);
    bar.done();

    const failed = data.workers.filter((w) => (kind === 'payroll' || kind === 'worker' || kind === 'funding') && !w.pay);
    for (const m of missing) io.stderr(`警告：${missingText(m)}\n`);
    if (failed.length) io.stderr(`警告：${failed.length} 名职工未能核算（${failed.slice(0, 3).map((w) => `第${w.row}行 ${w.name}`).join('、')}${failed.length > 3 ? '…' : ''}），名单列在报表末尾。\n`);
    const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    io.stdout(`已生成 ${data.title}（${data.policyName}，${data.periodText}，${data.workers.length} 名职工，${pages} 页）：${a.out}${notes.length ? `；${notes.join('；')}` : ''}\n`);
    return 0;
  } catch (e) {
    bar?.done();
    if (e instanceof CwError) {
      const hint = e.code === 'MISSING_PARAM' ? '（cw report：用 --params 参数.json，或在工作簿中加“参数表”工作表（参数名、本地值两列）提供。）' : '';
      io.stderr(`cw report：${e.message}${hint}\n`);
      return 2;
    }
    io.stderr(`cw report：内部错误：${(e as Error)?.message ?? String(e)}。请把文件和此信息报告给维护者。\n`);
    return 1;
  }
}

/**
 * The LibreOffice baseline of the payroll register (issue 11): `soffice --headless --convert-to pdf`
 * printing the same rows from a formatted .xlsx (A4 landscape, the header row repeated on every
 * page, the register's columns, borders and two-decimal amounts), CPU time of soffice and its
 * children, alternated run by run with the whole `cw report payroll` command. LibreOffice is not a
 * dependency: when `soffice` is absent the bench says so and how to install it.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { describe, minMedian } from './measure';
import type { Measured } from './measure';
import type { Roster } from '../src/engine/roster';

/** What the bench prints when LibreOffice is not installed. */
export const NOT_INSTALLED =
  'LibreOffice baseline: soffice is not installed, not measured. Install it with `apt-get install -y --no-install-recommends libreoffice-calc-nogui` (the bench only; CI does not need it)';

/** The soffice command on PATH, or null. */
export function sofficeCommand(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

/** The register's rows as a formatted workbook: what a clerk would print from Excel or LibreOffice. */
export async function writeRegisterXlsx(file: string, roster: Roster, policy: string, period: string): Promise<number> {
  const { prepareReport } = await import('../src/reports');
  const data = prepareReport('payroll', roster, { policy, period });
  const items = data.itemNames ?? [];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('发放表', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1', margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  ws.columns = [
    { header: '序号', width: 6 }, { header: '姓名', width: 10 }, { header: '岗位类别', width: 12 }, { header: '等级', width: 6 }, { header: '计龄(年)', width: 8 },
    ...items.map((name) => ({ header: name, width: 11 })), { header: '应发合计', width: 12 }, { header: '领取人签字', width: 14 },
  ];
  let rows = 0;
  data.workers.forEach((w, i) => {
    if (!w.pay) return;
    const amounts = items.map((it) => {
      const a = w.pay!.items.find((x) => x.name === it)?.amount;
      return a === undefined ? null : Number(a);
    });
    ws.addRow([i + 1, w.name, w.post, w.pay.grade, w.pay.years, ...amounts, Number(w.pay.total), '']);
    rows++;
  });
  const thin = { style: 'thin' } as const;
  ws.eachRow((row, n) => {
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.border = { top: thin, bottom: thin, left: thin, right: thin };
      c.font = { size: 9, bold: n === 1 };
      if (n > 1 && col > 5 && col < 6 + items.length + 1) c.numFmt = '#,##0.00';
    });
  });
  await wb.xlsx.writeFile(file);
  return rows;
}

/** One `soffice --convert-to pdf` run: CPU of soffice and all it starts, and the peak RSS of the largest. */
function measureSoffice(soffice: string, xlsx: string, outDir: string, home: string): Measured {
  const t0 = process.hrtime.bigint();
  // GNU time reports the waited-for children's rusage; soffice forks soffice.bin.
  const r = spawnSync('/usr/bin/time', ['-f', 'CW-TIME %U %S %M', soffice, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, xlsx], {
    encoding: 'utf8',
    env: { ...process.env, HOME: home },
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const line = (r.stderr ?? '').split('\n').find((l) => l.startsWith('CW-TIME '));
  if (r.status !== 0 || !line) throw new Error(`soffice failed (status ${r.status}): ${(r.stderr ?? '').slice(0, 400)}`);
  const [u, s, kb] = line.slice(8).split(' ').map(Number);
  return { cpuMs: (u + s) * 1000, rssBytes: kb * 1024, wallMs, status: r.status, stdout: Buffer.alloc(0), stderr: '' };
}

/** Pages of a PDF file (its page objects). */
function pagesOf(file: string): number {
  return (fs.readFileSync(file).toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
}

/**
 * The whole command (`runWhole(i)`, run i of three) beside LibreOffice printing the same rows,
 * alternating whole, soffice, whole, soffice …; prints both with min, median and peak RSS and
 * the ratio of the medians. Without soffice, the whole command alone and {@link NOT_INSTALLED}.
 */
export async function wholeBesideLibreOffice(runWhole: (i: number) => Measured, roster: Roster, dir: string, print: (line: string) => void, policy = 'benxi-2022', period = '2026-12'): Promise<void> {
  const soffice = sofficeCommand();
  const whole: Measured[] = [];
  const lo: Measured[] = [];
  let rows = 0;
  const xlsx = path.join(dir, 'register.xlsx');
  const home = path.join(dir, 'lo-home');
  if (soffice) {
    rows = await writeRegisterXlsx(xlsx, roster, policy, period);
    fs.mkdirSync(home, { recursive: true });
    measureSoffice(soffice, xlsx, dir, home); // first start writes the user profile: not counted
  }
  for (let i = 0; i < 3; i++) {
    whole.push(runWhole(i));
    if (soffice) lo.push(measureSoffice(soffice, xlsx, dir, home));
  }
  const peak = Math.max(...whole.map((m) => m.rssBytes)) / 1e6;
  print(`whole command, cw report payroll (.xlsx roster → PDF): ${describe(whole)} (≤ 300 MB: ${peak <= 300 ? 'met' : 'NOT met'})`);
  if (!soffice) {
    print(NOT_INSTALLED);
    return;
  }
  const ratio = minMedian(whole.map((m) => m.cpuMs)).median / minMedian(lo.map((m) => m.cpuMs)).median;
  print(`LibreOffice ${path.basename(soffice)} --convert-to pdf, the same ${rows.toLocaleString('en-US')} rows from a formatted .xlsx (${pagesOf(path.join(dir, 'register.pdf'))} pages): ${describe(lo)} → whole command ${ratio.toFixed(2)}× LibreOffice (target ≤ 1.0×: ${ratio <= 1 ? 'met' : 'NOT met'})`);
}

/**
 * The payroll register, 5,000 workers (本溪, generated roster), issue 11: cwkit's drawn register
 * beside a bare PDFKit writer of the same rows and font (bench/reports-runner.ts `bareRegister`),
 * rendering CPU over three alternating runs, each in its own process (peak RSS its own); the
 * pdfmake layout of the same register (the browser's path) once for reference; then the whole
 * `cw report payroll` command on an .xlsx of the same roster beside LibreOffice printing the same
 * rows from a formatted .xlsx, when `soffice` is installed (it is not by default: said so).
 * Also the per-worker report (个人核定表) of the 580-worker sample: its rendering beside bare PDFKit
 * writing the same texts, and the whole command from the CLI (three alternating runs each).
 * Targets: rendering ≤ 1.5× bare PDFKit; whole command ≤ 1.0× LibreOffice; ≤ 300 MB; per-worker ≤ 5 s CPU.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { generateSampleRoster } from '../src/sample/roster';
import { writeRosterWorkbook } from '../src/workbook/write';
import { describe, measureNode, minMedian } from './measure';
import { wholeBesideLibreOffice } from './libreoffice';
import type { Measured } from './measure';

export const title = '报表 / payroll register 5,000 workers: drawn vs bare PDFKit, whole command vs LibreOffice (issue 11)';

interface Runner { renderMs: number; renderCpuMs: number; maxRssMb: number; pages: number; bytes: number }

function runner(mode: string, rows: number, out: string): Runner {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'reports-runner.js'), mode, String(rows), out], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`reports-runner ${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

const med = (xs: number[]) => minMedian(xs).median;

export async function run(print: (line: string) => void): Promise<void> {
  const ROWS = 5000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-bench-reports-'));
  try {
    const runs: Record<'cwkit' | 'bare', Runner[]> = { cwkit: [], bare: [] };
    for (let i = 0; i < 3; i++) for (const mode of ['bare', 'cwkit'] as const) runs[mode].push(runner(mode, ROWS, path.join(dir, `${mode}.pdf`)));
    const pm = runner('pdfmake', ROWS, path.join(dir, 'pdfmake.pdf'));
    const line = (rs: Runner[]) => `${(med(rs.map((r) => r.renderCpuMs)) / 1000).toFixed(2)} s CPU median (min ${(Math.min(...rs.map((r) => r.renderCpuMs)) / 1000).toFixed(2)}), peak ${Math.max(...rs.map((r) => r.maxRssMb)).toFixed(0)} MB, ${rs[0].pages} pages`;
    const ratio = med(runs.cwkit.map((r) => r.renderCpuMs)) / med(runs.bare.map((r) => r.renderCpuMs));
    print(`rendering, bare PDFKit writer (same rows, font, page): ${line(runs.bare)}`);
    print(`rendering, cwkit drawn register:                       ${line(runs.cwkit)} → ${ratio.toFixed(2)}× bare (target ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'NOT met'})`);
    print(`rendering, the same register laid out by pdfmake (browser path): ${(pm.renderCpuMs / 1000).toFixed(2)} s CPU, ${pm.maxRssMb.toFixed(0)} MB, ${pm.pages} pages (one run)`);

    // The whole command, from an .xlsx roster of the same workers.
    const sample = generateSampleRoster({ counties: 4, streetsPerCounty: 5, communities: Math.ceil(ROWS / 14.5), perCommunity: 15, breaks: false });
    sample.roster.workers.rows = sample.roster.workers.rows.slice(0, ROWS);
    const roster = path.join(dir, 'roster.xlsx');
    await writeRosterWorkbook(sample.roster, roster);
    const bin = path.join(__dirname, '..', '..', 'bin', 'cw.js');
    const whole = (i: number) => measureNode(bin, ['report', 'payroll', roster, '--policy', 'benxi-2022', '--period', '2026-12', '--out', path.join(dir, `whole${i}.pdf`)]);
    try {
      await wholeBesideLibreOffice(whole, sample.roster, dir, print);
    } catch (e) {
      print(`whole command beside LibreOffice: failed, ${(e as Error).message}`);
    }
    // The per-worker report of the committed 580-worker sample: its rendering beside bare PDFKit
    // writing the same texts on 580 pages, and the whole command from the CLI; three alternating runs.
    const sampleFile = path.join(__dirname, '..', '..', 'templates', '示例花名册.xlsx');
    const wr: Record<'worker' | 'worker-bare', Runner[]> = { worker: [], 'worker-bare': [] };
    const per: Measured[] = [];
    for (let i = 0; i < 3; i++) {
      for (const mode of ['worker-bare', 'worker'] as const) wr[mode].push(runner(mode, 0, path.join(dir, `${mode}.pdf`)));
      per.push(measureNode(bin, ['report', 'worker', sampleFile, '--policy', 'benxi-2022', '--period', '2026-12', '--out', path.join(dir, `worker${i}.pdf`)]));
    }
    const wRatio = med(wr.worker.map((r) => r.renderCpuMs)) / med(wr['worker-bare'].map((r) => r.renderCpuMs));
    print(`per-worker report (个人核定表), 580-worker sample, rendering, bare PDFKit writing the same texts: ${line(wr['worker-bare'])}`);
    print(`per-worker report, rendering, cwkit drawn pages:                  ${line(wr.worker)} → ${wRatio.toFixed(2)}× bare`);
    const perMed = minMedian(per.map((m) => m.cpuMs)).median;
    print(`per-worker report, whole command cw report worker (580 workers → 580 pages): ${describe(per)} (target ≤ 5 s CPU: ${perMed <= 5000 ? 'met' : 'NOT met'})`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Reading rosters (issue 11): the 100,000-worker / 5,000-community roster .xlsx read by exceljs's
 * streaming reader alone (the baseline), by cwkit's reader (zip directory + sheet XML scan), and
 * the whole `cw check` command on it; CPU time of each process over three alternating runs (min,
 * median) and peak RSS. Target: `cw check` ≤ 0.6× exceljs's streaming read.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateSampleRoster } from '../src/sample/roster';
import { writeRosterWorkbook } from '../src/workbook/write';
import { alternate, describe, measureNode, minMedian } from './measure';

export const title = '花名册读取 / reading a 100,000-worker roster: cwkit vs exceljs streaming (issue 11)';

export async function run(print: (line: string) => void): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-bench-read-'));
  try {
    const file = path.join(dir, 'roster.xlsx');
    const sample = generateSampleRoster({ communities: 5000, counties: 10, streetsPerCounty: 25, perCommunity: 20, breaks: false, vary: false });
    await writeRosterWorkbook(sample.roster, file);
    const reader = path.join(__dirname, 'read-runner.js');
    const bin = path.join(__dirname, '..', '..', 'bin', 'cw.js');
    const runs = alternate(3, {
      exceljs: () => measureNode(reader, ['exceljs', file]),
      fast: () => measureNode(reader, ['fast', file]),
      check: () => measureNode(bin, ['check', file, '--policy', 'tongzhou', '--as-of', '2026-12-01', '--json']),
    });
    const cpu = (k: keyof typeof runs) => minMedian(runs[k].map((m) => m.cpuMs)).median;
    print(`file: ${(fs.statSync(file).size / 1e6).toFixed(1)} MB, ${sample.roster.workers.rows.length.toLocaleString('en-US')} workers`);
    print(`baseline  exceljs streaming read alone: ${describe(runs.exceljs)}`);
    print(`cwkit     reader alone:                 ${describe(runs.fast)} → ${(cpu('fast') / cpu('exceljs')).toFixed(2)}× exceljs`);
    const r = cpu('check') / cpu('exceljs');
    print(`cwkit     cw check, whole command:      ${describe(runs.check)} → ${r.toFixed(2)}× exceljs (target ≤ 0.6×: ${r <= 0.6 ? 'met' : 'NOT met'})`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

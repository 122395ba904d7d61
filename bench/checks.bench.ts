/**
 * Roster checks (issue 4): checkRoster over a generated roster of 100,000 workers in 5,000
 * communities, timed next to the floor — the time to merely read the same rows:
 *   A. iterate the rows and normalise every cell the checks read, with the engine's own parsers
 *      (names, resident ID, sex, dates, post, education, certificate, ratings, 是/否, numbers) —
 *      no rules, no grouping, no findings;
 *   B. read the same roster from an .xlsx file (exceljs streaming reader, as `cw check` does).
 * Target: the checks take at most 3× the read time (A, the tighter floor). Then `cw check` end to end.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  checkRoster, matchHeaders, parseResidentId, sexOf, parseDate, postOf, policyOf, educationOf, degreeOf, certificateOf, ratingOf, CwError,
} from '../src/engine';
import type { Cell, Roster } from '../src/engine';
import { nameOf, numberOf, textOf, yesNoOf, electedOf, isBlank } from '../src/engine/roster/cells';
import { generateSampleRoster } from '../src/sample/roster';
import { readWorkbook } from '../src/workbook/read';
import { writeRosterWorkbook } from '../src/workbook/write';

export const title = '花名册检查 / roster checks, 100,000 workers in 5,000 communities (issue 4)';

const AS_OF = '2026-12-01';

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Floor A: every cell the checks read, through the engine's parsers; bad cells are counted, nothing else. */
export function readCells(roster: Roster, policyId: string): number {
  const t = roster.workers;
  const m = matchHeaders(t.headers, 'workers');
  const c = (k: string) => m.columns[k] ?? -1;
  const cols = {
    county: c('county'), street: c('street'), community: c('community'), name: c('name'), sex: c('sex'), id: c('idNumber'), birth: c('birthDate'),
    post: c('post'), title: c('title'), appointment: c('appointment'), entry: c('entryDate'), education: c('education'), degree: c('degree'),
    certificate: c('certificate'), certDate: c('certificateDate'), probation: c('probation'), probationRating: c('probationRating'), pay: c('currentPay'),
    absence: c('absenceDays'), run: c('absenceConsecutiveDays'), hall: c('serviceHall'), training: c('lastTrainingYear'), hours: c('educationHours'),
    agreement: c('agreementDate'), term: c('termEnd'), secondment: c('secondmentMonths'),
  };
  const policy = policyOf(policyId);
  const posts = new Map<string, string | null>();
  let sink = 0;
  const at = (row: Cell[], i: number): Cell => (i < 0 ? null : row[i] ?? null);
  const guard = (f: () => unknown) => {
    try {
      const v = f();
      if (v !== null && v !== undefined) sink++;
    } catch (e) {
      if (!(e instanceof CwError)) throw e;
      sink--;
    }
  };
  const date = (v: Cell) => { if (!isBlank(v)) guard(() => parseDate(v)); };
  const num = (v: Cell) => { if (!isBlank(v)) guard(() => numberOf(v, 'x', 'y')); };
  const flag = (v: Cell) => { if (!isBlank(v)) guard(() => yesNoOf(v, 'x')); };
  for (const row of t.rows) {
    sink += nameOf(at(row, cols.county)).length + nameOf(at(row, cols.street)).length + nameOf(at(row, cols.community)).length + textOf(at(row, cols.name)).length;
    guard(() => parseResidentId(at(row, cols.id)));
    guard(() => sexOf(at(row, cols.sex)));
    date(at(row, cols.birth));
    const p = textOf(at(row, cols.post));
    if (!posts.has(p)) { try { posts.set(p, postOf(p, policy.posts, policy.name)); } catch { posts.set(p, null); } }
    sink += textOf(at(row, cols.title)).length;
    date(at(row, cols.entry));
    guard(() => educationOf(at(row, cols.education)));
    guard(() => degreeOf(at(row, cols.degree)));
    guard(() => certificateOf(at(row, cols.certificate)));
    date(at(row, cols.certDate));
    for (const r of m.ratingColumns) guard(() => ratingOf(at(row, r.column)));
    guard(() => electedOf(at(row, cols.appointment), 'x'));
    flag(at(row, cols.probation));
    guard(() => ratingOf(at(row, cols.probationRating)));
    num(at(row, cols.pay));
    num(at(row, cols.absence));
    num(at(row, cols.run));
    flag(at(row, cols.hall));
    num(at(row, cols.training));
    num(at(row, cols.hours));
    date(at(row, cols.agreement));
    date(at(row, cols.term));
    num(at(row, cols.secondment));
  }
  return sink;
}

export async function run(print: (line: string) => void): Promise<void> {
  let t0 = process.hrtime.bigint();
  const sample = generateSampleRoster({ communities: 5000, counties: 10, streetsPerCounty: 25, perCommunity: 20, breaks: false, vary: false });
  const roster = sample.roster;
  print(`roster: ${roster.workers.rows.length.toLocaleString('en-US')} workers × ${roster.workers.headers.length} columns, ${roster.communities!.rows.length.toLocaleString('en-US')} communities, 250 streets, 10 districts (generated in ${ms(t0).toFixed(0)} ms)`);

  // The machine may be shared: floor and checks run interleaved, 7 rounds, and each figure is a median.
  // CPU time (process.cpuUsage) is reported beside wall time: it is far less disturbed by other processes.
  const policies = ['tongzhou-draft', 'xiamen-2020', 'ningxia-2024', 'changchun-xinqu-2020', 'benxi-2022'];
  const floorTimes: Array<[number, number]> = [];
  const checkTimes = new Map<string, Array<[number, number]>>(policies.map((p) => [p, []]));
  const summaries = new Map<string, string>();
  const measure = async (fn: () => unknown): Promise<[number, number]> => {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    await fn();
    const d = process.cpuUsage(c);
    return [ms(t), (d.user + d.system) / 1000];
  };
  readCells(roster, 'tongzhou');
  for (const p of policies) await checkRoster(roster, p, { asOf: AS_OF });
  for (let round = 0; round < 7; round++) {
    floorTimes.push(await measure(() => readCells(roster, 'tongzhou')));
    for (const p of policies) {
      checkTimes.get(p)!.push(await measure(async () => {
        const r = await checkRoster(roster, p, { asOf: AS_OF });
        summaries.set(p, `${r.findings.length} findings`);
      }));
    }
  }
  const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const wall = (xs: Array<[number, number]>) => median(xs.map((x) => x[0]));
  const cpu = (xs: Array<[number, number]>) => median(xs.map((x) => x[1]));
  const floorA = wall(floorTimes);
  const floorACpu = cpu(floorTimes);
  print(`floor A  read the rows, normalise every cell the checks read:  ${floorA.toFixed(0).padStart(6)} ms wall, ${floorACpu.toFixed(0).padStart(6)} ms CPU  (medians of ${floorTimes.length})`);
  const results: Array<[string, number, number, string]> = policies.map((p) => [p, wall(checkTimes.get(p)!), cpu(checkTimes.get(p)!), summaries.get(p)!]);

  // Floor B after the in-memory runs, so the file's grid does not weigh on their garbage collection.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-bench-check-'));
  const file = path.join(dir, 'roster.xlsx');
  t0 = process.hrtime.bigint();
  await writeRosterWorkbook(roster, file);
  const writeMs = ms(t0);
  t0 = process.hrtime.bigint();
  const rows = (await readWorkbook(file))[0].rows.length;
  const floorB = ms(t0);
  print(`floor B  read the same roster from .xlsx (exceljs streaming):  ${floorB.toFixed(0).padStart(6)} ms  (${(fs.statSync(file).size / 1e6).toFixed(1)} MB, ${rows.toLocaleString('en-US')} rows; writing it took ${writeMs.toFixed(0)} ms)`);
  for (const [p, t, c, summary] of results) {
    print(`checks   ${p.padEnd(22)} ${t.toFixed(0).padStart(6)} ms wall, ${c.toFixed(0).padStart(6)} ms CPU  = ${(c / floorACpu).toFixed(2)}× floor A (CPU), ${(t / floorA).toFixed(2)}× (wall), ${(t / floorB).toFixed(2)}× floor B  (${summary})`);
  }
  const worstCpu = Math.max(...results.map((r) => r[2] / floorACpu));
  const worstWall = Math.max(...results.map((r) => r[1] / floorA));
  print(`target: checks ≤ 3× the read time — worst policy ${worstCpu.toFixed(2)}× floor A in CPU time (${worstWall.toFixed(2)}× wall): ${worstCpu <= 3 ? 'met' : 'NOT met'}; ${Math.max(...results.map((r) => r[1])) <= floorB ? 'far below' : 'above'} floor B (reading the .xlsx)`);

  const bin = path.join(__dirname, '..', '..', 'bin', 'cw.js');
  t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, 'check', file, '--policy', 'tongzhou', '--as-of', AS_OF, '--json', '--no-progress'], { maxBuffer: 1 << 30 });
  const endToEnd = ms(t0);
  const ok = r.status === 0 || r.status === 1;
  print(`cw check ${path.basename(file)} --policy tongzhou --json (real process): ${(endToEnd / 1000).toFixed(2)} s end to end, exit ${r.status}${ok ? '' : ` — ${r.stderr}`}`);
  fs.rmSync(dir, { recursive: true, force: true });
}

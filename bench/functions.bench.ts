/**
 * Excel functions in a spreadsheet engine: a 10,000-row 本溪 pay sheet in HyperFormula (dev/bench
 * only), fully recalculated after one shared input — the as-of date — changes, built two ways:
 *
 *   CW      one =CW.PAY(…) per worker reading the 参数表 range (the templates/benxi-pay.xlsx way);
 *   native  what clerks build today: DATEDIF/EDATE counted years, VLOOKUP grade over a post table,
 *           INDEX/MATCH coefficient over the grade table, ROUND(基数×系数×80%/20%), VLOOKUP allowance.
 *
 * Both sheets are checked to give the same pay for every row (and the engine's evaluate() too).
 * Then the size of functions.js, minified and gzipped, from a production build of this tree.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import type { HyperFormula } from 'hyperformula';
import { dayNumberOf, evaluate, toExcelSerial } from '../src/engine';
import { PAY } from '../src/functions/core';
import { buildEngine } from '../test/functions/hf-harness';
import { AS_OF_CELL, CW_TOTAL_COL, NATIVE_TOTAL_COL, SHEET, cwPaySheet, engineInput, generateWorkers, nativePaySheet } from '../test/functions/paysheet';

export const title = 'Excel 函数重算 / CW.PAY vs native lookup sheet in HyperFormula, functions.js size (issue 3)';

const ROOT = path.join(__dirname, '..', '..');
const N = 10_000;
const ROUNDS = 7;

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function setAsOf(hf: HyperFormula, serial: number): number {
  const t0 = process.hrtime.bigint();
  hf.setCellContents({ sheet: hf.getSheetId(AS_OF_CELL.sheetName)!, row: AS_OF_CELL.row, col: AS_OF_CELL.col }, [[serial]]);
  return ms(t0);
}

function totals(hf: HyperFormula, col: number): number[] {
  return hf.getSheetValues(hf.getSheetId(SHEET)!).slice(1).map((r) => r[col] as number);
}

export async function run(print: (line: string) => void): Promise<void> {
  const dates = [
    { serial: toExcelSerial(dayNumberOf(2024, 7, 1)), year: 2024 },
    { serial: toExcelSerial(dayNumberOf(2025, 3, 1)), year: 2025 },
  ];
  const workers = generateWorkers(N, 2024);
  print(`sheet: ${N.toLocaleString('en-US')} 本溪 workers; full recalculation after the shared as-of date cell changes; median of ${ROUNDS} rounds`);

  let t0 = process.hrtime.bigint();
  const cw = buildEngine(cwPaySheet(workers, dates[0].serial));
  const cwBuild = ms(t0);
  t0 = process.hrtime.bigint();
  const native = buildEngine(nativePaySheet(workers, dates[0].serial));
  const nativeBuild = ms(t0);

  // Warm both up once, then alternate the as-of date; the last round leaves dates[ROUNDS % 2].
  setAsOf(cw, dates[1].serial);
  setAsOf(native, dates[1].serial);
  const cwTimes: number[] = [];
  const nativeTimes: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const d = dates[i % 2].serial;
    cwTimes.push(setAsOf(cw, d));
    nativeTimes.push(setAsOf(native, d));
  }
  const final = dates[(ROUNDS - 1) % 2];

  // Same results: CW vs native vs the engine, every row, at the date the sheets now hold.
  const a = totals(cw, CW_TOTAL_COL);
  const b = totals(native, NATIVE_TOTAL_COL);
  let differ = 0;
  let engineDiffer = 0;
  workers.forEach((w, i) => {
    if (typeof a[i] !== 'number' || Math.abs(a[i] - b[i]) > 0.001) differ++;
    if (a[i] !== Number(evaluate(engineInput(w, final.serial, final.year), { trace: false }).total)) engineDiffer++;
  });
  const sum = a.reduce((s, x) => s + x, 0);

  const c = median(cwTimes);
  const n = median(nativeTimes);
  print(`formulas: CW ${N.toLocaleString('en-US')} (1 per row) · native ${(N * 7).toLocaleString('en-US')} (7 per row) + 4 lookup tables`);
  print(`build      CW ${cwBuild.toFixed(0)} ms · native ${nativeBuild.toFixed(0)} ms (parse + first calculation)`);
  print(`recalc     CW.PAY sheet ${c.toFixed(0)} ms (min ${Math.min(...cwTimes).toFixed(0)}) · native sheet ${n.toFixed(0)} ms (min ${Math.min(...nativeTimes).toFixed(0)})`);
  print(`ratio      CW.PAY / native = ${(c / n).toFixed(2)}× (target ≤ 1.0×) · ${((c / N) * 1000).toFixed(0)} µs vs ${((n / N) * 1000).toFixed(0)} µs per row`);
  print(`same results: ${differ === 0 ? 'yes' : `NO — ${differ} rows differ`} (CW vs native, all ${N.toLocaleString('en-US')} rows; total ${sum.toFixed(2)} yuan) · CW vs engine evaluate(): ${engineDiffer === 0 ? 'all equal' : `${engineDiffer} differ`}`);
  cw.destroy();
  native.destroy();

  // Where a CW.PAY recalculation goes: the function itself, called directly with what Excel passes.
  const ratingsOf = (w: (typeof workers)[number]) => [w.ratings];
  const params = cwPaySheet([], final.serial)['参数表'].slice(1);
  const directTimes: number[] = [];
  for (let round = 0; round < 4; round++) {
    t0 = process.hrtime.bigint();
    for (const w of workers) PAY('本溪', w.post, w.entry, final.serial, ratingsOf(w), w.education, w.degree, w.certificate, null, params);
    if (round > 0) directTimes.push(ms(t0)); // round 0 warms up
  }
  const direct = median(directTimes);
  print(`of which   CW.PAY itself, called directly with what Excel passes: ${direct.toFixed(0)} ms per ${N.toLocaleString('en-US')} calls (${((direct / N) * 1000).toFixed(1)} µs each); the rest is HyperFormula evaluating the arguments (a 39×2 参数表 range per call) and the harness converting them`);

  // functions.js as shipped: a production build of this tree into a folder of its own (dist/addin may
  // hold a development build, or one of older sources).
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-bench-addin-'));
  let js: Buffer;
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', out], { cwd: ROOT, stdio: 'pipe' });
    js = fs.readFileSync(path.join(out, 'functions.js'));
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
  const gz = zlib.gzipSync(js, { level: 9 }).length;
  print(`functions.js  ${(js.length / 1024).toFixed(1)} KB minified · ${(gz / 1024).toFixed(1)} KB gzipped (target ≤ 150 KB)`);
}

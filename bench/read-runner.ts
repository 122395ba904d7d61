/**
 * One roster read of bench/read.bench.ts in its own process: `node dist/bench/read-runner.js
 * fast|exceljs FILE` reads every sheet (cwkit's reader, or exceljs's streaming reader alone).
 */
import { readWorkbook, readWorkbookExceljs } from '../src/workbook/read';

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  const grids = mode === 'exceljs' ? await readWorkbookExceljs(file) : await readWorkbook(file);
  console.log(JSON.stringify({ mode, rows: grids.reduce((n, g) => n + g.rows.length, 0) }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * Renders page 1 of each report kind from the sample roster to docs/reports/<kind>.png
 * (`npm run report-pictures`; needs poppler-utils' pdftoppm). The policy per kind is the one that
 * shows the report best; local figures the documents leave open come from bench/workers.ts
 * LOCAL_PARAMS (示例参数，非政策数额).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { readRosterFile } from '../src/workbook/read';
import { buildReport, prepareReport, REPORT_KINDS } from '../src/reports';
import type { ReportKind } from '../src/reports';
import { renderPdf } from '../src/reports/node';
import { LOCAL_PARAMS } from '../bench/workers';

/** Which policy, period and unit each picture shows. */
export const PICTURES: Record<ReportKind, { policy: string; unit?: string; months?: number }> = {
  payroll: { policy: 'benxi-2022' },
  staffing: { policy: 'tongzhou-draft' },
  ratings: { policy: 'xiamen-2020' },
  funding: { policy: 'benxi-2022' },
  worker: { policy: 'xiamen-2020', unit: '春晖社区' },
  retirement: { policy: 'benxi-2022', months: 60 },
};

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const out = path.join(root, 'docs', 'reports');
  fs.mkdirSync(out, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-pictures-'));
  const read = await readRosterFile(path.join(root, 'templates', '示例花名册.xlsx'));
  for (const kind of REPORT_KINDS) {
    const p = PICTURES[kind];
    const data = prepareReport(kind, read.roster!, { policy: p.policy, period: '2026-12', params: LOCAL_PARAMS[p.policy] ?? null, unit: p.unit ?? null, months: p.months });
    const pdf = path.join(tmp, `${kind}.pdf`);
    fs.writeFileSync(pdf, await renderPdf(buildReport(data)));
    execFileSync('pdftoppm', ['-png', '-r', '72', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(out, kind)]);
    console.log(`docs/reports/${kind}.png  ${data.title}（${data.policyName}）`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

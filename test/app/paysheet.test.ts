/**
 * The pay sheet (src/paysheet): one row per worker with the engine's figures, columns from
 * PAY_COLUMNS, a missing local figure failing the whole sheet with 缺少参数, and a 参数表 with
 * dated rows (生效日期) giving each pay period the value then in force.
 */
import * as path from 'path';
import { POLICIES } from '../../src/engine';
import { paySheet, PAY_COLUMNS, TRACE_HEADERS } from '../../src/paysheet/paysheet';
import { paramSheet, paramSheetName, PARAM_HEADERS } from '../../src/taskpane/params';
import { readParams, scanWorkbook } from '../../src/taskpane/roster';
import { MemoryWorkbook } from '../../src/taskpane/workbook/memory';
import { readRosterFile } from '../../src/workbook/read';

const SAMPLE = path.join(__dirname, '..', '..', 'templates', '示例花名册.xlsx');

test('本溪: one row per worker; grade, years, items and total are the engine’s; the trace sheet has every worker', async () => {
  const { roster } = await readRosterFile(SAMPLE);
  const sheet = paySheet(roster!, { policy: 'benxi-2022', period: '2026-12' });
  const header = sheet.pay[0];
  expect(header.slice(0, 10)).toEqual(PAY_COLUMNS.slice(0, 10).map((c) => ('header' in c ? c.header : null)));
  expect(sheet.pay.length - 1).toBe(roster!.workers.rows.length);
  expect(sheet.trace[0]).toEqual([...TRACE_HEADERS]);
  expect(sheet.trace.length).toBe(sheet.pay.length);
  const total = header.indexOf('合计（元/月）');
  const computed = sheet.pay.slice(1).filter((r) => r[total] !== null);
  expect(computed.length).toBeGreaterThan(roster!.workers.rows.length * 0.9);
  expect(sheet.failed).toBe(sheet.pay.length - 1 - computed.length);
  // Items add up to the total (each item rounded to the fen, as the engine does).
  const items = sheet.itemNames.map((n) => header.indexOf(`${n}（元/月）`));
  for (const r of computed) {
    const sum = items.reduce((s, c) => s + Math.round(Number(r[c] ?? 0) * 100), 0);
    expect(sum).toBe(Math.round(Number(r[total]) * 100));
  }
  const failed = sheet.pay.slice(1).find((r) => r[total] === null)!;
  expect(String(failed[header.indexOf('错误')])).not.toBe('');
});

test('厦门: the 岗位津贴 the document leaves to the districts — missing, the sheet fails with 缺少参数; dated rows apply from their date', async () => {
  const { roster } = await readRosterFile(SAMPLE);
  expect(() => paySheet(roster!, { policy: 'xiamen-2020', period: '2026-12' })).toThrow(/缺少参数：岗位津贴/);

  const policy = POLICIES.find((p) => p.id === 'xiamen-2020')!;
  const wb = new MemoryWorkbook();
  await wb.addSheet(paramSheetName(policy), { rows: paramSheet(policy).rows });
  const cells = wb.sheet('厦门参数表').cells;
  expect(cells[0]).toEqual([...PARAM_HEADERS]);
  const from = PARAM_HEADERS.indexOf('生效日期');
  for (const post of ['正职', '副职', '专职委员', '其他社区工作者']) wb.setCell('厦门参数表', cells.findIndex((r) => r[0] === `岗位津贴.${post}`) + 1, 1, 800);
  // From 2026-07 the 正职 allowance is 1000: one more row with its 生效日期.
  const first = cells.findIndex((r) => r[0] === '岗位津贴.正职') + 1;
  wb.setCell('厦门参数表', first, from, '2020-06-29');
  const extra = cells.length + 1;
  wb.setCell('厦门参数表', extra, 0, '岗位津贴.正职');
  wb.setCell('厦门参数表', extra, 1, 1000);
  wb.setCell('厦门参数表', extra, from, '2026-07-01');
  const scan = await scanWorkbook(wb);
  const params = (await readParams(wb, policy, scan.heads))!.params;
  expect(params['岗位津贴.正职']).toEqual([{ from: '2020-06-29', value: 800 }, { from: '2026-07-01', value: 1000 }]);

  const allowance = (period: string) => {
    const s = paySheet(roster!, { policy: 'xiamen-2020', period, params });
    const h = s.pay[0];
    const post = h.indexOf('岗位类别');
    const row = s.pay.slice(1).find((r) => r[post] === '正职' && r[h.indexOf('合计（元/月）')] !== null)!;
    return row[h.indexOf('岗位津贴（元/月）')];
  };
  expect(allowance('2026-06')).toBe(800);
  expect(allowance('2026-12')).toBe(1000);

  const s = paySheet(roster!, { policy: 'xiamen-2020', period: '2026-12', params });
  expect(s.failed).toBeLessThan(s.pay.length / 10);
});

/** Reports and the pay sheet read the roster's one evaluation: a worker they cannot place is listed with the reason, never dropped. */
import { checkRoster } from '../../src/engine';
import { prepareReport } from '../../src/reports';
import { paySheet } from '../../src/paysheet/paysheet';
import { AS_OF, community, rosterOf, worker } from '../checks/helpers';

const roster = () => rosterOf([...community('春晖社区'), worker({ 社区: '', 姓名: '赵强', 出生日期: '1988-04-02' })], [{ 街道: '乙街道', 社区: '春晖社区', 户数: 1200 }]);

describe('reports and the worker a report cannot place', () => {
  test.each(['staffing', 'ratings', 'retirement', 'payroll'] as const)('%s: the worker without a community is listed with the reason', (kind) => {
    const data = prepareReport(kind, roster(), { policy: 'benxi', period: '2026-12', params: { 基数: 3400 } });
    expect(data.workers.map((w) => w.name)).toContain('赵强');
    expect(data.notes).toContain('第13行（赵强）未列入任何社区：缺少社区：无法归入社区，该职工不计入任何社区的配备人数。');
  });

  test('the staffing report counts what the checks count (same units, same reading)', async () => {
    const data = prepareReport('staffing', roster(), { policy: 'tongzhou', period: '2026-12' });
    const checked = await checkRoster(roster(), 'tongzhou', { asOf: AS_OF });
    const total = data.staffing!.find((l) => l.scope === 'community' && l.what === '社区工作者总数');
    expect(total?.actual).toBe(checked.summary.byCommunity[0].workers);
    expect(total?.actual).toBe(11);
    expect(data.notes.some((n) => n.startsWith('第13行（赵强）未列入任何社区'))).toBe(true);
  });

  test('the payroll report keeps the unplaced worker’s pay, with the row’s own findings', () => {
    const data = prepareReport('payroll', roster(), { policy: 'benxi', period: '2026-12', params: { 基数: 3400 } });
    const w = data.workers.find((x) => x.name === '赵强')!;
    expect(w.community).toBe('');
    expect(w.rowFindings).toContain('缺少社区：无法归入社区，该职工不计入任何社区的配备人数。');
    expect(w.pay?.total).toMatch(/^\d+\.\d\d$/);
  });
});

describe('the pay sheet and the worker it cannot place', () => {
  test('the row is kept, with its pay and the reason in 提示', () => {
    const sheet = paySheet(roster(), { policy: 'benxi', period: '2026-12', params: { 基数: 3400 } });
    const header = sheet.pay[0];
    const row = sheet.pay.find((r) => r[header.indexOf('姓名')] === '赵强')!;
    expect(row[header.indexOf('社区')]).toBeNull();
    expect(String(row[header.indexOf('提示')])).toContain('缺少社区：无法归入社区，该职工不计入任何社区的配备人数。');
    expect(row[header.indexOf('合计（元/月）')]).not.toBeNull();
  });
});

describe('reports and a malformed community-table cell', () => {
  test('the figure is left out, and the report says so (the checks report the same cell)', () => {
    const r = rosterOf(community('春晖社区'), [{ 街道: '乙街道', 社区: '春晖社区', 户数: '约1200' }]);
    const data = prepareReport('staffing', r, { policy: 'tongzhou', period: '2026-12' });
    expect(data.notes.some((n) => n.startsWith('工作表“社区”第2行：户数：') && n.endsWith('该数未计入。'))).toBe(true);
  });
});

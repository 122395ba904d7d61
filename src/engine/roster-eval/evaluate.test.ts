import { assessWorker, evaluateRoster } from '..';
import { AS_OF, community, rosterOf, worker } from '../../../test/checks/helpers';

describe('evaluateRoster: one reading of a roster', () => {
  test('units in roster order with their facts, counts and members; county facts summed from the community table', () => {
    const rows = [...community('春晖社区'), ...community('秋实社区', { street: '丙街道' }), worker({ 社区: '春晖社区', 姓名: '李明', 出生日期: '1991-07-01' })];
    const ev = evaluateRoster(rosterOf(rows, [
      { 街道: '乙街道', 社区: '春晖社区', 户数: 1200, 常住人口: 3000 },
      { 街道: '丙街道', 社区: '秋实社区', 户数: 800, 常住人口: 2000 },
    ]), 'benxi', { asOf: AS_OF });
    expect([...ev.communities.values()].map((u) => [u.community, u.street, u.county, u.row, u.counts.workers])).toEqual([
      ['春晖社区', '乙街道', '甲区', 2, 12],
      ['秋实社区', '丙街道', '甲区', 3, 11],
    ]);
    expect([...ev.streets.values()].map((s) => [s.street, s.workers, s.communities.map((u) => u.community)])).toEqual([
      ['乙街道', 12, ['春晖社区']],
      ['丙街道', 11, ['秋实社区']],
    ]);
    const county = ev.counties.get('甲区')!;
    expect(county.counts.workers).toBe(23);
    const chunhui = [...ev.communities.values()][0];
    expect(chunhui.facts).toEqual({ name: '春晖社区', households: 1200, population: 3000 });
    // Every row is placed in its community, typed once.
    expect(ev.rows).toHaveLength(23);
    expect(ev.rows.filter((r) => r.unit === chunhui)).toHaveLength(12);
    expect(ev.rows[22]).toMatchObject({ name: '李明', unplaced: null, post: expect.any(String), findings: [] });
    expect(ev.rows[22].worker.entryDate).toBe(ev.rows[22].entryDate);
  });

  test('a worker without a community is kept, with the reason it could not be placed', () => {
    const ev = evaluateRoster(rosterOf([worker(), worker({ 社区: null, 姓名: '赵强' })]), 'benxi', { asOf: AS_OF });
    expect(ev.rows).toHaveLength(2);
    const r = ev.rows[1];
    expect(r.unit).toBeNull();
    expect(r.unplaced).toBe('缺少社区：无法归入社区，该职工不计入任何社区的配备人数。');
    expect(r.findings.map((f) => f.rule)).toContain('缺少数据');
    // Not in any community, still in the county it names.
    expect([...ev.communities.values()].map((u) => u.counts.workers)).toEqual([1]);
    expect(ev.counties.get('甲区')!.counts.workers).toBe(2);
  });

  test('现薪酬 reaches the worker the policy functions read, so pay keeps a higher current standard (本溪 三(六)3(6))', () => {
    const ev = evaluateRoster(rosterOf([worker({ 现薪酬: 9000 }), worker({ 现薪酬: '9,000元' }), worker()]), 'benxi', {
      asOf: AS_OF, params: { 基数: 3400 },
    });
    expect(ev.rows.map((r) => r.worker.currentPay?.toFixed(2) ?? null)).toEqual(['9000.00', '9000.00', null]);
    const kept = assessWorker(ev.rows[0].worker, { trace: false });
    const plain = assessWorker(ev.rows[2].worker, { trace: false });
    const total = (a: typeof kept) => a.items.reduce((s, i) => s.plus(i.amount), a.items[0].amount.times(0)).toFixed(2);
    expect(total(kept)).toBe('9000.00');
    expect(Number(total(plain))).toBeLessThan(9000);
  });

  test('bad cells are findings on their row, and the typed facts leave them unset (dates out of order, numbers out of range)', () => {
    const ev = evaluateRoster(rosterOf([worker({ 入职日期: '2027-01-01', 现薪酬: 2000000 })]), 'benxi', { asOf: AS_OF });
    const r = ev.rows[0];
    expect(r.entryDate).toBeNull();
    expect(r.worker.entryDate).toBeNull();
    expect(r.worker.currentPay).toBeNull();
    expect(r.findings.map((f) => [f.rule, f.column])).toEqual([['日期矛盾', '入职日期'], ['数据格式', '现薪酬']]);
  });

  test('星级 in the community table reaches its workers', () => {
    const ev = evaluateRoster(rosterOf([worker({ 区县: '银川市兴庆区' })], [{ 社区: '春晖社区', 星级: '4星' }]), 'ningxia', { asOf: AS_OF });
    expect(ev.rows[0].worker.star).toBe(4);
    expect(ev.findings).toEqual([]);
  });
});

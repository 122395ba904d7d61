import { checkRoster, CheckCancelled, CwError, POLICIES, Trace } from '../../src/engine';
import { counterFor } from '../../src/engine/roster-eval/counts';
import { AS_OF, check, community, findings, idFor, rosterOf, worker } from './helpers';

const PLACE = { county: '甲区', street: '乙街道', community: '春晖社区', sheet: '职工' };

describe('resident IDs (docs/readings.md §1 身份证号)', () => {
  test('a wrong check character is an error on the worker’s row, with the standard cited', async () => {
    const good = idFor('1988-04-09', '男');
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const r = await check('benxi', [worker({ 姓名: '甲' }), worker({ 姓名: '李喆', 性别: '男', 出生日期: '1988-04-09', 身份证号: bad })]);
    const [f] = findings(r, '身份证号');
    expect(f).toMatchObject({ severity: 'error', scope: 'worker', row: 3, name: '李喆', column: '身份证号', ...PLACE });
    expect(f.citation.doc).toMatch(/GB 11643/);
    expect(f.message).toMatch(/校验位错误/);
    expect(f.action).toMatch(/核对/);
  });

  test('a short ID and an ID stored as a number (precision lost) are errors; the number gets its own advice', async () => {
    const r = await check('xiamen', [worker({ 身份证号: '11010519880409' }), worker({ 身份证号: 110105198804091234 })]);
    const f = findings(r, '身份证号');
    expect(f.map((x) => x.row)).toEqual([2, 3]);
    expect(f[0].message).toMatch(/18位/);
    expect(f[1].action).toMatch(/文本/);
  });

  test('出生日期 and 性别 that disagree with the ID are errors; 年月 text agreeing to the month is fine', async () => {
    const r = await check('ningxia', [
      worker({ 出生日期: '1990-05-17' }),
      worker({ 身份证号: idFor('1990-05-17', '女'), 出生日期: '1990-06-17' }),
      worker({ 身份证号: idFor('1990-05-17', '女'), 性别: '男' }),
      worker({ 身份证号: idFor('1990-05-17', '女'), 出生日期: '1990.05' }),
      worker({ 身份证号: idFor('1990-05-17', '女'), 出生日期: '1990年4月' }),
    ]);
    expect(findings(r, '身份证号与出生日期').map((f) => f.row)).toEqual([3, 6]);
    expect(findings(r, '身份证号与出生日期')[0].message).toMatch(/1990-06-17.*1990-05-17/);
    expect(findings(r, '身份证号与性别')).toMatchObject([{ severity: 'error', row: 4, column: '性别' }]);
  });

  test('the same ID on two rows is an error naming the first row', async () => {
    const id = idFor('1985-01-01', '男');
    const r = await check('tongzhou', [worker({ 身份证号: id, 性别: '男', 出生日期: '1985-01-01', 姓名: '张堃' }), worker({ 身份证号: id, 性别: '男', 出生日期: '1985-01-01', 姓名: '张赟' })]);
    expect(findings(r, '身份证号重复')).toMatchObject([{ severity: 'error', row: 3, name: '张赟' }]);
    expect(findings(r, '身份证号重复')[0].message).toMatch(/第2行（张堃）/);
  });

  test('blank 出生日期 and 性别 are taken from the ID (retirement still checked, nothing reported missing)', async () => {
    const r = await check('xiamen', [worker({ 身份证号: idFor('1971-09-10', '女'), 出生日期: null, 性别: null })]);
    expect(findings(r, '缺少数据')).toEqual([]);
    expect(findings(r, '退休提醒')).toMatchObject([{ severity: 'warning', row: 2 }]);
    expect(findings(r, '退休提醒')[0].message).toMatch(/2027-03-10/);
  });
});

describe('missing and malformed cells', () => {
  test('each bad cell is its own error naming the column and what is accepted; the rest of the row is still checked', async () => {
    const r = await check('xiamen', [worker({ 入职日期: '2023-02-30', 学历: '幼儿园', 考核2024: '很好', 考核2023: '不合格', 考核2022: '不合格', 岗位类别: '科长' })]);
    const bad = findings(r, '数据格式');
    expect(bad.map((f) => f.column).sort()).toEqual(['学历', '岗位类别', '入职日期', '考核2024'].sort());
    expect(bad.find((f) => f.column === '入职日期')!.message).toMatch(/不是实际存在的日期/);
    expect(bad.find((f) => f.column === '岗位类别')!.message).toMatch(/专职委员/);
    expect(bad.find((f) => f.column === '考核2024')).toMatchObject({ year: 2024 });
    expect(bad.every((f) => f.severity === 'error' && f.row === 2 && f.community === '春晖社区')).toBe(true);
  });

  test('出生年月 typed as the number 1985.1 is rejected (Excel dropped the month’s 0)', async () => {
    const r = await check('benxi', [worker({ 身份证号: null, 出生日期: 1985.1 })]);
    expect(findings(r, '数据格式')[0].message).toMatch(/年\.月/);
  });

  test('missing 社区 and missing 岗位 are errors; a missing 入职日期 or 身份证号 is a warning', async () => {
    const r = await check('benxi', [worker({ 社区: null }), worker({ 职务: null }), worker({ 入职日期: null }), worker({ 身份证号: null })]);
    const missing = findings(r, '缺少数据').map((f) => [f.row, f.severity, f.column]);
    expect(missing).toEqual(expect.arrayContaining([[2, 'error', '社区'], [3, 'error', '职务'], [4, 'warning', '入职日期'], [5, 'warning', '身份证号']]));
    expect(missing).toHaveLength(4);
  });

  test('an entry date after the as-of date is a contradiction the engine reports', async () => {
    const r = await check('benxi', [worker({ 入职日期: '2027-01-01' })]);
    expect(findings(r, '日期矛盾')).toMatchObject([{ severity: 'error', column: '入职日期' }]);
    expect(findings(r, '日期矛盾')[0].message).toMatch(/晚于计算日期/);
  });

  test('a bad number in the community table is an error on that table’s row', async () => {
    const r = await check('tongzhou', community('春晖社区'), [{ 社区: '春晖社区', 户数: '很多' }]);
    expect(findings(r, '数据格式')).toMatchObject([{ severity: 'error', scope: 'community', sheet: '社区', row: 2, column: '户数' }]);
  });

  test('a community table without 区县 and 街道: communities take them from their worker rows (street rules group correctly)', async () => {
    const rated = (community: string, street: string, n: number, excellent: number) =>
      Array.from({ length: n }, (_, i) => worker({ 社区: community, 街道: street, 考核2024: i < excellent ? '优秀' : '合格' }));
    const rows = [...rated('春晖社区', '乙街道', 8, 3), ...rated('秋实社区', '丙街道', 8, 1)];
    const r = await check('tongzhou', rows, [{ 社区: '春晖社区', 户数: 900 }, { 社区: '秋实社区', 户数: '九百' }]);
    expect(r.summary.streets).toBe(2);
    expect(findings(r, '数据格式')).toMatchObject([{ scope: 'community', county: '甲区', street: '丙街道', community: '秋实社区', row: 3 }]);
    const errorsThere = r.findings.filter((f) => f.severity === 'error' && f.community === '秋实社区').length;
    expect(errorsThere).toBeGreaterThan(1); // the bad 户数 cell, and 通州's headcount rules
    expect(r.summary.byCommunity[1]).toMatchObject({ community: '秋实社区', error: errorsThere });
    expect(r.summary.byCommunity.map((c) => [c.county, c.street, c.community, c.row])).toEqual([['甲区', '乙街道', '春晖社区', 2], ['甲区', '丙街道', '秋实社区', 3]]);
    expect(findings(r, '优秀比例')).toMatchObject([{ scope: 'street', street: '乙街道' }]);
    expect(findings(r, '社区匹配')).toEqual([]);
  });

  test('a worker’s community missing from the community table is reported once', async () => {
    const r = await check('changchun', [...community('春晖社区'), worker({ 社区: '秋实社区' })], [{ 社区: '春晖社区', 户数: 1000 }]);
    expect(findings(r, '社区匹配')).toMatchObject([{ severity: 'warning', community: '秋实社区', row: null }]);
  });
});

describe('retirement (national schedule)', () => {
  const woman = { 性别: '女', 出生日期: '1971-09-10' };
  test('due within the chosen number of months: a warning; outside the window: nothing', async () => {
    const within = await check('benxi', [worker({ ...woman, 身份证号: idFor('1971-09-10', '女') })], undefined, { retirementMonths: 6 });
    expect(findings(within, '退休提醒')).toMatchObject([{ severity: 'warning', row: 2 }]);
    expect(findings(within, '退休提醒')[0].citation.doc).toMatch(/渐进式延迟法定退休年龄/);
    const outside = await check('benxi', [worker({ ...woman, 身份证号: idFor('1971-09-10', '女') })], undefined, { retirementMonths: 3 });
    expect(findings(outside, '退休提醒')).toEqual([]);
  });

  test('past retirement: an error for a recruited 本溪 worker; 原退休年龄 50 (工人岗位) is respected', async () => {
    const r = await check('benxi', [
      worker({ 性别: '男', 出生日期: '1963-03-16', 身份证号: idFor('1963-03-16', '男'), 入职日期: '1995-09-01' }),
      worker({ 出生日期: '1975-06-01', 身份证号: idFor('1975-06-01', '女'), 原退休年龄: 50, 入职日期: '2000-01-01' }),
      worker({ 出生日期: '1975-06-01', 身份证号: idFor('1975-06-01', '女'), 入职日期: '2000-01-01' }),
    ]);
    expect(findings(r, '超过退休年龄').map((f) => f.row)).toEqual([2, 3]);
    expect(findings(r, '超过退休年龄')[1].message).toMatch(/原退休年龄50岁/);
  });

  test('本溪 三(七)1: an elected 两委 member past the age (incl. a 居委会委员) is a warning naming the approval and the next election; a recruited one an error (解读 §本溪-超龄两委)', async () => {
    const old = { 性别: '男', 出生日期: '1963-03-16', 入职日期: '1995-09-01' };
    const r = await check('benxi', [
      worker({ ...old, 身份证号: idFor('1963-03-16', '男'), 任用方式: '选任', 职务: '居委会委员' }),
      worker({ ...old, 身份证号: idFor('1963-03-16', '男'), 任用方式: '招聘', 职务: '专职工作人员' }),
    ]);
    expect(findings(r, '超过退休年龄').map((f) => [f.row, f.severity, f.citation.article])).toEqual([[2, 'warning', '三(七)1'], [3, 'error', expect.any(String)]]);
    expect(findings(r, '超过退休年龄')[0].message).toMatch(/县（区）审批.*下届换届.*解读 §本溪-超龄两委/);
  });

  test('厦门 第十五条: any worker past the age is a warning naming retirement and the labour agreement (解读 §厦门-超龄)', async () => {
    const r = await check('xiamen', [
      worker({ 性别: '男', 出生日期: '1963-03-16', 身份证号: idFor('1963-03-16', '男'), 入职日期: '1995-09-01' }),
      worker({ 性别: '男', 出生日期: '1963-03-16', 身份证号: idFor('1963-03-16', '男'), 入职日期: '1995-09-01', 任用方式: '选任', 职务: '书记' }),
    ]);
    expect(findings(r, '超过退休年龄').map((f) => [f.row, f.severity, f.citation.article])).toEqual([[2, 'warning', '第十五条'], [3, 'warning', '第十五条']]);
    expect(findings(r, '超过退休年龄')[0].message).toMatch(/办理退休.*区民政局备案.*劳务协议/);
  });

  test('本溪 三(六)1 and 厦门 第十条: a county whose average 现薪酬 is below the supplied city average wage gets a warning (解读 §薪酬水平)', async () => {
    const rows = [worker({ 现薪酬: 4000 }), worker({ 现薪酬: 5000 }), worker({ 区县: '丙区', 现薪酬: 9000 })];
    const b = await check('benxi', rows, undefined, { params: { '薪酬水平.上年度平均工资': 6000 } });
    expect(findings(b, '薪酬水平').map((f) => [f.severity, f.citation.article, f.county])).toEqual([['warning', '三(六)1', '甲区']]);
    expect(findings(b, '薪酬水平')[0].message).toMatch(/4500\.00.*全口径.*6000\.00/);
    const x = await check('xiamen', rows, undefined, { averageWage: 6000 });
    expect(findings(x, '薪酬水平').map((f) => [f.citation.article, f.county])).toEqual([['第十条', '甲区']]);
    expect(findings(await check('benxi', rows), '薪酬水平')).toEqual([]); // not supplied: nothing to compare
  });

  test('通州 第二十条: an elected worker past retirement may finish the term (warning), not after it ends (error)', async () => {
    const old = { 性别: '男', 出生日期: '1963-03-16', 身份证号: idFor('1963-03-16', '男'), 入职日期: '1995-09-01', 任用方式: '选任', 职务: '书记' };
    const r = await check('tongzhou', [worker({ ...old, 任期届满日期: '2031-06-30' }), worker({ ...old, 身份证号: idFor('1963-03-16', '男'), 任期届满日期: '2026-06-30' })]);
    expect(findings(r, '超过退休年龄').map((f) => [f.row, f.severity])).toEqual([[2, 'warning'], [3, 'error']]);
    expect(findings(r, '超过退休年龄')[0].citation.article).toBe('第二十条');
  });

  test('no birth date, sex or ID: retirement cannot be checked, and the row says so', async () => {
    const r = await check('benxi', [worker({ 出生日期: null, 性别: null })].map((w) => { delete w['身份证号']; return w; }));
    expect(findings(r, '缺少数据')).toMatchObject([{ severity: 'warning', row: 2 }]);
    expect(findings(r, '缺少数据')[0].message).toMatch(/无法核对法定退休时间/);
  });
});

describe('exit triggers (policy.exitTriggers)', () => {
  test('本溪 三(十二): 3 cumulative 不合格 (not consecutive) → error; 宁夏 needs 2 consecutive', async () => {
    const w = worker({ 考核2020: '不合格', 考核2022: '不合格', 考核2024: '不合格' });
    const b = await check('benxi', [w]);
    expect(findings(b, '退出情形')).toMatchObject([{ severity: 'error', row: 2, citation: { doc: '本民发〔2022〕41号', article: '三(十二)' } }]);
    const n = await check('ningxia', [w]);
    expect(findings(n, '退出情形')).toEqual([]);
  });

  test('通州 第四十一条: a protected worker is not dismissed — the exit finding is a warning that says so', async () => {
    const r = await check('tongzhou', [worker({ 考核2024: '不称职', 考核2025: '不称职', 保护情形: '医疗期', 旷工天数: 0 })]);
    expect(findings(r, '退出情形（不得辞退）')).toMatchObject([{ severity: 'warning', row: 2 }]);
    expect(findings(r, '退出情形（不得辞退）')[0].message).toMatch(/不得辞退/);
  });

  test('厦门 第三十条: a recruited worker whose probation assessment failed; not for an elected one', async () => {
    const r = await check('xiamen', [worker({ 试用期考核: '不合格' }), worker({ 试用期考核: '不合格', 任用方式: '选任' })]);
    expect(findings(r, '退出情形')).toMatchObject([{ severity: 'error', row: 2, citation: { article: '第三十条（一）' } }]);
  });
});

describe('recruitment conditions (policy.recruitment, judged at the entry date)', () => {
  test('厦门: a recruited worker below 大专 is a warning naming 第九条 (解读 §厦门-招聘条件); an elected one is not checked', async () => {
    const r = await check('xiamen', [worker({ 学历: '高中' }), worker({ 学历: '高中', 任用方式: '选任' })]);
    expect(findings(r, '招聘条件')).toMatchObject([{ severity: 'warning', row: 2, citation: { article: '第八条；第九条' } }]);
  });

  test('age is the age at entry: entered at 30, now 50 — no finding; entered at 43 — 长春新区 error unless a relaxation applies', async () => {
    const r = await check('changchun', [
      worker({ 出生日期: '1976-01-10', 身份证号: idFor('1976-01-10', '女'), 入职日期: '2006-03-01' }),
      worker({ 出生日期: '1975-01-10', 身份证号: idFor('1975-01-10', '女'), 入职日期: '2018-06-01' }),
      worker({ 出生日期: '1975-01-10', 身份证号: idFor('1975-01-10', '女'), 入职日期: '2018-06-01', 职业资格: '社会工作师' }),
    ]);
    expect(findings(r, '招聘条件').map((f) => [f.row, f.severity])).toEqual([[3, 'error'], [4, 'info']]);
  });

  test('without a 任用方式 column the rule is reported as not checked (only for a policy that has conditions)', async () => {
    const noColumn = [worker({ 学历: '高中' })].map((w) => { delete w['任用方式']; return w; });
    const x = await check('xiamen', noColumn);
    expect(findings(x, '招聘条件')).toEqual([]);
    expect(findings(x, '无法核对').map((f) => f.message).join()).toMatch(/任用方式.*招聘条件/);
    const b = await check('benxi', noColumn);
    expect(findings(b, '无法核对').map((f) => f.message).join()).not.toMatch(/招聘条件/);
  });
});

describe('staffing (policy.staffing, counted from the rows)', () => {
  test('厦门 第五条: 两委 over 9 is a warning, over 11 an error; no 专职党群工作者 is an error', async () => {
    const ten = await check('xiamen', community('春晖社区', { members: 3, residents: 4, deputies: 1 }).concat(worker({ 职务: '居委会委员', 任用方式: '选任' })), [{ 社区: '春晖社区' }]);
    expect(findings(ten, /^配备标准/).map((f) => [f.rule, f.severity])).toEqual([['配备标准：两委专职成员', 'warning']]);
    const twelve = await check('xiamen', community('春晖社区', { members: 4, residents: 5, deputies: 1, partyWorkers: 0 }), [{ 社区: '春晖社区' }]);
    expect(findings(twelve, /^配备标准/).map((f) => [f.rule, f.severity])).toEqual([
      ['配备标准：两委专职成员', 'warning'], ['配备标准：两委专职成员', 'error'], ['配备标准：专职社区党群工作者', 'error'],
    ]);
    const f = findings(twelve, /^配备标准/)[1];
    expect(f).toMatchObject({ scope: 'community', community: '春晖社区', sheet: '社区', row: 2, citation: { doc: '厦民规〔2020〕2号', article: '第五条' } });
    expect(f.message).toMatch(/两委专职成员 12 人，超过规定的 11 人/);
  });

  test('通州 第七条、第八条: headcount by households, post caps, committee sizes, party workers by membership', async () => {
    const rows = community('春晖社区', { members: 2, residents: 3, partyWorkers: 2, staff: 1 });
    rows.push(worker({ 职务: '服务站站长', 任用方式: '招聘' }), worker({ 职务: '党委书记' }));
    const r = await check('tongzhou', rows, [{ 社区: '春晖社区', 户数: 2000, 党员数: 350, 党组织类型: '党支部' }]);
    const got = findings(r, /^配备标准/).map((f) => `${f.rule} ${f.severity}`);
    expect(got).toEqual(expect.arrayContaining([
      '配备标准：社区工作者总数 error', // 13 < ceil(2000 / 130) = 16
      '配备标准：正职 error', // 书记兼主任, 站长, 党委书记 = 3 > 2
      '配备标准：社区党组织书记 error', // 2 secretaries
    ]));
    // 党支部 of 书记 ×2 + 副书记 + 2 委员 = 5: within 3–5.
    expect(findings(r, '配备标准：社区党支部委员')).toEqual([]);
    expect(findings(r, '配备标准：社区工作者总数')[0].message).toMatch(/13 人，少于规定的 16 人/);
    // 350 members: 专职党务工作者 1–3 + 2 → 3–5; 2 party workers + 1 副书记 = 3 is within.
    expect(findings(r, '配备标准：专职党务工作者')).toEqual([]);
  });

  test('长春新区 二(二): above 3,000 households the range grows by 1 per 500 (floor) and 1 per 300 (ceiling)', async () => {
    const rows = community('春晖社区', { members: 1, residents: 3, staff: 1 }); // 10 workers
    const r = await check('changchun', rows, [{ 社区: '春晖社区', 户数: 4000 }]);
    expect(findings(r, '配备标准：“社工岗”总数')).toMatchObject([{ severity: 'warning' }]);
    expect(findings(r, '配备标准：“社工岗”总数')[0].message).toMatch(/10 人，少于规定的 12 人（应为12–18人/);
  });

  test('county scope: community sums when there is no county table; a county table overrides; missing figures are reported', async () => {
    const rows = community('春晖社区');
    const sums = await check('benxi', rows, [{ 区县: '甲区', 街道: '乙街道', 社区: '春晖社区', 城镇常住人口: 10000 }]);
    expect(findings(sums, '配备标准：社区工作者总数')).toMatchObject([{ severity: 'error', scope: 'county', county: '甲区' }]);
    expect(findings(sums, '配备标准：社区工作者总数')[0].message).toMatch(/11 人，少于规定的 18 人/);
    const own = await check('benxi', rows, [{ 区县: '甲区', 街道: '乙街道', 社区: '春晖社区', 城镇常住人口: 10000 }], {}, [{ 区县: '甲区', 城镇常住人口: 5000 }]);
    expect(findings(own, '配备标准：社区工作者总数')).toEqual([]);
    const none = await check('benxi', rows, [{ 区县: '甲区', 街道: '乙街道', 社区: '春晖社区' }]);
    const cannot = findings(none, '无法核对').filter((f) => f.scope === 'county');
    expect(cannot).toMatchObject([{ severity: 'warning', scope: 'county', county: '甲区' }]);
    expect(cannot[0].message).toMatch(/城镇常住人口/);
  });

  test('长春新区 员额 by development zone (区县表 员额单位), with a parameter override', async () => {
    const rows = community('春晖社区');
    const r = await check('changchun', rows, [{ 区县: '甲区', 社区: '春晖社区', 户数: 1000 }], { params: { '员额.空港开发区': 8 } }, [{ 区县: '甲区', 员额单位: '空港开发区' }]);
    expect(findings(r, '配备标准：“社工岗”员额')).toMatchObject([{ severity: 'error', scope: 'county', county: '甲区' }]);
    expect(findings(r, '配备标准：“社工岗”员额')[0].message).toMatch(/11 人，超过规定的 8 人/);
  });

  test('without a community table the household-based standards are reported once as not checked', async () => {
    const r = await check('tongzhou', [...community('春晖社区'), ...community('秋实社区')]);
    const info = findings(r, '无法核对');
    expect(info.filter((f) => /户数/.test(f.message))).toHaveLength(2); // the missing table, and the two communities together
    expect(findings(r, /^配备标准/)).toEqual([]);
  });

  test('every `what` a policy’s staffing rule names can be counted from a roster', () => {
    const facts = [
      { households: 1000, population: 3000, urbanPopulation: 2900, partyMembers: 50, partyOrgType: '党支部', name: '高新开发区' },
      { households: 4000, population: 9000, urbanPopulation: 9000, partyMembers: 250, partyOrgType: '党总支', name: '北湖开发区' },
      { households: 2000, population: 5000, urbanPopulation: 5000, partyMembers: 320, partyOrgType: '党委', name: '长春新区' },
    ];
    for (const p of POLICIES) {
      for (const f of facts) {
        for (const scope of ['community', 'county'] as const) {
          for (const req of p.staffing(f, scope, p.params.resolve(null), new Trace(false))) {
            expect([p.id, req.what, counterFor(req.counts, p.posts.map((c) => c.name)) !== null]).toEqual([p.id, req.what, true]);
          }
        }
      }
    }
  });
});

describe('优秀 quota per unit and year (policy.excellentQuota)', () => {
  const rated = (n: number, excellent: number, over: Record<string, string> = {}) =>
    Array.from({ length: n }, (_, i) => worker({ ...over, 考核2024: i < excellent ? '优秀' : '合格' }));

  test('厦门 第二十一条 counts per community (单位); the 优秀 rows are listed', async () => {
    const r = await check('xiamen', [...rated(8, 3), ...rated(8, 2, { 社区: '秋实社区' })]);
    const q = findings(r, '优秀比例').filter((f) => f.severity === 'error');
    expect(q).toMatchObject([{ severity: 'error', scope: 'community', community: '春晖社区', year: 2024, rows: [2, 3, 4] }]);
    expect(q[0].message).toMatch(/参加考核 8 人，优秀 3 人，超出优秀名额（最多 2 人）1 人/);
  });

  test('厦门 第二十一条: the 社区正职 is rated in a separate list and not counted (解读 §厦门-优秀比例)', async () => {
    // 8 staff with 2 优秀 are within 25%; the head's 优秀 does not count, nor does the head count as rated.
    const r = await check('xiamen', [worker({ 职务: '党委书记、居委会主任', 任用方式: '选任', 考核2024: '优秀' }), ...rated(8, 2)]);
    expect(findings(r, '优秀比例').map((f) => f.severity)).toEqual(['info']);
    expect(findings(r, '优秀比例')[0].message).toMatch(/正职实行单列考核.*解读 §厦门-优秀比例/);
    // Counted as before it would have been 9 rated (max 2), 3 优秀: an error. Now 8 rated, 2 优秀, and 7 staff with 2 优秀 → max 1: an error again.
    const over = await check('xiamen', [worker({ 职务: '党委书记、居委会主任', 任用方式: '选任', 考核2024: '合格' }), ...rated(7, 2)]);
    expect(findings(over, '优秀比例').filter((f) => f.severity === 'error')[0].message).toMatch(/参加考核 7 人，优秀 2 人.*不含社区正职/);
  });

  test('通州 第二十六条 counts per street; 本溪 has no quota', async () => {
    const rows = [...rated(8, 3), ...rated(8, 2, { 社区: '秋实社区' })];
    const t = await check('tongzhou', rows);
    expect(findings(t, '优秀比例')).toMatchObject([{ severity: 'error', scope: 'street', street: '乙街道', community: null, year: 2024 }]);
    const b = await check('benxi', rows);
    expect(findings(b, '优秀比例')).toEqual([]);
  });
});

describe('rules a policy exports as functions', () => {
  test('宁夏: the street’s 书记后备人才库 (1:3) and the certified share', async () => {
    const rows = [...community('春晖社区'), ...community('秋实社区')];
    const r = await check('ningxia', rows, [{ 街道: '乙街道', 社区: '春晖社区', 书记后备人才数: 2 }, { 街道: '乙街道', 社区: '秋实社区', 书记后备人才数: 2 }]);
    expect(findings(r, '书记后备人才')).toMatchObject([{ severity: 'warning', scope: 'street', street: '乙街道' }]);
    expect(findings(r, '书记后备人才')[0].message).toMatch(/4 人，少于 6 人/);
    const certified = await check('ningxia', rows.map((w, i) => ({ ...w, 职业资格: i < 4 ? '社会工作师' : null })));
    expect(findings(certified, '持证比例').map((f) => f.severity)).toEqual(['warning', 'info']); // 4/22 = 18% < 35% (2025), < 50% (2030)
  });

  test('长春新区: one-stop hall 2–3, at least 3 社工师 per community, training cycle', async () => {
    const rows = community('春晖社区').map((w, i) => ({ ...w, 一站式大厅: i === 0 ? '是' : '否', 职业资格: i < 2 ? '社会工作师' : i < 5 ? '助理社会工作师' : null, 最近培训年度: 2026 }));
    rows[0]['最近培训年度'] = 2024; // 书记兼主任: every year
    rows[3]['最近培训年度'] = 2024; // others: every 2 years — due this year
    const r = await check('changchun', rows, [{ 社区: '春晖社区', 户数: 1000 }]);
    expect(findings(r, '“一站式”大厅人员')).toMatchObject([{ severity: 'warning', scope: 'community' }]);
    expect(findings(r, '社工师人数')).toMatchObject([{ severity: 'warning', scope: 'community' }]);
    expect(findings(r, '培训周期').map((f) => [f.row, f.severity])).toEqual([[2, 'warning'], [5, 'info']]);
  });

  test('通州: continuing education, probation over 6 months, expired service agreement, average pay', async () => {
    const r = await check('tongzhou', [
      worker({ 职业资格: '助理社会工作师', 继续教育学时: 40 }),
      worker({ 试用期: '是', 入职日期: '2026-01-05' }),
      worker({ 协议签订日期: '2021-03-01' }),
      worker({ 现薪酬: 3000 }),
    ], undefined, { averageWage: 5000 });
    expect(findings(r, '继续教育')).toMatchObject([{ severity: 'error', row: 2 }]);
    expect(findings(r, '试用期期限')).toMatchObject([{ severity: 'warning', row: 3 }]);
    expect(findings(r, '服务协议期限')).toMatchObject([{ severity: 'warning', row: 4 }]);
    expect(findings(r, '工资总体水平')).toMatchObject([{ severity: 'warning', scope: 'street' }]);
  });

  test('本溪 三(八)2, 三(五): secondment over 1 month, probation over 6 months', async () => {
    const r = await check('benxi', [worker({ 借调月数: 2 }), worker({ 试用期: '是', 入职日期: '2026-01-05' }), worker({ 试用期: '是', 入职日期: '2026-09-01' })]);
    expect(findings(r, '借调时间')).toMatchObject([{ severity: 'error', row: 2, citation: { article: '三(八)2' } }]);
    expect(findings(r, '试用期')).toMatchObject([{ severity: 'warning', row: 3 }]);
  });

  test('columns a rule needs but the roster lacks: the rule is listed as not checked', async () => {
    const r = await check('changchun', community('春晖社区'), [{ 社区: '春晖社区', 户数: 1000 }]);
    const msg = findings(r, '无法核对').map((f) => f.message).join('\n');
    expect(msg).toMatch(/一站式大厅/);
    expect(msg).toMatch(/最近培训年度/);
    expect(msg).toMatch(/职业资格/);
  });
});

describe('the check itself', () => {
  test('progress is reported to the end, the work yields in slices, and the input is never modified', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => community(`社区${i}`, { street: `街道${i % 3}` })).flat();
    const roster = rosterOf(rows, Array.from({ length: 30 }, (_, i) => ({ 街道: `街道${i % 3}`, 社区: `社区${i}`, 户数: 1000 })));
    const before = JSON.stringify(roster);
    const deepFreeze = (o: unknown): void => { if (o && typeof o === 'object') { Object.freeze(o); Object.values(o).forEach(deepFreeze); } };
    deepFreeze(roster);
    const calls: Array<[number, number]> = [];
    let yields = 0;
    const r = await checkRoster(roster, 'tongzhou', { asOf: AS_OF, sliceMs: 0, yieldTo: async () => { yields++; }, onProgress: (d, t) => calls.push([d, t]) });
    expect(r.summary.workers).toBe(330);
    expect(yields).toBeGreaterThan(1);
    expect(calls[calls.length - 1][0]).toBe(calls[calls.length - 1][1]);
    expect(calls.every(([d, t], i) => d <= t && (i === 0 || d >= calls[i - 1][0]))).toBe(true);
    expect(JSON.stringify(roster)).toBe(before);
  });

  test('cancellation: an aborted signal stops the check with CheckCancelled', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => community(`社区${i}`)).flat();
    const signal = { aborted: false };
    const run = checkRoster(rosterOf(rows), 'benxi', { asOf: AS_OF, sliceMs: 0, signal, onProgress: () => { signal.aborted = true; } });
    await expect(run).rejects.toBeInstanceOf(CheckCancelled);
    await expect(checkRoster(rosterOf(rows), 'benxi', { asOf: AS_OF, signal: { aborted: true } })).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('findings come roster-wide first, then by county, street and community in roster order, then by row', async () => {
    const rows = [...community('春晖社区', { county: '乙区' }), worker({ 区县: '甲区', 社区: '秋实社区', 入职日期: '2023-02-30' })];
    const r = await check('xiamen', rows);
    const order = r.findings.map((f) => `${f.scope}:${f.county ?? ''}`);
    expect(order[0]).toBe('roster:');
    const firstJia = order.findIndex((o) => o.endsWith('甲区'));
    expect(order.slice(firstJia).every((o) => o.endsWith('甲区'))).toBe(true);
    expect(r.summary.byCommunity.map((c) => c.community)).toEqual(['春晖社区', '秋实社区']);
  });

  test('bad input is a CwError: unknown policy, bad months, an as-of before the policy applies', async () => {
    const roster = rosterOf([worker()]);
    await expect(checkRoster(roster, '上海', {})).rejects.toMatchObject({ code: 'UNKNOWN_POLICY' });
    await expect(checkRoster(roster, 'benxi', { retirementMonths: -1 })).rejects.toMatchObject({ code: 'INVALID_NUMBER' });
    await expect(checkRoster(roster, 'benxi', { asOf: '2022-06-01' })).rejects.toMatchObject({ code: 'NOT_IN_FORCE' });
    await expect(checkRoster(roster, 'benxi', { asOf: '2022-06-01' })).rejects.toBeInstanceOf(CwError);
  });
});

describe('the policy’s in-force note', () => {
  test('cites the article the policy declares for it (厦门 第三十六条 past its validity; 通州 as a draft), not one parsed from the message', async () => {
    const xiamen = findings(await check('xiamen', [worker()]), '适用政策');
    expect(xiamen.map((f) => [f.severity, f.citation.article])).toEqual([['info', '第三十六条']]);
    expect(xiamen[0].message).toMatch(/已超出.*有效期/);
    const tongzhou = findings(await check('tongzhou', [worker()]), '适用政策');
    expect(tongzhou.map((f) => f.citation)).toEqual([{ doc: POLICIES.find((p) => p.id === 'tongzhou-draft')!.doc, article: '施行与有效期' }]);
    expect(findings(await check('benxi', [worker()]), '适用政策')).toEqual([]);
  });
});

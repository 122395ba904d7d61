import {
  matchHeaders, fieldOfHeader, ratingYearOf, findHeaderRow, detectRoster, parseTitles, checkRoster, CwError,
} from '../../src/engine';
import type { Cell } from '../../src/engine';

describe('header matching (docs/design.md 花名册)', () => {
  test.each([
    ['区县', 'county'], ['区（县）', 'county'], ['县(市、区)', 'county'],
    ['街道', 'street'], ['街道（乡镇）', 'street'], ['所属街道', 'street'],
    ['社区', 'community'], ['所在社区', 'community'], ['社区名称', 'community'],
    ['姓名', 'name'], ['* 姓 名', 'name'],
    ['身份证号', 'idNumber'], ['身份证号码', 'idNumber'], ['公民身份号码', 'idNumber'], ['居民身份证号码', 'idNumber'],
    ['出生日期', 'birthDate'], ['出生年月', 'birthDate'],
    ['岗位类别', 'post'], ['岗位', 'post'],
    ['职务', 'title'], ['现任职务', 'title'],
    ['入职日期', 'entryDate'], ['入职时间', 'entryDate'], ['参加工作时间', 'entryDate'], ['参加社区工作时间', 'entryDate'],
    ['学历', 'education'], ['最高学历', 'education'], ['学位', 'degree'],
    ['职业资格', 'certificate'], ['社工证', 'certificate'], ['取证日期', 'certificateDate'],
    ['试用期', 'probation'], ['现薪酬', 'currentPay'], ['现薪酬（元/月）', 'currentPay'], ['现薪酬(元)', 'currentPay'],
    ['任用方式', 'appointment'], ['是否选任', 'elected'], ['旷工天数', 'absenceDays'], ['保护情形', 'protectedStatus'],
    ['借调月数', 'secondmentMonths'], ['一站式大厅', 'serviceHall'], ['继续教育学时', 'educationHours'],
  ])('worker header %s → %s', (header, field) => {
    expect(fieldOfHeader(header, 'workers')).toBe(field);
  });

  test.each([
    ['户数', 'households'], ['居民户数', 'households'], ['常住人口', 'population'], ['城镇常住人口', 'urbanPopulation'],
    ['党员数', 'partyMembers'], ['党员人数', 'partyMembers'], ['党组织类型', 'partyOrgType'], ['星级', 'star'], ['后备人才数', 'reservePool'],
  ])('community header %s → %s', (header, field) => {
    expect(fieldOfHeader(header, 'communities')).toBe(field);
  });

  test.each([
    ['考核2023', 2023], ['2023年度考核', 2023], ['2023年考核等次', 2023], ['考核结果2021', 2021], ['2024考核', 2024], ['年度考核2022', 2022],
  ])('rating column %s → year %i', (header, year) => {
    expect(ratingYearOf(header)).toBe(year);
  });

  test.each(['考核', '2023', '考核情况说明', '考核1850'])('%s is not a rating column', (header) => {
    expect(ratingYearOf(header)).toBeNull();
  });

  test('a real sheet: synonyms matched, unknown headers listed, ignored ones not, ratings by year', () => {
    const m = matchHeaders(['序号', '所在社区', '姓名', '公民身份号码', '岗位', '参加工作时间', '考核2023', '2024年度考核', '网格编号', '备注', '爱好'], 'workers');
    expect(m.columns).toMatchObject({ community: 1, name: 2, idNumber: 3, post: 4, entryDate: 5 });
    expect(m.ratingColumns).toEqual([{ year: 2023, column: 6 }, { year: 2024, column: 7 }]);
    expect(m.unrecognised).toEqual([{ column: 8, header: '网格编号' }, { column: 10, header: '爱好' }]);
    expect(m.missing).toEqual([]);
    expect(m.absent.map((d) => d.label)).toEqual(expect.arrayContaining(['区县', '街道', '性别', '出生日期', '职务', '学历']));
  });

  test('required headers that are missing are listed for the mapping step', () => {
    const m = matchHeaders(['网格', '名字', '备注'], 'workers');
    expect(m.missing.map((d) => d.label)).toEqual(['社区', '岗位类别（或职务）']);
    expect(m.unrecognised).toEqual([{ column: 0, header: '网格' }]);
  });

  test('the clerk’s mapping (by header text or column) wins; a bad mapping is reported', () => {
    const headers = ['网格社区', '名字', '担当', '考评23'];
    const m = matchHeaders(headers, 'workers', { community: '网格社区', title: 2, ratings: { 2023: '考评23' } });
    expect(m.missing).toEqual([]);
    expect(m.columns).toMatchObject({ community: 0, name: 1, title: 2 });
    expect(m.ratingColumns).toEqual([{ year: 2023, column: 3 }]);
    expect(m.unrecognised).toEqual([]);
    const bad = matchHeaders(headers, 'workers', { community: '不存在', shoeSize: 1, ratings: { 去年: 3 } } as never);
    expect(bad.overrideErrors.join('\n')).toMatch(/不存在[\s\S]*shoeSize[\s\S]*去年/);
  });

  test('duplicate columns: the first is used and the duplicate is reported', () => {
    const m = matchHeaders(['社区', '姓名', '职务', '身份证号', '身份证号码'], 'workers');
    expect(m.columns.idNumber).toBe(3);
    expect(m.duplicates).toEqual([{ field: 'idNumber', columns: [3, 4] }]);
  });
});

describe('finding the tables in a workbook', () => {
  const workers: Cell[][] = [
    ['某区社区工作者花名册', null, null],
    [null, null, null],
    ['社区', '姓名', '职务'],
    ['春晖社区', '张三', '书记'],
    [null, null, null],
    ['春晖社区', '李四', '委员'],
  ];
  const communities: Cell[][] = [['区县', '街道', '社区', '户数'], ['甲区', '乙街道', '春晖社区', 1200]];
  const counties: Cell[][] = [['区县', '城镇常住人口'], ['甲区', 90000]];

  test('the header row is found below a title row', () => {
    expect(findHeaderRow(workers, 'workers')).toBe(2);
    expect(findHeaderRow(communities, 'workers')).toBe(-1);
  });

  test('tables are found by their headers, not by sheet name or order; blank rows keep their sheet row numbers', () => {
    const d = detectRoster([
      { name: 'Sheet3', rows: counties },
      { name: '数据', rows: communities },
      { name: 'Sheet1', rows: workers },
    ]);
    expect(d.sheets).toEqual({ workers: 'Sheet1', communities: '数据', counties: 'Sheet3' });
    expect(d.roster!.workers.headerRow).toBe(3);
    expect(d.roster!.workers.rows).toHaveLength(2);
    expect(d.roster!.workers.rowNumbers).toEqual([4, 6]);
    expect(d.roster!.communities!.rows).toHaveLength(1);
    expect(d.roster!.counties!.rows).toEqual([['甲区', 90000]]);
  });

  test('no worker table: no roster, and a note that says what headers are needed', () => {
    const d = detectRoster([{ name: '社区', rows: communities }]);
    expect(d.roster).toBeNull();
    expect(d.notes[0]).toMatch(/没有找到职工表.*姓名/);
  });

  test('checkRoster refuses a worker table without its required columns, naming them; a mapping makes it work', async () => {
    const roster = { workers: { sheet: '职工', headerRow: 1, headers: ['网格', '姓名', '职务'], rows: [['春晖社区', '张三', '书记']] } };
    await expect(checkRoster(roster, 'benxi', { asOf: '2026-01-01' })).rejects.toThrow(/职工表.*缺少必需的列：社区/);
    await expect(checkRoster(roster, 'benxi', { asOf: '2026-01-01' })).rejects.toBeInstanceOf(CwError);
    const r = await checkRoster(roster, 'benxi', { asOf: '2026-01-01', mapping: { workers: { community: '网格' } } });
    expect(r.summary.communities).toBe(1);
    expect(r.mapping.workers.columns.community).toBe(0);
  });
});

describe('job titles (职务)', () => {
  test.each([
    ['党委书记、居委会主任', { role: 'head', partySecretary: true, committeeHead: true }],
    ['社区党总支书记兼居委会主任', { role: 'head', partySecretary: true, committeeHead: true }],
    ['一肩挑', { role: 'head', partySecretary: true, committeeHead: true }],
    ['专职副书记', { role: 'deputy', partyDeputy: true, committeeHead: false }],
    ['党支部委员，居委会委员', { role: 'member', partyMember: true, committeeMember: true }],
    ['委员', { role: 'member', partyMember: false, committeeMember: true }],
    ['居委会副主任', { role: 'deputy', committeeDeputy: true }],
    ['服务站站长', { role: 'head', stationHead: true, committeeHead: false, partySecretary: false }],
    ['专职党务工作者', { role: 'staff', partyWorker: true }],
    ['党群工作者', { role: 'staff', partyWorker: true }],
    ['网格员', { role: 'staff', partyWorker: false }],
    ['办事员', { role: null, unknown: ['办事员'] }],
    ['居委会书记', { role: null, unknown: ['居委会书记'] }],
  ])('%s', (text, expected) => {
    expect(parseTitles(text)).toMatchObject(expected);
  });
});

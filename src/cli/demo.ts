import { evaluate, POLICIES, CwError } from '../engine';
import { Io } from './io';

/** Sample workers from the worked examples of docs/rules.md, one line each. */
const SAMPLES: Array<{ label: string; input: Record<string, unknown> }> = [
  { label: '本溪 副职，2000-09-01 入职，2023-06-01', input: { policy: '本溪', post: '副职', entryDate: '2000-09-01', asOf: '2023-06-01' } },
  { label: '本溪 副职，同上，持社会工作师证', input: { policy: '本溪', post: '副职', entryDate: '2000-09-01', asOf: '2023-06-01', certificate: '社会工作师' } },
  { label: '本溪 书记，2012-07-01 入职，2024-03-15', input: { policy: 'benxi', post: '书记', entryDate: '2012-07-01', asOf: '2024-03-15' } },
  { label: '本溪 工作人员，试用期', input: { policy: '本溪市', post: '专职工作人员', entryDate: '2024-02-01', asOf: '2024-03-15', probation: true } },
  { label: '厦门 其他社区工作者，未填岗位津贴', input: { policy: '厦门', post: '其他', entryDate: '2016-01-01', asOf: '2022-06-01' } },
  { label: '宁夏 专职工作人员，未填本市薪酬表', input: { policy: '宁夏', post: '专职工作人员', entryDate: '2018-03-01', asOf: '2025-06-01' } },
];

/** `cw demo` (what `npm start` runs where the add-in cannot be served): the engine on sample workers. */
export async function run(_args: string[], io: Io): Promise<number> {
  io.stdout('cwkit 政策引擎演示 / policy engine demo\n\n');
  io.stdout(`已实现的政策：${POLICIES.map((p) => `${p.name}（${p.id}）`).join('、')}\n\n`);
  for (const s of SAMPLES) {
    io.stdout(`▸ ${s.label}\n`);
    try {
      const r = evaluate(s.input);
      io.stdout(`  计龄 ${r.tenureYears} 年，等级 ${r.grade ?? '—'}，合计 ${r.total} 元：${Object.entries(r.items).map(([k, v]) => `${k} ${v}`).join('，')}\n`);
      for (const t of r.trace) io.stdout(`    · ${t.step}：${t.value} — ${t.source}\n`);
      for (const w of r.warnings) io.stdout(`    ! ${w}\n`);
    } catch (e) {
      if (!(e instanceof CwError)) throw e;
      io.stdout(`  ✗ ${e.code}：${e.message}\n`);
    }
    io.stdout('\n');
  }
  io.stdout('更多：npx cw calc --help，npx cw fn --help\n');
  return 0;
}

import { Io, processIo, Command } from './io';

/** Subcommands, each in its own module, loaded only when used (keeps `cw calc` start-up fast). */
const COMMANDS: Record<string, { module: string; summary: string }> = {
  calc: { module: './calc', summary: 'cw calc <json> | --file F | < workers.jsonl   计算职工等级与薪酬（JSON）' },
  fn: { module: './fn', summary: 'cw fn NAME ARG…   按 Excel 的调用方式计算自定义函数（如 cw fn PAY 本溪 副职 2000-09-01 2023-06-01）' },
  check: { module: './check', summary: 'cw check ROSTER.xlsx --policy ID [--json]   按配备与考核规则检查花名册' },
  report: { module: './report', summary: 'cw report KIND ROSTER.xlsx --policy ID --out FILE.pdf   生成报表' },
  payroll: { module: './payroll', summary: 'cw payroll ROSTER.xlsx --policy ID --period YYYY-MM --out FILE.xlsx [--previous PREV.xlsx]   当月薪酬表（应发、代扣、实发、累计）' },
  backpay: { module: './backpay', summary: 'cw backpay ROSTER.xlsx --policy ID --worker 姓名 --from YYYY-MM --to YYYY-MM   补发明细' },
  adjust: { module: './adjust', summary: 'cw adjust ROSTER.xlsx --policy ID --year YYYY   岗位等级调整名单' },
  demo: { module: './demo', summary: 'cw demo   用示例数据演示引擎' },
};

function usage(): string {
  return ['用法 / usage:', ...Object.values(COMMANDS).map((c) => '  ' + c.summary), ''].join('\n');
}

/** Entry point of the `cw` command; returns the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  // Own keys only: `cw constructor` is an unknown command, not Object's constructor.
  const entry = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    io.stderr(`cw：未知命令“${name}”。\n${usage()}`);
    return 2;
  }
  let mod: { run?: Command };
  try {
    mod = require(entry.module);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String((e as Error).message).includes(entry.module.slice(2))) {
      io.stderr(`cw：命令“${name}”尚未提供。\n`);
      return 2;
    }
    throw e;
  }
  return mod.run!(rest, io);
}

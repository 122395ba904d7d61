/**
 * The add-in's shipped zh-CN help pages (help/index.html, help/functions.html), written at build
 * time from the function catalogue in `help.ts`, so the help Excel opens from a function's
 * "更多帮助" link (functions.json `helpUrl`), the manifest's SupportUrl and the Get Started
 * LearnMoreUrl says exactly what the functions accept. Static HTML: no script, no other origin.
 */
import { FUNCTIONS, NAMESPACE } from './help';
import type { FnHelp } from './help';

/** Where each page lives under the add-in's base URL. */
export const HELP_PAGES = { index: 'help/index.html', functions: 'help/functions.html' } as const;

/** A function's anchor on the functions page (help/functions.html#PAY). */
export function helpAnchor(id: string): string {
  return `fn-${id.toLowerCase()}`;
}

/** A function's help URL under `baseUrl` (which ends with a slash). */
export function functionHelpUrl(baseUrl: string, id: string): string {
  return `${baseUrl}${HELP_PAGES.functions}#${helpAnchor(id)}`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8" />
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="referrer" content="no-referrer" />
<title>${esc(title)}</title>
<style>
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; margin: 1.5em auto; max-width: 52em; padding: 0 1em; line-height: 1.6; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ddd; }
code { background: #f3f3f3; padding: 0 .25em; } table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: .25em .5em; text-align: left; vertical-align: top; } th { background: #f0f0f0; }
.opt { color: #666; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function signature(f: FnHelp): string {
  return `${NAMESPACE}.${f.id}(${f.params.map((p) => (p.optional ? `[${p.zhName}]` : p.zhName)).join(', ')})`;
}

function functionSection(f: FnHelp): string {
  const rows = f.params
    .map((p) => `<tr><td><code>${esc(p.name)}</code><br />${esc(p.zhName)}</td><td>${p.optional ? '<span class="opt">可省略</span>' : '必填'}</td><td>${esc(p.zhDescription)}</td></tr>`)
    .join('\n');
  const examples = f.examples.map((e) => `<li><code>${esc(e.formula)}</code> — ${esc(e.zh)}</li>`).join('\n');
  return `<h2 id="${helpAnchor(f.id)}">${NAMESPACE}.${f.id}</h2>
<p>${esc(f.zhDescription)}</p>
<p><code>${esc(signature(f))}</code></p>
<table><tr><th>参数</th><th></th><th>说明</th></tr>
${rows}
</table>
<p>返回：${esc(f.zhReturns)}</p>
<ul>
${examples}
</ul>`;
}

/** help/functions.html: every CW function with its parameters and examples, one anchor each. */
export function functionsPage(): string {
  const toc = FUNCTIONS.map((f) => `<a href="#${helpAnchor(f.id)}">${NAMESPACE}.${f.id}</a>`).join(' · ');
  return page(
    'CW 函数说明 · 社区工作者薪酬工具',
    `<h1>CW 函数说明</h1>
<p><a href="index.html">← 帮助首页</a>　${toc}</p>
<p>日期可以是 Excel 日期，或“2015-03-01”“2015/3/1”“2015年3月1日”格式的文本。出错时返回 <code>#VALUE!</code> 或 <code>#N/A</code>，
并用中文说明是哪个参数、错在哪里。</p>
<p><b>计算日期（as_of）必填。</b>CW 函数不是易失函数：若省略时按“今天”计算，单元格会一直停在上次计算那天的数字。要按当天计算，请写
<code>TODAY()</code>（Excel 每次打开和重算都会更新它，引用它的 CW 函数随之重算）；薪酬表建议引用一个写有发薪期间第一天的单元格。</p>
${FUNCTIONS.map(functionSection).join('\n')}`,
  );
}

/** help/index.html: what the add-in does, which Excel runs it, where to get help. */
export function indexPage(): string {
  return page(
    '帮助 · 社区工作者薪酬工具',
    `<h1>社区工作者薪酬工具 · 帮助</h1>
<p>本加载项把五地（本溪、厦门、宁夏、长春新区、通州）社区工作者薪酬、等级、计龄、退休和配备政策做成 Excel 函数，每个数字都注明所依据的文件条款；
任务窗格按政策检查花名册，并生成六种报表。</p>
<h2>函数</h2>
<p>在单元格中输入 <code>=CW.PAY(…)</code> 等函数，详见 <a href="functions.html">CW 函数说明</a>。</p>
<h2>任务窗格</h2>
<p>在“开始”选项卡的“社区工作者”组点“花名册检查”打开。检查结果写入新工作表“检查结果”；报表可写入新的工作表（适用于任何 Excel：
打印，或用 Excel 的“另存为 PDF”），在 Excel 网页版中还可直接下载 PDF。加载项从不改写已有的工作表。</p>
<h2>支持的 Excel</h2>
<ul>
<li>Microsoft 365 版 Excel（Windows、Mac）；</li>
<li>Excel 2021 LTSC（批量许可）版本 2108 及以上；</li>
<li>Mac 版 Excel 16.35 及以上；</li>
<li>Excel 网页版。</li>
</ul>
<p>Excel 2016、Excel 2019 不支持本加载项（它们没有共享运行时和自定义函数）：请使用 cwkit 本地应用，或命令行 <code>cw</code>
（<code>cw check</code>、<code>cw report</code>、<code>cw fn</code>），结果相同。</p>
<h2>数据</h2>
<p>职工数据只在本机处理：加载项只加载自己的文件和 Office.js，不向其他地址发送任何数据。</p>`,
  );
}

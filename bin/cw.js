#!/usr/bin/env node
// The `cw` command. Runs the compiled CLI (dist/), built by `npm install` (prepare) or `npm run build:cli`.
'use strict';
// `cw calc` computes batches on the main thread too: keep its young generation at its start size,
// or V8 grows it to 2 × 16 MB and RSS with it. Only takes effect before the heap first grows.
if (process.argv[2] === 'calc') require('v8').setFlagsFromString('--semi-space-growth-factor=1');
const path = require('path');
const fs = require('fs');

/**
 * An error nothing inside cw handled: one Chinese 内部错误 line with the error's own message, exit 1
 * (as every command's help says: 1 内部错误). The stack only with CW_DEBUG=1, for the maintainer.
 */
function internalError(err) {
  const message = (err && typeof err === 'object' && 'message' in err ? String(err.message) : String(err)).trim() || '（没有说明）';
  process.stderr.write(`cw：内部错误：${message}。请把所用的命令、输入和此信息报告给维护者（设置环境变量 CW_DEBUG=1 再运行可显示调用栈）。\n`);
  if (process.env.CW_DEBUG === '1' && err && err.stack) process.stderr.write(String(err.stack) + '\n');
  process.exitCode = 1;
}
process.on('uncaughtException', (e) => { internalError(e); process.exit(1); });
process.on('unhandledRejection', (e) => { internalError(e); process.exit(1); });
// A closed pipe (cw calc … | head) is not an error.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); internalError(e); process.exit(1); });
const main = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('cw：尚未编译。请先运行 npm install（或 npm run build:cli）。 / cw is not built yet: run `npm install` or `npm run build:cli`.\n');
  process.exit(2);
}
require(main).main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  internalError,
);

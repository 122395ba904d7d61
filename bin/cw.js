#!/usr/bin/env node
// The `cw` command. Runs the compiled CLI (dist/), built by `npm install` (prepare) or `npm run build:cli`.
'use strict';
// `cw calc` computes batches on the main thread too: keep its young generation at its start size,
// or V8 grows it to 2 × 16 MB and RSS with it. Only takes effect before the heap first grows.
if (process.argv[2] === 'calc') require('v8').setFlagsFromString('--semi-space-growth-factor=1');
const path = require('path');
const fs = require('fs');
// A closed pipe (cw calc … | head) is not an error.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
const main = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('cw：尚未编译。请先运行 npm install（或 npm run build:cli）。 / cw is not built yet: run `npm install` or `npm run build:cli`.\n');
  process.exit(2);
}
require(main).main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(String((err && err.stack) || err) + '\n'); process.exitCode = 1; },
);

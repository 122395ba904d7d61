/**
 * Lets node `require()` TypeScript files by compiling them with SWC on the fly (no ts-node in this
 * project). Used by webpack.config.js (to build functions-zh-CN.json from src/functions) and by
 * `npm run templates`. Type errors are not reported here; `npm run typecheck` does that.
 */
'use strict';
const fs = require('fs');
const { transformSync } = require('@swc/core');

function compile(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', tsx: filename.endsWith('.tsx') },
      target: 'es2020',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
}

// (Under jest, require.extensions does not exist and jest compiles TypeScript itself.)
if (require.extensions) {
  for (const ext of ['.ts', '.tsx']) {
    if (!require.extensions[ext]) require.extensions[ext] = compile;
  }
}

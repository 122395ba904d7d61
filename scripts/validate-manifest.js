#!/usr/bin/env node
/**
 * `npm run validate [-- path/to/manifest.xml]`: Microsoft's own manifest check
 * (`office-addin-manifest validate`), which sends the manifest to Microsoft's validation service
 * and so needs the network. Offline it says so in Chinese and points to the offline schema check
 * in the test suite (test/addin/manifest-schema.test.ts) instead of failing with a network stack.
 */
'use strict';
const dns = require('dns');
const path = require('path');
const fs = require('fs');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const SERVICE = 'validationgateway.omex.office.net';

async function reachable(host) {
  try {
    await dns.promises.lookup(host);
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const manifest = path.resolve(process.argv[2] || path.join(ROOT, 'manifest.xml'));
  if (!fs.existsSync(manifest)) {
    console.error(`找不到清单文件：${manifest}。用法：npm run validate [-- dist/addin/manifest.xml]`);
    process.exit(2);
  }
  if (!(await reachable(SERVICE))) {
    console.error(
      [
        '无法连接微软的清单验证服务，未能在线验证 manifest.xml。',
        'office-addin-manifest validate 要把清单发送到微软的服务器检查，需要能访问互联网。',
        '离线时可运行：npx jest test/addin/manifest-schema.test.ts —— 按随仓库保存的微软 XSD 架构检查清单（不含商店规则）。',
        '有网络时请重新运行 npm run validate。',
        `Offline: Microsoft's validation service (${SERVICE}) cannot be reached. The offline XSD check is npx jest test/addin/manifest-schema.test.ts.`,
      ].join('\n'),
    );
    process.exit(3);
  }
  const cli = require.resolve('office-addin-manifest/cli.js');
  const r = spawnSync(process.execPath, [cli, 'validate', manifest], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

main();

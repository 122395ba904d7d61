/**
 * What the browser tests need: one webpack build of the add-in (the same config as `npm run
 * build`, development mode for speed), a tiny static server for it on a free localhost port, and
 * Debian's Chromium driven by playwright-core. Nothing is downloaded: a missing Chromium is an
 * error that says how to install it.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

export const ROOT = path.join(__dirname, '..', '..');

/** Chromium's flags for a sandbox-less CI container with no network chatter of its own. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** The Chromium to drive: $CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  const p = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(p)) {
    throw new Error(
      `找不到 Chromium（${p}）。浏览器测试需要 Debian 的 chromium 软件包：sudo apt-get install chromium fonts-noto-cjk poppler-utils（.ci/run 会自动安装）；或设置 CHROMIUM_PATH。\n`
      + `Chromium not found at ${p}. The browser tests drive Debian's chromium package: apt-get install chromium fonts-noto-cjk poppler-utils (.ci/run installs them), or set CHROMIUM_PATH.`,
    );
  }
  return p;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

/** Builds the add-in into `outDir` with the project's webpack config (development mode, no source maps). */
export function buildAddin(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'development', '--no-devtool', '--output-path', outDir],
      { cwd: ROOT, maxBuffer: 64 << 20, timeout: 300_000 },
      (err, stdout, stderr) => (err ? reject(new Error(`webpack failed: ${err.message}\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`)) : resolve()),
    );
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.xml': 'application/xml',
  '.png': 'image/png', '.ttf': 'font/ttf', '.map': 'application/json', '.css': 'text/css',
};

/** Serves a folder over http on 127.0.0.1 and a free port; every request path is recorded. */
export async function serveStatic(dir: string): Promise<{ origin: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    const file = path.resolve(root, '.' + decodeURIComponent(url.pathname));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

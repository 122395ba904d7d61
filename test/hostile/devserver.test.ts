/**
 * Findings 7 (port in use, certificates) and 8 (the development server's CORS): the real
 * webpack-dev-server with the project's devServer options, and the real `npm start` script.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

jest.setTimeout(180_000);

const ROOT = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lib = require('../../scripts/start-lib.js');

function get(port: number, file: string, origin: string): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http.get({ host: 'localhost', port, path: file, headers: { Origin: origin } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
    }).on('error', reject);
  });
}

test('the development server answers only its own origin, never Access-Control-Allow-Origin: *', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const WebpackDevServer = require('webpack-dev-server');
  const config = await require(path.join(ROOT, 'webpack.config.js'))({ WEBPACK_SERVE: true, http: true }, { mode: 'development' });
  const fake = config.devServer.headers({ headers: { host: 'localhost:3000', origin: 'https://evil.example' }, socket: { encrypted: true } });
  expect(fake['Access-Control-Allow-Origin']).toBe('https://localhost:3000');
  // The project's devServer options over a one-file bundle (the full build is the addin test's job).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-devserver-'));
  fs.writeFileSync(path.join(dir, 'entry.js'), 'console.log("sample data");');
  const compiler = webpack({ mode: 'development', devtool: 'source-map', entry: path.join(dir, 'entry.js'), output: { path: path.join(dir, 'out'), filename: 'main.js' }, infrastructureLogging: { level: 'error' }, stats: 'none' });
  const server = new WebpackDevServer({ ...config.devServer, port: 0, server: { type: 'http' }, liveReload: false, client: false, webSocketServer: false }, compiler);
  await server.start();
  try {
    const port = (server.server.address() as net.AddressInfo).port;
    const own = `http://localhost:${port}`;
    for (const file of ['/main.js', '/main.js.map']) {
      const evil = await get(port, file, 'https://evil.example');
      expect(evil.status).toBe(200);
      expect(evil.headers['access-control-allow-origin']).toBe(own);
      const same = await get(port, file, own);
      expect(same.headers['access-control-allow-origin']).toBe(own);
    }
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('Excel on the web may read the functions’ metadata, and only that: its origin is answered for functions.json and functions-zh-CN.json', async () => {
  const config = await require(path.join(ROOT, 'webpack.config.js'))({ WEBPACK_SERVE: true, http: true }, { mode: 'development' });
  const headers = (url: string, origin: string) => config.devServer.headers({ url, headers: { host: 'localhost:3000', origin }, socket: { encrypted: true } })['Access-Control-Allow-Origin'];
  for (const office of ['https://excel.officeapps.live.com', 'https://inc-excel.officeapps.live.com', 'https://usc-excel.officeapps.live.com']) {
    expect(headers('/functions.json', office)).toBe(office);
    expect(headers('/functions-zh-CN.json', office)).toBe(office);
    expect(headers('/functions.json?v=2', office)).toBe(office);
    // Everything else stays with the server's own origin, Office or not.
    for (const file of ['/functions.js', '/functions.js.map', '/taskpane.html', '/sample.json', '/functions.json.map']) expect(headers(file, office)).toBe('https://localhost:3000');
  }
  for (const evil of ['https://evil.example', 'http://excel.officeapps.live.com', 'https://excel.officeapps.live.com.evil.example', 'https://evil-excel.officeapps.live.com.example', 'https://excel-officeapps.live.com', 'null']) {
    expect(headers('/functions.json', evil)).toBe('https://localhost:3000');
  }
});

test('npm start with its port in use: says so in Chinese and names --port; --port picks another', async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, 'localhost', resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  try {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'start.js'), '--workbench', '--http', '--port', String(port)], { encoding: 'utf8', cwd: ROOT, timeout: 170_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`端口 ${port} 已被占用`);
    expect(r.stderr).toContain(`npm start -- --port ${port + 1}`);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  } finally {
    blocker.close();
  }
  expect(lib.parseArgs(['--port', '3001']).port).toBe(3001);
  expect(lib.plan({ platform: 'linux', options: { port: 3001 }, https: false, manifest: 'm', home: '/', id: 'x' }).origin).toBe('http://localhost:3001');
  expect(() => lib.parseArgs(['--port', 'x'])).toThrow(/--port：“x”不是 1 至 65535 之间的端口号/);
  const bad = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'start.js'), '--port', '99999'], { encoding: 'utf8', cwd: ROOT });
  expect(bad.status).toBe(2);
  expect(bad.stderr).toMatch(/^--port：“99999”/);
});

test('npm run start:addin without certificates falls back to http with the same instructions as npm start', async () => {
  // office-addin-dev-certs made to fail as it does without sudo: the config still yields a server, over http.
  jest.resetModules();
  jest.doMock('office-addin-dev-certs', () => ({ getHttpsServerOptions: async () => { throw new Error('EACCES: permission denied, mkdir /usr/local/share/ca-certificates/office-addin-dev-certs'); } }));
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const config = await require(path.join(ROOT, 'webpack.config.js'))({ WEBPACK_SERVE: true }, { mode: 'development' });
  expect(config.devServer.server).toEqual({ type: 'http' });
  const said = warn.mock.calls.map((c) => c.join(' ')).join('\n');
  expect(said).toMatch(/无法安装本机开发证书（EACCES/);
  expect(said).toMatch(/sudo/);
  warn.mockRestore();
  jest.dontMock('office-addin-dev-certs');
});

#!/usr/bin/env node
/**
 * `npm start`: one script for every platform.
 *
 *   Windows, Mac  the add-in is served by webpack-dev-server on https://localhost:3000 and
 *                 sideloaded as Microsoft's template does: with office-addin-debugging when it is
 *                 installed (`npm install --no-save office-addin-debugging`; it builds a native
 *                 module, so it is not a dependency), else by this script the same way: Windows —
 *                 the manifest is registered under HKCU\Software\Microsoft\Office\16.0\WEF\Developer
 *                 and Excel is started; Mac — manifest.xml is copied into Excel's wef folder and
 *                 Excel is opened.
 *   Linux, other  Excel cannot sideload: the same server, and the workbench page
 *                 (/workbench.html) shows the real task pane beside an in-memory sample roster.
 *
 * The https certificate comes from office-addin-dev-certs (installed into the user's trust store
 * on first use). When it cannot be installed (no access to the root store), the server runs over
 * http://localhost:3000 and says, in Chinese and English, how to proceed.
 *
 *   npm start                      as above
 *   npm run start:workbench        serve only (any platform), no sideloading
 *   npm run start:remove           undo the sideload registration (Windows, Mac)
 *   npm start -- --http            plain http, no certificate (the workbench only)
 *   npm start -- --port 3001       another port (when 3000 is in use; the workbench only)
 *   npm start -- --dry-run         print what would be done
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { MSG, PORT, addinId, parseArgs, plan } = require('./start-lib');

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');

const say = (lines) => {
  for (const l of lines) console.log(l);
};

/** Runs a step's commands; the first failure is returned as a message (null when all ran). */
function runCommands(commands) {
  for (const [cmd, args] of commands) {
    const r = spawnSync(cmd, args, { stdio: 'pipe', windowsVerbatimArguments: cmd === 'cmd', shell: false });
    if (r.error) return `${cmd}: ${r.error.message}`;
    if (r.status !== 0) return `${cmd} ${args.join(' ')}: ${(r.stderr || r.stdout || '').toString().trim() || `exit ${r.status}`}`;
  }
  return null;
}

/** office-addin-debugging's command line, when the package is installed (null otherwise). */
function officeAddinDebugging() {
  try {
    return require.resolve('office-addin-debugging/cli.js', { paths: [ROOT] });
  } catch {
    return null;
  }
}

/** A trusted certificate for https://localhost, or the reason there is none. */
async function certificate(options) {
  if (options.http) return { options: null, why: '--http' };
  try {
    const devCerts = require('office-addin-dev-certs');
    const o = await devCerts.getHttpsServerOptions();
    return { options: { ca: o.ca, key: o.key, cert: o.cert }, why: null };
  } catch (e) {
    return { options: null, why: String((e && e.message) || e).split('\n')[0] };
  }
}

/** True when nothing listens on localhost:`port`. */
function portFree(port) {
  return new Promise((resolve) => {
    const probe = require('net').createServer();
    probe.once('error', (e) => resolve(e.code !== 'EADDRINUSE'));
    probe.listen(port, 'localhost', () => probe.close(() => resolve(true)));
  });
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  const manifestXml = fs.readFileSync(MANIFEST, 'utf8');
  const base = { platform: process.platform, options, manifest: MANIFEST, home: os.homedir(), id: addinId(manifestXml) };

  if (options.remove) {
    const p = plan({ ...base, https: false });
    if (!p.remove) {
      console.log('此系统没有旁加载登记可移除。 / Nothing to remove on this system.');
      return;
    }
    if (options.dryRun) return void console.log(JSON.stringify(p.remove, null, 2));
    const failed = runCommands(p.remove.remove);
    say(failed ? [`移除失败 / Removal failed: ${failed}`] : MSG.removed(p.remove.where));
    process.exitCode = failed ? 1 : 0;
    return;
  }

  if (options.dryRun) {
    const p = plan({ ...base, https: true });
    console.log(JSON.stringify({ platform: process.platform, origin: p.origin, sideload: p.sideload, messages: p.messages }, null, 2));
    return;
  }

  // A port in use is said at once, in Chinese (webpack-dev-server would throw it from an event handler later).
  const port = options.port || PORT;
  if (!(await portFree(port))) {
    for (const l of MSG.portBusy(port)) console.error(l);
    process.exit(1);
  }
  process.on('uncaughtException', (e) => {
    if (e && e.code === 'EADDRINUSE') for (const l of MSG.portBusy(port)) console.error(l);
    else console.error(`npm start 出错 / npm start failed: ${(e && e.message) || e}`);
    process.exit(1);
  });

  const cert = await certificate(options);
  if (!cert.options && cert.why !== '--http') say(MSG.certFailed(cert.why));
  const p = plan({ ...base, https: Boolean(cert.options) });
  say(p.messages);

  const webpack = require('webpack');
  const WebpackDevServer = require('webpack-dev-server');
  // env.http keeps the config from asking for certificates again; the server type is set here.
  const config = await require(path.join(ROOT, 'webpack.config.js'))({ WEBPACK_SERVE: true, http: true }, { mode: 'development' });
  config.devServer.port = options.port || PORT;
  config.devServer.server = cert.options ? { type: 'https', options: cert.options } : { type: 'http' };
  const compiler = webpack(config);
  const server = new WebpackDevServer(config.devServer, compiler);

  let first = true;
  compiler.hooks.done.tap('cwkit-start', (stats) => {
    if (!first) return;
    first = false;
    if (stats.hasErrors()) {
      console.error(stats.toString({ all: false, errors: true, colors: false }));
      return;
    }
    say(MSG.ready(p.origin));
    const debugging = p.sideload ? officeAddinDebugging() : null;
    if (debugging) {
      // Microsoft's sideloading; it finds this server already on the port and does not start another.
      const failed = runCommands([[process.execPath, [debugging, 'start', MANIFEST, 'desktop', '--app', 'excel', '--dev-server-port', String(PORT), '--no-debug', '--no-live-reload']]]);
      say(failed ? [`office-addin-debugging 旁加载失败 / Sideloading with office-addin-debugging failed: ${failed}`] : ['已用 office-addin-debugging 旁加载。完成后运行 `npm run start:remove` 撤销登记。 / Sideloaded with office-addin-debugging; `npm run start:remove` undoes it.']);
    } else if (p.sideload) {
      const failed = runCommands(p.sideload.register);
      if (failed) say([`旁加载失败 / Sideloading failed: ${failed}`]);
      else {
        say(MSG.sideloaded(p.sideload.where));
        const launch = runCommands(p.sideload.launch);
        if (launch) say(MSG.launchFailed(launch));
        say(['完成后运行 `npm run start:remove` 撤销登记。 / Run `npm run start:remove` to undo the registration.']);
      }
    }
    if (cert.options) say(MSG.web(MANIFEST));
    if (options.open && !p.sideload) {
      const opener = process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', `${p.origin}/workbench.html`]] : [process.platform === 'darwin' ? 'open' : 'xdg-open', [`${p.origin}/workbench.html`]];
      runCommands([opener]);
    }
  });

  try {
    await server.start();
  } catch (e) {
    const busy = e && e.code === 'EADDRINUSE';
    if (busy) for (const l of MSG.portBusy(options.port || PORT)) console.error(l);
    else console.error(`无法启动服务器 / The server could not start: ${(e && e.message) || e}`);
    process.exit(1);
  }
  const stop = () => {
    server.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(`npm start 未能完成：${(e && e.message) || e}。请把此信息报告给维护者。 / npm start failed: ${(e && e.message) || e}`);
  process.exit(1);
});

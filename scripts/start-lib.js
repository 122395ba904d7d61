/**
 * What `npm start` does on each platform, as data (scripts/start.js carries it out; the tests read
 * it): where Excel can sideload an add-in (Windows, Mac) the manifest is registered as Microsoft's
 * office-addin-debugging would do it and Excel is started; elsewhere (Linux) the workbench is
 * served. Both serve the add-in from webpack-dev-server on https://localhost:3000, or on
 * http://localhost:3000 when no trusted certificate can be installed.
 */
'use strict';
const path = require('path');

const PORT = 3000;
/** Where Excel for Windows looks for developer (sideloaded) manifests. */
const WIN_KEY = 'HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer';
/** Excel for Mac's sideload folder, under the user's home. */
const MAC_WEF = ['Library', 'Containers', 'com.microsoft.Excel', 'Data', 'Documents', 'wef'];

/** Reads the add-in's id (<Id>) from manifest text. */
function addinId(manifestXml) {
  const m = /<Id>\s*([0-9a-fA-F-]{36})\s*<\/Id>/.exec(manifestXml);
  if (!m) throw new Error('manifest.xml 中没有 <Id>（加载项 GUID）。 / manifest.xml has no <Id>.');
  return m[1];
}

/** Parses start.js's arguments. */
function parseArgs(argv) {
  const o = { workbench: false, http: false, dryRun: false, remove: false, open: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port' || a.startsWith('--port=')) {
      const v = a === '--port' ? argv[++i] : a.slice(7);
      if (!/^\d+$/.test(v || '') || Number(v) < 1 || Number(v) > 65535) {
        throw new Error(`--port：“${v ?? ''}”不是 1 至 65535 之间的端口号。例：npm start -- --port 3001。 / --port needs a port number from 1 to 65535.`);
      }
      o.port = Number(v);
    } else if (a === '--workbench') o.workbench = true;
    else if (a === '--http') o.http = true;
    else if (a === '--dry-run') o.dryRun = true;
    else if (a === '--remove') o.remove = true;
    else if (a === '--open') o.open = true;
    else throw new Error(`未知选项 ${a}。可用：--workbench、--http、--port N、--remove、--dry-run、--open。 / Unknown option ${a}.`);
  }
  return o;
}

/** Commands that register (or remove) the manifest for Excel on this platform; null where Excel cannot sideload. */
function sideloadSteps(platform, { manifest, home, id }) {
  if (platform === 'win32') {
    return {
      where: `${WIN_KEY}  ${manifest}`,
      register: [['reg', ['add', WIN_KEY, '/v', manifest, '/t', 'REG_SZ', '/d', manifest, '/f']]],
      // `start` is a cmd built-in; Excel registers itself under App Paths, so `start excel` finds it.
      launch: [['cmd', ['/c', 'start', '""', 'excel']]],
      remove: [['reg', ['delete', WIN_KEY, '/v', manifest, '/f']]],
    };
  }
  if (platform === 'darwin') {
    const dir = path.posix.join(home, ...MAC_WEF);
    const file = path.posix.join(dir, `${id}.manifest.xml`);
    return {
      where: file,
      register: [['mkdir', ['-p', dir]], ['cp', [manifest, file]]],
      launch: [['open', ['-a', 'Microsoft Excel']]],
      remove: [['rm', ['-f', file]]],
    };
  }
  return null;
}

/** The messages, in Chinese then English. */
const MSG = {
  linux: (platform) => [
    `在此系统（${platform}）上 Excel 无法旁加载加载项：启动工作台，在浏览器中试用真实的任务窗格。`,
    `Excel cannot sideload add-ins on this system (${platform}): serving the workbench, where the real task pane runs in a browser.`,
  ],
  certFailed: (why) => [
    `无法安装本机开发证书（${why}）。通常是因为没有写入系统根证书库的权限。`,
    '改用 http://localhost:3000 提供服务：工作台照常可用；但 Excel 只接受 https 加载项。',
    '如需在 Excel 中加载：以管理员身份（Linux/Mac：sudo）运行 `npx office-addin-dev-certs install`，再运行 `npm start`；',
    '或运行 `npm start -- --http` 直接使用 http，不再尝试安装证书。',
    `The development certificate could not be installed (${why}); usually there is no access to the system's root certificate store.`,
    'Serving over http://localhost:3000 instead: the workbench works as usual, but Excel only loads add-ins over https.',
    'To load the add-in in Excel, run `npx office-addin-dev-certs install` as an administrator (Linux/Mac: with sudo), then `npm start` again;',
    'or run `npm start -- --http` to use http without trying to install the certificate.',
  ],
  workbenchOnly: ['只启动服务器和工作台，不旁加载到 Excel。', 'Serving the add-in and the workbench only; not sideloading into Excel.'],
  noHttpsNoSideload: [
    '没有受信任的 https 证书，不旁加载到 Excel（Excel 拒绝 http 加载项）。',
    'No trusted https certificate: not sideloading into Excel (Excel refuses add-ins over http).',
  ],
  web: (manifest) => [
    `Excel 网页版：打开工作簿 → 开始 → 加载项 → 更多加载项 → 我的加载项 → 上传我的加载项 → 选择 ${manifest}（浏览器须信任 localhost 证书）。`,
    `Excel on the web: open a workbook → Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in → choose ${manifest} (the browser must trust the localhost certificate).`,
  ],
  sideloaded: (where) => [`已登记加载项清单：${where}`, `Manifest registered: ${where}`],
  removed: (where) => [`已移除加载项登记：${where}`, `Sideload registration removed: ${where}`],
  launchFailed: (why) => [
    `无法自动启动 Excel（${why}）。请手动打开 Excel：开始 → 加载项 → 我的加载项（开发人员加载项）→ “社区工作者薪酬工具”。`,
    `Could not start Excel (${why}). Open Excel yourself: Home → Add-ins → My Add-ins (Developer Add-ins) → the cwkit add-in.`,
  ],
  portBusy: (port) => [
    `端口 ${port} 已被占用（可能是另一个 npm start 仍在运行）。请停止占用它的程序，或用 --port 选项换一个端口，如：npm start -- --port ${port + 1}`,
    `（换端口后工作台照常可用；Excel 中的加载项清单 manifest.xml 指向 ${PORT} 端口。）`,
    `Port ${port} is in use (perhaps another npm start). Stop whatever uses it, or pick another port with --port, e.g. npm start -- --port ${port + 1}`,
    `(The workbench works on any port; the manifest.xml that Excel loads points at port ${PORT}.)`,
  ],
  ready: (origin) => [
    `工作台 / Workbench:  ${origin}/workbench.html`,
    `任务窗格 / Task pane: ${origin}/taskpane.html  （在 Excel 中使用 / for Excel）`,
    '按 Ctrl+C 停止。 / Press Ctrl+C to stop.',
  ],
};

/**
 * The plan for this run: what to serve and whether to sideload.
 * `https` is whether a trusted certificate is available (known after trying to install it).
 */
function plan({ platform, options, https, manifest, home, id }) {
  const steps = options.workbench ? null : sideloadSteps(platform, { manifest, home, id });
  const origin = `${https ? 'https' : 'http'}://localhost:${options.port || PORT}`;
  return {
    origin,
    https,
    sideload: steps && https && !options.remove ? steps : null,
    remove: options.remove ? steps : null,
    messages: options.remove
      ? []
      : options.workbench
        ? MSG.workbenchOnly
        : !steps
          ? MSG.linux(platform)
          : https
            ? []
            : MSG.noHttpsNoSideload,
  };
}

module.exports = { PORT, WIN_KEY, MAC_WEF, MSG, addinId, parseArgs, sideloadSteps, plan };

/**
 * The text files of the WPS add-in package (dist/wps/), made at build time by webpack.wps.config.js:
 *
 *   manifest.xml    the JsPlugin manifest: name, and <Functions> pointing at functions.json under
 *                   namespace CW (how wpsjs-built add-ins declare their functions)
 *   functions.json  every function's metadata — the same objects main.js passes to AddCustomFunction
 *   ribbon.xml      a 社区工作者 tab with the button that shows the task pane
 *   publish.xml     a per-user jsaddons/publish.xml for an add-in copied into the jsaddons folder
 *   jsplugins.xml   an enterprise list (oem.ini [Server] JSPluginsServer points at it) with the
 *                   offline package (.7z) and, commented, the online form
 *
 * Pure functions of the package's name, version and URL, so a test checks them without a build.
 */
import { NAMESPACE } from '../functions/help';
import { PANE_BUTTON, PANE_TITLE } from './ribbon';
import { wpsCatalogue } from './functions';

/** What the package files depend on. */
export interface PackageInfo {
  /** The add-in's name in WPS (letters, digits, underscore): cwkit. */
  name: string;
  /** package.json's version. */
  version: string;
  /** Where an office serves the add-in (online) or its .7z (offline), ending in "/". */
  serverUrl: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The folder an offline add-in lives in under jsaddons: `<name>_<version>` (wpsjs's convention). */
export function offlineFolder(p: PackageInfo): string {
  return `${p.name}_${p.version}`;
}

/** manifest.xml. */
export function manifestXml(p: PackageInfo): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<JsPlugin>
  <ApiVersion>1.0.0</ApiVersion>
  <Name>${esc(p.name)}</Name>
  <Description>社区工作者薪酬与配备政策函数（${NAMESPACE}.PAY 等）与花名册检查任务窗格</Description>
  <Functions>
    <Uri>/functions.json</Uri>
    <Namespace>${NAMESPACE}</Namespace>
  </Functions>
</JsPlugin>
`;
}

/** functions.json: `{functions: [{name, description, result, parameters}]}`, as wpsjs writes it. */
export function functionsJson(): string {
  return JSON.stringify({ functions: wpsCatalogue() }, null, 2) + '\n';
}

/** ribbon.xml: the callbacks are main.js's globals (src/wps/ribbon.ts). */
export function ribbonXml(): string {
  return `<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui" onLoad="OnAddinLoad">
  <ribbon startFromScratch="false">
    <tabs>
      <tab id="cwkitTab" label="社区工作者">
        <group id="cwkitGroup" label="薪酬与配备">
          <button id="${PANE_BUTTON}" label="${esc(PANE_TITLE)}" screentip="显示或隐藏任务窗格：花名册检查、参数表、报表、${NAMESPACE} 函数说明" onAction="OnCwAction" getImage="GetCwImage" size="large"/>
        </group>
      </tab>
    </tabs>
  </ribbon>
</customUI>
`;
}

/** publish.xml for %APPDATA%\\kingsoft\\wps\\jsaddons (Windows) or ~/.local/share/Kingsoft/wps/jsaddons (Linux). */
export function publishXml(p: PackageInfo): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!--
  放在 jsaddons 文件夹中（Windows：%APPDATA%\\kingsoft\\wps\\jsaddons；Linux：~/.local/share/Kingsoft/wps/jsaddons），
  加载项文件放在同一文件夹下的 ${offlineFolder(p)}\\ 中。已有 publish.xml 时，只把下面的 <jsplugin> 一行加入其中。
  在线方式（加载项放在单位内网服务器上）改用：
  <jspluginonline name="${esc(p.name)}" type="et" url="${esc(p.serverUrl)}" enable="enable_dev" install="null" customDomain=""/>
-->
<jsplugins>
  <jsplugin name="${esc(p.name)}" type="et" url="${esc(offlineFolder(p))}" version="${esc(p.version)}" enable="enable_dev" install="null" customDomain=""/>
</jsplugins>
`;
}

/** jsplugins.xml for an enterprise build: oem.ini's [Server] JSPluginsServer is this file's URL. */
export function jspluginsXml(p: PackageInfo): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!--
  单位统一部署：把本文件和 ${esc(p.name)}.7z（dist/wps 的内容，见 docs/wps.md）放在内网服务器上，
  在每台电脑 WPS 的 office6/cfgs/oem.ini 中写：
    [Support]
    JsApiPlugin=true
    [Server]
    JSPluginsServer=${esc(p.serverUrl)}jsplugins.xml
  离线方式（下面一行）：WPS 下载 .7z 装入 jsaddons，版本号变了才重新下载。
  在线方式：改用 <jspluginonline name="${esc(p.name)}" type="et" url="${esc(p.serverUrl)}"/>，每次从服务器加载。
-->
<jsplugins>
  <jsplugin name="${esc(p.name)}" type="et" url="${esc(p.serverUrl)}${esc(p.name)}.7z" version="${esc(p.version)}"/>
</jsplugins>
`;
}

/// <reference types="et-jsapi-declare" />
/**
 * The WPS 表格 add-in's main script (dist/wps/main.js, loaded by index.html when WPS starts the
 * add-in): registers the CW functions with `wps.AddCustomFunction` and installs the ribbon's
 * callbacks. Outside WPS 表格 — WPS 文字 and 演示 have no AddCustomFunction, a browser has no `wps` —
 * it registers nothing and does not fail.
 */
import { registerFunctions } from './functions';
import { ribbonCallbacks } from './ribbon';

type Global = typeof globalThis & { wps?: Partial<WPSMergedRoot>; location?: { href: string } };
const g = globalThis as Global;
const host = g.wps;

if (host && typeof host.AddCustomFunction === 'function') {
  registerFunctions({ AddCustomFunction: host.AddCustomFunction.bind(host) });
}
if (host && typeof host.CreateTaskPane === 'function') {
  Object.assign(g, ribbonCallbacks(host as WPSMergedRoot, () => g.location?.href ?? ''));
}

/// <reference types="et-jsapi-declare" />
/**
 * The ribbon's callbacks (ribbon.xml names them): a 社区工作者 tab with one button that shows or
 * hides the task pane. WPS calls these as global functions of the add-in's main page, so main.ts
 * puts them on `window`. The pane is created once per WPS window and its id kept in PluginStorage
 * (the add-in's shared store), as Kingsoft's own samples do.
 */

/** The host objects the ribbon uses. */
export type RibbonHost = Pick<WPS.AddonRoot, 'CreateTaskPane' | 'GetTaskPane' | 'PluginStorage'>;

/** PluginStorage key of the task pane's id. */
export const PANE_ID_KEY = 'cwkit.taskpane';
/** The ribbon button's id (ribbon.xml). */
export const PANE_BUTTON = 'cwShowTaskPane';
/** The pane's title in WPS. */
export const PANE_TITLE = '社区工作者薪酬工具';

/** The add-in's base URL: the main page's folder (`…/cwkit_/`), as the ribbon sees it. */
export function baseUrl(pageUrl: string): string {
  const url = decodeURI(pageUrl).replace(/[?#].*$/, '');
  return url.slice(0, url.lastIndexOf('/') + 1);
}

/** Shows the task pane (creating it the first time) or hides it when shown. Returns whether it is now visible. */
export function togglePane(host: RibbonHost, pageUrl: string): boolean {
  const id = host.PluginStorage.getItem(PANE_ID_KEY);
  if (id) {
    const pane = host.GetTaskPane(Number(id));
    if (pane) {
      pane.Visible = !pane.Visible;
      return pane.Visible;
    }
  }
  const pane = host.CreateTaskPane(baseUrl(pageUrl) + 'taskpane.html', PANE_TITLE);
  host.PluginStorage.setItem(PANE_ID_KEY, pane.ID);
  pane.Visible = true;
  return true;
}

/** ribbon.xml's callbacks, bound to a host and the main page's URL. */
export function ribbonCallbacks(host: RibbonHost, pageUrl: () => string) {
  return {
    /** customUI onLoad: the first add-in code WPS runs after main.js. */
    OnAddinLoad(): boolean {
      return true;
    },
    /** A button's onAction. */
    OnCwAction(control: { Id: string }): boolean {
      if (control.Id === PANE_BUTTON) togglePane(host, pageUrl());
      return true;
    },
    /** A button's getImage: the add-in's own icon (relative to the add-in folder). */
    GetCwImage(): string {
      return 'assets/icon-80.png';
    },
  };
}

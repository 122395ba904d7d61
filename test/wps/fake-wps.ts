/// <reference types="et-jsapi-declare" />
/**
 * A fake of the WPS add-in root object (`window.wps`), from et-jsapi-declare's addon.d.ts and
 * addon.et.d.ts: `AddCustomFunction` records every registration; `CreateTaskPane`, `GetTaskPane`
 * and `PluginStorage` behave as declared (a pane with an ID, a URL and a Visible flag; a string
 * store shared by the add-in's pages); `ActiveWorkbook` / `ActiveWindow` serve a fake workbook.
 */
import type { Cell } from '../../src/engine';
import { FakeEt } from './fake-et';

/** One AddCustomFunction call. */
export interface Registration {
  namespace: string;
  name: string;
  callback: (...args: unknown[]) => unknown;
  metadata: Parameters<WPS.EtAddonRoot['AddCustomFunction']>[3];
}

/** A task pane as CreateTaskPane returns it. */
export class FakeTaskPane implements Pick<WPS.CustomTaskpane, 'ID' | 'Visible' | 'Width' | 'Height'> {
  Visible = false;
  Width = 300;
  Height = 600;
  constructor(readonly ID: number, readonly url: string, readonly title?: string) {}
  Navigate(url: string): void {
    (this as { url: string }).url = url;
  }
}

class FakePluginStorage implements Pick<WPS.PluginStorage, 'setItem' | 'getItem' | 'removeItem' | 'length'> {
  private readonly items = new Map<string, string>();
  setItem(key: string, value: number | boolean | string): void {
    this.items.set(key, String(value));
  }
  /** Declared as string; a missing key reads as null in WPS, as in localStorage. */
  getItem(key: string): string {
    return this.items.get(key) ?? (null as unknown as string);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  get length(): number {
    return this.items.size;
  }
}

/** The fake `wps` / `Application` global of an ET (表格) add-in. */
export class FakeWps extends FakeEt {
  readonly registrations: Registration[] = [];
  readonly panes: FakeTaskPane[] = [];
  readonly PluginStorage = new FakePluginStorage();

  constructor(sheets: Array<{ name: string; rows: Cell[][] }> = [{ name: 'Sheet1', rows: [] }]) {
    super(sheets);
  }

  AddCustomFunction: WPS.EtAddonRoot['AddCustomFunction'] = (namespace, name, callback, metadata) => {
    this.registrations.push({ namespace, name, callback: callback as Registration['callback'], metadata });
  };

  CreateTaskPane(url: string, title?: string): FakeTaskPane {
    const pane = new FakeTaskPane(this.panes.length + 1, url, title);
    this.panes.push(pane);
    return pane;
  }

  GetTaskPane(id: number): FakeTaskPane {
    return this.panes.find((p) => p.ID === id) as FakeTaskPane;
  }

  /** The function registered as namespace.name. */
  fn(namespace: string, name: string): (...args: unknown[]) => unknown {
    const r = this.registrations.find((x) => x.namespace === namespace && x.name === name);
    if (!r) throw new Error(`${namespace}.${name} is not registered`);
    return r.callback;
  }
}

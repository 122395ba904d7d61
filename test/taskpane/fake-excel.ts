/**
 * A fake Excel for the Office.js adapter's unit tests, built from office-addin-mock's
 * OfficeMockObject so Office.js's batching rules hold: a property can be read only after
 * `load(…)` and `context.sync()` (reading earlier gives office-addin-mock's error text, and
 * `isNullObject` throws), writes and method calls take effect at `sync()`, in the order made.
 * Behind it is a plain model of sheets, cells, per-cell fills, number formats, the selection and
 * the workbook's settings, which the tests inspect. Every `load('values')` is logged, so the
 * tests can see how large each read request was. Custom conditional formats (ExcelApi 1.6) are
 * kept per sheet in priority order and shown by {@link FakeExcel.markAt}, evaluated as Excel would
 * (cf-eval.ts); the clerk's own actions between two calls — sort, insert columns, rename — change
 * the model as Excel changes a workbook (fills move with sorted rows, formats and formulas shift
 * with inserted columns, conditional formats stay on their range).
 */
import { OfficeMockObject } from 'office-addin-mock';
import type { Cell } from '../../src/engine';
import { formulaHolds, shiftColumns } from './cf-eval';

// office-addin-mock reads only the OfficeApp host names from office-addin-manifest, whose own
// dependencies include an ES-module-only package that jest (CommonJS, Node 20) cannot require.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));

type Op = () => void;
type Mock = OfficeMockObject & Record<string, unknown>;

/** A cell's fill as Excel reports it: no fill is pattern None (and color #FFFFFF). */
export interface Fill {
  color: string;
  pattern: 'None' | 'Solid';
}

/** A sheet's page setup as Worksheet.pageLayout sets it (ExcelApi 1.9). */
export interface FakePageLayout {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number | null };
  centerHorizontally?: boolean;
  printTitleRows?: string;
  centerFooter?: string;
  rightHeader?: string;
  /** Cells before which a horizontal page break was added (A20 …). */
  pageBreaks: string[];
}

export interface FakeSheet {
  name: string;
  cells: Cell[][];
  fills: Map<string, Fill>;
  formats: Map<string, string>;
  bold: Set<string>;
  frozenRows: number;
  autofit: number;
  /** Merged blocks: 0-based row, column, rows, columns. */
  merges: Array<{ row: number; column: number; rows: number; columns: number }>;
  /** Column widths in points, by 0-based column. */
  columnWidths: Map<number, number>;
  /** Row heights in points, by 0-based row. */
  rowHeights: Map<number, number>;
  /** Ranges given each border edge style, as `row,column,rows,columns:Edge`. */
  borders: Set<string>;
  page: FakePageLayout;
  /** Visible, Hidden or VeryHidden. */
  visibility: string;
  /** Conditional formats, highest priority first. */
  conditionalFormats: FakeConditionalFormat[];
}

/** A custom conditional format: its range (0-based), formula and fill. */
export interface FakeConditionalFormat {
  row: number;
  column: number;
  rows: number;
  columns: number;
  formula: string;
  color: string;
}

const key = (r: number, c: number) => `${r},${c}`;
const NO_FILL: Fill = { color: '#FFFFFF', pattern: 'None' };

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  /** Settings as Excel keeps them (the adapter stores JSON text). */
  readonly settings = new Map<string, unknown>();
  active = '';
  selection: { sheet: string; row: number; column: number; rows: number; columns: number } | null = null;
  /** Every values read: sheet, first row (0-based), rows, columns. */
  readonly reads: Array<{ sheet: string; row: number; rows: number; columns: number }> = [];
  /** Every values write. */
  readonly writes: Array<{ sheet: string; row: number; rows: number; columns: number }> = [];
  syncs = 0;
  batches = 0;

  private ops: Op[] = [];
  /** Run after every sync's ops: copy plain properties (page setup) into the model. */
  private watchers: Op[] = [];
  private mocks: Mock[] = [];
  private unsynced = new Set<object>();

  constructor(sheets: Array<{ name: string; rows: Cell[][] }> = []) {
    for (const s of sheets) this.addModelSheet(s.name, s.rows);
    this.active = this.sheets[0]?.name ?? '';
  }

  addModelSheet(name: string, rows: Cell[][] = []): FakeSheet {
    const s: FakeSheet = {
      name, cells: rows.map((r) => r.slice()), fills: new Map(), formats: new Map(), bold: new Set(), frozenRows: 0, autofit: 0,
      merges: [], columnWidths: new Map(), rowHeights: new Map(), borders: new Set(), page: { pageBreaks: [] },
      visibility: 'Visible', conditionalFormats: [],
    };
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`ItemNotFound: ${name}`);
    return s;
  }

  /** A cell's fill (0-based row and column). */
  fill(sheet: string, r: number, c: number): Fill {
    return this.sheet(sheet).fills.get(key(r, c)) ?? NO_FILL;
  }

  setFill(sheet: string, r: number, c: number, color: string | null): void {
    const s = this.sheet(sheet);
    if (color === null) s.fills.delete(key(r, c));
    else s.fills.set(key(r, c), { color, pattern: 'Solid' });
  }

  /**
   * The fill a conditional format shows on a cell now (0-based row and column), or null: the
   * first format in priority order whose range holds the cell and whose formula holds for its row.
   */
  markAt(sheet: string, r: number, c: number): string | null {
    const s = this.sheet(sheet);
    for (const f of s.conditionalFormats) {
      if (r < f.row || r >= f.row + f.rows || c < f.column || c >= f.column + f.columns) continue;
      const at = (row: number, col: number) => s.cells[row - 1]?.[col];
      const list = (name: string, row: number, col: number) => this.sheet(name).cells[row - 1]?.[col];
      if (formulaHolds(f.formula, f.row + 1, r + 1, at, list)) return f.color.toUpperCase();
    }
    return null;
  }

  /** The clerk sorts rows `first`..`last` (0-based) by a column: cells and fills move with their rows. */
  sortRows(sheet: string, first: number, last: number, byColumn: number, descending = false): void {
    const s = this.sheet(sheet);
    const order = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    const value = (r: number) => String(s.cells[r]?.[byColumn] ?? '');
    order.sort((a, b) => (descending ? -1 : 1) * value(a).localeCompare(value(b)));
    const cells = order.map((r) => s.cells[r] ?? []);
    const fills = new Map<string, Fill>();
    for (const [k, f] of s.fills) {
      const [r, c] = k.split(',').map(Number);
      const at = order.indexOf(r);
      fills.set(at >= 0 ? key(first + at, c) : k, f);
    }
    cells.forEach((row, i) => (s.cells[first + i] = row));
    s.fills = fills;
  }

  /** The clerk inserts `count` columns before column `at` (0-based): cells, fills and formats move right, conditional formats stretch or move. */
  insertColumns(sheet: string, at: number, count: number): void {
    const s = this.sheet(sheet);
    for (const row of s.cells) if (row.length > at) row.splice(at, 0, ...new Array<Cell>(count).fill(null));
    const move = <V>(m: Map<string, V>) => new Map([...m].map(([k, v]) => {
      const [r, c] = k.split(',').map(Number);
      return [key(r, c >= at ? c + count : c), v] as [string, V];
    }));
    s.fills = move(s.fills);
    s.formats = move(s.formats);
    for (const f of s.conditionalFormats) {
      if (f.column >= at) f.column += count;
      else if (f.column + f.columns > at) f.columns += count;
      f.formula = shiftColumns(f.formula, at, count);
    }
  }

  /** The clerk renames a sheet. */
  rename(from: string, to: string): void {
    const s = this.sheet(from);
    if (this.active === s.name) this.active = to;
    s.name = to;
  }

  /** Excel.run for the adapter. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.batches++;
    this.ops = [];
    this.watchers = [];
    this.mocks = [];
    this.unsynced = new Set();
    const context = {
      workbook: { worksheets: this.worksheets(), settings: this.settingsCollection() },
      sync: () => this.sync(),
    };
    return batch(context as unknown as Excel.RequestContext);
  };

  private async sync(): Promise<void> {
    this.syncs++;
    for (const m of this.mocks) await m.sync();
    // office-addin-mock finishes a sync in queued microtasks.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const ops = this.ops;
    this.ops = [];
    for (const op of ops) op();
    for (const w of this.watchers) w();
    this.unsynced.clear();
  }

  /** An OfficeMockObject taking part in this batch's syncs. */
  private mock(data: Record<string, unknown>): Mock {
    const m = new OfficeMockObject(data) as Mock;
    this.mocks.push(m);
    return m;
  }

  /** `isNullObject`, readable only after a sync, as in Office.js. */
  private nullable(target: object, isNull: () => boolean): void {
    this.unsynced.add(target);
    Object.defineProperty(target, 'isNullObject', {
      get: () => {
        if (this.unsynced.has(target)) throw new Error('PropertyNotLoaded: isNullObject read before context.sync()');
        return isNull();
      },
    });
  }

  private worksheets() {
    let loaded = false;
    const unsynced = this.unsynced;
    const self = this;
    const col = {
      load(what: string) {
        if (what !== 'items/name' && what !== 'name') throw new Error(`unexpected worksheets.load(${what})`);
        loaded = true;
        unsynced.add(col);
        return col;
      },
      get items() {
        if (!loaded || unsynced.has(col)) throw new Error('PropertyNotLoaded: worksheets.items');
        return self.sheets.map((s) => ({ name: s.name, getRange: () => self.wholeSheet(s.name) }));
      },
      getItem: (name: string) => this.sheetProxy(name, false),
      getItemOrNullObject: (name: string) => this.sheetProxy(name, true),
      add: (name: string) => {
        if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: ${name}`);
        this.ops.push(() => this.addModelSheet(name));
        return this.sheetProxy(name, false);
      },
    };
    return col;
  }

  private sheetProxy(name: string, orNull: boolean): Mock {
    const self = this;
    const exists = () => this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase());
    const model = this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    const proxy = this.mock({
      name,
      visibility: model?.visibility ?? 'Visible',
      delete() {
        self.ops.push(() => {
          self.sheets.splice(self.sheets.indexOf(self.sheet(name)), 1);
        });
      },
      getRange() {
        return self.wholeSheet(name);
      },
      activate() {
        self.ops.push(() => {
          self.active = self.sheet(name).name;
        });
      },
      getUsedRangeOrNullObject(valuesOnly: boolean) {
        if (valuesOnly !== true) throw new Error('the adapter reads the used range of values only');
        return self.usedRange(name);
      },
      getRangeByIndexes(row: number, column: number, rows: number, columns: number) {
        return self.range(name, row, column, rows, columns);
      },
    });
    proxy.freezePanes = {
      freezeRows: (n: number) => this.ops.push(() => {
        this.sheet(name).frozenRows = n;
      }),
    };
    // Page setup: plain properties the adapter sets; copied into the model at every sync.
    const footer: { centerFooter?: string; rightHeader?: string } = {};
    const layout: Record<string, unknown> & { headersFooters: { defaultForAllPages: typeof footer } } = {
      headersFooters: { defaultForAllPages: footer },
      setPrintTitleRows: (rows: string) => this.ops.push(() => {
        this.sheet(name).page.printTitleRows = rows;
      }),
    };
    proxy.pageLayout = layout;
    proxy.horizontalPageBreaks = {
      add: (cell: string) => this.ops.push(() => {
        this.sheet(name).page.pageBreaks.push(cell);
      }),
    };
    const shownAs = proxy.visibility;
    this.watchers.push(() => {
      const target = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!target) return;
      const shown = proxy.visibility as unknown;
      if (shown !== shownAs && (shown === 'Visible' || shown === 'Hidden' || shown === 'VeryHidden')) target.visibility = shown;
      for (const k of ['orientation', 'paperSize', 'zoom', 'centerHorizontally'] as const) if (layout[k] !== undefined) (target.page as unknown as Record<string, unknown>)[k] = layout[k];
      if (footer.centerFooter !== undefined) target.page.centerFooter = footer.centerFooter;
      if (footer.rightHeader !== undefined) target.page.rightHeader = footer.rightHeader;
    });
    if (orNull) this.nullable(proxy, () => !exists());
    return proxy;
  }

  /** `worksheet.getRange()`: only its conditional formats, loaded as Office.js loads a collection. */
  private wholeSheet(name: string) {
    const self = this;
    const unsynced = this.unsynced;
    let loaded = false;
    const formats = {
      load(what: string) {
        if (what !== 'items/type,items/customOrNullObject/rule/formula') throw new Error(`unexpected conditionalFormats.load(${what})`);
        loaded = true;
        unsynced.add(formats);
        return formats;
      },
      get items() {
        if (!loaded || unsynced.has(formats)) throw new Error('PropertyNotLoaded: conditionalFormats.items');
        return self.sheet(name).conditionalFormats.map((f) => ({
          type: 'Custom',
          customOrNullObject: { isNullObject: false, rule: { formula: f.formula } },
          delete() {
            self.ops.push(() => {
              const list = self.sheet(name).conditionalFormats;
              const i = list.indexOf(f);
              if (i >= 0) list.splice(i, 1);
            });
          },
        }));
      },
    };
    return { conditionalFormats: formats };
  }

  private usedRange(name: string): Mock {
    const s = this.sheet(name);
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    s.cells.forEach((row, r) => row.forEach((v, c) => {
      if (v === null || v === undefined || v === '') return;
      r0 = Math.min(r0, r);
      r1 = Math.max(r1, r);
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c);
    }));
    const empty = r1 < 0;
    const m = this.mock({ rowIndex: empty ? 0 : r0, columnIndex: empty ? 0 : c0, rowCount: empty ? 1 : r1 - r0 + 1, columnCount: empty ? 1 : c1 - c0 + 1 });
    this.nullable(m, () => empty);
    return m;
  }

  private range(name: string, row: number, column: number, rows: number, columns: number): Mock {
    // A sheet added in this batch exists in the model only after the sync: its cells are blank.
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    const snapshot: Array<Array<string | number | boolean>> = Array.from({ length: rows }, (_, i) =>
      Array.from({ length: columns }, (_, j) => {
        const v = s?.cells[row + i]?.[column + j];
        return v === null || v === undefined ? '' : v;
      }));
    const self = this;
    const fills = () => Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => this.fill(name, row + i, column + j)));
    const all = s ? fills().flat() : [NO_FILL];
    const initialColor = all.every((f) => f.color === all[0].color) ? all[0].color : undefined;
    const m = this.mock({
      values: snapshot,
      numberFormat: snapshot.map((r) => r.map(() => 'General')),
      address: `${name}!R${row + 1}C${column + 1}`,
      format: {
        fill: {
          // As Excel reports a range's fill: the colour when every cell has it, null when they differ.
          color: initialColor,
          clear() {
            self.ops.push(() => {
              for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) self.sheet(name).fills.delete(key(row + i, column + j));
            });
          },
        },
        font: { bold: false, size: 11, color: '#000000' },
        columnWidth: 0,
        rowHeight: 0,
        horizontalAlignment: 'General',
        verticalAlignment: 'Bottom',
        wrapText: false,
        borders: {
          getItem(edge: string) {
            const item = { style: 'None' };
            self.watchers.push(() => {
              if (item.style !== 'None') self.sheet(name).borders.add(`${row},${column},${rows},${columns}:${edge}`);
            });
            return item;
          },
        },
        autofitColumns() {
          self.ops.push(() => {
            self.sheet(name).autofit++;
          });
        },
        autofitRows() {
          self.ops.push(() => undefined);
        },
      },
      conditionalFormats: {
        add(type: string) {
          if (type !== 'Custom') throw new Error(`the fake has custom conditional formats only (not ${type})`);
          const format = { custom: { rule: { formula: '' }, format: { fill: { color: '' } } }, priority: undefined as number | undefined, stopIfTrue: false };
          self.ops.push(() => {
            const list = self.sheet(name).conditionalFormats;
            const f: FakeConditionalFormat = { row, column, rows, columns, formula: format.custom.rule.formula, color: format.custom.format.fill.color };
            if (format.priority === 0) list.unshift(f);
            else list.push(f);
          });
          return format;
        },
      },
      merge(across: boolean) {
        if (across !== false) throw new Error('the adapter merges whole blocks (across = false)');
        self.ops.push(() => {
          self.sheet(name).merges.push({ row, column, rows, columns });
        });
      },
      select() {
        self.ops.push(() => {
          self.selection = { sheet: self.sheet(name).name, row, column, rows, columns };
        });
      },
      getCellProperties(spec: { format?: { fill?: { color?: boolean; pattern?: boolean } } }) {
        const result: { value?: unknown } = {};
        self.ops.push(() => {
          result.value = fills().map((r) => r.map((f) => ({ format: { fill: { ...(spec.format?.fill?.color ? { color: f.color } : {}), ...(spec.format?.fill?.pattern ? { pattern: f.pattern } : {}) } } })));
        });
        return result;
      },
    });
    const load = m.load.bind(m);
    m.load = ((what: string) => {
      if (String(what).split(',').includes('values')) this.reads.push({ sheet: s?.name ?? name, row, rows, columns });
      return load(what);
    }) as never;
    const blankFormats = m.numberFormat;
    const blankValues = m.values;
    // At sync, what the adapter assigned is written to the model (in the order the ranges were made).
    this.ops.push(() => {
      const target = this.sheet(name);
      const fmt = m.numberFormat as unknown;
      if (fmt !== blankFormats && Array.isArray(fmt)) {
        (fmt as string[][]).forEach((r, i) => r.forEach((f, j) => target.formats.set(key(row + i, column + j), f)));
      }
      const values = m.values as unknown;
      if (values !== blankValues && values !== snapshot && Array.isArray(values)) {
        this.writes.push({ sheet: target.name, row, rows, columns });
        (values as unknown[][]).forEach((r, i) => r.forEach((v, j) => {
          while (target.cells.length <= row + i) target.cells.push([]);
          target.cells[row + i][column + j] = v === '' ? null : (v as Cell);
        }));
      }
      const fill = (m.format as Mock).fill as Mock;
      if (typeof fill.color === 'string' && fill.color.startsWith('#') && fill.color !== initialColor) {
        for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) target.fills.set(key(row + i, column + j), { color: fill.color.toUpperCase(), pattern: 'Solid' });
      }
      if (((m.format as Mock).font as Mock).bold === true) {
        for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) target.bold.add(key(row + i, column + j));
      }
      const width = (m.format as Mock).columnWidth;
      if (typeof width === 'number' && width > 0) for (let j = 0; j < columns; j++) target.columnWidths.set(column + j, width);
      const height = (m.format as Mock).rowHeight;
      if (typeof height === 'number' && height > 0) for (let i = 0; i < rows; i++) target.rowHeights.set(row + i, height);
    });
    return m;
  }

  private settingsCollection() {
    return {
      getItemOrNullObject: (k: string) => {
        const m = this.mock({
          key: k,
          value: this.settings.get(k),
          delete: () => this.ops.push(() => this.settings.delete(k)),
        });
        this.nullable(m, () => !this.settings.has(k));
        return m;
      },
      add: (k: string, value: unknown) => {
        this.ops.push(() => this.settings.set(k, value));
      },
    };
  }
}

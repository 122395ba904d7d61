/// <reference types="et-jsapi-declare" />
/**
 * A fake of WPS 表格's JavaScript object model (the part the WPS adapter and main.js use), made from
 * et-jsapi-declare's declarations: each fake class implements a `Pick` of the declared interface
 * for its scalar members, so a member's name and type are checked against Kingsoft's types, and
 * returns fakes where the declaration returns objects. It behaves as VBA documents the objects:
 * 1-based rows and columns, `Value2` a bare value for one cell and rows of values for a block,
 * `Interior.Color` a BGR number, `Pattern` -4142 for no fill, text that looks numeric turned into
 * a number unless the cell's format is text (`@`), a leading apostrophe kept as text. Format
 * conditions of type xlExpression are kept per sheet in priority order and shown by
 * {@link FakeEt.markAt}, evaluated as the spreadsheet would (test/taskpane/cf-eval.ts); the clerk's
 * sort, column insert and rename change the state as WPS does.
 */
import type { Cell } from '../../src/engine';
import { formulaHolds, shiftColumns } from '../taskpane/cf-eval';

/** xlPatternNone. */
export const XL_NONE = -4142;

type Fill = { color: number; pattern: number };

/** One fake worksheet's state (0-based rows and columns). */
export class FakeSheetState {
  cells: Cell[][] = [];
  fills = new Map<string, Fill>();
  formats = new Map<string, string>();
  bold = new Set<string>();
  formulas = new Set<string>();
  autofit = 0;
  /** Row autofits asked for. */
  rowAutofit = 0;
  /** Merged blocks, 0-based. */
  merges: Array<{ row: number; col: number; rows: number; cols: number }> = [];
  /** Column widths by 0-based column, in characters. */
  columnWidths = new Map<number, number>();
  /** Border lines set: block (0-based), XlBordersIndex, line style and weight. */
  borders: Array<{ row: number; col: number; rows: number; cols: number; edge: number; lineStyle: number; weight: number }> = [];
  /** Cell styles by "r,c" (0-based): font size and colour, alignment, wrapping. */
  styles = new Map<string, Record<string, unknown>>();
  /** PageSetup as set. */
  page: Record<string, unknown> = {};
  /** Manual page breaks: 1-based rows they come before. */
  pageBreaks: number[] = [];
  /** XlSheetVisibility: -1 visible, 0 hidden, 2 very hidden. */
  visible = -1;
  /** Format conditions (xlExpression), highest priority first: block (0-based), formula, Interior.Color (BGR). */
  conditions: FakeConditionState[] = [];
  constructor(public name: string, rows: Cell[][] = []) {
    this.cells = rows.map((r) => r.slice());
  }
  get(r: number, c: number): Cell {
    return this.cells[r]?.[c] ?? null;
  }
  set(r: number, c: number, v: Cell): void {
    while (this.cells.length <= r) this.cells.push([]);
    const row = this.cells[r];
    while (row.length < c) row.push(null);
    row[c] = v;
  }
}

/** One format condition's state. */
export interface FakeConditionState {
  row: number;
  col: number;
  rows: number;
  cols: number;
  formula: string;
  color: number | null;
}

/** xlExpression. */
const XL_EXPRESSION = 2;

/** A format condition, as FormatConditions.Item and Add return it. */
class FakeFormatCondition implements Pick<Et.FormatCondition, 'Type' | 'Formula1'> {
  readonly Type = XL_EXPRESSION;
  constructor(private readonly state: FakeSheetState, private readonly c: FakeConditionState) {}
  get Formula1(): string {
    return this.c.formula;
  }
  get Interior(): { Color: number } {
    const c = this.c;
    return {
      get Color() {
        return c.color ?? 0xffffff;
      },
      set Color(v: number) {
        c.color = Number(v);
      },
    };
  }
  SetFirstPriority(): void {
    const list = this.state.conditions;
    list.splice(list.indexOf(this.c), 1);
    list.unshift(this.c);
  }
  Delete(): void {
    const list = this.state.conditions;
    const i = list.indexOf(this.c);
    if (i >= 0) list.splice(i, 1);
  }
}

/** A range's FormatConditions: those whose block meets the range; Add puts a new one last. */
class FakeFormatConditions implements Pick<Et.FormatConditions, 'Count'> {
  constructor(private readonly range: FakeRange) {}
  private list(): FakeConditionState[] {
    const r = this.range;
    return r.state.conditions.filter((c) => c.row < r.Row - 1 + r.height && c.row + c.rows > r.Row - 1 && c.col < r.Column - 1 + r.width && c.col + c.cols > r.Column - 1);
  }
  get Count(): number {
    return this.list().length;
  }
  Item(i: number): FakeFormatCondition {
    const c = this.list()[i - 1];
    if (!c) throw new Error(`下标越界：${i}`);
    return new FakeFormatCondition(this.range.state, c);
  }
  Add(type: number, _operator?: unknown, formula1?: unknown): FakeFormatCondition {
    if (type !== XL_EXPRESSION || typeof formula1 !== 'string' || !formula1.startsWith('=')) throw new Error('the fake has xlExpression conditions with a formula only');
    const r = this.range;
    const c: FakeConditionState = { row: r.Row - 1, col: r.Column - 1, rows: r.height, cols: r.width, formula: formula1, color: null };
    r.state.conditions.push(c);
    return new FakeFormatCondition(r.state, c);
  }
}

/** A read of Value2 over a block (for the chunking checks). */
export interface BlockRead {
  sheet: string;
  rows: number;
  columns: number;
}

class FakeInterior implements Pick<Et.Interior, 'Color' | 'Pattern'> {
  constructor(private readonly range: FakeRange) {}
  private cellFills(): Fill[] {
    return this.range.cellsList().map(([r, c]) => this.range.state.fills.get(`${r},${c}`) ?? { color: 0xffffff, pattern: XL_NONE });
  }
  /** One colour when every cell has it (null when they differ), as VBA reads a block. */
  get Color(): any {
    const f = this.cellFills();
    return f.every((x) => x.color === f[0].color) ? f[0].color : null;
  }
  set Color(v: any) {
    for (const [r, c] of this.range.cellsList()) this.range.state.fills.set(`${r},${c}`, { color: Number(v), pattern: 1 });
  }
  get Pattern(): any {
    const f = this.cellFills();
    return f.every((x) => x.pattern === f[0].pattern) ? f[0].pattern : null;
  }
  set Pattern(v: any) {
    for (const [r, c] of this.range.cellsList()) {
      if (Number(v) === XL_NONE) this.range.state.fills.delete(`${r},${c}`);
      else {
        const old = this.range.state.fills.get(`${r},${c}`);
        this.range.state.fills.set(`${r},${c}`, { color: old?.color ?? 0xffffff, pattern: Number(v) });
      }
    }
  }
}

class FakeFont implements Pick<Et.Font, 'Bold' | 'Size' | 'Color'> {
  constructor(private readonly range: FakeRange) {}
  get Bold(): boolean {
    return this.range.cellsList().every(([r, c]) => this.range.state.bold.has(`${r},${c}`));
  }
  set Bold(v: boolean) {
    for (const [r, c] of this.range.cellsList()) {
      if (v) this.range.state.bold.add(`${r},${c}`);
      else this.range.state.bold.delete(`${r},${c}`);
    }
  }
  private style(key: string, v?: unknown): unknown {
    const [r, c] = this.range.cellsList()[0];
    if (v === undefined) return this.range.state.styles.get(`${r},${c}`)?.[key];
    for (const [rr, cc] of this.range.cellsList()) {
      const st = this.range.state.styles.get(`${rr},${cc}`) ?? {};
      st[key] = v;
      this.range.state.styles.set(`${rr},${cc}`, st);
    }
    return v;
  }
  get Size(): number {
    return (this.style('fontSize') as number) ?? 11;
  }
  set Size(v: number) {
    this.style('fontSize', v);
  }
  get Color(): number {
    return (this.style('fontColor') as number) ?? 0;
  }
  set Color(v: number) {
    this.style('fontColor', v);
  }
}

/** A block of cells: top-left (row, col), 1-based, and its size. */
export class FakeRange implements Pick<Et.Range, 'Row' | 'Column' | 'NumberFormat' | 'Value2'> {
  constructor(
    readonly sheet: FakeWorksheet,
    readonly Row: number,
    readonly Column: number,
    readonly height: number,
    readonly width: number,
  ) {}

  get state(): FakeSheetState {
    return this.sheet.state;
  }

  /** Every cell, 0-based [row, col]. */
  cellsList(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let r = 0; r < this.height; r++) for (let c = 0; c < this.width; c++) out.push([this.Row - 1 + r, this.Column - 1 + c]);
    return out;
  }

  get Rows(): { Count: number; AutoFit: () => boolean } {
    return {
      Count: this.height,
      AutoFit: () => {
        this.state.rowAutofit++;
        return true;
      },
    };
  }

  get Columns(): { Count: number; AutoFit: () => boolean } {
    return {
      Count: this.width,
      AutoFit: () => {
        this.state.autofit++;
        return true;
      },
    };
  }

  get FormatConditions(): FakeFormatConditions {
    return new FakeFormatConditions(this);
  }
  /** Empties the values (formats stay), as VBA's ClearContents. */
  ClearContents(): void {
    for (const [r, c] of this.cellsList()) if (this.state.cells[r]?.[c] !== undefined) this.state.cells[r][c] = null;
  }
  get Interior(): FakeInterior {
    return new FakeInterior(this);
  }

  get Font(): FakeFont {
    return new FakeFont(this);
  }

  get NumberFormat(): string {
    return this.state.formats.get(`${this.Row - 1},${this.Column - 1}`) ?? 'General';
  }

  set NumberFormat(f: string) {
    for (const [r, c] of this.cellsList()) this.state.formats.set(`${r},${c}`, f);
  }

  get Value2(): any {
    this.sheet.book.reads.push({ sheet: this.state.name, rows: this.height, columns: this.width });
    const v = (r: number, c: number) => {
      const x = this.state.get(r, c);
      return x === null || x === undefined ? undefined : x; // WPS gives empty cells as undefined
    };
    if (this.height === 1 && this.width === 1) return v(this.Row - 1, this.Column - 1);
    return Array.from({ length: this.height }, (_, r) => Array.from({ length: this.width }, (_, c) => v(this.Row - 1 + r, this.Column - 1 + c)));
  }

  set Value2(value: any) {
    const rows: unknown[][] = Array.isArray(value) ? value : [[value]];
    for (let r = 0; r < this.height; r++) {
      for (let c = 0; c < this.width; c++) {
        const row = this.Row - 1 + r;
        const col = this.Column - 1 + c;
        let v = rows[r]?.[c] as Cell | undefined;
        const text = this.state.formats.get(`${row},${col}`) === '@';
        if (typeof v === 'string') {
          if (v.startsWith("'")) v = v.slice(1); // the apostrophe prefix: text as typed
          else if (v.startsWith('=') && !text) this.state.formulas.add(`${row},${col}`);
          else if (!text && /^-?\d+(\.\d+)?$/.test(v)) v = Number(v); // as WPS coerces typed numbers
        }
        this.state.set(row, col, v === '' || v === undefined ? null : v);
      }
    }
  }

  private setStyle(key: string, v: unknown): void {
    for (const [r, c] of this.cellsList()) {
      const st = this.state.styles.get(`${r},${c}`) ?? {};
      st[key] = v;
      this.state.styles.set(`${r},${c}`, st);
    }
  }

  set HorizontalAlignment(v: number) {
    this.setStyle('hAlign', v);
  }

  set VerticalAlignment(v: number) {
    this.setStyle('vAlign', v);
  }

  set WrapText(v: boolean) {
    this.setStyle('wrap', v);
  }

  Merge(): void {
    this.state.merges.push({ row: this.Row - 1, col: this.Column - 1, rows: this.height, cols: this.width });
  }

  /** The whole columns of this block (only ColumnWidth is used). */
  get EntireColumn(): { ColumnWidth: number } {
    const state = this.state;
    const cols = Array.from({ length: this.width }, (_, i) => this.Column - 1 + i);
    return {
      get ColumnWidth(): number {
        return state.columnWidths.get(cols[0]) ?? 8.38;
      },
      set ColumnWidth(w: number) {
        for (const c of cols) state.columnWidths.set(c, w);
      },
    };
  }

  get Borders(): { Item: (edge: number) => { LineStyle: number; Weight: number } } {
    const block = { row: this.Row - 1, col: this.Column - 1, rows: this.height, cols: this.width };
    const state = this.state;
    return {
      Item: (edge: number) => {
        const line = { ...block, edge, lineStyle: 0, weight: 0 };
        state.borders.push(line);
        return {
          set LineStyle(v: number) {
            line.lineStyle = v;
          },
          get LineStyle() {
            return line.lineStyle;
          },
          set Weight(v: number) {
            line.weight = v;
          },
          get Weight() {
            return line.weight;
          },
        };
      },
    };
  }

  Resize(rows?: number, cols?: number): FakeRange {
    return new FakeRange(this.sheet, this.Row, this.Column, rows ?? this.height, cols ?? this.width);
  }

  Item(row: number, col: number): FakeRange {
    return new FakeRange(this.sheet, this.Row + row - 1, this.Column + col - 1, 1, 1);
  }

  Select(): boolean {
    this.sheet.book.app.selection = { sheet: this.state.name, row: this.Row, column: this.Column, rows: this.height, columns: this.width };
    this.sheet.book.app.active = this.state.name;
    return true;
  }
}

export class FakeWorksheet implements Pick<Et.Worksheet, 'Name'> {
  constructor(readonly book: FakeWorkbook, readonly state: FakeSheetState) {}
  get Name(): string {
    return this.state.name;
  }
  set Name(n: string) {
    if (this.book.states.some((s) => s !== this.state && s.name.toLowerCase() === n.toLowerCase())) throw new Error('工作表名称已存在');
    this.state.name = n;
  }
  get Cells(): FakeRange {
    return new FakeRange(this, 1, 1, 1_048_576, 16_384);
  }
  /** From the first to the last non-empty cell; A1 alone on an empty sheet. */
  get UsedRange(): FakeRange {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const cells = this.state.cells;
    for (let r = 0; r < cells.length; r++) {
      const row = cells[r];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v === null || v === undefined || v === '') continue;
        if (r < top) top = r;
        if (r > bottom) bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
    }
    for (const k of this.state.fills.keys()) {
      const [r, c] = k.split(',').map(Number);
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
    if (bottom < 0) return new FakeRange(this, 1, 1, 1, 1);
    return new FakeRange(this, top + 1, left + 1, bottom - top + 1, right - left + 1);
  }
  Activate(): void {
    if (this.state.visible !== -1) throw new Error('不能激活隐藏的工作表');
    this.book.app.active = this.state.name;
  }
  get Visible(): number {
    return this.state.visible;
  }
  set Visible(v: number) {
    this.state.visible = Number(v);
  }
  /** PageSetup: every property set is recorded in the sheet's state. */
  get PageSetup(): Record<string, unknown> {
    const page = this.state.page;
    return new Proxy(page, {
      set: (_, key, value) => {
        page[String(key)] = value;
        return true;
      },
    });
  }
  get HPageBreaks(): { Add: (before: FakeRange) => void } {
    return { Add: (before: FakeRange) => void this.state.pageBreaks.push(before.Row) };
  }
}

class FakeSheets implements Pick<Et.Sheets, 'Count'> {
  constructor(private readonly book: FakeWorkbook) {}
  get Count(): number {
    return this.book.states.length;
  }
  Item(index: string | number): FakeWorksheet {
    const s = typeof index === 'number' ? this.book.states[index - 1] : this.book.states.find((x) => x.name.toLowerCase() === index.toLowerCase());
    if (!s) throw new Error(`下标越界：${index}`);
    return new FakeWorksheet(this.book, s);
  }
  /** Adds a sheet before `before` or after `after` (at the end when neither), named Sheet<n>, and activates it. */
  Add(before?: FakeWorksheet, after?: FakeWorksheet): FakeWorksheet {
    let n = this.book.states.length + 1;
    while (this.book.states.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
    const state = new FakeSheetState(`Sheet${n}`);
    const at = before ? this.book.states.indexOf(before.state) : after ? this.book.states.indexOf(after.state) + 1 : this.book.states.length;
    this.book.states.splice(at, 0, state);
    this.book.app.active = state.name;
    return new FakeWorksheet(this.book, state);
  }
}

/** One custom XML part: a single element with attributes and text, as the adapter writes them. */
class FakeXmlPart {
  deleted = false;
  readonly namespace: string;
  readonly attributes: Array<[string, string]>;
  readonly text: string;
  constructor(private readonly book: FakeWorkbook, readonly XML: string) {
    const m = /^\s*<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(?:\/>|>([\s\S]*)<\/\1>)\s*$/.exec(XML);
    if (!m) throw new Error('XML 格式不正确');
    const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    const attrs = [...m[2].matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)].map((a) => [a[1], unescape(a[2])] as [string, string]);
    this.namespace = attrs.find(([k]) => k === 'xmlns')?.[1] ?? '';
    this.attributes = attrs.filter(([k]) => k !== 'xmlns');
    this.text = unescape(m[3] ?? '');
  }
  get DocumentElement() {
    const attrs = this.attributes;
    return {
      Text: this.text,
      Attributes: { Count: attrs.length, Item: (i: number) => ({ BaseName: attrs[i - 1][0], NodeValue: attrs[i - 1][1] }) },
    };
  }
  Delete(): void {
    this.deleted = true;
    this.book.xmlParts.splice(this.book.xmlParts.indexOf(this), 1);
  }
}

class FakeXmlParts {
  constructor(private readonly book: FakeWorkbook) {}
  Add(xml: string): FakeXmlPart {
    const p = new FakeXmlPart(this.book, xml);
    this.book.xmlParts.push(p);
    return p;
  }
  SelectByNamespace(ns: string) {
    const parts = this.book.xmlParts.filter((p) => p.namespace === ns);
    return { Count: parts.length, Item: (i: number) => parts[i - 1] };
  }
}

export class FakeWorkbook {
  states: FakeSheetState[];
  xmlParts: FakeXmlPart[] = [];
  reads: BlockRead[] = [];
  constructor(readonly app: FakeEt, sheets: Array<{ name: string; rows: Cell[][] }>) {
    this.states = sheets.map((s) => new FakeSheetState(s.name, s.rows));
  }
  get Worksheets(): FakeSheets {
    return new FakeSheets(this);
  }
  get CustomXMLParts(): FakeXmlParts {
    return new FakeXmlParts(this);
  }
}

class FakeWindow implements Pick<Et.Window, 'FreezePanes' | 'SplitRow' | 'SplitColumn'> {
  SplitRow = 0;
  SplitColumn = 0;
  /** Frozen rows per sheet, as FreezePanes left them. */
  readonly frozen = new Map<string, number>();
  private freeze = false;
  constructor(private readonly app: FakeEt) {}
  get FreezePanes(): boolean {
    return this.freeze;
  }
  /** Freezes the active sheet above SplitRow (left of SplitColumn), as the window shows it. */
  set FreezePanes(v: boolean) {
    this.freeze = v;
    if (!this.app.active) return;
    if (v) this.frozen.set(this.app.active, this.SplitRow);
    else this.frozen.delete(this.app.active);
  }
}

/** A BGR number as #RRGGBB. */
function hex(bgr: number): string {
  return '#' + [bgr & 0xff, (bgr >> 8) & 0xff, (bgr >> 16) & 0xff].map((v) => v.toString(16).padStart(2, '0')).join('').toUpperCase();
}

/** The fake application: one workbook, one window. */
export class FakeEt {
  active: string | null;
  selection: { sheet: string; row: number; column: number; rows: number; columns: number } | null = null;
  readonly ActiveWorkbook: FakeWorkbook;
  private readonly window = new FakeWindow(this);
  constructor(sheets: Array<{ name: string; rows: Cell[][] }>) {
    this.ActiveWorkbook = new FakeWorkbook(this, sheets);
    this.active = sheets[0]?.name ?? null;
  }
  get ActiveWindow(): FakeWindow {
    return this.window;
  }
  /** A sheet's state by name. */
  sheet(name: string): FakeSheetState {
    const s = this.ActiveWorkbook.states.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  /** The fill a format condition shows on a cell now (1-based row, 0-based column) as #RRGGBB, or null. */
  markAt(sheet: string, row: number, col: number): string | null {
    const s = this.sheet(sheet);
    for (const c of s.conditions) {
      if (row - 1 < c.row || row - 1 >= c.row + c.rows || col < c.col || col >= c.col + c.cols) continue;
      const list = (name: string, r: number, k: number) => this.ActiveWorkbook.states.find((x) => x.name.toLowerCase() === name.toLowerCase())?.cells[r - 1]?.[k];
      if (formulaHolds(c.formula, c.row + 1, row, (r, k) => s.cells[r - 1]?.[k], list)) return c.color === null ? null : hex(c.color);
    }
    return null;
  }
  /** The clerk sorts rows `first`..`last` (1-based) by a column: cells and fills move with their rows. */
  sortRows(sheet: string, first: number, last: number, byColumn: number, descending = false): void {
    const s = this.sheet(sheet);
    const order = Array.from({ length: last - first + 1 }, (_, i) => first - 1 + i);
    const value = (r: number) => String(s.cells[r]?.[byColumn] ?? '');
    order.sort((a, b) => (descending ? -1 : 1) * value(a).localeCompare(value(b)));
    const cells = order.map((r) => s.cells[r] ?? []);
    const fills = new Map<string, Fill>();
    for (const [k, f] of s.fills) {
      const [r, c] = k.split(',').map(Number);
      const at = order.indexOf(r);
      fills.set(at >= 0 ? `${first - 1 + at},${c}` : k, f);
    }
    cells.forEach((row, i) => (s.cells[first - 1 + i] = row));
    s.fills = fills;
  }
  /** The clerk inserts `count` columns before column `at` (0-based): cells and fills move right, conditions stretch or move. */
  insertColumns(sheet: string, at: number, count: number): void {
    const s = this.sheet(sheet);
    for (const row of s.cells) if (row.length > at) row.splice(at, 0, ...new Array<Cell>(count).fill(null));
    s.fills = new Map([...s.fills].map(([k, f]) => {
      const [r, c] = k.split(',').map(Number);
      return [`${r},${c >= at ? c + count : c}`, f] as [string, Fill];
    }));
    for (const c of s.conditions) {
      if (c.col >= at) c.col += count;
      else if (c.col + c.cols > at) c.cols += count;
      c.formula = shiftColumns(c.formula, at, count);
    }
  }
  /** The clerk renames a sheet. */
  rename(from: string, to: string): void {
    const s = this.sheet(from);
    if (this.active === s.name) this.active = to;
    s.name = to;
  }
  /** A cell's fill as #RRGGBB, or null (1-based row, 0-based column). */
  fill(sheet: string, row: number, col: number): string | null {
    const f = this.sheet(sheet).fills.get(`${row - 1},${col}`);
    if (!f || f.pattern === XL_NONE) return null;
    return hex(f.color);
  }
  /** Fills a cell as a clerk would (null: no fill). */
  setFill(sheet: string, row: number, col: number, hex: string | null): void {
    const s = this.sheet(sheet);
    if (hex === null) {
      s.fills.delete(`${row - 1},${col}`);
      return;
    }
    const h = hex.replace('#', '');
    const color = parseInt(h.slice(0, 2), 16) + parseInt(h.slice(2, 4), 16) * 256 + parseInt(h.slice(4, 6), 16) * 65536;
    s.fills.set(`${row - 1},${col}`, { color, pattern: 1 });
  }
}

/**
 * The clerk's workbook as opened in the app: the in-memory workbook the pane talks to (the same
 * port as Excel), plus what saving needs — the file's bytes, which worksheet part each sheet came
 * from, the cells the clerk typed into, which cells hold formulas (not typed over here), and the
 * settings found in the file. Saving sends exactly that to src/app/xlsx/save.ts.
 */
import { detectRoster } from '../engine';
import type { Cell } from '../engine';
import { MemoryWorkbook } from '../taskpane/workbook/memory';
import type { MemorySheet } from '../taskpane/workbook/memory';
import { SETTING } from '../taskpane/workbook/port';
import type { ReadBook } from './xlsx/read';
import type { CellEdit, SaveRequest } from './xlsx/save';

/**
 * Settings that describe the file and travel with it. The marks do not: they are a layer over the
 * grid, never written into the clerk's cells or fills, and saving writes neither fills nor
 * conditional formats for them (the clerk marks again after opening, in one click).
 */
const SAVED_SETTINGS: readonly string[] = [SETTING.policy, SETTING.mapping];

export class FileWorkbook extends MemoryWorkbook {
  /** Worksheet part per sheet that came from the file (sheets added here have none). */
  private readonly partOf = new Map<MemorySheet, string>();
  private readonly formulaCells = new Map<MemorySheet, Set<string>>();
  private readonly edits = new Map<MemorySheet, Map<string, CellEdit>>();
  /** Changes since the file was opened or last saved. */
  unsaved = 0;

  private constructor(readonly fileName: string, private bytes: Uint8Array, private settingsPart: string | null, book: ReadBook) {
    super(book.sheets.map((s) => ({ name: s.name, rows: s.rows, columnFormats: s.columnFormats })));
    // Bold the header rows the engine recognises, as the clerk's own file shows them.
    const heads = book.sheets.map((s) => ({ name: s.name, rows: s.rows.slice(0, 20), rowNumbers: s.rows.slice(0, 20).map((_, i) => i + 1) }));
    const detected = detectRoster(heads);
    const headerRow = new Map<string, number>();
    for (const t of [detected.roster?.workers, detected.roster?.communities, detected.roster?.counties]) if (t) headerRow.set(t.sheet, t.headerRow);
    book.sheets.forEach((s, i) => {
      const sheet = this.sheets[i];
      sheet.boldRows = headerRow.get(s.name) ?? 0;
      this.partOf.set(sheet, s.part);
      this.formulaCells.set(sheet, new Set(s.formulas));
    });
    for (const [k, v] of book.settings) this.settings.set(k, v);
  }

  /** The workbook of a file read by the worker. */
  static fromBook(fileName: string, bytes: Uint8Array, book: ReadBook): FileWorkbook {
    return new FileWorkbook(fileName, bytes, book.settingsPart, book);
  }

  /** Why a cell cannot be typed into here, or null when it can. */
  readOnlyReason(sheet: string, row: number, col: number): string | null {
    const s = this.sheet(sheet);
    if (this.formulaCells.get(s)?.has(`${row},${col}`) && !this.edits.get(s)?.has(`${row},${col}`)) {
      return '这是公式单元格：本页不改写公式，以免破坏引用它的计算。请在 Excel 或 WPS 中修改公式。';
    }
    return null;
  }

  override setCell(sheet: string, row: number, col: number, value: Cell): void {
    const s = this.sheet(sheet);
    if (this.partOf.has(s)) {
      const list = this.edits.get(s) ?? new Map<string, CellEdit>();
      list.set(`${row},${col}`, { row, col, value });
      this.edits.set(s, list);
    }
    this.unsaved++;
    super.setCell(sheet, row, col, value);
  }

  override async addSheet(...args: Parameters<MemoryWorkbook['addSheet']>): Promise<string> {
    this.unsaved++;
    return super.addSheet(...args);
  }

  override async addReportSheet(...args: Parameters<MemoryWorkbook['addReportSheet']>): Promise<string> {
    this.unsaved++;
    return super.addReportSheet(...args);
  }

  override async setSetting(key: string, value: unknown): Promise<void> {
    if (SAVED_SETTINGS.includes(key)) this.unsaved++;
    return super.setSetting(key, value);
  }

  /** Cells typed into, over all sheets from the file. */
  get editCount(): number {
    let n = 0;
    for (const e of this.edits.values()) n += e.size;
    return n;
  }

  /** What to save: the typed cells, the sheets added here (whole), the settings that travel. */
  saveRequest(): SaveRequest {
    return {
      original: this.bytes,
      edits: [...this.edits].map(([s, cells]) => ({ part: this.partOf.get(s)!, cells: [...cells.values()] })),
      added: this.sheets.filter((s) => !this.partOf.has(s)).map((s) => ({
        name: s.name, rows: s.cells, boldRows: s.boldRows,
        textColumns: s.columnFormats.flatMap((f, c) => (f === 'text' ? [c] : [])),
        ...(s.report ? { layout: { merges: s.report.merges, widths: s.report.widths, page: s.report.page } } : {}),
      })),
      settings: SAVED_SETTINGS.flatMap((k) => (this.settings.has(k) ? [[k, this.settings.get(k)!] as [string, string]] : [])),
      settingsPart: this.settingsPart,
    };
  }

  /**
   * After a save: the saved file becomes the one the next save starts from, with the added sheets
   * now its own parts (as after reopening it).
   */
  savedAs(bytes: Uint8Array, book: ReadBook): void {
    this.bytes = bytes;
    this.settingsPart = book.settingsPart;
    this.edits.clear();
    for (const s of this.sheets) {
      const read = book.sheets.find((b) => b.name === s.name);
      if (read) {
        this.partOf.set(s, read.part);
        this.formulaCells.set(s, new Set(read.formulas));
      }
    }
    this.unsaved = 0;
  }
}

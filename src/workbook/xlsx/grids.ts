/**
 * Every worksheet of an .xlsx as plain cell grids, from the file's bytes: the zip directory is
 * read, each sheet is expanded and scanned piece by piece (never the whole sheet text at once),
 * with the platform's inflater. Pure of Node: the CLI passes zlib, the page DecompressionStream.
 */
import type { SheetGrid } from '../../engine/roster/detect';
import { entryPieces } from './inflate';
import type { RawInflater } from './inflate';
import { dateStyles, relsPathOf, resolveTarget, sharedStrings, workbookSheets, worksheetTargets } from './parts';
import { SheetScanner } from './sheet-scan';
import type { MergeRange } from './sheet-scan';
import { attrOf, prefixOf, startTags } from './xml';
import { ZipError, storedData, zipEntries } from './zip';
import type { ZipEntry } from './zip';

/** A sheet's grid with its merged ranges. */
export type GridWithMerges = SheetGrid & { merges: MergeRange[] };

/** Options for {@link readXlsxGrids}. */
export interface GridOptions {
  /** Called every few thousand rows with the number of non-blank rows read so far. */
  onRows?: (rows: number) => void;
}

async function textOf(bytes: Uint8Array, entries: Map<string, ZipEntry>, name: string, inflate: RawInflater): Promise<string | null> {
  const e = entries.get(name);
  if (!e) return null;
  const decoder = new TextDecoder('utf-8');
  let s = '';
  for await (const piece of entryPieces(storedData(bytes, e), e, inflate)) s += decoder.decode(piece, { stream: true });
  return s + decoder.decode();
}

/** The workbook part's path, from the package relationships (xl/workbook.xml when they do not say). */
function workbookPath(rootRels: string | null): string {
  if (rootRels) {
    for (const tag of startTags(rootRels, 'Relationship', prefixOf(rootRels, 'Relationships'))) {
      if ((attrOf(tag, 'Type') ?? '').endsWith('/officeDocument')) return resolveTarget('', attrOf(tag, 'Target') ?? '');
    }
  }
  return 'xl/workbook.xml';
}

/** Reads every worksheet in workbook order: non-blank rows with their sheet row numbers, and merged ranges. */
export async function readXlsxGrids(bytes: Uint8Array, inflate: RawInflater, options: GridOptions = {}): Promise<GridWithMerges[]> {
  const entries = zipEntries(bytes);
  const wbPath = workbookPath(await textOf(bytes, entries, '_rels/.rels', inflate));
  const wbXml = await textOf(bytes, entries, wbPath, inflate);
  if (wbXml === null) throw new ZipError('文件中没有工作簿部件（xl/workbook.xml），不是 Excel 工作簿');
  const relsXml = (await textOf(bytes, entries, relsPathOf(wbPath), inflate)) ?? '';
  const { sheets, date1904 } = workbookSheets(wbXml, worksheetTargets(relsXml, wbPath));
  const rels = new Map<string, string>();
  for (const tag of startTags(relsXml, 'Relationship', prefixOf(relsXml, 'Relationships'))) {
    const type = attrOf(tag, 'Type') ?? '';
    const target = attrOf(tag, 'Target');
    if (target && (type.endsWith('/sharedStrings') || type.endsWith('/styles'))) rels.set(type.slice(type.lastIndexOf('/') + 1), resolveTarget(wbPath, target));
  }
  const strings = sharedStrings(await textOf(bytes, entries, rels.get('sharedStrings') ?? 'xl/sharedStrings.xml', inflate));
  const dates = dateStyles(await textOf(bytes, entries, rels.get('styles') ?? 'xl/styles.xml', inflate));
  const out: GridWithMerges[] = [];
  let before = 0;
  let reported = 0;
  for (const sheet of sheets) {
    const e = sheet.part ? entries.get(sheet.part) : undefined;
    if (!e) continue;
    const decoder = new TextDecoder('utf-8');
    let scanner: SheetScanner | null = null;
    for await (const piece of entryPieces(storedData(bytes, e), e, inflate)) {
      const text = decoder.decode(piece, { stream: true });
      scanner ??= new SheetScanner(prefixOf(text, 'worksheet'), strings, dates, date1904);
      scanner.feed(text);
      if (options.onRows && before + scanner.rowCount - reported >= 4096) options.onRows((reported = before + scanner.rowCount));
    }
    if (!scanner) continue;
    scanner.feed(decoder.decode());
    const r = scanner.result();
    before += r.rows.length;
    out.push({ name: sheet.name, rows: r.rows, rowNumbers: r.rowNumbers, merges: r.merges });
  }
  options.onRows?.(before);
  return out;
}

/**
 * A plain spreadsheet view of the workbook: sheet tabs (new sheets appear as tabs), the active
 * sheet's cells with Excel's column letters and row numbers, fills, cwkit's marks over them, and the selected row. A cell
 * is chosen with a click and typed into in the bar above the grid (Enter keeps it, Esc undoes),
 * so a finding can be fixed where it is shown and a 参数表 filled in. Only the rows in view are
 * rendered, so a large roster scrolls smoothly.
 */
import * as React from 'react';
import { Caption1, Input, Tab, TabList, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { fromExcelSerial, isoOf } from '../engine';
import type { Cell } from '../engine';
import { columnLetter } from '../taskpane/components/RosterCard';
import type { ColumnFormat, MemorySheet, MemoryWorkbook } from '../taskpane/workbook/memory';
import { cellOfText } from './typed';

const ROW_H = 22;
const OVERSCAN = 15;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0, backgroundColor: tokens.colorNeutralBackground1 },
  scroller: { flexGrow: 1, overflow: 'auto', position: 'relative', minHeight: 0, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: 'separate', borderSpacing: 0, tableLayout: 'fixed', fontSize: '12px' },
  colHead: {
    position: 'sticky', top: 0, zIndex: 2, backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular, height: `${ROW_H}px`, borderRight: `1px solid ${tokens.colorNeutralStroke2}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  corner: { left: 0, zIndex: 3 },
  rowHead: {
    position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, textAlign: 'center',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  rowHeadSelected: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand },
  cell: {
    height: `${ROW_H - 1}px`, padding: '0 4px', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis',
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  num: { textAlign: 'right' },
  bold: { fontWeight: tokens.fontWeightSemibold },
  title: { overflow: 'visible', fontWeight: tokens.fontWeightSemibold, fontSize: '14px' },
  selected: { boxShadow: `inset 0 2px 0 ${tokens.colorBrandStroke1}, inset 0 -2px 0 ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  tabs: { flexShrink: 0, overflowX: 'auto', backgroundColor: tokens.colorNeutralBackground2 },
  active: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  bar: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, padding: `2px ${tokens.spacingHorizontalS}`, flexShrink: 0 },
  address: { width: '7em', fontFamily: tokens.fontFamilyMonospace },
  editor: { flexGrow: 1 },
  note: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** A workbook whose cells may refuse typing (formula cells of an opened file). */
interface Editable {
  readOnlyReason?(sheet: string, row: number, col: number): string | null;
}

/** The chosen cell: 1-based row, 0-based column. */
type At = { row: number; col: number };

/** A cell as Excel would show it. */
function display(v: Cell, format: ColumnFormat): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number' && format === 'date') {
    try {
      return isoOf(fromExcelSerial(v));
    } catch {
      return String(v);
    }
  }
  return String(v);
}

/** Pixels a text needs at 12px: wide (CJK) characters about 13px, others about 7px. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! > 0x2e80 ? 13 : 7;
  return w;
}

/** Column widths from the header and the first few hundred rows below it, as Excel's autofit would. */
function widthsOf(sheet: MemorySheet, cols: number): number[] {
  const out: number[] = [];
  const from = Math.max(0, sheet.boldRows - 1);
  const rows = sheet.cells.slice(from, from + 300);
  for (let c = 0; c < cols; c++) {
    let w = 40;
    for (const r of rows) {
      const v = r[c];
      if (v === null || v === undefined) continue;
      w = Math.max(w, textWidth(display(v, sheet.columnFormats[c] ?? null)) + 12);
    }
    out.push(Math.min(260, w));
  }
  return out;
}

function SheetView({ workbook, sheet, at, choose }: { workbook: MemoryWorkbook; sheet: MemorySheet; at: At | null; choose: (at: At) => void }) {
  const styles = useStyles();
  const ref = React.useRef<HTMLDivElement>(null);
  const [view, setView] = React.useState({ top: 0, height: 600 });
  const rows = Math.max(sheet.cells.length, 30);
  const cols = Math.max(workbook.width(sheet), 8);
  const sel = workbook.selection && workbook.selection.sheet === sheet.name ? workbook.selection : null;

  React.useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setView({ top: el.scrollTop, height: el.clientHeight });
    update();
    el.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      el.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [sheet.name]);

  // Bring the chosen cell into view (typed into the address box).
  React.useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !at) return;
    const y = (at.row - 1) * ROW_H;
    if (y < el.scrollTop + ROW_H || y > el.scrollTop + el.clientHeight - 2 * ROW_H) {
      el.scrollTop = Math.max(0, y - Math.floor(el.clientHeight / 3));
      setView({ top: el.scrollTop, height: el.clientHeight });
    }
  }, [at?.row]);

  // Bring the selected row into view, as Excel does.
  React.useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !sel) return;
    const y = (sel.row - 1) * ROW_H;
    if (y < el.scrollTop + ROW_H || y > el.scrollTop + el.clientHeight - 2 * ROW_H) {
      el.scrollTop = Math.max(0, y - Math.floor(el.clientHeight / 3));
      setView({ top: el.scrollTop, height: el.clientHeight });
    }
  }, [sel?.sheet, sel?.row, workbook.version]);

  const first = Math.max(0, Math.floor(view.top / ROW_H) - OVERSCAN);
  const last = Math.min(rows, Math.ceil((view.top + view.height) / ROW_H) + OVERSCAN);
  const widths = React.useMemo(() => widthsOf(sheet, cols), [sheet, cols, workbook.version]);
  const body: React.ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const r = sheet.cells[i] ?? [];
    const fills = sheet.fills.get(i);
    const n = i + 1;
    // cwkit's mark is a layer over the clerk's fills (shown over them, as Excel shows a conditional format).
    const mark = workbook.markAt(sheet.name, n);
    const selected = sel?.row === n;
    body.push(
      <tr key={n} data-row={n} data-selected={selected ? 'true' : undefined} className={mergeClasses(selected && styles.selected)}>
        <th className={mergeClasses(styles.rowHead, selected && styles.rowHeadSelected)}>{n}</th>
        {widths.map((_, c) => {
          const v = r[c] ?? null;
          const fill = fills?.[c] ?? null;
          return (
            <td
              key={c}
              data-cell={`${columnLetter(c)}${n}`}
              onClick={() => choose({ row: n, col: c })}
              className={mergeClasses(
                styles.cell, typeof v === 'number' && sheet.columnFormats[c] !== 'date' && styles.num, i < sheet.boldRows && styles.bold,
                i < sheet.boldRows - 1 && styles.title, at?.row === n && at.col === c && styles.active,
              )}
              style={mark || fill ? { backgroundColor: mark ?? fill ?? undefined } : undefined}
              data-fill={fill ?? undefined}
              data-mark={mark ?? undefined}
              title={v === null ? undefined : display(v, sheet.columnFormats[c] ?? null)}
            >
              {display(v, sheet.columnFormats[c] ?? null)}
            </td>
          );
        })}
      </tr>,
    );
  }
  return (
    <div ref={ref} className={styles.scroller} data-grid={sheet.name}>
      <table className={styles.table} style={{ width: 44 + widths.reduce((a, b) => a + b, 0) }}>
        <colgroup>
          <col style={{ width: 44 }} />
          {widths.map((w, c) => (
            <col key={c} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className={mergeClasses(styles.colHead, styles.corner)} />
            {widths.map((_, c) => (
              <th key={c} className={styles.colHead}>
                {columnLetter(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr style={{ height: first * ROW_H }} aria-hidden="true" />}
          {body}
          {last < rows && <tr style={{ height: (rows - last) * ROW_H }} aria-hidden="true" />}
        </tbody>
      </table>
    </div>
  );
}

/** The bar above the grid: the chosen cell's address and its value, typed into. */
function CellBar({ workbook, sheet, at, choose }: { workbook: MemoryWorkbook & Editable; sheet: MemorySheet; at: At | null; choose: (at: At) => void }) {
  const styles = useStyles();
  const address = at ? `${columnLetter(at.col)}${at.row}` : '';
  const [goTo, setGoTo] = React.useState(address);
  React.useEffect(() => setGoTo(address), [address]);
  const format = at ? sheet.columnFormats[at.col] ?? null : null;
  const current = at ? display(workbook.cell(sheet.name, at.row, at.col), format) : '';
  const [draft, setDraft] = React.useState(current);
  React.useEffect(() => setDraft(current), [current, at?.row, at?.col, sheet.name]);
  const locked = at ? workbook.readOnlyReason?.(sheet.name, at.row, at.col) ?? null : null;
  const commit = () => {
    if (!at || locked || draft === current) return;
    workbook.setCell(sheet.name, at.row, at.col, cellOfText(draft, format));
  };
  return (
    <div className={styles.bar}>
      <Input
        className={styles.address}
        size="small"
        value={goTo}
        placeholder="A1"
        onChange={(_, d) => setGoTo(d.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          const m = /^\s*([A-Za-z]{1,3})\s*(\d{1,7})\s*$/.exec(goTo);
          if (!m) return setGoTo(address);
          let col = 0;
          for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
          if (Number(m[2]) >= 1) choose({ row: Number(m[2]), col: col - 1 });
        }}
        data-testid="cell-address"
        aria-label="单元格地址（如 B12，按 Enter 转到）"
      />
      <Input
        className={styles.editor}
        size="small"
        value={draft}
        disabled={!at || locked !== null}
        placeholder={at ? '' : '单击单元格后在此输入，按 Enter 确认'}
        onChange={(_, d) => setDraft(d.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          else if (e.key === 'Escape') setDraft(current);
        }}
        onBlur={commit}
        data-testid="cell-editor"
        aria-label="单元格内容"
      />
      {locked && <Caption1 className={styles.note}>{locked}</Caption1>}
    </div>
  );
}

/** The workbook: the active sheet, the cell bar and a tab per sheet. */
export function Grid({ workbook }: { workbook: MemoryWorkbook & Editable }) {
  const styles = useStyles();
  React.useSyncExternalStore((fn) => workbook.subscribe(fn), () => workbook.version);
  const active = workbook.sheets.find((s) => s.name === workbook.active) ?? workbook.sheets[0];
  const [at, setAt] = React.useState<(At & { sheet: string }) | null>(null);
  const here = at && active && at.sheet === active.name ? at : null;
  return (
    <div className={styles.root}>
      {active && <CellBar workbook={workbook} sheet={active} at={here} choose={(a) => setAt({ ...a, sheet: active.name })} />}
      {active && <SheetView key={active.name} workbook={workbook} sheet={active} at={here} choose={(a) => setAt({ ...a, sheet: active.name })} />}
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={active?.name}
        onTabSelect={(_, d) => {
          workbook.activateSheet(String(d.value)).catch(() => undefined);
        }}
      >
        {workbook.sheets.map((s) => (
          <Tab key={s.name} value={s.name} data-sheet-tab={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
    </div>
  );
}

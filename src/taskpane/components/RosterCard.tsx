/**
 * The roster as found in the workbook (which sheet holds which table, header row, rows), and the
 * mapping step: when a header is not recognised, the clerk picks the column; the choice is saved
 * in the workbook (setting `cwkit.mapping`) and used the next time the pane opens it.
 */
import * as React from 'react';
import { Button, Caption1, Card, Field, MessageBar, MessageBarBody, Select, SpinButton, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { fieldsOf, matchHeaders, normalizeHeader } from '../../engine';
import type { Cell, FieldDef, HeaderOverride, TableKind } from '../../engine';
import { clearSavedMapping, HEAD_ROWS, saveTableChoice } from '../roster';
import type { RosterScan, TableChoice } from '../roster';
import type { WorkbookPort } from '../workbook/port';
import { useT } from '../i18n';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  line: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline', flexWrap: 'wrap' },
  label: { minWidth: '4.5em', color: tokens.colorNeutralForeground3 },
  muted: { color: tokens.colorNeutralForeground3 },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0 },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** Excel's column letter for a 0-based column. */
export function columnLetter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const text = (c: Cell | undefined) => (c === null || c === undefined ? '' : String(c).trim());

/** The found tables, one line each. */
export function RosterSummary({ scan }: { scan: RosterScan }) {
  const styles = useStyles();
  const t = useT();
  const line = (kind: TableKind, label: string) => {
    const f = scan.tables[kind];
    const head = f ? scan.heads.find((h) => h.name === f.sheet) : undefined;
    const rows = head ? Math.max(0, head.rowCount - f!.headerRow) : 0;
    return (
      <div className={styles.line} data-table={kind}>
        <Text className={styles.label}>{label}</Text>
        <Text>{f ? t.tableAt(f.sheet, f.headerRow, rows) : t.tableMissing}</Text>
      </div>
    );
  };
  return (
    <div className={styles.card}>
      {line('workers', t.workersTable)}
      {line('communities', t.communitiesTable)}
      {scan.tables.counties && line('counties', t.countiesTable)}
      {(scan.tables.workers?.saved || scan.tables.communities?.saved) && <Caption1 className={styles.muted}>{t.mappingFromWorkbook}</Caption1>}
      {scan.notes.map((n) => (
        <Caption1 key={n} className={styles.muted}>
          {n}
        </Caption1>
      ))}
    </div>
  );
}

/** Draft state of one table in the mapping step. */
interface Draft {
  sheet: string;
  headerRow: number;
  /** field key → column (or -1 for none). */
  picks: Record<string, number>;
}

/** The fields the mapping step asks for: the required ones (workers: 岗位类别 or 职务 too). */
function askedFields(kind: TableKind): FieldDef[] {
  const defs = fieldsOf(kind);
  const req = defs.filter((d) => d.required);
  if (kind === 'workers') for (const k of ['post', 'title']) req.push(defs.find((d) => d.key === k)!);
  return req;
}

function draftOf(scan: RosterScan, kind: TableKind): Draft {
  const f = scan.tables[kind];
  const sheet = f?.sheet ?? (kind === 'workers' ? scan.sheets[0] ?? '' : '');
  const headerRow = f?.headerRow ?? 1;
  const picks: Record<string, number> = {};
  if (f) {
    for (const [k, c] of Object.entries(f.match.columns)) picks[k] = c;
  }
  return { sheet, headerRow, picks };
}

/** Builds the override from the clerk's picks: only what differs from the automatic match, by header text when it is unique. */
function overrideOf(headers: Cell[], kind: TableKind, picks: Record<string, number>): HeaderOverride {
  const auto = matchHeaders(headers, kind).columns;
  const out: HeaderOverride = {};
  for (const [key, col] of Object.entries(picks)) {
    if (col < 0 || auto[key] === col) continue;
    const h = text(headers[col]);
    const unique = h !== '' && headers.filter((x) => normalizeHeader(x) === normalizeHeader(h)).length === 1;
    out[key] = unique ? h : col;
  }
  return out;
}

function TableMapping({ kind, scan, draft, onChange }: { kind: TableKind; scan: RosterScan; draft: Draft; onChange: (d: Draft) => void }) {
  const styles = useStyles();
  const t = useT();
  const head = scan.heads.find((h) => h.name === draft.sheet);
  const headers = (head && head.rows[head.rowNumbers.indexOf(draft.headerRow)]) || [];
  const override = overrideOf(headers, kind, draft.picks);
  const match = matchHeaders(headers, kind, override);
  const asked = askedFields(kind);
  const columnOptions = headers.map((h, c) => ({ c, label: `${columnLetter(c)}  ${text(h) || '（空）'}` })).filter((o) => text(headers[o.c]) !== '');
  const optional = match.unrecognised;
  const absent = match.absent.filter((d) => !asked.some((a) => a.key === d.key));
  const label = kind === 'workers' ? t.workersTable : t.communitiesTable;
  return (
    <div className={styles.section} data-mapping={kind}>
      <Subtitle2>{label}</Subtitle2>
      <div className={styles.row}>
        <Field label={t.mappingSheet} className={styles.grow}>
          <Select value={draft.sheet} data-field="sheet" onChange={(_, d) => onChange({ ...draft, sheet: d.value, picks: {} })}>
            {kind !== 'workers' && <option value="">{t.mappingUnused}</option>}
            {scan.sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.mappingHeaderRow}>
          <SpinButton
            value={draft.headerRow}
            min={1}
            max={HEAD_ROWS}
            data-field="headerRow"
            onChange={(_, d) => {
              const v = d.value ?? Number(d.displayValue);
              if (Number.isInteger(v) && v >= 1 && v <= HEAD_ROWS) onChange({ ...draft, headerRow: v, picks: {} });
            }}
          />
        </Field>
      </div>
      {draft.sheet !== '' && (
        <>
          <Caption1>{t.mappingRequired}</Caption1>
          {asked.map((d) => (
            <Field key={d.key} label={`${d.label}（${d.use}）`} validationState={match.columns[d.key] === undefined && match.missing.some((m) => m.key === d.key) ? 'error' : 'none'}>
              <Select
                value={String(draft.picks[d.key] ?? match.columns[d.key] ?? -1)}
                data-field={d.key}
                onChange={(_, e) => onChange({ ...draft, picks: { ...draft.picks, [d.key]: Number(e.value) } })}
              >
                <option value="-1">{t.mappingPick}</option>
                {columnOptions.map((o) => (
                  <option key={o.c} value={o.c}>
                    {o.label}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
          {match.missing.length > 0 && <Caption1 data-still-missing="">{t.mappingStillMissing(match.missing.map((m) => m.label).join('、'))}</Caption1>}
          {optional.length > 0 && (
            <>
              <Caption1>{t.mappingOptional}</Caption1>
              {optional.map((u) => {
                const current = Object.entries(draft.picks).find(([, c]) => c === u.column)?.[0] ?? '';
                return (
                  <Field key={u.column} label={`${columnLetter(u.column)}  ${u.header}`}>
                    <Select
                      value={current}
                      data-column={u.column}
                      onChange={(_, e) => {
                        const picks = { ...draft.picks };
                        for (const [k, c] of Object.entries(picks)) if (c === u.column) delete picks[k];
                        if (e.value) picks[e.value] = u.column;
                        onChange({ ...draft, picks });
                      }}
                    >
                      <option value="">{t.mappingUnused}</option>
                      {[...absent, ...(current ? fieldsOf(kind).filter((d) => d.key === current) : [])].map((d) => (
                        <option key={d.key} value={d.key}>
                          {d.label}（{d.use}）
                        </option>
                      ))}
                    </Select>
                  </Field>
                );
              })}
            </>
          )}
        </>
      )}
    </div>
  );
}

/** The mapping step for the worker and community tables; saves into the workbook and rescans. */
export function MappingStep({ port, scan, onSaved, onCancel }: { port: WorkbookPort; scan: RosterScan; onSaved: () => void; onCancel?: () => void }) {
  const styles = useStyles();
  const t = useT();
  const [drafts, setDrafts] = React.useState<Record<'workers' | 'communities', Draft>>(() => ({ workers: draftOf(scan, 'workers'), communities: draftOf(scan, 'communities') }));
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);

  const headersOf = (d: Draft) => {
    const head = scan.heads.find((h) => h.name === d.sheet);
    return (head && head.rows[head.rowNumbers.indexOf(d.headerRow)]) || [];
  };
  const workerHeaders = headersOf(drafts.workers);
  const workerMatch = matchHeaders(workerHeaders, 'workers', overrideOf(workerHeaders, 'workers', drafts.workers.picks));
  const communityHeaders = headersOf(drafts.communities);
  const communityMatch = matchHeaders(communityHeaders, 'communities', overrideOf(communityHeaders, 'communities', drafts.communities.picks));
  const ready = drafts.workers.sheet !== '' && workerHeaders.length > 0 && workerMatch.missing.length === 0
    && (drafts.communities.sheet === '' || (communityHeaders.length > 0 && communityMatch.missing.length === 0));

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      for (const kind of ['workers', 'communities'] as const) {
        const d = drafts[kind];
        if (d.sheet === '') {
          await saveTableChoice(port, kind, null);
          continue;
        }
        const choice: TableChoice = { sheet: d.sheet, headerRow: d.headerRow, override: overrideOf(headersOf(d), kind, d.picks) };
        // Keep only what the clerk chose: a table found by its headers, with nothing mapped, needs no setting.
        const found = scan.tables[kind];
        const asDetected = found && !found.saved && found.sheet === d.sheet && found.headerRow === d.headerRow && !Object.keys(choice.override!).length;
        await saveTableChoice(port, kind, asDetected ? null : choice);
      }
      onSaved();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className={styles.card} data-testid="mapping-step">
      <Subtitle2>{t.mappingTitle}</Subtitle2>
      <Caption1>{scan.tables.workers ? t.mappingIntro : t.mappingNoWorkerSheet}</Caption1>
      <TableMapping kind="workers" scan={scan} draft={drafts.workers} onChange={(d) => setDrafts({ ...drafts, workers: d })} />
      <TableMapping kind="communities" scan={scan} draft={drafts.communities} onChange={(d) => setDrafts({ ...drafts, communities: d })} />
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={!ready || busy} onClick={save} data-testid="mapping-save">
          {t.mappingSave}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t.cancel}</Button>}
        {scan.saved && (
          <Button
            appearance="subtle"
            onClick={async () => {
              await clearSavedMapping(port);
              onSaved();
            }}
          >
            {t.mappingClear}
          </Button>
        )}
      </div>
    </Card>
  );
}

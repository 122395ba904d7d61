/**
 * Check results: counts by severity and by community, the findings grouped by community (each
 * with severity, rule, citation, place, message and what to do; clicking one selects its row in
 * the workbook), and the actions: write them to a new sheet, highlight the rows, clear that.
 */
import * as React from 'react';
import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Caption1, CounterBadge, MessageBar, MessageBarBody, Subtitle2, Text,
  ToggleButton, makeStyles, mergeClasses, tokens,
} from '@fluentui/react-components';
import { citeText } from '../../engine';
import type { CheckResult, RosterFinding } from '../../engine';
import { groupFindings, highlightMarks, resultSheet, targetOf } from '../results';
import type { FindingGroup } from '../results';
import type { WorkbookPort } from '../workbook/port';
import { useT } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  counts: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, flexWrap: 'wrap' },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  tableBox: { maxHeight: '150px', overflowY: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  th: { textAlign: 'left', position: 'sticky', top: 0, backgroundColor: tokens.colorNeutralBackground3, padding: '2px 6px', fontWeight: tokens.fontWeightSemibold },
  td: { padding: '2px 6px', borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  clickRow: { cursor: 'pointer', ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover } },
  activeRow: { backgroundColor: tokens.colorBrandBackground2 },
  finding: {
    display: 'flex', flexDirection: 'column', rowGap: '2px', padding: tokens.spacingVerticalXS + ' ' + tokens.spacingHorizontalS,
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, marginBottom: tokens.spacingVerticalXS, cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  noRow: { cursor: 'default' },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  head: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  groupHead: { display: 'flex', columnGap: tokens.spacingHorizontalXS, alignItems: 'center' },
});

const COLOR: Record<RosterFinding['severity'], 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };
const PAGE = 50;
/** Groups rendered at first (a 5,000-community roster can have thousands). */
const GROUP_PAGE = 100;

function FindingItem({ f, index, workerSheet, selected, onSelect }: { f: RosterFinding; index: number; workerSheet: string | null; selected: boolean; onSelect: (i: number) => void }) {
  const styles = useStyles();
  const t = useT();
  const target = targetOf(f, workerSheet);
  const sev = t[f.severity];
  return (
    <div
      className={mergeClasses(styles.finding, styles[f.severity], !target && styles.noRow, selected && styles.selected)}
      role="button"
      tabIndex={0}
      title={target ? t.clickToSelect : undefined}
      data-finding={index}
      data-severity={f.severity}
      data-rule={f.rule}
      data-sheet={target?.sheet ?? ''}
      data-row={target?.row ?? ''}
      onClick={() => onSelect(index)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(index);
        }
      }}
    >
      <div className={styles.head}>
        <Badge appearance="tint" color={COLOR[f.severity]}>
          {sev}
        </Badge>
        <Text weight="semibold">{f.rule}</Text>
        <Caption1 className={styles.muted}>
          {target ? t.findingRow(target.sheet, target.row) : t.noRow}
          {f.name ? ` · ${f.name}` : ''}
          {f.column ? ` · ${f.column}` : ''}
        </Caption1>
      </div>
      <Text>{f.message}</Text>
      <Caption1>
        {t.whatToDo}：{f.action}
      </Caption1>
      <Caption1 className={styles.muted}>
        {t.basis}：{citeText(f.citation)}
      </Caption1>
    </div>
  );
}

function Group({ g, result, workerSheet, selected, onSelect, visible }: { g: FindingGroup; result: CheckResult; workerSheet: string | null; selected: number | null; onSelect: (i: number) => void; visible: (f: RosterFinding) => boolean }) {
  const styles = useStyles();
  const t = useT();
  const [shown, setShown] = React.useState(PAGE);
  const items = g.items.filter((i) => visible(result.findings[i]));
  if (!items.length) return null;
  return (
    <AccordionItem value={g.key} data-group={g.title ?? ''}>
      <AccordionHeader>
        <span className={styles.groupHead}>
          <Text weight="semibold">{g.title ?? t.groupRoster}</Text>
          {g.counts.error > 0 && <CounterBadge count={g.counts.error} color="danger" size="small" />}
          {g.counts.warning > 0 && <CounterBadge count={g.counts.warning} color="important" appearance="ghost" size="small" />}
        </span>
      </AccordionHeader>
      <AccordionPanel>
        {items.slice(0, shown).map((i) => (
          <FindingItem key={i} f={result.findings[i]} index={i} workerSheet={workerSheet} selected={selected === i} onSelect={onSelect} />
        ))}
        {items.length > shown && (
          <Button appearance="subtle" size="small" onClick={() => setShown(shown + PAGE)}>
            {t.more(Math.min(PAGE, items.length - shown))}
          </Button>
        )}
      </AccordionPanel>
    </AccordionItem>
  );
}

export function Results({ port, result, workerSheet }: { port: WorkbookPort; result: CheckResult; workerSheet: string | null }) {
  const styles = useStyles();
  const t = useT();
  const groups = React.useMemo(() => groupFindings(result), [result]);
  const [severities, setSeverities] = React.useState({ error: true, warning: true, info: true });
  const [community, setCommunity] = React.useState<string | null>(null);
  const [selected, setSelected] = React.useState<number | null>(null);
  const [message, setMessage] = React.useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [highlighted, setHighlighted] = React.useState(0);
  const [busy, setBusy] = React.useState(false);
  const total = result.findings.length;
  const [open, setOpen] = React.useState<string[]>(() => groups.slice(0, total <= 200 ? groups.length : 5).map((g) => g.key));
  const [groupsShown, setGroupsShown] = React.useState(GROUP_PAGE);

  React.useEffect(() => {
    port.highlightCount().then(setHighlighted, () => setHighlighted(0));
  }, [port, result]);

  const act = async (f: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage({ intent: 'success', text: await f() });
    } catch (e) {
      setMessage({ intent: 'error', text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const select = (i: number) => {
    setSelected(i);
    const target = targetOf(result.findings[i], workerSheet);
    if (target) port.selectRow(target.sheet, target.row).catch((e: Error) => setMessage({ intent: 'error', text: e.message }));
  };

  const visible = (f: RosterFinding) => severities[f.severity] && (community === null || f.community === community);
  const listed = groups.filter((g) => g.items.some((i) => visible(result.findings[i])));
  const byCommunity = result.summary.byCommunity.filter((c) => c.error + c.warning + c.info > 0).sort((a, b) => b.error - a.error || b.warning - a.warning || b.info - a.info);
  const s = result.summary;

  return (
    <div className={styles.root} data-testid="results">
      <Subtitle2>
        {t.summary} · {result.policyName} · {result.asOf}
      </Subtitle2>
      <Caption1 className={styles.muted}>{t.summaryLine(s.workers, s.communities)}</Caption1>
      <div className={styles.counts} data-testid="severity-counts">
        {(['error', 'warning', 'info'] as const).map((k) => (
          <ToggleButton key={k} size="small" checked={severities[k]} data-severity-toggle={k} onClick={() => setSeverities({ ...severities, [k]: !severities[k] })}>
            {t[k]} <CounterBadge count={s[k]} showZero color={k === 'error' ? 'danger' : k === 'warning' ? 'important' : 'informative'} size="small" data-count={k} />
          </ToggleButton>
        ))}
      </div>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          size="small"
          disabled={busy || total === 0}
          data-testid="write-results"
          onClick={() => act(async () => {
            const sheet = resultSheet(result);
            const name = await port.addSheet('检查结果', { rows: sheet.rows, boldRows: sheet.boldRows, textColumns: sheet.textColumns });
            return t.written(name, total);
          })}
        >
          {t.writeResults}
        </Button>
        <Button
          size="small"
          disabled={busy}
          data-testid="highlight"
          onClick={() => act(async () => {
            const marks = highlightMarks(result, workerSheet);
            const n = await port.highlightRows(marks);
            setHighlighted(await port.highlightCount());
            // Show the marked rows: the worker sheet when it has any, else the first marked sheet.
            const show = marks.some((m) => m.sheet === workerSheet) ? workerSheet : marks[0]?.sheet;
            if (show) await port.activateSheet(show);
            return t.highlighted(n);
          })}
        >
          {t.highlight}
        </Button>
        <Button
          size="small"
          disabled={busy || highlighted === 0}
          data-testid="clear-highlight"
          onClick={() => act(async () => {
            const n = await port.clearHighlights();
            setHighlighted(0);
            return t.cleared(n);
          })}
        >
          {t.clearHighlight(highlighted)}
        </Button>
      </div>
      {message && (
        <MessageBar intent={message.intent} data-testid="results-message">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {byCommunity.length > 0 && (
        <div className={styles.tableBox}>
          <table className={styles.table} data-testid="by-community">
            <thead>
              <tr>
                <th className={styles.th}>{t.byCommunity}</th>
                <th className={mergeClasses(styles.th, styles.num)}>{t.workers}</th>
                <th className={mergeClasses(styles.th, styles.num)}>{t.error}</th>
                <th className={mergeClasses(styles.th, styles.num)}>{t.warning}</th>
                <th className={mergeClasses(styles.th, styles.num)}>{t.info}</th>
              </tr>
            </thead>
            <tbody>
              <tr className={mergeClasses(styles.clickRow, community === null && styles.activeRow)} onClick={() => setCommunity(null)}>
                <td className={styles.td}>{t.showAll}</td>
                <td className={mergeClasses(styles.td, styles.num)}>{s.workers}</td>
                <td className={mergeClasses(styles.td, styles.num)}>{s.error}</td>
                <td className={mergeClasses(styles.td, styles.num)}>{s.warning}</td>
                <td className={mergeClasses(styles.td, styles.num)}>{s.info}</td>
              </tr>
              {byCommunity.map((c) => (
                <tr
                  key={`${c.county}\u0001${c.street}\u0001${c.community}`}
                  className={mergeClasses(styles.clickRow, community === c.community && styles.activeRow)}
                  data-community={c.community}
                  onClick={() => {
                    setCommunity(community === c.community ? null : c.community);
                    setOpen(groups.filter((g) => g.community === c.community).map((g) => g.key));
                  }}
                >
                  <td className={styles.td}>{c.community}</td>
                  <td className={mergeClasses(styles.td, styles.num)}>{c.workers}</td>
                  <td className={mergeClasses(styles.td, styles.num)}>{c.error}</td>
                  <td className={mergeClasses(styles.td, styles.num)}>{c.warning}</td>
                  <td className={mergeClasses(styles.td, styles.num)}>{c.info}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total === 0 ? (
        <Text>{t.noFindings}</Text>
      ) : (
        <>
          <Accordion multiple collapsible openItems={open} onToggle={(_, d) => setOpen(d.openItems as string[])} data-testid="finding-groups">
            {listed.slice(0, groupsShown).map((g) => (
              <Group key={g.key} g={g} result={result} workerSheet={workerSheet} selected={selected} onSelect={select} visible={visible} />
            ))}
          </Accordion>
          {listed.length > groupsShown && (
            <Button appearance="subtle" size="small" onClick={() => setGroupsShown(groupsShown + GROUP_PAGE)}>
              {t.moreGroups(Math.min(GROUP_PAGE, listed.length - groupsShown), listed.length - groupsShown)}
            </Button>
          )}
        </>
      )}
    </div>
  );
}

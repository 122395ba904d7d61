/**
 * The roster check: the tables found (or the mapping step), the check's options, a run with a
 * progress bar and a Cancel button, then the results. The rules are the engine's checkRoster;
 * the pane only reads the workbook and shows what comes back.
 */
import * as React from 'react';
import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { CheckCancelled, checkRoster, policyOf } from '../../engine';
import type { CheckResult } from '../../engine';
import { loadRoster, readParams } from '../roster';
import type { LoadedRoster, RosterScan } from '../roster';
import type { WorkbookPort } from '../workbook/port';
import { useT } from '../i18n';
import { CancelButton, ProgressField } from './Progress';
import type { JobProgress } from './Progress';
import { MappingStep, RosterSummary } from './RosterCard';
import { Results } from './Results';
import { RetireMonthsField } from './RetireMonthsField';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  field: { flexGrow: 1, minWidth: '8em' },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** What the last run left. */
export interface CheckState {
  result: CheckResult | null;
  workerSheet: string | null;
  /** Counts runs, so each run's results start afresh. */
  run: number;
}

export interface CheckPanelProps {
  port: WorkbookPort;
  scan: RosterScan | null;
  scanError: string | null;
  rescan: () => void;
  policy: string;
  asOf: string;
  setAsOf: (v: string) => void;
  state: CheckState;
  setState: (s: CheckState) => void;
  onLoaded: (r: LoadedRoster) => void;
}

type Progress = JobProgress | null;

export function CheckPanel(props: CheckPanelProps) {
  const { port, scan, policy, asOf, state } = props;
  const styles = useStyles();
  const t = useT();
  const [months, setMonths] = React.useState(6);
  const [wage, setWage] = React.useState('');
  const [progress, setProgress] = React.useState<Progress>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [editing, setEditing] = React.useState(false);
  const abort = React.useRef<{ aborted: boolean } | null>(null);

  const run = async () => {
    if (!scan) return;
    const signal = { aborted: false };
    abort.current = signal;
    setError(null);
    setNotice(null);
    setProgress({ label: t.reading(0, 0), share: 0 });
    try {
      const loaded = await loadRoster(port, scan, { signal, onRows: (d, n) => setProgress({ label: t.reading(d, n), share: n ? 0.3 * (d / n) : 0 }) });
      props.onLoaded(loaded);
      const p = policyOf(policy);
      const params = await readParams(port, p, scan.heads);
      const averageWage = wage.trim() === '' ? null : Number(wage.replace(/[,，]/g, ''));
      const result = await checkRoster(loaded.roster, policy, {
        asOf: asOf || undefined,
        retirementMonths: months,
        params: params?.params ?? null,
        mapping: loaded.mapping,
        averageWage,
        signal,
        onProgress: (d, n) => setProgress({ label: t.checking(d, n), share: 0.3 + 0.7 * (n ? d / n : 1) }),
      });
      props.setState({ result, workerSheet: loaded.roster.workers.sheet, run: state.run + 1 });
    } catch (e) {
      const err = e as Error;
      if (err instanceof CheckCancelled || err.name === 'AbortError') setNotice(t.cancelled);
      else setError(err.message);
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };

  const mapping = scan && (scan.needsMapping || editing);
  return (
    <div className={styles.root}>
      <div className={styles.head}>
        <Subtitle2>{t.rosterTitle}</Subtitle2>
        <Button size="small" appearance="subtle" onClick={props.rescan} disabled={progress !== null} data-testid="rescan">
          {t.rescan}
        </Button>
      </div>
      {props.scanError && (
        <MessageBar intent="error">
          <MessageBarBody>{props.scanError}</MessageBarBody>
        </MessageBar>
      )}
      {!scan && !props.scanError && <Caption1>{t.scanning}</Caption1>}
      {scan && <RosterSummary scan={scan} />}
      {scan && mapping && (
        <MappingStep
          key={JSON.stringify(scan.saved) + scan.sheets.join()}
          port={port}
          scan={scan}
          onSaved={() => {
            setEditing(false);
            setNotice(t.mappingSaved);
            props.rescan();
          }}
          onCancel={scan.needsMapping ? undefined : () => setEditing(false)}
        />
      )}
      {scan && !mapping && (
        <Button size="small" appearance="transparent" onClick={() => setEditing(true)} data-testid="edit-mapping">
          {t.mappingEdit}
        </Button>
      )}
      {scan && !scan.needsMapping && (
        <>
          <div className={styles.row}>
            <Field label={t.asOf} className={styles.field}>
              <Input type="date" value={asOf} onChange={(_, d) => props.setAsOf(d.value)} data-testid="as-of" />
            </Field>
            <RetireMonthsField months={months} setMonths={setMonths} className={styles.field} />
          </div>
          {policyOf(policy).readsAverageWage && (
            <Field label={t.averageWage}>
              <Input value={wage} inputMode="decimal" onChange={(_, d) => setWage(d.value)} />
            </Field>
          )}
          <div className={styles.buttons}>
            <Button appearance="primary" onClick={run} disabled={progress !== null} data-testid="run-checks">
              {progress ? t.running : t.run}
            </Button>
            <CancelButton
              progress={progress}
              onCancel={() => {
                if (abort.current) abort.current.aborted = true;
              }}
              testId="cancel-checks"
            />
          </div>
          <ProgressField progress={progress} testId="check-progress" />
        </>
      )}
      {notice && (
        <MessageBar intent="info" data-testid="check-notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" data-testid="check-error">
          <MessageBarBody>
            <MessageBarTitle>{t.failed}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.result && !progress && <Results key={state.run} port={port} result={state.result} workerSheet={state.workerSheet} />}
    </div>
  );
}

/**
 * The pieces every long-running action of the pane shows the same way (checks, pay sheet, reports):
 * the Cancel button beside the action, the progress bar under it, and the failure bar that offers
 * the 参数表 when a parameter is missing.
 */
import * as React from 'react';
import { Button, Field, Link, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar } from '@fluentui/react-components';
import { useT } from '../i18n';

/** How far a job is: a label (Chinese) and a share 0–1. */
export interface JobProgress {
  label: string;
  share: number;
}

/** Cancel, shown only while `progress` is set. */
export function CancelButton(props: { progress: JobProgress | null; onCancel: () => void; testId: string }): JSX.Element | null {
  const t = useT();
  if (!props.progress) return null;
  return (
    <Button onClick={props.onCancel} data-testid={props.testId}>
      {t.cancel}
    </Button>
  );
}

/** The progress bar with its label, shown only while `progress` is set. */
export function ProgressField(props: { progress: JobProgress | null; testId: string }): JSX.Element | null {
  if (!props.progress) return null;
  return (
    <Field validationMessage={props.progress.label} validationState="none">
      <ProgressBar value={props.progress.share} max={1} data-testid={props.testId} />
    </Field>
  );
}

/** A job's failure: its Chinese message, and a link to the 参数表 when a parameter is missing. */
export function FailureBar(props: { error: { code: string; message: string } | null; title: string; goParams?: () => void; testId: string }): JSX.Element | null {
  const t = useT();
  if (!props.error) return null;
  return (
    <MessageBar intent="error" data-testid={props.testId}>
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        {props.error.message}
        {props.error.code === 'MISSING_PARAM' && props.goParams && (
          <>
            {' '}
            <Link onClick={props.goParams}>{t.goParams}</Link>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** A job's failure as the pane shows it: the engine's error code (MISSING_PARAM …) and its Chinese message. */
export interface JobError {
  code: string;
  message: string;
}

/** One cancellable job at a time: its progress, its failure, and how to start and cancel it. */
export interface Job {
  progress: JobProgress | null;
  error: JobError | null;
  setProgress(p: JobProgress): void;
  /** Runs `work` with a fresh AbortSignal; a failure (other than a cancel) becomes `error`. */
  run(first: JobProgress, work: (signal: AbortSignal) => Promise<void>): Promise<void>;
  cancel(): void;
}

/**
 * The state every long-running action keeps: progress while it runs, the error it ended with,
 * the AbortController behind Cancel (aborted too when the panel closes).
 */
export function useJob(): Job {
  const [progress, setProgress] = React.useState<JobProgress | null>(null);
  const [error, setError] = React.useState<JobError | null>(null);
  const controller = React.useRef<AbortController | null>(null);
  React.useEffect(() => () => controller.current?.abort(), []);
  const run = async (first: JobProgress, work: (signal: AbortSignal) => Promise<void>) => {
    const ctrl = new AbortController();
    controller.current = ctrl;
    setError(null);
    setProgress(first);
    try {
      await work(ctrl.signal);
    } catch (e) {
      const err = e as Error & { code?: string };
      if (err.name !== 'AbortError') setError({ code: err.code ?? 'INTERNAL', message: err.message });
    } finally {
      setProgress(null);
      controller.current = null;
    }
  };
  return { progress, error, setProgress, run, cancel: () => controller.current?.abort() };
}

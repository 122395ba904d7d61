/**
 * The policy's parameters (key, the document's value, the workbook's local value, unit, source)
 * and the 参数表 sheet: opened when the workbook has one for the policy, otherwise created from
 * the template's layout (src/taskpane/params.ts). The checks and the reports read it.
 */
import * as React from 'react';
import { Button, Caption1, MessageBar, MessageBarBody, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { citeText, mustSupply, policyOf } from '../../engine';
import type { ParamValue } from '../../engine';
import { paramSheet, paramSheetName, REQUIRED_FILL } from '../params';
import { readParams } from '../roster';
import type { RosterScan } from '../roster';
import type { WorkbookPort } from '../workbook/port';
import { useT } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  box: { maxHeight: '420px', overflow: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  th: { textAlign: 'left', position: 'sticky', top: 0, backgroundColor: tokens.colorNeutralBackground3, padding: '2px 6px', fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  td: { padding: '2px 6px', borderTop: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' },
  key: { wordBreak: 'break-all' },
  required: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  local: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

const shown = (v: ParamValue | unknown) => (v === undefined || v === null ? '' : typeof v === 'boolean' ? (v ? '是' : '否') : String(v));

export function ParamsPanel({ port, scan, policy, onChanged }: { port: WorkbookPort; scan: RosterScan | null; policy: string; onChanged: () => void }) {
  const styles = useStyles();
  const t = useT();
  const p = policyOf(policy);
  const [found, setFound] = React.useState<{ sheet: string; params: Record<string, unknown> } | null | undefined>(undefined);
  const [message, setMessage] = React.useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  React.useEffect(() => {
    let live = true;
    setFound(undefined);
    if (!scan) return;
    readParams(port, p, scan.heads).then(
      (r) => live && setFound(r),
      (e: Error) => live && setMessage({ intent: 'error', text: e.message }),
    );
    return () => {
      live = false;
    };
  }, [port, scan, policy]);

  const required = p.params.defs.filter(mustSupply).length;
  const open = async () => {
    try {
      if (found) {
        await port.activateSheet(found.sheet);
        setMessage({ intent: 'success', text: t.paramsOpened(found.sheet) });
      } else {
        const { rows, required: req, payrollRequired } = paramSheet(p);
        const name = await port.addSheet(paramSheetName(p), { rows, boldRows: 1, textColumns: [0], rowFills: Object.fromEntries([...req, ...payrollRequired].map((r) => [r, REQUIRED_FILL])) });
        setMessage({ intent: 'success', text: t.paramsCreated(name) });
        onChanged();
      }
    } catch (e) {
      setMessage({ intent: 'error', text: (e as Error).message });
    }
  };

  return (
    <div className={styles.root} data-testid="params-panel">
      <Subtitle2>
        {t.paramsTitle} · {p.name}
      </Subtitle2>
      <Caption1>{t.paramsIntro}</Caption1>
      {found !== undefined && <Caption1 data-testid="params-status">{found ? t.paramsInUse(found.sheet, Object.keys(found.params).length) : t.paramsNone}</Caption1>}
      {required > 0 && <Caption1 className={styles.muted}>{t.paramsRequired(required)}</Caption1>}
      <div>
        <Button appearance="primary" size="small" onClick={open} disabled={found === undefined} data-testid="params-open">
          {found ? t.paramsOpen : t.paramsCreate}
        </Button>
      </div>
      {message && (
        <MessageBar intent={message.intent} data-testid="params-message">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.box}>
        <table className={styles.table} data-testid="params-table">
          <thead>
            <tr>
              <th className={styles.th}>{t.paramKey}</th>
              <th className={styles.th}>{t.paramDoc}</th>
              <th className={styles.th}>{t.paramLocal}</th>
              <th className={styles.th}>{t.paramUnit}</th>
              <th className={styles.th}>{t.paramCite}</th>
            </tr>
          </thead>
          <tbody>
            {p.params.defs.map((d) => {
              const local = found?.params[d.key];
              return (
                <tr key={d.key} className={mergeClasses(mustSupply(d) && local === undefined && styles.required)} title={d.label}>
                  <td className={mergeClasses(styles.td, styles.key)}>{d.key}</td>
                  <td className={styles.td}>{d.value === undefined ? (d.optional ? t.optionalNotSet : t.notSet) : shown(d.value)}</td>
                  <td className={mergeClasses(styles.td, styles.local)}>{shown(local)}</td>
                  <td className={styles.td}>{d.unit}</td>
                  <td className={styles.td}>{citeText(d.citation)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/**
 * The task pane. With a workbook (Excel through Office.js, or the workbench's in-memory copy) it
 * checks the roster against the chosen policy, keeps the 参数表 and makes the reports; it always
 * has the CW function reference and the policy list. It talks to the workbook only through the
 * port (./workbook/port.ts) and leaves every rule to the engine.
 */
import * as React from 'react';
import { Caption1, Field, MessageBar, MessageBarBody, Select, Tab, TabList, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { canDownloadFiles } from './download';
import { POLICIES, isoOf, policyOf, todayInChina } from '../engine';
import { useT } from './i18n';
import { scanWorkbook } from './roster';
import type { LoadedRoster, RosterScan } from './roster';
import { SETTING } from './workbook/port';
import type { WorkbookPort } from './workbook/port';
import { CheckPanel } from './components/CheckPanel';
import type { CheckState } from './components/CheckPanel';
import { FunctionHelp, PolicyList } from './components/FunctionHelp';
import { ParamsPanel } from './components/ParamsPanel';
import { PaySheetPanel } from './components/PaySheetPanel';
import { PayrollPanel } from './components/PayrollPanel';
import { ReportsPanel } from './components/ReportsPanel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, boxSizing: 'border-box' },
  muted: { color: tokens.colorNeutralForeground3 },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: 'wrap' },
});

type TabId = 'check' | 'params' | 'reports' | 'pay' | 'payroll' | 'functions' | 'policies';

export interface AppProps {
  /** The workbook; without one the pane shows only the function reference and the policies. */
  port?: WorkbookPort | null;
  /** Running inside Office (changes where a downloaded report is said to go). */
  inOffice?: boolean;
  /** Whether a PDF can be downloaded here (src/taskpane/download.ts); detected in this page when not given. */
  canDownload?: boolean;
  /** The check date to start with (the workbench uses the sample roster's date); today in China otherwise. */
  defaultAsOf?: string;
  /** The roster file named in the `cw report` hint. */
  rosterFile?: string;
  /** A message shown above the tabs (e.g. Excel too old for the roster check). */
  notice?: string | null;
}

export function App({ port = null, inOffice = false, canDownload, defaultAsOf, rosterFile = '花名册.xlsx', notice = null }: AppProps) {
  const styles = useStyles();
  const t = useT();
  const [tab, setTab] = React.useState<TabId>(port ? 'check' : 'functions');
  const [policy, setPolicyState] = React.useState<string>(POLICIES[0].id);
  const [asOf, setAsOf] = React.useState<string>(defaultAsOf ?? isoOf(todayInChina()));
  const [scan, setScan] = React.useState<RosterScan | null>(null);
  const [scanError, setScanError] = React.useState<string | null>(null);
  const [check, setCheck] = React.useState<CheckState>({ result: null, workerSheet: null, run: 0 });
  const [loaded, setLoaded] = React.useState<LoadedRoster | null>(null);
  const scanSeq = React.useRef(0);

  const rescan = React.useCallback(() => {
    if (!port) return;
    const seq = ++scanSeq.current;
    setScanError(null);
    setLoaded(null);
    scanWorkbook(port).then(
      (s) => seq === scanSeq.current && setScan(s),
      (e: Error) => seq === scanSeq.current && setScanError(e.message),
    );
  }, [port]);

  React.useEffect(() => {
    if (!port) return;
    rescan();
    port.getSetting<string>(SETTING.policy).then((saved) => {
      if (!saved) return;
      try {
        setPolicyState(policyOf(saved).id);
      } catch {
        // A policy id this version does not know: keep the default.
      }
    }, () => undefined);
  }, [port, rescan]);

  const setPolicy = (id: string) => {
    setPolicyState(id);
    setCheck((c) => ({ result: null, workerSheet: null, run: c.run }));
    port?.setSetting(SETTING.policy, id).catch(() => undefined);
  };

  const current = policyOf(policy);
  const tabs: Array<[TabId, string]> = port
    ? [['check', t.tabCheck], ['params', t.tabParams], ['reports', t.tabReports], ['pay', t.tabPay], ['payroll', t.tabPayroll], ['functions', t.tabFunctions], ['policies', t.tabPolicies]]
    : [['functions', t.tabFunctions], ['policies', t.tabPolicies]];

  return (
    <div className={styles.root}>
      <Title3>{t.appTitle}</Title3>
      {notice && (
        <MessageBar intent="warning">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {port && (
        <Field label={t.policy} hint={`${current.title ?? ''}${current.doc ? `（${current.doc}）` : ''}`}>
          <Select value={policy} onChange={(_, d) => setPolicy(d.value)} data-testid="policy">
            {POLICIES.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}（{p.id}）{p.draft ? ` · ${t.draft}` : ''}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <TabList className={styles.tabs} size="small" selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)}>
        {tabs.map(([id, label]) => (
          <Tab key={id} value={id} data-tab={id}>
            {label}
          </Tab>
        ))}
      </TabList>
      {port && tab === 'check' && (
        <CheckPanel
          port={port}
          scan={scan}
          scanError={scanError}
          rescan={rescan}
          policy={policy}
          asOf={asOf}
          setAsOf={setAsOf}
          state={check}
          setState={setCheck}
          onLoaded={setLoaded}
        />
      )}
      {port && tab === 'params' && <ParamsPanel port={port} scan={scan} policy={policy} onChanged={rescan} />}
      {port && tab === 'reports' && (
        <ReportsPanel
          port={port}
          scan={scan}
          policy={policy}
          asOf={asOf}
          loaded={loaded}
          onLoaded={setLoaded}
          inOffice={inOffice}
          canDownload={canDownload ?? canDownloadFiles()}
          rosterFile={rosterFile}
          goParams={() => setTab('params')}
        />
      )}
      {port && tab === 'pay' && (
        <PaySheetPanel port={port} scan={scan} policy={policy} asOf={asOf} onLoaded={setLoaded} onWritten={rescan} goParams={() => setTab('params')} />
      )}
      {port && tab === 'payroll' && (
        <PayrollPanel port={port} scan={scan} policy={policy} asOf={asOf} onLoaded={setLoaded} onWritten={rescan} goParams={() => setTab('params')} />
      )}
      {tab === 'functions' && <FunctionHelp />}
      {tab === 'policies' && <PolicyList />}
      <Caption1 className={styles.muted}>{t.privacy}</Caption1>
    </div>
  );
}

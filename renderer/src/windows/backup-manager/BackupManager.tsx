import { useEffect, type ReactElement } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { StartProblemBanner } from '../../components/StartProblemBanner';
import { TabbedPane } from '../../components/TabbedPane';
import { Icon } from '../../components/Icon';
import { BACKUP_TABS, useBackupManager } from '../../store/backup-manager';
import { DestinationTab } from './DestinationTab';
import { OptionsTab } from './OptionsTab';
import { ScheduleTab } from './ScheduleTab';
import { SecurityDialog } from './SecurityDialog';
import { SourceTab } from './SourceTab';
import { StagingTab } from './StagingTab';
import { SubmitJobDialog } from './SubmitJobDialog';
import { useStartBackup } from './use-start-backup';
import '../restore-manager/restore-manager.css';
import './backup-manager.css';

/**
 * The Backup Manager: choose registered scenarios and folder sources (Source), whether sessions
 * are staged first (Staging), where they go (Destination), when (Schedule) and how (Options),
 * then Start → Security and Agent Information → Submit Job. The job then shows in the Job
 * Status Manager.
 */
export function BackupManager(): ReactElement {
  const tab = useBackupManager((state) => state.tab);
  const showTab = useBackupManager((state) => state.showTab);
  const selected = useBackupManager((state) => state.selected.length);
  const error = useBackupManager((state) => state.error);
  const submitted = useBackupManager((state) => state.submitted);
  const refresh = useBackupManager((state) => state.refresh);
  const setSubmitted = useBackupManager((state) => state.setSubmitted);
  const { step, problem, start, setStep, dismiss } = useStartBackup();
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const close = (): void => setStep({ kind: 'idle' });

  return (
    <div className="window backup-manager">
      <header className="title-bar">
        <h1>Backup Manager</h1>
        <div role="toolbar" aria-label="Backup actions" className="toolbar">
          <button
            type="button"
            className="primary"
            disabled={selected === 0 || step.kind !== 'idle'}
            onClick={() => void start()}
            title={selected === 0 ? 'Check at least one scenario or folder on the Source tab first' : 'Check the job, give the credentials, then submit it'}
          >
            <Icon name="running" /> {step.kind === 'checking' ? 'Checking…' : 'Start'}
          </button>
          <button type="button" onClick={() => void refresh()} title="Read the registered scenarios, folder sources and device groups again">
            <Icon name="sync" /> Refresh
          </button>
        </div>
        {submitted && (
          <p role="status" className="submitted-note">
            Job {submitted.jobId} submitted: {submitted.name}. Follow it in the Job Status Manager.
          </p>
        )}
      </header>
      {error && <ErrorBanner error={error} />}
      {problem && <StartProblemBanner problem={problem} onDismiss={dismiss} />}
      <main className="panes">
        <section className="pane" aria-label="Backup job">
          <TabbedPane label="Backup" tabs={BACKUP_TABS} selected={tab} onSelect={showTab} panelClassName="backup-panel">
            {tab === 'Source' && <SourceTab />}
            {tab === 'Staging' && <StagingTab />}
            {tab === 'Destination' && <DestinationTab />}
            {tab === 'Schedule' && <ScheduleTab />}
            {tab === 'Options' && <OptionsTab />}
          </TabbedPane>
        </section>
      </main>
      {step.kind === 'security' && (
        <SecurityDialog
          hosts={step.hosts}
          initial={step.typed}
          onContinue={(typed) => setStep({ kind: 'submit', context: step.context, hosts: step.hosts, typed })}
          onClose={close}
        />
      )}
      {step.kind === 'submit' && (
        <SubmitJobDialog
          context={step.context}
          credentials={step.typed}
          hosts={step.hosts}
          onBack={() => setStep({ kind: 'security', context: step.context, hosts: step.hosts, typed: step.typed })}
          onClose={close}
          onSubmitted={(job) => {
            setSubmitted({ jobId: job.id, name: job.name });
            close();
          }}
        />
      )}
    </div>
  );
}

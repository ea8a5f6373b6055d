import type { ReactElement } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { StartProblemBanner } from '../../components/StartProblemBanner';
import { TabbedPane } from '../../components/TabbedPane';
import { Icon } from '../../components/Icon';
import { useBackups } from '../../store/backups';
import { RESTORE_TABS, useRestore } from '../../store/restore';
import { DestinationTab } from './DestinationTab';
import { MarkedItems } from './MarkedItems';
import { OptionsTab } from './OptionsTab';
import { RestoreJobsSection } from './RestoreJobsSection';
import { SecurityDialog } from './SecurityDialog';
import { SourceTab } from './SourceTab';
import { SubmitJobDialog } from './SubmitJobDialog';
import { useStartRestore } from './use-start-restore';
import './restore-manager.css';

/**
 * The Restore Manager: find what to restore (by Session, Tree or Query) and mark it, choose
 * where it goes and how, then Start → credentials → Submit Job; the restore jobs and their
 * Activity Log below.
 */
export function RestoreManager(): ReactElement {
  const tab = useRestore((state) => state.tab);
  const showTab = useRestore((state) => state.showTab);
  const marked = useRestore((state) => state.marks.length);
  const setQueued = useRestore((state) => state.setQueued);
  const selectJob = useBackups((state) => state.selectJob);
  const refreshJobs = useBackups((state) => state.refresh);
  const { step, problem, start, setStep, dismiss } = useStartRestore();
  const layout = useDefaultLayout({ id: 'restore-manager-rows', storage: localStorage });
  const close = (): void => setStep({ kind: 'idle' });

  return (
    <div className="window restore-manager">
      <header className="title-bar">
        <h1>Restore Manager</h1>
        <div role="toolbar" aria-label="Restore actions" className="toolbar">
          <button type="button" className="primary" disabled={marked === 0 || step.kind !== 'idle'} onClick={() => void start()} title={marked === 0 ? 'Mark what to restore on the Source tab first' : 'Check the marks and the destination, then submit the restore job'}>
            <Icon name="running" /> {step.kind === 'checking' ? 'Checking…' : 'Start'}
          </button>
        </div>
      </header>
      {problem && <StartProblemBanner problem={problem} onDismiss={dismiss} />}
      <main className="panes">
        <Group orientation="vertical" {...layout}>
          <Panel id="restore-top" defaultSize="64" minSize="25">
            <section className="pane" aria-label="Restore job">
              <TabbedPane label="Restore" tabs={RESTORE_TABS} selected={tab} onSelect={showTab} panelClassName="restore-panel">
                {tab === 'Source' ? <SourceTab /> : tab === 'Destination' ? <DestinationTab /> : <OptionsTab />}
              </TabbedPane>
            </section>
          </Panel>
          <Separator className="separator horizontal" />
          <Panel id="restore-bottom" defaultSize="36" minSize="10">
            <section className="pane restore-bottom">
              <MarkedItems />
              <RestoreJobsSection />
            </section>
          </Panel>
        </Group>
      </main>
      {step.kind === 'credentials' && (
        <SecurityDialog
          hosts={step.hosts}
          encrypted={step.context.encrypted}
          initial={step.typed}
          onContinue={(credentials, password) => setStep({ kind: 'submit', context: step.context, hosts: step.hosts, credentials, password })}
          onClose={close}
        />
      )}
      {step.kind === 'submit' && (
        <SubmitJobDialog
          context={step.context}
          credentials={step.credentials}
          password={step.password}
          onBack={() => setStep({ kind: 'credentials', context: step.context, hosts: step.hosts, typed: step.credentials.map(({ host, user }) => ({ host, user })) })}
          onClose={close}
          onQueued={(job) => {
            setQueued({ jobId: job.id, name: job.name });
            close();
            selectJob(job.id);
            void refreshJobs();
          }}
        />
      )}
    </div>
  );
}

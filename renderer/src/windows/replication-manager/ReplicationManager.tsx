import { useEffect, useState, type ReactElement } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { ErrorBanner } from '../../components/ErrorBanner';
import { selectedScenario, useScenarios } from '../../store/scenarios';
import { CredentialsDialog } from './CredentialsDialog';
import { EventsPane } from './EventsPane';
import { FrameworkPane } from './FrameworkPane';
import { HostPane } from './HostPane';
import { BookmarkDialog } from './BookmarkDialog';
import { NewScenarioDialog } from './NewScenarioDialog';
import { RemoveScenarioDialog } from './RemoveScenarioDialog';
import { RewindDialog } from './RewindDialog';
import { ScenarioLockBanner } from './ScenarioLockBanner';
import { ScenarioLockDialog } from './ScenarioLockDialog';
import { ScenarioPane } from './ScenarioPane';
import { readOnlyReason } from './scenario-lock';
import { StopScenarioDialog } from './StopScenarioDialog';
import { Toolbar } from './Toolbar';
import { useScenarioCommands } from './use-scenario-commands';
import { lockViewOf, useScenarioLock, useScenarioLockWatch } from './use-scenario-lock';

type OpenDialog =
  | { kind: 'none' }
  | { kind: 'new' }
  | { kind: 'remove' }
  | { kind: 'stop' }
  | { kind: 'rewind' }
  | { kind: 'bookmark' }
  | { kind: 'credentials'; hosts: string[] };
const NONE: OpenDialog = { kind: 'none' };

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** The four-pane window: Scenario | Host | Framework above, Events below, all resizable and remembered. */
export function ReplicationManager(): ReactElement {
  const scenario = useScenarios(selectedScenario);
  const loadError = useScenarios((state) => state.loadError);
  const openCount = useScenarios((state) => state.openCount);
  useScenarioLockWatch(scenario?.id, openCount);
  const lockReason = useScenarioLock((state) => readOnlyReason(lockViewOf(state, scenario?.id)));
  const asking = useScenarioLock((state) => state.asking);
  const [dialog, setDialog] = useState<OpenDialog>(NONE);
  const commands = useScenarioCommands((hosts) => setDialog({ kind: 'credentials', hosts }));
  const outer = useDefaultLayout({ id: 'replication-manager-rows', storage: localStorage });
  const inner = useDefaultLayout({ id: 'replication-manager-columns', storage: localStorage });
  const removable = scenario !== undefined && scenario.status.state !== 'running' && lockReason === undefined;

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (dialog.kind !== 'none' || asking) return;
      if (event.ctrlKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        setDialog({ kind: 'new' });
      } else if (event.key === 'Delete' && removable && !typingIn(event.target)) {
        setDialog({ kind: 'remove' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog, removable, asking]);

  const close = (): void => setDialog(NONE);
  return (
    <div className="window">
      <header className="title-bar">
        <h1>Replication Manager</h1>
        <Toolbar
          scenario={scenario}
          busy={commands.busy}
          onNew={() => setDialog({ kind: 'new' })}
          onRun={() => scenario && commands.run(scenario)}
          onStop={() => setDialog({ kind: 'stop' })}
          onSuspend={(replicaId) => scenario && commands.suspend(scenario, replicaId)}
          onResume={(replicaId) => scenario && commands.resume(scenario, replicaId)}
          onRewind={() => setDialog({ kind: 'rewind' })}
          onBookmark={() => setDialog({ kind: 'bookmark' })}
          onAssuredRecovery={(replicaId) => scenario && commands.assuredRecovery(scenario, replicaId)}
          onBackUpNow={() => scenario && commands.backUpNow(scenario)}
          onRemove={() => setDialog({ kind: 'remove' })}
          lockReason={lockReason}
        />
      </header>
      <ScenarioLockBanner scenarioId={scenario?.id} />
      {loadError && <ErrorBanner error={loadError} />}
      {commands.error && (
        <div className="dismissable">
          <ErrorBanner error={commands.error} />
          <button type="button" className="link" onClick={commands.dismiss}>
            Dismiss
          </button>
        </div>
      )}
      <main className="panes">
        <Group orientation="vertical" {...outer}>
          <Panel id="top" defaultSize="68" minSize="20">
            <Group orientation="horizontal" {...inner}>
              <Panel id="scenarios" defaultSize="34" minSize="15">
                <ScenarioPane />
              </Panel>
              <Separator className="separator vertical" />
              <Panel id="hosts" defaultSize="28" minSize="12">
                <HostPane />
              </Panel>
              <Separator className="separator vertical" />
              <Panel id="framework" defaultSize="38" minSize="15">
                <FrameworkPane />
              </Panel>
            </Group>
          </Panel>
          <Separator className="separator horizontal" />
          <Panel id="events" defaultSize="32" minSize="10">
            <EventsPane />
          </Panel>
        </Group>
      </main>
      {dialog.kind === 'new' && <NewScenarioDialog onClose={close} />}
      {dialog.kind === 'remove' && scenario && <RemoveScenarioDialog scenario={scenario} onClose={close} />}
      {dialog.kind === 'stop' && scenario && <StopScenarioDialog scenario={scenario} onClose={close} />}
      {dialog.kind === 'rewind' && scenario && <RewindDialog scenario={scenario} onClose={close} />}
      {dialog.kind === 'bookmark' && scenario && <BookmarkDialog scenario={scenario} onClose={close} />}
      {dialog.kind === 'credentials' && scenario && <CredentialsDialog scenario={scenario} hosts={dialog.hosts} onClose={close} />}
      {scenario && <ScenarioLockDialog scenario={scenario} />}
    </div>
  );
}

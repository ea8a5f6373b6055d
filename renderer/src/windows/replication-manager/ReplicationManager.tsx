import { useEffect, useState, type ReactElement } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { ErrorBanner } from '../../components/ErrorBanner';
import { selectedScenario, useScenarios } from '../../store/scenarios';
import { EventsPane } from './EventsPane';
import { FrameworkPane } from './FrameworkPane';
import { HostPane } from './HostPane';
import { NewScenarioDialog } from './NewScenarioDialog';
import { RemoveScenarioDialog } from './RemoveScenarioDialog';
import { ScenarioPane } from './ScenarioPane';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';

type OpenDialog = 'none' | 'new' | 'remove';

/** The four-pane window: Scenario | Host | Framework above, Events below, all resizable and remembered. */
export function ReplicationManager(): ReactElement {
  const scenario = useScenarios(selectedScenario);
  const loadError = useScenarios((state) => state.loadError);
  const [dialog, setDialog] = useState<OpenDialog>('none');
  const outer = useDefaultLayout({ id: 'replication-manager-rows', storage: localStorage });
  const inner = useDefaultLayout({ id: 'replication-manager-columns', storage: localStorage });

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (dialog !== 'none') return;
      if (event.ctrlKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        setDialog('new');
      } else if (event.key === 'Delete' && scenario && !(event.target instanceof HTMLInputElement)) {
        setDialog('remove');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog, scenario]);

  return (
    <div className="window">
      <header className="title-bar">
        <h1>Replication Manager</h1>
        <Toolbar canRemove={scenario !== undefined} onNew={() => setDialog('new')} onRemove={() => setDialog('remove')} />
      </header>
      {loadError && <ErrorBanner error={loadError} />}
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
      <StatusBar />
      {dialog === 'new' && <NewScenarioDialog onClose={() => setDialog('none')} />}
      {dialog === 'remove' && scenario && <RemoveScenarioDialog scenario={scenario} onClose={() => setDialog('none')} />}
    </div>
  );
}

import type { ReactElement } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { useLive } from '../../store/live';
import { selectedReplica, selectedScenario, useScenarios } from '../../store/scenarios';
import { AssuredRecoveryPanel } from './AssuredRecoveryPanel';
import { HostIcon } from './HostIcon';
import { linkOf, masterUnreachable } from './link-status';
import { ReplicaRow } from './ReplicaRow';
import { statusView } from './scenario-status';

/** Middle pane: the selected scenario's Master (crowned) and its Replicas with their live state, then their Assured Recovery. */
export function HostPane(): ReactElement {
  const scenario = useScenarios(selectedScenario);
  const selectedReplicaId = useScenarios((state) => state.selectedReplicaId);
  const selectReplica = useScenarios((state) => state.selectReplica);
  const running = scenario?.status.state === 'running';
  const live = useLive((state) => (scenario && running ? state.byId[scenario.id] : undefined));
  const liveError = useLive((state) => (scenario && running ? state.errors[scenario.id] : undefined));
  if (!scenario) {
    return (
      <section className="pane" aria-label="Host pane">
        <header className="pane-header">Hosts</header>
        <p className="empty">Select a scenario to see its hosts.</p>
      </section>
    );
  }
  const status = statusView(scenario.status, live);
  const chosen = selectedReplica(scenario, selectedReplicaId);
  const engineError = live?.state === 'problem' || live?.state === 'not-authorized' ? live.error : undefined;
  return (
    <section className="pane" aria-label="Host pane">
      <header className="pane-header">Hosts</header>
      {liveError && <ErrorBanner error={liveError} />}
      {engineError && <ErrorBanner error={engineError} />}
      <div className="pane-body">
        <ul role="tree" aria-label="Hosts" className="host-tree">
          <li role="treeitem" aria-expanded="true" aria-selected="false" aria-label={`Master ${scenario.master.host}`}>
            <div className="host-row" title={status.detail}>
              <Icon name="crown" className="crown" title="Master" />
              <HostIcon lost={masterUnreachable(live)} />
              <span className="host-name">{scenario.master.host}</span>
              <span className={`host-state tone-${status.tone}`}>{status.label}</span>
            </div>
            <ul role="group">
              {scenario.replicas.map((replica) => (
                <ReplicaRow
                  key={replica.id}
                  replica={replica}
                  running={running}
                  link={linkOf(live, replica.id)}
                  selected={replica.id === chosen?.id}
                  onSelect={selectReplica}
                />
              ))}
            </ul>
          </li>
        </ul>
        <AssuredRecoveryPanel scenario={scenario} />
      </div>
    </section>
  );
}

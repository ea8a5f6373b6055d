import type { ReactElement } from 'react';
import { Icon } from '../../components/Icon';
import { selectedScenario, useScenarios } from '../../store/scenarios';
import { statusView } from './scenario-status';

/** Middle pane: the selected scenario's Master (crowned) and its Replicas with their state. */
export function HostPane(): ReactElement {
  const scenario = useScenarios(selectedScenario);
  return (
    <section className="pane" aria-label="Host pane">
      <header className="pane-header">Hosts</header>
      {!scenario ? (
        <p className="empty">Select a scenario to see its hosts.</p>
      ) : (
        <ul role="tree" aria-label="Hosts" className="host-tree">
          <li role="treeitem" aria-expanded="true" aria-selected="false" aria-label={`Master ${scenario.master.host}`}>
            <div className="host-row">
              <Icon name="crown" className="crown" title="Master" />
              <Icon name="host" />
              <span className="host-name">{scenario.master.host}</span>
              <span className="host-state">{statusView(scenario.status).label}</span>
            </div>
            <ul role="group">
              {scenario.replicas.map((replica) => (
                <li role="treeitem" aria-selected="false" key={replica.id} aria-label={`Replica ${replica.host}`}>
                  <div className="host-row">
                    <Icon name="arrow" />
                    <Icon name="host" />
                    <span className="host-name">{replica.host}</span>
                    <span className="host-detail">{replica.target}</span>
                  </div>
                </li>
              ))}
            </ul>
          </li>
        </ul>
      )}
    </section>
  );
}

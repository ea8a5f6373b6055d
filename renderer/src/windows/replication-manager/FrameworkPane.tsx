import { useState, type ReactElement } from 'react';
import type { Scenario } from '../../../../electron/api/contract';
import { Icon } from '../../components/Icon';
import { selectedScenario, useScenarios } from '../../store/scenarios';
import { statusView } from './scenario-status';

const TABS = ['Statistics', 'Directories', 'Properties'] as const;
type Tab = (typeof TABS)[number];

function Statistics({ scenario }: { scenario: Scenario }): ReactElement {
  return scenario.status.state === 'stopped' ? (
    <p className="empty">Statistics are shown while the scenario is running.</p>
  ) : (
    <p className="empty">No statistics yet.</p>
  );
}

function Directories({ scenario }: { scenario: Scenario }): ReactElement {
  return (
    <table className="grid" aria-label="Root directories">
      <thead>
        <tr>
          <th scope="col">Master root directory</th>
          <th scope="col">Replica target</th>
        </tr>
      </thead>
      <tbody>
        {scenario.master.roots.map((root) => (
          <tr key={root}>
            <td>
              <Icon name="folder" /> {root}
            </td>
            <td>{scenario.replicas.map((replica) => `${replica.host}: ${replica.target}`).join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Properties({ scenario }: { scenario: Scenario }): ReactElement {
  const rows: [string, string][] = [
    ['Scenario name', scenario.name],
    ['Scenario ID', scenario.id],
    ['Scenario type', scenario.type],
    ['Group', scenario.group],
    ['State', statusView(scenario.status).label],
    ['Master', `${scenario.master.host}:${scenario.master.port}`],
    ...scenario.replicas.map((replica, index): [string, string] => [`Replica ${index + 1}`, `${replica.host}:${replica.port} → ${replica.target}`]),
    ['Created', new Date(scenario.createdAt).toLocaleString()],
  ];
  return (
    <table className="grid properties" aria-label="Scenario properties">
      <tbody>
        {rows.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Right pane: Statistics / Directories / Properties of the selected scenario. */
export function FrameworkPane(): ReactElement {
  const scenario = useScenarios(selectedScenario);
  const [tab, setTab] = useState<Tab>('Properties');
  return (
    <section className="pane" aria-label="Framework pane">
      <div role="tablist" aria-label="Framework" className="tabs">
        {TABS.map((name) => (
          <button key={name} role="tab" id={`tab-${name}`} aria-selected={tab === name} aria-controls="framework-panel" onClick={() => setTab(name)}>
            {name}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="framework-panel" aria-labelledby={`tab-${tab}`} className="tab-panel">
        {!scenario ? (
          <p className="empty">Select a scenario.</p>
        ) : tab === 'Statistics' ? (
          <Statistics scenario={scenario} />
        ) : tab === 'Directories' ? (
          <Directories scenario={scenario} />
        ) : (
          <Properties scenario={scenario} />
        )}
      </div>
    </section>
  );
}

import type { ReactElement } from 'react';
import { Icon } from '../../components/Icon';
import { useScenarios } from '../../store/scenarios';
import { statusView } from './scenario-status';

/** Left pane: every scenario, grouped, with its status icon; a click selects it. */
export function ScenarioPane(): ReactElement {
  const { scenarios, selectedId, select } = useScenarios();
  const groups = [...new Set(scenarios.map((scenario) => scenario.group))];
  return (
    <section className="pane" aria-label="Scenario pane">
      <header className="pane-header">Scenarios</header>
      {scenarios.length === 0 ? (
        <p className="empty">No scenarios yet. Click New to protect a server.</p>
      ) : (
        <table className="grid scenario-grid" aria-label="Scenarios">
          <thead>
            <tr>
              <th scope="col">Scenario</th>
              <th scope="col">State</th>
              <th scope="col">Product</th>
              <th scope="col">Master</th>
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group}>
              <tr className="group-row">
                <th colSpan={4} scope="rowgroup">
                  <Icon name="group" /> {group}
                </th>
              </tr>
              {scenarios
                .filter((scenario) => scenario.group === group)
                .map((scenario) => {
                  const status = statusView(scenario.status);
                  const selected = scenario.id === selectedId;
                  return (
                    <tr
                      key={scenario.id}
                      aria-selected={selected}
                      className={selected ? 'selected' : undefined}
                      tabIndex={0}
                      onClick={() => select(scenario.id)}
                      onKeyDown={(event) => {
                        if (event.key === 'Enter' || event.key === ' ') select(scenario.id);
                      }}
                    >
                      <td>
                        <Icon name={status.icon} className={`tone-${status.tone}`} title={status.label} /> {scenario.name}
                      </td>
                      <td>{status.label}</td>
                      <td>{scenario.type}</td>
                      <td>{scenario.master.host}</td>
                    </tr>
                  );
                })}
            </tbody>
          ))}
        </table>
      )}
    </section>
  );
}

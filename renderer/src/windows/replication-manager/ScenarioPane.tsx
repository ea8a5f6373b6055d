import type { ReactElement } from 'react';
import { Icon } from '../../components/Icon';
import { useScenarios } from '../../store/scenarios';
import { ScenarioRow } from './ScenarioRow';

/** Left pane: every scenario, grouped, with its status icon; a click selects it. */
export function ScenarioPane(): ReactElement {
  const scenarios = useScenarios((state) => state.scenarios);
  const selectedId = useScenarios((state) => state.selectedId);
  const select = useScenarios((state) => state.select);
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
                .map((scenario) => (
                  <ScenarioRow key={scenario.id} scenario={scenario} selected={scenario.id === selectedId} onSelect={select} />
                ))}
            </tbody>
          ))}
        </table>
      )}
    </section>
  );
}

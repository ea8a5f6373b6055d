import { useState, type ReactElement } from 'react';
import { selectedScenario, useScenarios } from '../../store/scenarios';
import { DirectoriesTab } from './DirectoriesTab';
import { PropertiesTab } from './PropertiesTab';
import { StatisticsTab } from './StatisticsTab';

const TABS = ['Statistics', 'Directories', 'Properties'] as const;
type Tab = (typeof TABS)[number];

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
          <StatisticsTab scenario={scenario} />
        ) : tab === 'Directories' ? (
          <DirectoriesTab key={scenario.id} scenario={scenario} />
        ) : (
          <PropertiesTab scenario={scenario} />
        )}
      </div>
    </section>
  );
}

import type { ReactElement } from 'react';
import { selectedScenario, useScenarios } from '../../store/scenarios';
import { BackupsTab } from './BackupsTab';
import { DirectoriesTab } from './DirectoriesTab';
import { PropertiesTab } from './PropertiesTab';
import { SnapshotsTab } from './SnapshotsTab';
import { StatisticsTab } from './StatisticsTab';
import { FRAMEWORK_TABS, useFrameworkView } from './use-framework-view';

/** Right pane: Statistics / Directories / Snapshots / Backups / Properties of the selected scenario. */
export function FrameworkPane(): ReactElement {
  const scenario = useScenarios(selectedScenario);
  const tab = useFrameworkView((state) => state.tab);
  const showTab = useFrameworkView((state) => state.showTab);
  return (
    <section className="pane" aria-label="Framework pane">
      <div role="tablist" aria-label="Framework" className="tabs">
        {FRAMEWORK_TABS.map((name) => (
          <button key={name} role="tab" id={`tab-${name}`} aria-selected={tab === name} aria-controls="framework-panel" onClick={() => showTab(name)}>
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
        ) : tab === 'Snapshots' ? (
          <SnapshotsTab key={scenario.id} scenario={scenario} />
        ) : tab === 'Backups' ? (
          <BackupsTab scenario={scenario} />
        ) : (
          <PropertiesTab scenario={scenario} />
        )}
      </div>
    </section>
  );
}

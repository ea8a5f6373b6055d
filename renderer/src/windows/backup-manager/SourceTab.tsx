import type { KeyboardEvent, ReactElement } from 'react';
import { Icon } from '../../components/Icon';
import { useBackupManager } from '../../store/backup-manager';
import { moveTreeFocus } from '../restore-manager/TreeItem';
import { ReplicaCredentialsDialog } from './ReplicaCredentialsDialog';
import { ScenarioTreeItem } from './ScenarioTreeItem';
import { SourceProperties } from './SourceProperties';

/**
 * The Source tab: the scenarios registered in the catalog under "Replication Scenarios" (a
 * scenario is registered when it runs with the Backup option on), checked for the job; the
 * focused one's properties on the right. Only whole scenarios are backed up.
 */
export function SourceTab(): ReactElement {
  const sources = useBackupManager((state) => state.sources);
  const selected = useBackupManager((state) => state.selected);
  const asking = useBackupManager((state) => state.asking);
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => moveTreeFocus(event);
  return (
    <div className="backup-source">
      <section className="backup-tree-pane" aria-label="Sources">
        <ul role="tree" aria-label="Backup sources" aria-multiselectable="true" className="restore-tree backup-tree" onKeyDown={onKeyDown}>
          <li role="treeitem" aria-level={1} aria-expanded aria-selected={false} aria-label="Replication Scenarios" tabIndex={sources?.length ? -1 : 0} data-treeitem>
            <div className="restore-tree-row">
              <span className="chevron-space" />
              <Icon name="group" />
              <span className="restore-tree-label">Replication Scenarios</span>
              {selected.length > 0 && <span className="restore-tree-detail">{selected.length} checked</span>}
            </div>
            <ul role="group">
              {sources === undefined ? (
                <li role="none" className="restore-tree-note indent-2">
                  Reading the catalog…
                </li>
              ) : sources.length === 0 ? (
                <li role="none" className="restore-tree-note indent-2">
                  No scenario is registered yet: in the Replication Manager, turn on “Back up this scenario from its Replica” in its properties and run it.
                </li>
              ) : (
                sources.map((source, index) => <ScenarioTreeItem key={source.id} source={source} first={index === 0} />)
              )}
            </ul>
          </li>
        </ul>
      </section>
      <section className="backup-properties-pane" aria-label="Scenario properties">
        <SourceProperties />
      </section>
      {asking && <ReplicaCredentialsDialog scenarioId={asking.scenarioId} hosts={asking.hosts} />}
    </div>
  );
}

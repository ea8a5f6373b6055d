import { useState, type KeyboardEvent, type ReactElement } from 'react';
import { Icon } from '../../components/Icon';
import { useBackupManager } from '../../store/backup-manager';
import { moveTreeFocus } from '../restore-manager/TreeItem';
import { AddFolderDialog } from './AddFolderDialog';
import { FolderSourceTreeItem } from './FolderSourceTreeItem';
import { RemoveFolderDialog } from './RemoveFolderDialog';
import { ReplicaCredentialsDialog } from './ReplicaCredentialsDialog';
import { ScenarioTreeItem } from './ScenarioTreeItem';
import { SourceProperties } from './SourceProperties';
import { SourceRoot } from './SourceRoot';
import { checkedCount, folderSources, scenarioSources } from './source-selection';

/**
 * The Source tab: the scenarios registered in the catalog under "Replication Scenarios" (a
 * scenario is registered when it runs with the Backup option on) and ordinary sources under
 * "Folders" (Add folder…, Remove), checked for the job in one selection; the focused one's
 * properties on the right. Scenarios are backed up whole.
 */
export function SourceTab(): ReactElement {
  const sources = useBackupManager((state) => state.sources);
  const selected = useBackupManager((state) => state.selected);
  const asking = useBackupManager((state) => state.asking);
  const focusedFolder = useBackupManager((state) => state.sources?.find((source) => source.id === state.focused && source.source === 'folder'));
  const anyFocused = useBackupManager((state) => state.focused !== undefined);
  const [dialog, setDialog] = useState<'add' | 'remove' | undefined>();
  const scenarios = scenarioSources(sources ?? []);
  const folders = folderSources(sources ?? []);
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => moveTreeFocus(event);
  const reading = (
    <li role="none" className="restore-tree-note indent-2">
      Reading the catalog…
    </li>
  );
  return (
    <div className="backup-source">
      <section className="backup-tree-pane" aria-label="Sources">
        <div role="toolbar" aria-label="Source actions" className="toolbar source-actions">
          <button type="button" onClick={() => setDialog('add')} title="Back up a folder on this machine or another host, read live through its engine">
            <Icon name="plus" /> Add folder…
          </button>
          <button
            type="button"
            disabled={focusedFolder === undefined}
            onClick={() => setDialog('remove')}
            title={focusedFolder ? `Remove ${focusedFolder.name} from the sources` : 'Choose a folder source under Folders first'}
          >
            <Icon name="trash" /> Remove
          </button>
        </div>
        <ul role="tree" aria-label="Backup sources" aria-multiselectable="true" className="restore-tree backup-tree" onKeyDown={onKeyDown}>
          <SourceRoot label="Replication Scenarios" icon="group" checked={checkedCount(scenarios, selected)} tabbable={!anyFocused && scenarios.length === 0 && folders.length === 0}>
            {sources === undefined ? (
              reading
            ) : scenarios.length === 0 ? (
              <li role="none" className="restore-tree-note indent-2">
                No scenario is registered yet: in the Replication Manager, turn on “Back up this scenario from its Replica” in its properties and run it.
              </li>
            ) : (
              scenarios.map((source, index) => <ScenarioTreeItem key={source.id} source={source} first={index === 0} />)
            )}
          </SourceRoot>
          <SourceRoot label="Folders" icon="folder" checked={checkedCount(folders, selected)} tabbable={false}>
            {sources === undefined ? (
              reading
            ) : folders.length === 0 ? (
              <li role="none" className="restore-tree-note indent-2">
                No folder yet: Add folder… backs up a folder on any host whose engine this manager reaches.
              </li>
            ) : (
              folders.map((source, index) => <FolderSourceTreeItem key={source.id} source={source} tabbable={!anyFocused && scenarios.length === 0 && index === 0} />)
            )}
          </SourceRoot>
        </ul>
      </section>
      <section className="backup-properties-pane" aria-label="Source properties">
        <SourceProperties />
      </section>
      {asking && <ReplicaCredentialsDialog scenarioId={asking.scenarioId} hosts={asking.hosts} />}
      {dialog === 'add' && <AddFolderDialog onClose={() => setDialog(undefined)} />}
      {dialog === 'remove' && focusedFolder && <RemoveFolderDialog source={focusedFolder} onClose={() => setDialog(undefined)} />}
    </div>
  );
}

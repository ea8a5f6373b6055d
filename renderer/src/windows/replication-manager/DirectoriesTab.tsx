import { useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { ReplicaProtection, Scenario } from '../../../../electron/api/contract';
import { Icon } from '../../components/Icon';
import { useProtection } from '../../store/protection';
import { replicaLocation } from './directory-paths';
import { shownSource, snapshotOf } from './directory-source';
import { treeKeyAction, visibleItems } from './directory-tree';
import { DirectorySourcePicker } from './DirectorySourcePicker';
import { FolderItem, type DirectoryTreeView } from './DirectoryTreeItem';
import { formatDateTime } from './format';
import { directoryTree, useDirectories, type BrowseTarget } from './use-directories';
import { directorySource, useFrameworkView } from './use-framework-view';

const NO_PROTECTIONS: ReplicaProtection[] = [];

/** Where each Master root lands on each Replica (<target>/<root without drive colon or leading separator>). */
function ReplicaLocations({ scenario }: { scenario: Scenario }): ReactElement {
  return (
    <ul className="replica-locations" aria-label="Replica targets">
      {scenario.replicas.map((replica) => {
        const text = scenario.master.roots.map((root) => `${root} → ${replicaLocation(replica.target, root)}`).join('; ');
        return (
          <li key={replica.id} title={text}>
            Replica {replica.host}: {text}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Directories tab: the Master's root directories as a tree, each folder listed when opened —
 * on the Master, or as a snapshot of a Replica holds them (under the Master's paths).
 */
export function DirectoriesTab({ scenario }: { scenario: Scenario }): ReactElement {
  const reported = useProtection((state) => state.byId[scenario.id]);
  const protections = reported ?? NO_PROTECTIONS;
  const chosen = useFrameworkView((state) => directorySource(state, scenario.id));
  const setSource = useFrameworkView((state) => state.setSource);
  const source = shownSource(chosen, reported);
  const target: BrowseTarget = { scenarioId: scenario.id, source };
  const snapshot = snapshotOf(source, protections);
  const tree = useDirectories((state) => directoryTree(state, target));
  const expand = useDirectories((state) => state.expand);
  const collapse = useDirectories((state) => state.collapse);
  const refresh = useDirectories((state) => state.refresh);
  const [focused, setFocused] = useState<string | undefined>();
  const treeRef = useRef<HTMLUListElement>(null);
  const roots = scenario.master.roots;
  const items = useMemo(() => visibleItems(roots, tree), [roots, tree]);
  const focusedPath = items.some((item) => item.path === focused) ? focused : roots[0];

  const toggle = (path: string): void => {
    if (tree.folders[path]) collapse(target, path);
    else void expand(target, path);
  };
  const view: DirectoryTreeView = { tree, focusedPath, onFocus: setFocused, onToggle: toggle };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    if (focusedPath === undefined) return;
    const action = treeKeyAction(items, focusedPath, event.key);
    if (!action) return;
    event.preventDefault();
    if (action.type === 'expand') void expand(target, action.path);
    else if (action.type === 'collapse') collapse(target, action.path);
    else {
      setFocused(action.path);
      treeRef.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(action.path)}"]`)?.focus();
    }
  };

  const treeName = snapshot ? `Snapshot ${snapshot.snapshot.name} directories` : 'Master directories';
  return (
    <div className="directories-tab">
      <div className="directories-header">
        <div className="directories-source">
          <DirectorySourcePicker scenario={scenario} protections={protections} source={source} onChange={(next) => setSource(scenario.id, next)} />
          {snapshot ? (
            <p className="snapshot-note">
              Read-only view of Replica {snapshot.host} as it was at {formatDateTime(snapshot.snapshot.at)}, under the Master&apos;s paths.
            </p>
          ) : (
            <ReplicaLocations scenario={scenario} />
          )}
        </div>
        <button type="button" onClick={() => void refresh(target)} title={snapshot ? 'List the open folders of the snapshot again' : 'List the open folders on the Master again'}>
          <Icon name="sync" /> Refresh
        </button>
      </div>
      <div className="directory-columns" aria-hidden="true">
        <span>Name</span>
        <span className="directory-size">Size</span>
        <span className="directory-time">Modified</span>
      </div>
      <ul role="tree" aria-label={treeName} className="directory-tree" ref={treeRef} onKeyDown={onKeyDown}>
        {roots.map((root) => (
          <FolderItem key={root} view={view} path={root} level={1} name={root} />
        ))}
      </ul>
    </div>
  );
}

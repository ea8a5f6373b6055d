import { useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { Scenario } from '../../../../electron/api/contract';
import { Icon } from '../../components/Icon';
import { replicaLocation } from './directory-paths';
import { treeKeyAction, visibleItems } from './directory-tree';
import { FolderItem, type DirectoryTreeView } from './DirectoryTreeItem';
import { directoryTree, useDirectories } from './use-directories';

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

/** Directories tab: the Master's root directories as a tree, each folder listed on the Master when opened. */
export function DirectoriesTab({ scenario }: { scenario: Scenario }): ReactElement {
  const tree = useDirectories((state) => directoryTree(state, scenario.id));
  const expand = useDirectories((state) => state.expand);
  const collapse = useDirectories((state) => state.collapse);
  const refresh = useDirectories((state) => state.refresh);
  const [focused, setFocused] = useState<string | undefined>();
  const treeRef = useRef<HTMLUListElement>(null);
  const roots = scenario.master.roots;
  const items = useMemo(() => visibleItems(roots, tree), [roots, tree]);
  const focusedPath = items.some((item) => item.path === focused) ? focused : roots[0];

  const toggle = (path: string): void => {
    if (tree.folders[path]) collapse(scenario.id, path);
    else void expand(scenario.id, path);
  };
  const view: DirectoryTreeView = { tree, focusedPath, onFocus: setFocused, onToggle: toggle };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    if (focusedPath === undefined) return;
    const action = treeKeyAction(items, focusedPath, event.key);
    if (!action) return;
    event.preventDefault();
    if (action.type === 'expand') void expand(scenario.id, action.path);
    else if (action.type === 'collapse') collapse(scenario.id, action.path);
    else {
      setFocused(action.path);
      treeRef.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(action.path)}"]`)?.focus();
    }
  };

  return (
    <div className="directories-tab">
      <div className="directories-header">
        <ReplicaLocations scenario={scenario} />
        <button type="button" onClick={() => void refresh(scenario.id)} title="List the open folders on the Master again">
          <Icon name="sync" /> Refresh
        </button>
      </div>
      <div className="directory-columns" aria-hidden="true">
        <span>Name</span>
        <span className="directory-size">Size</span>
        <span className="directory-time">Modified</span>
      </div>
      <ul role="tree" aria-label="Master directories" className="directory-tree" ref={treeRef} onKeyDown={onKeyDown}>
        {roots.map((root) => (
          <FolderItem key={root} view={view} path={root} level={1} name={root} />
        ))}
      </ul>
    </div>
  );
}

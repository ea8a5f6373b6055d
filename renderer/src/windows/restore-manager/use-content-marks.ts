import { useCallback } from 'react';
import { useRestore } from '../../store/restore';
import type { EntryTableProps } from './EntryTable';
import { shownMark } from './restore-selection';
import { restoresWholeOnly, type CatalogEntry } from './restore-types';

/** The scenario of the folder shown, as marks name it, with its type. */
export interface ShownScenario {
  scenarioId: string;
  scenarioName: string;
  type: string;
}

/**
 * The content pane's check boxes and chosen row. By Session a row is that very version; by
 * Tree a row shows its path's mark whichever version was picked (and unmarks it). Rows of a
 * SQLServer/Exchange scenario, or of a scenario not known yet, have no box.
 */
export function useContentMarks(view: 'session' | 'tree', scenario: ShownScenario | undefined): Pick<EntryTableProps, 'markable' | 'markedFrom' | 'onMark' | 'selectedPath' | 'onSelect'> {
  const marks = useRestore((state) => state.marks);
  const entry = useRestore((state) => state.entry);
  const selectEntry = useRestore((state) => state.selectEntry);
  const toggleMark = useRestore((state) => state.toggleMark);
  const scenarioId = scenario?.scenarioId;
  const scenarioName = scenario?.scenarioName;
  const markedFrom = useCallback((row: CatalogEntry) => shownMark(marks, view, row)?.session, [marks, view]);
  const onMark = useCallback(
    (row: CatalogEntry): void => {
      if (scenarioId === undefined || scenarioName === undefined) return;
      toggleMark(shownMark(marks, view, row) ?? { session: row.session, path: row.path, scenarioId, scenarioName });
    },
    [marks, view, scenarioId, scenarioName, toggleMark],
  );
  const markable = scenario !== undefined && !restoresWholeOnly(scenario.type);
  return { markable, markedFrom, onMark, selectedPath: entry?.path, onSelect: selectEntry };
}

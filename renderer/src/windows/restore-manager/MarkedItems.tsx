import type { ReactElement } from 'react';
import { useRestore } from '../../store/restore';
import { markLabel } from './restore-selection';

/** What is marked for restore (from any view), each with an Unmark, and why the last mark was refused. */
export function MarkedItems(): ReactElement {
  const marks = useRestore((state) => state.marks);
  const message = useRestore((state) => state.markMessage);
  const unmark = useRestore((state) => state.unmark);
  const clear = useRestore((state) => state.clearMarks);
  const dismiss = useRestore((state) => state.dismissMarkMessage);
  const scenario = marks[0]?.scenarioName;
  return (
    <section className="marked-items" aria-label="Marked for restore">
      <div className="marked-header">
        <strong>{marks.length === 0 ? 'Nothing marked for restore' : `Marked for restore: ${marks.length} from "${scenario ?? ''}"`}</strong>
        {marks.length > 0 && (
          <button type="button" className="link" onClick={clear}>
            Clear marks
          </button>
        )}
      </div>
      {message && (
        <div className="warning-banner" role="alert">
          <span>{message}</span>
          <button type="button" className="link" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
      {marks.length > 0 && (
        <ul className="marked-list">
          {marks.map((mark) => {
            const label = markLabel(mark);
            return (
              <li key={label} title={label}>
                <span>{label}</span>
                <button type="button" className="link" aria-label={`Unmark ${label}`} onClick={() => unmark(mark)}>
                  Unmark
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

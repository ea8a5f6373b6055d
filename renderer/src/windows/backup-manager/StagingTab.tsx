import type { ReactElement } from 'react';

/** Staging (disk-to-disk-to-tape) is not built: the tab says so rather than offering controls that would do nothing. */
export function StagingTab(): ReactElement {
  return (
    <div className="backup-tab">
      <p>Staging is not available in this version: sessions are written straight to the destination device group.</p>
    </div>
  );
}

import type { ReactElement } from 'react';
import type { ErrorInfo } from '../../../electron/api/contract';
import { ErrorBanner } from './ErrorBanner';

/** Why a manager's Start stopped short: a sentence about its tabs, or the engine's error. */
export type StartProblem = { kind: 'message'; text: string } | { kind: 'error'; error: ErrorInfo };

/** The Backup and Restore Managers' banner for it, until the user dismisses it. */
export function StartProblemBanner({ problem, onDismiss }: { problem: StartProblem; onDismiss(): void }): ReactElement {
  return (
    <div className="dismissable">
      {problem.kind === 'error' ? (
        <ErrorBanner error={problem.error} />
      ) : (
        <div className="warning-banner" role="alert">
          {problem.text}
        </div>
      )}
      <button type="button" className="link" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

import type { ReactElement } from 'react';
import type { ErrorInfo } from '../../../electron/api/contract';

/** A user-facing error with everything SPEC.md asks to show: code, module, message, reason, action. */
export function ErrorBanner({ error }: { error: ErrorInfo }): ReactElement {
  return (
    <div className="error-banner" role="alert">
      <strong>
        {error.code}: {error.message}
      </strong>
      <div className="error-detail">
        <span>Module: {error.module}</span>
        <span>Reason: {error.reason}</span>
        <span>Action: {error.action}</span>
      </div>
    </div>
  );
}

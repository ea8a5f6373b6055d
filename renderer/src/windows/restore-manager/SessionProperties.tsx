import type { ReactElement } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { missingSessionWarning, sessionPropertyRows } from './session-properties';
import type { SessionInfo } from './restore-types';
import type { Loadable } from './use-invoke';

/** The properties pane of by Session: the chosen session as the catalog records it, and whether its file is on its device. */
export function SessionProperties({ info }: { info: Loadable<SessionInfo> | undefined }): ReactElement {
  if (!info) return <p className="empty">Choose a session to see its properties.</p>;
  if (info.state === 'loading') return <p className="empty">Reading the session…</p>;
  if (info.state === 'failed') return <ErrorBanner error={info.error} />;
  const warning = missingSessionWarning(info.value);
  return (
    <div className="session-properties">
      {warning && <ErrorBanner error={warning} />}
      <table className="grid properties" aria-label="Session properties">
        <tbody>
          {sessionPropertyRows(info.value).map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td title={value}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useEffect, useState, useSyncExternalStore, type ReactElement } from 'react';
import type { ChannelResponse } from '../../../electron/api/contract';
import { api, connectionState, onConnectionState } from '../api/api';

const CONNECTION_TEXT = { connecting: 'Connecting…', open: 'Connected', lost: 'Connection lost — reconnecting' } as const;

/**
 * Every window's status bar: whether this UI still reaches the engine, and where it runs.
 * The connection state is read as an external store, so a socket that opens between the
 * first render and the effects is not missed (it would read "Connecting…" for ever).
 */
export function StatusBar(): ReactElement {
  const state = useSyncExternalStore(onConnectionState, connectionState);
  const [info, setInfo] = useState<ChannelResponse<'app.info'>>();
  useEffect(() => {
    if (state !== 'open') return;
    void api.invoke('app.info', {}).then((result) => {
      if (result.ok) setInfo(result.value);
    });
  }, [state]);
  return (
    <footer className="status-bar" aria-label="Status bar">
      <span role="status" className={`connection connection-${state}`}>
        {CONNECTION_TEXT[state]}
      </span>
      {info && (
        <>
          <span>Engine: {info.hostName}</span>
          <span>{info.shell === 'desktop' ? 'Desktop app' : 'Console'}</span>
          <span title="Data folder">{info.dataDir}</span>
          <span>v{info.version}</span>
        </>
      )}
    </footer>
  );
}

import { useEffect, useState, type ReactElement } from 'react';
import type { ChannelResponse } from '../../../../electron/api/contract';
import { api, connectionState, onConnectionState } from '../../api/api';

const CONNECTION_TEXT = { connecting: 'Connecting…', open: 'Connected', lost: 'Connection lost — reconnecting' } as const;

/** Where this UI runs and whether it still reaches the engine. */
export function StatusBar(): ReactElement {
  const [state, setState] = useState(connectionState());
  const [info, setInfo] = useState<ChannelResponse<'app.info'>>();
  useEffect(() => onConnectionState(setState), []);
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

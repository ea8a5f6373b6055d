import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api, onConnectionState } from './api/api';
import { startRouting } from './store/current-window';
import { useEvents } from './store/events';
import { startLivePolling } from './store/live';
import { startProtectionPolling } from './store/protection';
import { useScenarios } from './store/scenarios';
import './styles.css';
import { AppWindows } from './windows/AppWindows';

function reload(): void {
  void useScenarios.getState().load();
  void useEvents.getState().load();
}

api.subscribe('engine.event', (event) => useEvents.getState().add(event));
api.subscribe('scenario.changed', () => void useScenarios.getState().load());
// After a reconnect the engine may have moved on: read everything again.
onConnectionState((state) => {
  if (state === 'open') reload();
});
reload();
startLivePolling();
startProtectionPolling();
startRouting();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <AppWindows />
  </StrictMode>,
);

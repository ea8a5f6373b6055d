import type { ReactElement } from 'react';
import { Icon } from '../../components/Icon';
import { lockBanner } from './scenario-lock';
import { lockViewOf, useScenarioLock } from './use-scenario-lock';
import './scenario-lock.css';

/** Above the panes while a backup job holds the selected scenario: who, since when, and Take control. */
export function ScenarioLockBanner({ scenarioId }: { scenarioId: string | undefined }): ReactElement | null {
  const lock = useScenarioLock((state) => state.lock);
  const opening = useScenarioLock((state) => state.opening);
  const takenFrom = useScenarioLock((state) => state.takenFrom);
  const ask = useScenarioLock((state) => state.ask);
  const view = lockViewOf({ lock, opening, takenFrom }, scenarioId);
  const text = lockBanner(view);
  if (!text) return null;
  return (
    <section className="scenario-lock-banner" aria-label="Scenario lock">
      <Icon name="locked" />
      <span>{text}</span>
      {view.kind === 'locked' && (
        <button type="button" className="link" onClick={ask}>
          Take control…
        </button>
      )}
    </section>
  );
}

import type { Scenario } from '../../../../electron/api/contract';
import type { IconName } from '../../components/Icon';

export interface StatusView {
  label: string;
  icon: IconName;
  tone: 'running' | 'stopped' | 'problem' | 'locked';
}

const STOP_REASONS = { created: 'Stopped (new)', user: 'Stopped by user', autostop: 'Stopped on autostop' } as const;

/** How a scenario's state reads in the Scenario pane. */
export function statusView(status: Scenario['status']): StatusView {
  switch (status.state) {
    case 'stopped':
      return { label: STOP_REASONS[status.reason], icon: 'stopped', tone: 'stopped' };
  }
}

import type { LinkStatus, LiveScenario } from '../../../../electron/api/contract';

export type LinkStateLabel = 'Connecting' | 'Synchronizing' | 'Replicating' | 'Suspended' | 'Disconnected' | 'Stopped';

const LABELS: Record<LinkStatus['state'], LinkStateLabel> = {
  connecting: 'Connecting',
  synchronizing: 'Synchronizing',
  replicating: 'Replicating',
  suspended: 'Suspended',
  disconnected: 'Disconnected',
  stopped: 'Stopped',
};

export function linkStateLabel(state: LinkStatus['state']): LinkStateLabel {
  return LABELS[state];
}

/** The engines' figures for one Replica of a running scenario, when they reported any. */
export function linkOf(live: LiveScenario | undefined, replicaId: string): LinkStatus | undefined {
  if (live === undefined || live.state === 'stopped' || live.state === 'not-authorized') return undefined;
  return live.links.find((link) => link.replicaId === replicaId);
}

/** True when the Master's engine could not be reached at all (a problem without any link figures). */
export function masterUnreachable(live: LiveScenario | undefined): boolean {
  return live?.state === 'problem' && live.links.length === 0 && live.error !== undefined;
}

import type { ErrorInfo, LinkStatus, LiveScenario, Scenario } from '../../../../electron/api/contract';
import type { IconName } from '../../components/icon-paths';

/** The state column reads exactly one of these. */
export type ScenarioStateLabel =
  | 'Running'
  | 'Synchronizing'
  | 'Problem'
  | 'Not Authorized'
  | 'Stopped (new)'
  | 'Stopped by user'
  | 'Stopped on autostop';

export interface StatusView {
  label: ScenarioStateLabel;
  icon: IconName;
  tone: 'running' | 'stopped' | 'problem' | 'locked';
  /** Running rows are shaded in the Scenario pane. */
  shaded: boolean;
  /** Why the scenario is in trouble, for the row's tooltip. */
  detail: string | undefined;
}

const STOP_REASONS = { created: 'Stopped (new)', user: 'Stopped by user', autostop: 'Stopped on autostop' } as const;
const UNHEALTHY: readonly LinkStatus['state'][] = ['connecting', 'disconnected', 'stopped'];

export function errorText(error: ErrorInfo): string {
  return `${error.code}: ${error.message}`;
}

function problemDetail(links: readonly LinkStatus[], error: ErrorInfo | undefined): string | undefined {
  const parts = [
    ...(error ? [errorText(error)] : []),
    ...links.filter((link) => UNHEALTHY.includes(link.state)).map((link) => `Replica ${link.host}: ${link.state}`),
  ];
  return parts.length > 0 ? parts.join('\n') : undefined;
}

/**
 * How a scenario's state reads in the Scenario pane: what the administrator last asked for
 * (stopped and why) or, while running, what the engines report.
 */
export function statusView(status: Scenario['status'], live: LiveScenario | undefined): StatusView {
  if (status.state === 'stopped') return { label: STOP_REASONS[status.reason], icon: 'stopped', tone: 'stopped', shaded: false, detail: undefined };
  switch (live?.state) {
    case 'problem':
      return { label: 'Problem', icon: 'problem', tone: 'problem', shaded: false, detail: problemDetail(live.links, live.error) };
    case 'not-authorized':
      return { label: 'Not Authorized', icon: 'locked', tone: 'locked', shaded: false, detail: errorText(live.error) };
    case 'running':
      if (live.links.some((link) => link.state === 'synchronizing')) {
        return { label: 'Synchronizing', icon: 'sync', tone: 'running', shaded: true, detail: undefined };
      }
      return { label: 'Running', icon: 'running', tone: 'running', shaded: true, detail: undefined };
    default:
      // Not polled yet, or the engine already reports it stopped while the list catches up.
      return { label: 'Running', icon: 'running', tone: 'running', shaded: true, detail: undefined };
  }
}

import { parseLocalInput } from '../../components/schedule-fields';
import type { MarkedItem } from './restore-selection';
import { markedSessions } from './restore-selection';
import { restoresWholeOnly, type RequiredHost, type RestoreDestination, type RestoreSpecInput, type SessionInfo } from './restore-types';

/** The Options tab. */
export interface RestoreOptionsForm {
  continueIfNotStopped: boolean;
}

export const DEFAULT_OPTIONS: RestoreOptionsForm = { continueIfNotStopped: false };

/** What Start learned of the marked sessions: the scenario restored and whether a session password is needed. */
export interface StartCheck {
  scenarioId: string;
  scenarioName: string;
  encrypted: boolean;
}

export type StartCheckResult = ({ ok: true } & StartCheck) | { ok: false; message: string };

/**
 * Whether the marks make one restore job, judged on the catalog's view of each marked session
 * (restore.session): at least one item, all of one scenario, every session complete, and
 * SQLServer/Exchange sessions only as a whole.
 */
export function checkStart(marks: readonly MarkedItem[], infos: ReadonlyMap<number, SessionInfo>): StartCheckResult {
  const first = marks[0];
  if (!first) return { ok: false, message: 'Mark at least one session, folder or file on the Source tab.' };
  const scenarios = new Map<string, string>();
  let encrypted = false;
  for (const number of markedSessions(marks)) {
    const info = infos.get(number);
    if (!info) return { ok: false, message: `Session ${number} is no longer in the catalog: unmark it.` };
    if (info.session.state !== 'complete') return { ok: false, message: `Session ${number} is ${info.session.state === 'failed' ? 'a failed backup' : 'still being written'} and cannot be restored: unmark it.` };
    scenarios.set(info.scenario.id, info.scenario.name);
    encrypted ||= info.session.encryption !== null;
    const parts = marks.filter((mark) => mark.session === number && mark.path !== null);
    if (restoresWholeOnly(info.scenario.type) && parts.length > 0) {
      return { ok: false, message: `"${info.scenario.name}" is a ${info.scenario.type} scenario: it restores only as a whole session. Unmark ${parts[0]?.path ?? 'its folders and files'}.` };
    }
  }
  if (scenarios.size > 1) return { ok: false, message: `A restore job restores one scenario; the marks hold ${[...scenarios.values()].map((name) => `"${name}"`).join(' and ')}.` };
  const [scenarioId, scenarioName] = [...scenarios][0] ?? [first.scenarioId, first.scenarioName];
  return { ok: true, scenarioId, scenarioName, encrypted };
}

/** The restore spec the engine checks and queues. */
export function buildSpec(scenarioId: string, marks: readonly MarkedItem[], destination: RestoreDestination, options: RestoreOptionsForm): RestoreSpecInput {
  return {
    scenarioId,
    items: marks.map(({ session, path }) => ({ session, path })),
    destination,
    options: { continueIfNotStopped: options.continueIfNotStopped, timeoutSeconds: 180 },
  };
}

export function defaultJobName(scenarioName: string): string {
  return `Restore ${scenarioName}`;
}

/** One row of the Security and Agent Information dialog: a host, the roles it plays, and whether it asks for credentials. */
export interface CredentialsHostRow {
  host: string;
  roles: string[];
  needsCredentials: boolean;
}

/** The required hosts one row per host (a host may be Master and Destination at once); it needs credentials if any role does. */
export function credentialHostRows(hosts: readonly RequiredHost[]): CredentialsHostRow[] {
  const rows = new Map<string, CredentialsHostRow>();
  for (const required of hosts) {
    const row = rows.get(required.host) ?? { host: required.host, roles: [], needsCredentials: false };
    if (!row.roles.includes(required.role)) row.roles.push(required.role);
    row.needsCredentials ||= required.needsCredentials;
    rows.set(required.host, row);
  }
  return [...rows.values()];
}

const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '::1']);

/** Whether `host` names this machine (its engine needs no credentials): a loopback name, or this machine's name once known. */
export function isThisMachine(host: string, thisHost: string | undefined): boolean {
  const name = host.trim().toLowerCase();
  return LOCAL_NAMES.has(name) || (thisHost !== undefined && name === thisHost.toLowerCase());
}

/** What a row without credential fields says: this machine's own engine, or a host whose credentials the manager holds. */
export function noCredentialsText(host: string, thisHost: string | undefined): string {
  return isThisMachine(host, thisHost) ? 'this machine — no credentials needed' : 'credentials already held — none needed';
}

/** When to run: now, or once at a local date and time as the datetime-local input gives it. */
export type RunWhen = { kind: 'now' } | { kind: 'at'; local: string };

/** The job's start instant as the engine takes it (ISO with offset); undefined = now; an error text when the time is not one. */
export function runAtInstant(when: RunWhen): { ok: true; at: string | undefined } | { ok: false; message: string } {
  if (when.kind === 'now') return { ok: true, at: undefined };
  if (when.local.trim() === '') return { ok: false, message: 'Enter the date and time to run the job.' };
  const instant = parseLocalInput(when.local);
  return instant ? { ok: true, at: instant.toISOString() } : { ok: false, message: 'Enter a real date and time.' };
}

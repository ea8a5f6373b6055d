import type { MessageCode } from '../../messages/catalogue';
import { UserError } from '../../messages/user-error';

/** What the backup catalog refuses to do, as data: tests and handlers can tell one from another. */
export type CatalogRefusal =
  | { kind: 'scenario-not-registered'; scenarioId: string }
  | { kind: 'scenario-damaged'; scenarioId: string; name: string }
  | { kind: 'job-not-found'; jobId: number }
  | { kind: 'job-active'; jobId: number; jobName: string; action: string }
  | { kind: 'job-done'; jobId: number; jobName: string; action: string }
  | { kind: 'device-group-not-found'; groupId: number }
  | { kind: 'device-not-found'; deviceId: number }
  | { kind: 'name-taken'; what: 'device group' | 'device' | 'device folder'; name: string }
  | { kind: 'session-not-found'; session: number }
  | { kind: 'session-not-writing'; session: number; state: string }
  | { kind: 'run-not-found'; runId: number }
  | { kind: 'run-finished'; runId: number };

/** The catalogue code of each refusal (SPEC.md, Messages: E33xx are the backup server's). */
function codeFor(refusal: CatalogRefusal): MessageCode {
  switch (refusal.kind) {
    case 'scenario-not-registered':
    case 'scenario-damaged':
      return 'E3370';
    case 'session-not-found':
      return 'E3371';
    case 'job-not-found':
      return 'E3374';
    case 'job-active':
      return 'E3375';
    case 'job-done':
      return 'E3376';
    case 'device-group-not-found':
    case 'device-not-found':
      return 'E3377';
    case 'name-taken':
      return 'E3378';
    case 'session-not-writing':
    case 'run-not-found':
    case 'run-finished':
      return 'E3379';
  }
}

function describe(refusal: CatalogRefusal): string {
  switch (refusal.kind) {
    case 'scenario-not-registered':
      return `scenario ${refusal.scenarioId} is not registered in the backup catalog (run it with the Backup option on)`;
    case 'scenario-damaged':
      return `the registration of scenario "${refusal.name}" (${refusal.scenarioId}) in the catalog is damaged; run the scenario again to register it anew`;
    case 'job-not-found':
      return `there is no job ${refusal.jobId} in the job queue`;
    case 'job-active':
      return `job ${refusal.jobId} "${refusal.jobName}" is running: stop it before you ${refusal.action} it`;
    case 'job-done':
      return `job ${refusal.jobId} "${refusal.jobName}" is done: run it again or modify it before you ${refusal.action} it`;
    case 'device-group-not-found':
      return `there is no device group ${refusal.groupId}`;
    case 'device-not-found':
      return `there is no device ${refusal.deviceId}`;
    case 'name-taken':
      return `a ${refusal.what} "${refusal.name}" already exists`;
    case 'session-not-found':
      return `there is no session ${refusal.session} in the catalog`;
    case 'session-not-writing':
      return `session ${refusal.session} is ${refusal.state}, not being written`;
    case 'run-not-found':
      return `there is no job run ${refusal.runId}`;
    case 'run-finished':
      return `job run ${refusal.runId} has already finished`;
  }
}

/** A UserError (the one error type users see) that also carries the refusal as data. */
export class CatalogRefusalError extends UserError {
  constructor(readonly refusal: CatalogRefusal) {
    super(codeFor(refusal), describe(refusal));
  }
}

export function refuse(refusal: CatalogRefusal): CatalogRefusalError {
  return new CatalogRefusalError(refusal);
}

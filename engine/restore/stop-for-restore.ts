import type { RegisteredScenario } from '../backup/catalog/registration';
import { describeError } from '../messages/describe-error';
import { UserError } from '../messages/user-error';
import type { RestoreRunContext } from './restore-run';
import { withTimeout } from '../util/with-timeout';

/**
 * Before restoring to an original location the scenario's replication is stopped, so the
 * Master cannot overwrite what is being restored. When it cannot be (a backup job holds it,
 * the Master's engine does not answer in time), the job fails with AE0464 — unless its
 * options say to continue, which is then logged as a warning with the same code.
 */
export async function stopForRestore(context: RestoreRunContext, registration: RegisteredScenario, log: (type: 'Information' | 'Warning', message: string) => void): Promise<void> {
  const { control, job, catalog, runId } = context;
  const options = job.restore.options;
  if (registration.source === 'folder') return;
  const scenario = currentScenario(context, registration.id);
  if (!scenario || scenario.status.state !== 'running') {
    log('Information', `Scenario "${registration.name}" is not running: nothing replicates over the restore`);
    return;
  }
  let problem: string;
  const holder = context.heldBy(registration.id);
  if (holder) {
    problem = `${holder} controls the scenario`;
  } else {
    try {
      await withTimeout(control.stop(registration.id), options.timeoutSeconds * 1000, () => new Error(`no answer within ${options.timeoutSeconds} s`));
      log('Information', `Scenario "${registration.name}" stopped for the restore; run it again once the restored data is where it should be`);
      return;
    } catch (error) {
      problem = describeError(error);
    }
  }
  if (!options.continueIfNotStopped) throw new UserError('AE0464', `"${registration.name}": ${problem}`);
  catalog.activity.append({
    type: 'Warning',
    runId,
    scenarioName: registration.name,
    code: 'AE0464',
    message: `Scenario "${registration.name}" could not be stopped (${problem}); the restore continues as its options allow: the Master may overwrite restored data`,
  });
}

function currentScenario(context: RestoreRunContext, scenarioId: string) {
  try {
    return context.control.scenario(scenarioId);
  } catch {
    return undefined;
  }
}

import type { ReactElement } from 'react';
import type { Scenario } from '../../../../electron/api/contract';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { SubmitForm } from '../../components/SubmitForm';
import { useScenarios } from '../../store/scenarios';
import { useHostCredentials } from '../../components/use-host-credentials';

interface CredentialsDialogProps {
  scenario: Scenario;
  /** The hosts whose engine administrator credentials the manager lacks. */
  hosts: string[];
  onClose(): void;
}

/**
 * Asks for the engine administrator's user name and password of each host, then runs the
 * scenario. Credentials the engines accepted are stored encrypted by the manager (never in the
 * catalog), so scheduled jobs reach the hosts after a restart.
 */
export function CredentialsDialog({ scenario, hosts, onClose }: CredentialsDialogProps): ReactElement {
  const run = useScenarios((state) => state.run);
  const { error, busy, fields, submit } = useHostCredentials(hosts);

  return (
    <Dialog
      title="Engine credentials"
      onClose={onClose}
      footer={<DialogButtons confirmLabel="Run" form="engine-credentials-form" busy={busy} onCancel={onClose} />}
    >
      <SubmitForm
        id="engine-credentials-form"
        autoComplete="off"
        error={error}
        onSubmit={async () => {
          if (await submit((credentials) => run(scenario.id, credentials))) onClose();
        }}
      >
        <p>
          To run <strong>{scenario.name}</strong>, enter the engine administrator&apos;s credentials for each host below. The manager stores credentials an
          engine accepted (encrypted), never in the catalog.
        </p>
        {fields('cred', (host) => host)}
      </SubmitForm>
    </Dialog>
  );
}

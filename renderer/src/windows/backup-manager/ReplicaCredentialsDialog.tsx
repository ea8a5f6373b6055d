import type { ReactElement } from 'react';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { SubmitForm } from '../../components/SubmitForm';
import { useBackupManager } from '../../store/backup-manager';
import { useHostCredentials } from '../../components/use-host-credentials';

/**
 * Expanding a scenario whose Replica agent's credentials the manager does not hold: they are
 * proven by listing the entities (AE0459 when refused: shown here, the scenario stays closed).
 * Credentials the agent accepted are stored encrypted by the manager.
 */
export function ReplicaCredentialsDialog({ scenarioId, hosts }: { scenarioId: string; hosts: string[] }): ReactElement {
  const name = useBackupManager((state) => state.sources?.find((source) => source.id === scenarioId)?.name ?? scenarioId);
  const listEntities = useBackupManager((state) => state.listEntities);
  const cancel = useBackupManager((state) => state.cancelAsking);
  const { error, busy, fields, submit } = useHostCredentials(hosts);

  return (
    <Dialog title="Replica agent credentials" onClose={cancel} footer={<DialogButtons confirmLabel="Connect" form="replica-credentials-form" busy={busy} onCancel={cancel} />}>
      <SubmitForm id="replica-credentials-form" autoComplete="off" error={error} onSubmit={async () => void (await submit((credentials) => listEntities(scenarioId, credentials)))}>
        <p>
          To list the entities of <strong>{name}</strong>, enter the engine administrator&apos;s credentials of its Replica. The manager stores credentials
          an engine accepted (encrypted), never in the catalog.
        </p>
        {fields('replica-cred', (host) => `Replica ${host}`)}
      </SubmitForm>
    </Dialog>
  );
}

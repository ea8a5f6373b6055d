import { useState, type ReactElement } from 'react';
import type { ErrorInfo, ScenarioType } from '../../../../electron/api/contract';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { Field, inputProps } from '../../components/Field';
import { SubmitForm } from '../../components/SubmitForm';
import { useScenarios } from '../../store/scenarios';
import { EMPTY_FORM, errorsByControl, toDraft, type DraftForm } from './scenario-draft-form';

const TYPES: { type: ScenarioType; description: string }[] = [
  { type: 'FileServer', description: 'Folders on a file server; one entity per volume' },
  { type: 'SQLServer', description: 'SQL Server databases; one entity per database' },
  { type: 'Exchange', description: 'Exchange storage groups; one entity per storage group' },
];

/** New Scenario: name, type, Master and its root directories, Replica(s) and their target. The engine validates. */
export function NewScenarioDialog({ onClose }: { onClose(): void }): ReactElement {
  const create = useScenarios((state) => state.create);
  const [form, setForm] = useState<DraftForm>(EMPTY_FORM);
  const [error, setError] = useState<ErrorInfo | undefined>();
  const [busy, setBusy] = useState(false);
  const fieldErrors = errorsByControl(error?.fields ?? {});
  const update = (patch: Partial<DraftForm>): void => setForm((current) => ({ ...current, ...patch }));
  const updateReplica = (index: number, patch: Partial<DraftForm['replicas'][number]>): void =>
    setForm((current) => ({ ...current, replicas: current.replicas.map((replica, i) => (i === index ? { ...replica, ...patch } : replica)) }));

  const submit = async (): Promise<void> => {
    setBusy(true);
    const result = await create(toDraft(form));
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error);
  };

  return (
    <Dialog
      title="New Scenario"
      onClose={onClose}
      footer={<DialogButtons confirmLabel="Create" form="new-scenario-form" busy={busy} onCancel={onClose} />}
    >
      <SubmitForm id="new-scenario-form" error={error} onSubmit={submit}>
        <Field id="scenario-name" label="Scenario name" error={fieldErrors.name}>
          <input {...inputProps('scenario-name', fieldErrors.name)} value={form.name} autoFocus onChange={(event) => update({ name: event.target.value })} />
        </Field>
        <fieldset className="field">
          <legend>Scenario type</legend>
          {TYPES.map(({ type, description }) => (
            <label key={type} className="radio">
              <input type="radio" name="scenario-type" value={type} checked={form.type === type} onChange={() => update({ type })} />
              <span>{type}</span>
              <small>{description}</small>
            </label>
          ))}
        </fieldset>
        <div className="form-columns">
          <div>
            <h3>Master</h3>
            <Field id="master-host" label="Master host name or IP" error={fieldErrors.masterHost}>
              <input {...inputProps('master-host', fieldErrors.masterHost)} value={form.masterHost} onChange={(event) => update({ masterHost: event.target.value })} />
            </Field>
            <Field id="master-roots" label="Root directories (one per line)" error={fieldErrors.roots}>
              <textarea
                {...inputProps('master-roots', fieldErrors.roots)}
                rows={4}
                placeholder={'C:\\Data\nD:\\Shares'}
                value={form.roots}
                onChange={(event) => update({ roots: event.target.value })}
              />
            </Field>
          </div>
          <div>
            <h3>Replica</h3>
            {fieldErrors.replicas && <p className="field-error">{fieldErrors.replicas}</p>}
            {form.replicas.map((replica, index) => {
              const suffix = form.replicas.length > 1 ? ` ${index + 1}` : '';
              const hostError = fieldErrors[`replicas.${index}.host`];
              const targetError = fieldErrors[`replicas.${index}.target`];
              return (
                <div key={index} className="replica-fields">
                  <Field id={`replica-${index}-host`} label={`Replica${suffix} host name or IP`} error={hostError}>
                    <input {...inputProps(`replica-${index}-host`, hostError)} value={replica.host} onChange={(event) => updateReplica(index, { host: event.target.value })} />
                  </Field>
                  <Field id={`replica-${index}-target`} label={`Replica${suffix} target directory`} error={targetError}>
                    <input
                      {...inputProps(`replica-${index}-target`, targetError)}
                      placeholder="E:\Replicas\FileServer"
                      value={replica.target}
                      onChange={(event) => updateReplica(index, { target: event.target.value })}
                    />
                  </Field>
                  {form.replicas.length > 1 && (
                    <button type="button" className="link" onClick={() => update({ replicas: form.replicas.filter((_, i) => i !== index) })}>
                      Remove Replica{suffix}
                    </button>
                  )}
                </div>
              );
            })}
            <button type="button" className="link" onClick={() => update({ replicas: [...form.replicas, { host: '', target: '' }] })}>
              Add another Replica
            </button>
          </div>
        </div>
      </SubmitForm>
    </Dialog>
  );
}

import type { ReactElement } from 'react';
import type { Scenario } from '../../../../electron/api/contract';
import { Field, inputProps } from '../../components/Field';
import type { RewindFilterErrors, RewindFilterForm } from './rewind-points';

interface RewindFiltersProps {
  replicas: Scenario['replicas'];
  replicaId: string | undefined;
  onReplica(replicaId: string): void;
  filter: RewindFilterForm;
  errors: RewindFilterErrors;
  onFilter(filter: RewindFilterForm): void;
}

/** Which Replica (when there are several), and which points: by file name or path, and by time. */
export function RewindFilters({ replicas, replicaId, onReplica, filter, errors, onFilter }: RewindFiltersProps): ReactElement {
  const update = (patch: Partial<RewindFilterForm>): void => onFilter({ ...filter, ...patch });
  return (
    <div className="rewind-filters">
      {replicas.length > 1 && (
        <Field id="rewind-replica" label="Replica" error={undefined}>
          <select id="rewind-replica" value={replicaId} onChange={(event) => onReplica(event.target.value)}>
            {replicas.map((replica) => (
              <option key={replica.id} value={replica.id}>
                {replica.host} ({replica.target})
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field id="rewind-file" label="File name or path contains" error={errors.file}>
        <input {...inputProps('rewind-file', errors.file)} type="search" spellCheck={false} value={filter.file} onChange={(event) => update({ file: event.target.value })} />
      </Field>
      <Field id="rewind-from" label="From" error={errors.from}>
        <input {...inputProps('rewind-from', errors.from)} type="datetime-local" step={1} value={filter.from} onChange={(event) => update({ from: event.target.value })} />
      </Field>
      <Field id="rewind-until" label="Until" error={errors.until}>
        <input {...inputProps('rewind-until', errors.until)} type="datetime-local" step={1} value={filter.until} onChange={(event) => update({ until: event.target.value })} />
      </Field>
    </div>
  );
}

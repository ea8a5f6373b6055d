import type { ReactElement } from 'react';
import { Field, inputProps } from '../../components/Field';
import { SubmitForm } from '../../components/SubmitForm';
import type { QueryErrors, QueryForm } from './restore-query';

interface QueryFieldsProps {
  form: QueryForm;
  errors: QueryErrors;
  busy: boolean;
  onChange(form: QueryForm): void;
  onSearch(): void;
}

const TEXT_FIELDS: ReadonlyArray<{ control: 'under' | 'minSize' | 'maxSize'; label: string; placeholder: string }> = [
  { control: 'under', label: 'Under folder', placeholder: 'Any folder' },
  { control: 'minSize', label: 'Minimum size', placeholder: 'e.g. 10 KB' },
  { control: 'maxSize', label: 'Maximum size', placeholder: 'e.g. 2 MB' },
];

/** Restore by Query's search form: a name pattern with * and ?, and optional folder, dates and sizes. */
export function QueryFields({ form, errors, busy, onChange, onSearch }: QueryFieldsProps): ReactElement {
  const update = (patch: Partial<QueryForm>): void => onChange({ ...form, ...patch });
  return (
    <SubmitForm className="query-form" aria-label="Search the catalog" error={undefined} onSubmit={onSearch}>
      <Field id="query-pattern" label="Name pattern (* and ?)" error={errors.pattern} wide>
        <input {...inputProps('query-pattern', errors.pattern)} spellCheck={false} placeholder="*.csv" value={form.pattern} onChange={(event) => update({ pattern: event.target.value })} />
      </Field>
      {TEXT_FIELDS.map(({ control, label, placeholder }) => (
        <Field key={control} id={`query-${control}`} label={label} error={errors[control]} wide={control === 'under'}>
          <input {...inputProps(`query-${control}`, errors[control])} spellCheck={false} placeholder={placeholder} value={form[control]} onChange={(event) => update({ [control]: event.target.value })} />
        </Field>
      ))}
      <Field id="query-from" label="Modified from" error={errors.modifiedFrom}>
        <input {...inputProps('query-from', errors.modifiedFrom)} type="date" value={form.modifiedFrom} onChange={(event) => update({ modifiedFrom: event.target.value })} />
      </Field>
      <Field id="query-to" label="Modified to" error={errors.modifiedTo}>
        <input {...inputProps('query-to', errors.modifiedTo)} type="date" value={form.modifiedTo} onChange={(event) => update({ modifiedTo: event.target.value })} />
      </Field>
      <div className="query-actions">
        <button type="submit" className="primary" disabled={busy}>
          Search
        </button>
        <span className="muted">FileServer scenarios only.</span>
      </div>
    </SubmitForm>
  );
}

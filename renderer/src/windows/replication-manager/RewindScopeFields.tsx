import type { ReactElement } from 'react';
import { inputProps } from '../../components/Field';
import type { RewindScopeForm } from './rewind-scope';

interface RewindScopeFieldsProps {
  roots: readonly string[];
  scope: RewindScopeForm;
  error: string | undefined;
  onChange(scope: RewindScopeForm): void;
}

/** "Only files under": rewind one folder of one Master root and leave the rest of the Replica as it is. */
export function RewindScopeFields({ roots, scope, error, onChange }: RewindScopeFieldsProps): ReactElement {
  const update = (patch: Partial<RewindScopeForm>): void => onChange({ ...scope, ...patch });
  return (
    <fieldset className={`rewind-scope${error ? ' invalid' : ''}`}>
      <legend>
        <label className="checkbox">
          <input type="checkbox" checked={scope.enabled} onChange={(event) => update({ enabled: event.target.checked })} />
          Only files under
        </label>
      </legend>
      <div className="rewind-scope-fields">
        <label className="inline-field">
          Root directory
          <select value={scope.root} disabled={!scope.enabled} onChange={(event) => update({ root: event.target.value })}>
            {roots.map((root, index) => (
              <option key={root} value={String(index)}>
                {root}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field grow" htmlFor="rewind-scope-path">
          Folder below the root
        </label>
        <input
          {...inputProps('rewind-scope-path', error)}
          className="grow"
          disabled={!scope.enabled}
          spellCheck={false}
          placeholder="e.g. reports/q1 (empty = the whole root)"
          value={scope.path}
          onChange={(event) => update({ path: event.target.value })}
        />
      </div>
      {error && (
        <p className="field-error" id="rewind-scope-path-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

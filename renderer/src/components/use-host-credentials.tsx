import { useState, type ReactElement } from 'react';
import type { ErrorInfo, Result } from '../../../electron/api/contract';
import { CredentialsFieldset } from './CredentialsFieldset';
import { checkCredentials, credentialsErrorsByField, rowErrors, type CredentialsErrors, type CredentialsRow } from './credentials-form';

export interface HostCredentials {
  host: string;
  user: string;
  password: string;
}

/**
 * A user name and password per host, as the Run dialog and the Backup Manager's Replica dialog
 * ask them: the fields, their checks, and one call that uses them. A refused answer clears the
 * passwords (typed again, never kept) and shows the engine's error.
 */
export function useHostCredentials(hosts: readonly string[]): {
  error: ErrorInfo | undefined;
  busy: boolean;
  fields(idPrefix: string, legend: (host: string) => string): ReactElement[];
  submit(call: (credentials: HostCredentials[]) => Promise<Result<unknown>>): Promise<boolean>;
} {
  const [rows, setRows] = useState<CredentialsRow[]>(() => hosts.map(() => ({ user: '', password: '' })));
  const [fieldErrors, setFieldErrors] = useState<CredentialsErrors>({});
  const [error, setError] = useState<ErrorInfo | undefined>();
  const [busy, setBusy] = useState(false);
  const update = (index: number, patch: Partial<CredentialsRow>): void => setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return {
    error,
    busy,
    fields: (idPrefix, legend) =>
      hosts.map((host, index) => (
        <CredentialsFieldset
          key={host}
          id={`${idPrefix}-${index}`}
          legend={legend(host)}
          userLabel={`User name for ${host}`}
          passwordLabel={`Password for ${host}`}
          value={rows[index] ?? { user: '', password: '' }}
          errors={rowErrors(fieldErrors, index)}
          autoFocus={index === 0}
          onChange={(patch) => update(index, patch)}
        />
      )),
    async submit(call) {
      const missing = checkCredentials(rows);
      setFieldErrors(missing);
      if (Object.keys(missing).length > 0) return false;
      setBusy(true);
      setError(undefined);
      const result = await call(hosts.map((host, index) => ({ host, user: rows[index]?.user.trim() ?? '', password: rows[index]?.password ?? '' })));
      setBusy(false);
      if (result.ok) return true;
      setRows((current) => current.map((row) => ({ ...row, password: '' })));
      setFieldErrors(credentialsErrorsByField(result.error.fields ?? {}));
      setError(result.error);
      return false;
    },
  };
}

import type { ReactElement, ReactNode } from 'react';
import { Field, inputProps } from './Field';

/** An engine administrator's user name and password as typed (kept in the dialog's state only). */
export interface TypedCredentials {
  user: string;
  password: string;
}

interface CredentialsFieldsetProps {
  /** The fields' ids are `${id}-user` and `${id}-password`. */
  id: string;
  legend: ReactNode;
  /** The user field's label, e.g. "User for records-01". */
  userLabel: string;
  /** The password field's label, e.g. "Password for records-01". */
  passwordLabel: string;
  value: TypedCredentials;
  errors: { user: string | undefined; password: string | undefined };
  autoFocus?: boolean;
  onChange(patch: Partial<TypedCredentials>): void;
}

/** One host's engine administrator credentials: a user name and a password the browser neither fills in nor keeps. */
export function CredentialsFieldset({ id, legend, userLabel, passwordLabel, value, errors, autoFocus = false, onChange }: CredentialsFieldsetProps): ReactElement {
  return (
    <fieldset className="credentials-row">
      <legend>{legend}</legend>
      <Field id={`${id}-user`} label={userLabel} error={errors.user}>
        <input {...inputProps(`${id}-user`, errors.user)} autoComplete="off" autoFocus={autoFocus} value={value.user} onChange={(event) => onChange({ user: event.target.value })} />
      </Field>
      <Field id={`${id}-password`} label={passwordLabel} error={errors.password}>
        <input {...inputProps(`${id}-password`, errors.password)} type="password" autoComplete="new-password" value={value.password} onChange={(event) => onChange({ password: event.target.value })} />
      </Field>
    </fieldset>
  );
}

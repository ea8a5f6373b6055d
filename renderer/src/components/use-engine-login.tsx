import { useState, type Dispatch, type ReactElement, type SetStateAction } from 'react';
import { CredentialsFieldset } from './CredentialsFieldset';
import { checkCredentials, rowErrors, type CredentialsErrors, type CredentialsRow } from './credentials-form';

export interface EngineLogin {
  host: string;
  user: string;
  password: string;
}

/**
 * One host's engine administrator login, typed when its engine refused to answer without one
 * (Browse…, Add folder…): the fields, and the credentials once both are filled in.
 */
export function useEngineLogin(initialUser = ''): {
  login: CredentialsRow;
  setLogin: Dispatch<SetStateAction<CredentialsRow>>;
  /** The typed credentials for `host`, or undefined with the fields saying what is missing. */
  checked(host: string): EngineLogin | undefined;
  fieldset(id: string, host: string): ReactElement;
} {
  const [login, setLogin] = useState<CredentialsRow>({ user: initialUser, password: '' });
  const [errors, setErrors] = useState<CredentialsErrors>({});
  return {
    login,
    setLogin,
    checked(host) {
      const missing = checkCredentials([login]);
      setErrors(missing);
      return Object.keys(missing).length > 0 ? undefined : { host, user: login.user.trim(), password: login.password };
    },
    fieldset: (id, host) => (
      <CredentialsFieldset
        id={id}
        legend={`Engine administrator on ${host}`}
        userLabel={`User for ${host}`}
        passwordLabel={`Password for ${host}`}
        value={login}
        errors={rowErrors(errors, 0)}
        onChange={(patch) => setLogin((current) => ({ ...current, ...patch }))}
      />
    ),
  };
}

/** One host's engine administrator credentials as typed in the Engine credentials dialog. */
export interface CredentialsRow {
  user: string;
  password: string;
}

export type CredentialsErrors = Record<string, string>;

/** Field error keys: `${index}.user` / `${index}.password`. */
export function checkCredentials(rows: readonly CredentialsRow[]): CredentialsErrors {
  const errors: CredentialsErrors = {};
  rows.forEach((row, index) => {
    if (row.user.trim() === '') errors[`${index}.user`] = 'Enter the user name.';
    if (row.password === '') errors[`${index}.password`] = 'Enter the password.';
  });
  return errors;
}

/** The errors of row `index`, for its fieldset. */
export function rowErrors(errors: CredentialsErrors, index: number): { user: string | undefined; password: string | undefined } {
  return { user: errors[`${index}.user`], password: errors[`${index}.password`] };
}

/** The engine's field errors ("credentials.0.password") keyed like checkCredentials'. */
export function credentialsErrorsByField(fields: Record<string, string>): CredentialsErrors {
  const errors: CredentialsErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const match = /^credentials\.(\d+)\.(user|password)$/.exec(path);
    if (match) errors[`${match[1]}.${match[2]}`] = message;
  }
  return errors;
}

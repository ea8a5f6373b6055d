import { describe, expect, it } from 'vitest';
import { checkCredentials, credentialsErrorsByField, rowErrors } from '../../renderer/src/components/credentials-form';

describe('Engine credentials dialog', () => {
  it.each([
    [[{ user: 'admin', password: 'secret' }], {}],
    [[{ user: '  ', password: 'secret' }], { '0.user': 'Enter the user name.' }],
    [
      [
        { user: 'admin', password: 'secret' },
        { user: '', password: '' },
      ],
      { '1.user': 'Enter the user name.', '1.password': 'Enter the password.' },
    ],
    [[{ user: 'admin', password: ' ' }], {}],
  ])('%j needs %j', (rows, errors) => {
    expect(checkCredentials(rows)).toEqual(errors);
  });

  it('puts the engine’s field errors on the host’s row (others stay in the banner)', () => {
    expect(credentialsErrorsByField({ 'credentials.1.password': 'Too long', 'credentials.0.host': 'Bad host', id: 'Required' })).toEqual({
      '1.password': 'Too long',
    });
  });

  it('gives each host’s fieldset its own errors', () => {
    const errors = checkCredentials([{ user: 'admin', password: '' }, { user: '', password: 'x' }]);
    expect(rowErrors(errors, 0)).toEqual({ user: undefined, password: 'Enter the password.' });
    expect(rowErrors(errors, 1)).toEqual({ user: 'Enter the user name.', password: undefined });
  });
});

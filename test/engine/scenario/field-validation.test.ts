import { describe, expect, it } from 'vitest';
import { validateDirectory, validateHost, validateScenarioName } from '../../../engine/scenario/validation';

describe('validateScenarioName', () => {
  it.each([
    ['Accounts'],
    ['  Accounts  '],
    ['a'],
    ['x'.repeat(64)],
    [`  ${'x'.repeat(64)}  `],
    ['Exchange (EU) #2'],
    ['Données-été'],
    ['Payroll 2'],
  ])('%j is accepted', (name) => {
    expect(validateScenarioName(name, ['Payroll'])).toBeUndefined();
  });

  it.each([
    ['', 'Enter a scenario name.'],
    ['   ', 'Enter a scenario name.'],
    ['\t\n', 'Enter a scenario name.'],
    ['x'.repeat(65), 'Use at most 64 characters.'],
  ])('%j is rejected with %j', (name, message) => {
    expect(validateScenarioName(name, [])).toBe(message);
  });

  it.each([
    ['backslash', 'a\\b'],
    ['slash', 'a/b'],
    ['colon', 'a:b'],
    ['asterisk', 'a*b'],
    ['question mark', 'a?b'],
    ['double quote', 'a"b'],
    ['less-than', 'a<b'],
    ['greater-than', 'a>b'],
    ['pipe', 'a|b'],
    ['NUL', 'a\u0000b'],
    ['tab inside', 'a\tb'],
    ['newline inside', 'a\nb'],
    ['U+001F', 'a\u001fb'],
    ['DEL', 'a\u007fb'],
    ['C1 control U+0085', 'a\u0085b'],
  ])('a name containing a %s is rejected', (_label, name) => {
    expect(validateScenarioName(name, [])).toBe('A scenario name cannot contain \\ / : * ? " < > | or control characters.');
  });

  it.each([
    ['Payroll', 'Payroll'],
    ['payroll', 'payroll'],
    ['PAYROLL', 'PAYROLL'],
    ['  Payroll ', 'Payroll'],
  ])('%j duplicates an existing scenario, ignoring case', (name, shown) => {
    expect(validateScenarioName(name, ['Payroll', 'Other'])).toBe(`A scenario named "${shown}" already exists.`);
  });
});

describe('validateHost', () => {
  it.each([
    ['fs01'],
    ['FS01'],
    ['  fs01  '],
    ['localhost'],
    ['file-server-2'],
    ['fs01.corp.example.com'],
    ['a'],
    ['9box'],
    [`${'a'.repeat(63)}.example`],
    ['192.168.1.10'],
    ['127.0.0.1'],
    ['0.0.0.0'],
    ['::1'],
    ['[::1]'],
    ['2001:db8::1'],
    ['[2001:db8::1]'],
    ['fe80::1:2:3:4'],
    ['[FE80::1]'],
  ])('%j is a valid host', (host) => {
    expect(validateHost(host)).toBeUndefined();
  });

  it.each([['', 'Enter a host name or IP address.'], ['   ', 'Enter a host name or IP address.']])('%j is empty', (host, message) => {
    expect(validateHost(host)).toBe(message);
  });

  it.each([
    ['-fs01'],
    ['fs01-'],
    ['fs_01'],
    ['fs 01'],
    ['fs01..corp'],
    ['.fs01'],
    ['fs01.'],
    ['fs01:25000'],
    ['[fs01]'],
    ['[::1'],
    ['::1]'],
    ['2001:db8::g'],
    ['ünicode'],
    [`${'a'.repeat(64)}.example`],
    [Array.from({ length: 64 }, () => 'abc').join('.')],
  ])('%j is not a valid host and the message names it', (host) => {
    expect(validateHost(host)).toBe(`"${host.trim()}" is not a valid host name or IP address.`);
  });

  it.each([['192.168.1.300'], ['999.999.999.999']])('%j is neither a valid IPv4 address nor a host name', (host) => {
    expect(validateHost(host)).toBe(`"${host}" is not a valid host name or IP address.`);
  });
});

describe('validateDirectory', () => {
  it.each([
    ['C:\\Data'],
    ['c:/data/'],
    ['C:\\'],
    ['\\\\server\\share\\dir'],
    ['/srv/data'],
    ['/'],
    ['  /srv/data  '],
    ['/srv/./data'],
    ['/srv/data..old'],
  ])('%j is an acceptable directory', (path) => {
    expect(validateDirectory(path)).toBeUndefined();
  });

  it.each([['', 'Enter a directory.'], ['  ', 'Enter a directory.']])('%j is empty', (path, message) => {
    expect(validateDirectory(path)).toBe(message);
  });

  it.each([['Data'], ['data/sub'], ['.\\Data'], ['C:Data'], ['\\Data'], ['~/data'], ['..']])(
    '%j is relative and the message names it',
    (path) => {
      const message = validateDirectory(path);
      expect(message).toBe(`"${path}" is not an absolute path (for example C:\\Data or /srv/data).`);
    },
  );

  it.each([['C:\\Data\\..\\Windows'], ['/srv/data/..'], ['\\\\server\\share\\..\\other'], ['C:/Data/../..']])(
    '%j climbs with ".." and is rejected',
    (path) => {
      expect(validateDirectory(path)).toBe('A directory cannot contain "..".');
    },
  );
});

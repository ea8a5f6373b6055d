import { describe, expect, it } from 'vitest';
import { APP_WINDOWS, hashOf, neighbourWindow, windowForKey, windowFromHash, type KeyPress } from '../../renderer/src/store/router';

const press = (patch: Partial<KeyPress>): KeyPress => ({ key: '', code: '', ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...patch });

describe('window routes', () => {
  it('names each window by its hash and reads it back', () => {
    for (const { id } of APP_WINDOWS) expect(windowFromHash(hashOf(id))).toBe(id);
    expect(hashOf('backup')).toBe('#/backup');
  });

  it.each([
    ['', undefined],
    ['#', undefined],
    ['#/', undefined],
    ['#/settings', undefined],
    ['#backup', undefined],
    ['#/jobs?run=4', 'jobs'],
    ['#/reports/', 'reports'],
  ])('reads %j as %s', (hash, id) => {
    expect(windowFromHash(hash)).toBe(id);
  });

  it.each([
    ['Ctrl+1', press({ ctrlKey: true, key: '1', code: 'Digit1' }), 'replication'],
    ['Ctrl+2', press({ ctrlKey: true, key: '2', code: 'Digit2' }), 'backup'],
    ['Ctrl+3 on the keypad', press({ ctrlKey: true, key: '3', code: 'Numpad3' }), 'restore'],
    ['Ctrl+4 on a layout with another character on the digit key', press({ ctrlKey: true, key: "'", code: 'Digit4' }), 'jobs'],
    ['Ctrl+5', press({ ctrlKey: true, key: '5', code: 'Digit5' }), 'reports'],
    ['Alt+Home', press({ altKey: true, key: 'Home', code: 'Home' }), 'home'],
    ['Ctrl+6 (no window)', press({ ctrlKey: true, key: '6', code: 'Digit6' }), undefined],
    ['Ctrl+0 (the browser zoom reset stays)', press({ ctrlKey: true, key: '0', code: 'Digit0' }), undefined],
    ['Ctrl+Shift+1', press({ ctrlKey: true, shiftKey: true, key: '!', code: 'Digit1' }), undefined],
    ['Ctrl+Alt+1 (AltGr on some layouts)', press({ ctrlKey: true, altKey: true, key: '1', code: 'Digit1' }), undefined],
    ['a plain 1 typed in a field', press({ key: '1', code: 'Digit1' }), undefined],
    ['Home alone', press({ key: 'Home', code: 'Home' }), undefined],
    ['F5 (the browser reloads)', press({ key: 'F5', code: 'F5' }), undefined],
  ])('%s opens %s', (_name, keyPress, id) => {
    expect(windowForKey(keyPress)).toBe(id);
  });

  it('moves through the tab strip with the arrow keys, wrapping around', () => {
    expect(neighbourWindow('home', 1)).toBe('replication');
    expect(neighbourWindow('home', -1)).toBe('reports');
    expect(neighbourWindow('reports', 1)).toBe('home');
  });
});

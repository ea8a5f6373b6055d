import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PlacementStore } from '../../electron/windows/placement-store';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

afterEach(() => removeTempDirs());

const place = (x: number) => ({ x, y: 40, width: 1200, height: 800, maximized: false });

/** Polls a condition with a deadline (the store writes after its quiet period). */
async function eventually(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the window placements store', () => {
  it('remembers placements across a restart, in <dataDir>/desktop/windows.json, creating the folder', async () => {
    const file = path.join(tempDir(), 'desktop', 'windows.json');
    const first = new PlacementStore(file);
    await first.load();
    expect(first.get('replication')).toBeUndefined();
    first.set('replication', { ...place(100), maximized: true });
    first.set('reports', place(300));
    await first.flush();

    const second = new PlacementStore(file);
    await second.load();
    expect(second.get('replication')).toEqual({ ...place(100), maximized: true });
    expect(second.get('reports')).toEqual(place(300));
  });

  it('writes a burst of moves once, after they settle', async () => {
    const file = path.join(tempDir(), 'windows.json');
    const store = new PlacementStore(file, 50);
    for (let x = 0; x < 100; x += 1) store.set('backup', place(x));
    expect(fs.existsSync(file)).toBe(false);
    await eventually(() => fs.existsSync(file));
    await store.flush();
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).windows.backup.x).toBe(99);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['windows.json']);
  });

  it('starts with nothing remembered when the file is damaged', async () => {
    const file = path.join(tempDir(), 'windows.json');
    fs.writeFileSync(file, '{"version":1,"windows":{"replication":');
    const store = new PlacementStore(file);
    await store.load();
    expect(store.get('replication')).toBeUndefined();
  });
});

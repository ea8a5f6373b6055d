import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports').map((message) => message.message);
}

describe('layer rules', () => {
  it.each([
    ['engine/x/a.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['engine/x/a.ts', "import { channels } from '../../electron/api/contract';\nexport const a = channels;\n"],
    ['engine/x/a.ts', "import { api } from '../../renderer/src/api/api';\nexport const a = api;\n"],
    ['renderer/src/a.ts', "import { openCatalog } from '../../engine/catalog/open-catalog';\nexport const a = openCatalog;\n"],
    ['renderer/src/a.ts', "import { boot } from '../../electron/boot';\nexport const a = boot;\n"],
    ['renderer/src/a.ts', "import { channels } from '../../electron/api/contract';\nexport const a = channels;\n"],
    ['renderer/src/a.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
  ])('forbids in %s: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).not.toEqual([]);
  });

  it.each([
    ['renderer/src/a.ts', "import type { Scenario } from '../../electron/api/contract';\nexport type A = Scenario;\n"],
    ['electron/a.ts', "import { openCatalog } from '../engine/catalog/open-catalog';\nexport const a = openCatalog;\n"],
    ['engine/x/a.ts', "import { z } from 'zod';\nexport const a = z;\n"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});

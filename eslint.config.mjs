import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of ARCHITECTURE.md, enforced: engine/ is plain Node and imports neither
 * electron/ nor renderer/ nor Electron; renderer/ reaches the engine only through the
 * contract's types. test/lint/layers.test.ts proves these rules fire.
 */
export const engineLayer = {
  files: ['engine/**/*.ts'],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: [{ name: 'electron', message: 'engine/ runs without Electron (headless daemon): keep Electron in electron/.' }],
        patterns: [
          { group: ['**/electron/**', '**/electron'], message: 'engine/ must not import electron/: the dependency runs electron → engine.' },
          { group: ['**/renderer/**', '**/renderer'], message: 'engine/ must not import renderer/.' },
        ],
      },
    ],
  },
};

export const rendererLayer = {
  files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: [{ name: 'electron', message: 'The renderer is sandboxed: use window.understudy through src/api.' }],
        patterns: [
          { group: ['**/engine/**', '**/engine'], message: 'The renderer must not import engine code: use the contract (electron/api/contract).' },
          {
            group: ['**/electron/**', '!**/electron/api/contract'],
            message: 'The renderer may import only electron/api/contract from electron/.',
          },
          {
            group: ['**/electron/api/contract'],
            allowTypeImports: true,
            message: 'The renderer imports only types from the contract (use `import type`).',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', '.cache/**', 'node_modules/**', 'test/lint/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    // We do not run the React Compiler, so its memoisation warnings do not apply.
    rules: { ...reactHooks.configs.recommended.rules, 'react-hooks/incompatible-library': 'off' },
  },
  {
    files: ['**/*.mjs', 'bench/**/*.js', 'scripts/**/*.js'],
    languageOptions: { globals: globals.node },
  },
  engineLayer,
  rendererLayer,
);

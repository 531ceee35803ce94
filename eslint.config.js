// The import rules of design.md, enforced: each runtime folder may import only what its runtime has.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'net', 'tls', 'crypto', 'child_process', 'stream', 'zlib', 'url', 'util', 'events', 'buffer', 'worker_threads'];

/** Forbid imports whose path climbs into one of `folders` (relative imports only; we use no aliases). */
function noFolders(folders, message) {
  return folders.map((folder) => ({ regex: `^(\\.\\./)+(\\.\\./)*${folder}(/|$)`, message }));
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-debugger': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // The domain runs anywhere: no Node, no DOM libraries, no Electron, nothing of ours outside shared/.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'undici', 'react', 'react-dom'].map((name) => ({ name, message: 'shared/ runs in every runtime' })),
        patterns: [
          { group: nodeBuiltins, message: 'shared/ runs in every runtime: no Node modules' },
          ...noFolders(['electron', 'renderer', 'e2e', 'build'], 'shared/ imports nothing of ours outside shared/'),
        ],
      }],
    },
  },
  {
    // The browser app: shared/ only, never Node, Electron or the registry core.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'undici'].map((name) => ({ name, message: 'renderer/ is a sandboxed browser page' })),
        patterns: [
          { group: nodeBuiltins, message: 'renderer/ is a sandboxed browser page: no Node modules' },
          ...noFolders(['electron', 'e2e', 'build'], 'renderer/ imports shared/ only'),
        ],
      }],
    },
  },
  {
    // The registry core and its Node hosts never import Electron, so they run under plain Node.
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/web-host/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'the core runs under plain Node; Electron glue lives in electron/main' }],
        patterns: noFolders(['renderer', 'e2e', 'main', 'preload'], 'the core imports shared/ and Node only'),
      }],
    },
  },
  {
    // Tests of the core may use the e2e harness (the real test registry), but still never Electron.
    files: ['electron/core/**/*.test.ts', 'electron/cli/**/*.test.ts', 'electron/web-host/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'the core runs under plain Node' }] }],
    },
  },
  {
    // The preload is a narrow bridge: electron's contextBridge/ipcRenderer and shared/ only.
    files: ['electron/preload/**/*.ts'],
    ignores: ['electron/preload/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'a sandboxed preload has no Node modules' },
          ...noFolders(['core', 'cli', 'web-host', 'main', 'renderer'], 'the preload imports shared/ only'),
        ],
      }],
    },
  },
);

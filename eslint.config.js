import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // assembly/user-runtime: AssemblyScript decorators on functions, which TypeScript parsers refuse.
    ignores: [
      'dist',
      'build',
      'node_modules',
      'test-results',
      'playwright-report',
      'screenshots',
      'assembly/user-runtime',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Lesson programs mirror the articles, which keep names they never use (p_lst, an
    // unused import): as in src/examples/programs/tsconfig.json (noUnusedLocals: false).
    files: ['src/examples/programs/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    // The runtime runs inside Workers and never reaches into the page's UI.
    files: ['src/runtime/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/ui/**', '**/host/**', '**/share/**', 'monaco-editor'] },
      ],
    },
  },
);

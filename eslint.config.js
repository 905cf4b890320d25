// @ts-check
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * The dependency direction, app → features → (components, lib, pwa) → data → domain, made
 * impossible to break: each zone names a folder and what it may never import.
 */
const zones = [
  { target: './src/domain', from: ['./src/data', './src/features', './src/components', './src/lib', './src/pwa', './src/app'], message: 'src/domain is pure: it imports only zod and itself.' },
  { target: './src/data', from: ['./src/features', './src/components', './src/lib', './src/pwa', './src/app'], message: 'src/data sits below the UI and never imports it.' },
  { target: './src/components', from: ['./src/domain', './src/data', './src/features', './src/lib', './src/pwa', './src/app'], message: 'Shared components are domain-free UI pieces.' },
  { target: './src/lib', from: ['./src/features', './src/components', './src/pwa', './src/app'], message: 'src/lib wraps libraries and never imports the UI above it.' },
  { target: './src/pwa', from: ['./src/features', './src/app', './src/data'], message: 'src/pwa never imports features, app or data.' },
  { target: './src/features', from: './src/app', message: 'Features never import the composition root.' },
  ...features.map((name) => ({
    target: `./src/features/${name}`,
    from: './src/features',
    except: [`./${name}`],
    message: 'No feature imports another: compose them in src/app.',
  })),
];

const restrictedUiImports = (message) => ({
  paths: ['react', 'react-dom', 'react-dom/client', 'dexie', 'dexie-react-hooks', 'react-hook-form', 'wouter'].map((name) => ({ name, message })),
  patterns: [{ group: ['react/*', 'react-dom/*', 'wouter/*', '@hookform/*'], message }],
});

export default tseslint.config(
  { ignores: ['.tmp', 'dist', 'dev-dist', 'node_modules', 'test-results', 'playwright-report', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      'jsx-a11y/label-has-associated-control': ['error', { depth: 3 }],
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      'no-console': ['error', { allow: ['error', 'warn'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No raw HTML: every string is rendered as text.' },
        { selector: "CallExpression[callee.property.name='skipWaiting']", message: 'The service worker skips waiting only when the user asks.' },
      ],
      'no-restricted-imports': ['error', { paths: [{ name: 'dexie', message: 'Only src/data talks to Dexie; go through a repository.' }] }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', restrictedUiImports('src/domain is pure TypeScript and zod: no React, Dexie or UI code.')],
      'no-restricted-globals': ['error', ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'crypto', 'fetch', 'location', 'history'].map((name) => ({ name, message: 'src/domain is pure: no DOM or browser APIs.' }))],
    },
  },
  {
    files: ['src/data/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'react-dom/client', 'dexie-react-hooks', 'react-hook-form', 'wouter'].map((name) => ({ name, message: 'src/data never imports React or UI code.' })),
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'vite.config.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: { 'no-restricted-imports': 'off', 'no-console': 'off' },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);

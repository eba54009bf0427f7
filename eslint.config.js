import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The classic Remix compiler strips only *.server.ts files from the browser bundle, so the
// database and e-mail code may be imported only from there; app code never imports tests.
const dbAndEmails = {
  group: ['~db/*', '~emails/*', '**/db/*', '**/emails/*'],
  message: 'db/ and emails/ are server-only: import them from an app/**/*.server.ts file.',
};
const testsCode = {
  group: ['**/tests/*', '**/tests/**'],
  message: 'App code must not import tests/.',
};

export default tseslint.config(
  {
    ignores: [
      'build/',
      'public/build/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'db/migrations/',
      '.cache/',
      'data/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,ts,tsx}'],
    plugins: { react, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    settings: { react: { version: '18.3' } },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      'react/prop-types': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['app/**/*.server.ts', 'app/**/*.server.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [dbAndEmails, testsCode],
          // i18next stays on the server (mail, exports); pages translate through the small
          // translator so that i18next's 16 KiB never ship to a family's phone.
          paths: [{ name: 'react-i18next', message: "Use useTranslation from '~/i18n/react'." }],
        },
      ],
    },
  },
  {
    files: ['app/**/*.server.ts', 'app/**/*.server.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [testsCode] }] },
  },
  {
    // Habit 14: every action reads its form through readFormData / readUploadForm (bounded,
    // and a body that is not a form is a 4xx page) and its fields through the typed readers.
    files: ['app/**/*.ts', 'app/**/*.tsx'],
    ignores: ['app/utils/forms.server.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='formData'][arguments.length=0]",
          message: 'Read the form with readFormData(request) from ~/utils/forms.server.',
        },
        {
          selector: "CallExpression[callee.name='unstable_parseMultipartFormData']",
          message: 'Read an upload with readUploadForm(request, …) from ~/utils/forms.server.',
        },
        {
          selector:
            "TSAsExpression > CallExpression.expression[callee.property.name=/^(get|getAll)$/][callee.object.name='formData']",
          message: 'Read a field with formText / formId / formIntent, never formData.get(…) as T.',
        },
      ],
    },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ['tests/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
);

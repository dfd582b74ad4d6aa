// Lint: typescript-eslint (type-checked), React hooks (incl. the compiler-era rules) and the
// layer rules of docs/architecture.md, enforced with eslint-plugin-boundaries.
import js from '@eslint/js'
import boundaries from 'eslint-plugin-boundaries'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** The layers, lowest first. A layer may import only the ones listed in `layerRules`. */
const elements = [
  { type: 'config', pattern: 'src/config' },
  { type: 'venice', pattern: 'src/venice' },
  { type: 'chain', pattern: 'src/chain' },
  { type: 'session', pattern: 'src/session' },
  { type: 'ui', pattern: 'src/ui' },
  { type: 'feature', pattern: 'src/features/*', capture: ['name'] },
  { type: 'sandbox', pattern: 'src/sandbox' },
  { type: 'app', pattern: 'src/app' },
  { type: 'main', pattern: 'src/main.tsx', mode: 'file' },
  { type: 'test-support', pattern: 'test/support' },
  { type: 'test', pattern: 'test/(unit|components|e2e|helpers|tools)' },
]

const layerRules = [
  { from: 'config', allow: ['config'] },
  { from: 'venice', allow: ['venice', 'config'] },
  { from: 'chain', allow: ['chain', 'config', 'venice', 'sandbox'] },
  { from: 'session', allow: ['session', 'venice', 'config'] },
  { from: 'ui', allow: ['ui', 'venice', 'config'] },
  { from: 'sandbox', allow: ['sandbox', 'config'] },
  { from: 'feature', allow: ['config', 'venice', 'chain', 'session', 'ui', 'feature'] },
  { from: 'app', allow: ['app', 'config', 'venice', 'chain', 'session', 'ui', 'feature'] },
  { from: 'main', allow: ['app'] },
  { from: 'test-support', allow: ['test-support'] },
  {
    from: 'test',
    allow: ['config', 'venice', 'chain', 'session', 'ui', 'feature', 'sandbox', 'app', 'main', 'test-support', 'test'],
  },
]

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'screenshots', 'coverage'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs['recommended-latest'].rules,
  },
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/include': ['src/**/*', 'test/**/*'],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
    },
    rules: {
      'boundaries/element-types': ['error', { default: 'disallow', rules: layerRules }],
    },
  },
  {
    // React and the query library stay above the API client and the config.
    files: ['src/venice/**', 'src/config/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', '@tanstack/*', 'wagmi', '@rainbow-me/*'],
              message: 'venice/ and config/ stay free of React and UI libraries.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
)

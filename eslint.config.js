// Lint: typescript-eslint (type-checked), React hooks (incl. the compiler-era rules) and the
// layer rule of docs/architecture.md, enforced with eslint-plugin-boundaries.
import js from '@eslint/js'
import boundaries from 'eslint-plugin-boundaries'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** The layers. Patterns match from the project root (`partialMatch: false`). */
const elements = [
  { type: 'config', pattern: 'src/config' },
  { type: 'venice', pattern: 'src/venice' },
  { type: 'query', pattern: 'src/query' },
  { type: 'chain', pattern: 'src/chain' },
  { type: 'session', pattern: 'src/session' },
  { type: 'ui', pattern: 'src/ui' },
  { type: 'sandbox', pattern: 'src/sandbox' },
  { type: 'feature', pattern: 'src/features/*', capture: ['name'] },
  { type: 'app', pattern: 'src/app' },
  { type: 'build', pattern: 'src/build' },
  { type: 'test-support', pattern: 'test/support' },
  { type: 'test-helpers', pattern: 'test/helpers' },
  { type: 'test', pattern: 'test/*', capture: ['kind'] },
].map((element) => ({ ...element, partialMatch: false }))

const element = (...types) => ({ element: { types } })

/** Each layer and what it may import, besides itself and npm packages. */
const mayImport = {
  config: [],
  venice: ['config'],
  query: ['venice'],
  chain: ['config', 'venice', 'query', 'sandbox'],
  session: ['config', 'venice'],
  ui: ['config', 'venice'],
  sandbox: ['config'],
  app: ['config', 'venice', 'query', 'chain', 'session', 'ui', 'feature'],
  // Node code run by Vite and `npm run release`, never bundled into the page.
  build: ['config'],
}

const policies = [
  // npm packages and Node built-ins, for everyone (narrowed for venice and config below).
  { allow: { to: { module: { origin: ['external', 'core'] } } } },
  ...Object.entries(mayImport).map(([layer, lower]) => ({
    from: element(layer),
    allow: { to: element(layer, ...lower) },
  })),
  // A feature: any layer below the app, its own files, and another feature only through its index.ts.
  {
    from: element('feature'),
    allow: [
      { to: element('config', 'venice', 'query', 'chain', 'session', 'ui') },
      { to: { element: { type: 'feature', captured: { name: '{{ from.element.captured.name }}' } } } },
      { to: { element: { type: 'feature', fileInternalPath: 'index.ts' } } },
    ],
  },
  {
    from: element('app'),
    disallow: { to: { element: { type: 'feature', fileInternalPath: '!index.ts' } } },
    message: 'Import a feature through its index.ts.',
  },
  // The API client and the config stay below React and the UI libraries.
  {
    from: element('venice', 'config'),
    disallow: {
      to: { module: { origin: 'external', source: ['react', 'react-dom', '@tanstack/*', 'wagmi', '@wagmi/*', '@rainbow-me/*'] } },
    },
    message: 'venice/ and config/ stay free of React and UI libraries.',
  },
  // The test world is independent of the app it tests.
  { from: element('test-support'), allow: { to: element('test-support') } },
  // Builders and stubs shared by tests: the app (its schemas type the answers they build) and the
  // test world (the stand-in they route fetch into), never a test file.
  {
    from: element('test-helpers'),
    allow: { to: element('test-helpers', 'test-support', ...Object.keys(mayImport), 'feature') },
  },
  // Unit, component and e2e tests may import anything of the app, the test world and the helpers.
  { from: element('test'), allow: { to: { element: { types: '*' } } } },
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
    rules: {
      '@typescript-eslint/no-deprecated': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
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
      'boundaries/dependencies': ['error', { default: 'disallow', checkAllOrigins: true, checkUnknownLocals: true, policies }],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      // Tests assert on parsed JSON (HTTP answers, request logs, solc output) read as `any`: typing
      // each answer would restate the schemas under test, and a wrong shape fails the assertion anyway.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Stand-ins for async APIs (fetch, wallet calls) keep the async signature of what they replace.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
)

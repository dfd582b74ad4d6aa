import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig, loadEnv, type Plugin } from 'vite'
import { readBuildInfo } from './src/build/buildInfo.ts'
import { subresourceIntegrity } from './src/build/subresourceIntegrity.ts'
import { contentSecurityPolicy } from './src/config/csp.ts'
import { parseEnv, type AppConfig } from './src/config/env.ts'
import { walletDiet } from './src/build/walletDiet.ts'

/** Writes the CSP meta tag into the built page (not in dev: the dev server injects inline scripts). */
function csp(config: AppConfig): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(config) },
        injectTo: 'head-prepend',
      },
    ],
  }
}

const SRC = fileURLToPath(new URL('./src/', import.meta.url))
const QUERY_GROUP =
  /[\\/]node_modules[\\/]@tanstack[\\/]|[\\/]src[\\/](query[\\/]|config[\\/](index|env)\.ts$|venice[\\/]errors\.ts$)/

export default defineConfig(({ mode }) => {
  const config = parseEnv(loadEnv(mode, process.cwd(), 'VITE_'))
  return {
    // Relative asset paths: the same dist/ works from /, /ipfs/<cid>/ and a subdomain gateway.
    base: './',
    plugins: [
      react(),
      walletDiet({ relayWallets: config.walletConnectProjectId !== undefined }),
      csp(config),
      subresourceIntegrity(),
    ],
    // The version and commit shown in the footer and the About view (src/config/build.ts).
    define: { __BUILD_INFO__: JSON.stringify(readBuildInfo(fileURLToPath(new URL('.', import.meta.url)))) },
    // The manifest tells `npm run size` and the e2e checks which chunks load together. Not under a
    // hidden folder (Vite's default .vite/), which `ipfs add -r` would leave out of the release CID.
    build: {
      target: 'es2022',
      outDir: process.env.OUT_DIR ?? 'dist',
      manifest: 'build-manifest.json',
      rolldownOptions: {
        // Our modules only declare things: none acts on being imported (main.tsx, the entry, and
        // the CSS do). Knowing that, the bundler keeps a feature's index.ts from dragging every
        // component it re-exports into the first load when the first screen uses only some.
        treeshake: { moduleSideEffects: (id) => (id.startsWith(SRC) && /\.tsx?$/.test(id) ? false : undefined) },
        output: {
          // TanStack Query, our client for it, its retry policy and the app's config in one file, instead
          // of slivers that the wallet module, the dashboard and the ADMIN console would each request.
          codeSplitting: {
            includeDependenciesRecursively: false,
            groups: [{ name: 'query', test: QUERY_GROUP }],
          },
        },
      },
    },
    test: {
      projects: [
        { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
        {
          extends: true,
          test: {
            name: 'components',
            include: ['test/components/**/*.test.tsx'],
            environment: 'happy-dom',
            setupFiles: ['test/components/setup.ts'],
          },
        },
        {
          extends: true,
          test: { name: 'support', include: ['test/support/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
        },
        {
          extends: true,
          // Two production builds in copies of the checkout: see test/release/reproducible.test.ts.
          test: { name: 'release', include: ['test/release/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            include: ['test/e2e/**/*.test.ts'],
            environment: 'node',
            globalSetup: ['test/e2e/globalSetup.ts'],
            testTimeout: 120_000,
            hookTimeout: 300_000,
            fileParallelism: false,
          },
        },
      ],
    },
  }
})

// The web application's build: `npm run build` (after the API) writes dist/web, which the API
// serves at /app/ (src/web/web-app.ts). React's JSX is compiled by Vite's own Oxc transform.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const project = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig(({ command }) => ({
  // React's production build whatever NODE_ENV the builder runs under (jest sets "test")
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  publicDir: false,
  resolve: {
    alias: [
      // GOV.UK Frontend's footer styles name the GOV.UK crest: this service is not GOV.UK and shows none
      { find: /^@moj-assets\/images\/govuk-crest\.svg$/, replacement: `${project}web/src/styles/no-crest.svg` },
      // web/src/styles/app.scss: MOJ Frontend's icons, emitted (hashed) only when a style uses one
      { find: '@moj-assets', replacement: `${project}node_modules/@ministryofjustice/frontend/moj/assets` },
    ],
  },
  oxc: { jsx: { runtime: 'automatic', development: command !== 'build' } },
  css: {
    // GOV.UK Frontend keeps an IE 9–11 hack, `@media … (min-width: 0\0)`, that the CSS minifier refuses: dropped
    postcss: {
      plugins: [
        {
          postcssPlugin: 'drop-ie-media-hacks',
          AtRule: { media: (rule: { params: string; remove(): void }) => void (/0(\\0|\uFFFD)\)/.test(rule.params) && rule.remove()) },
        },
      ],
    },
    preprocessorOptions: {
      // GOV.UK and MOJ Frontend are loaded by path from the project root; their own deprecation notices are theirs
      scss: { loadPaths: [project], quietDeps: true },
    },
  },
  build: {
    outDir: `${project}dist/web`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Sass takes most of a build; saying so every time is noise
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    // `npx vite -c web/vite.config.mts` during development: the API runs on 3000 (npm start)
    proxy: Object.fromEntries(
      ['/auth', '/users', '/staff', '/reports', '/cases', '/monitoring-requests', '/appeals', '/exports', '/audit', '/retention', '/health'].map((path) => [
        path,
        'http://127.0.0.1:3000',
      ]),
    ),
  },
}));

/// <reference types="vitest/config" />
import { build, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Nothing leaves the device: the built app may load and connect only to its own origin. Added at
 * build time only, because the dev server injects inline scripts for hot reload. The one inline
 * script of the built app (the first read, below) is allowed by its hash.
 */
function contentSecurityPolicy(inlineScriptHashes: string[]): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inlineScriptHashes.map((hash) => `'${hash}'`)].join(' '),
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** React and the modules the roles list (the first screen) shares with other screens. */
const FIRST_SCREEN_SHARED = /node_modules[\\/](react|react-dom|scheduler)[\\/]|src[\\/](domain[\\/]role-facts|domain[\\/]wall-clock|lib[\\/]repositories-context)\./;

/** Which build this is, stamped into index.html: a new stamp is a new app shell, so an update. */
const BUILD_ID = process.env.LOOPCARD_BUILD_ID ?? pkg.version;

/** Builds one entry with Vite, in memory, into one chunk's code. */
async function buildToCode(what: string, options: NonNullable<Parameters<typeof build>[0]>['build']): Promise<string> {
  const built = await build({ configFile: false, logLevel: 'warn', build: { ...options, write: false } });
  const chunk = [built].flat().flatMap((output) => ('output' in output ? output.output : [])).find((file) => file.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`${what} did not build into one chunk.`);
  return chunk.code;
}

/** The first read (src/app/first-read-inline.ts), bundled into one classic script. */
async function firstReadScript(): Promise<string> {
  const code = await buildToCode('The first read', {
    target: 'es2022',
    minify: true,
    lib: { entry: fileURLToPath(new URL('./src/app/first-read-inline.ts', import.meta.url)), formats: ['iife'], name: 'loopcardFirstRead' },
  });
  // Inline: a "</script" inside would end the element early.
  return code.trim().replaceAll('</script', '<\\/script');
}

/** The frame of every screen, empty (src/app/static-shell.tsx), rendered to HTML by React. */
async function staticShellMarkup(): Promise<string> {
  const code = await buildToCode('The static shell', { target: 'node20', minify: false, ssr: fileURLToPath(new URL('./src/app/static-shell.tsx', import.meta.url)) });
  // Written beside node_modules, so that its imports of React and wouter resolve there.
  const dir = fileURLToPath(new URL('./node_modules/.cache/loopcard-static-shell/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}shell-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
  writeFileSync(file, code);
  const module = (await import(pathToFileURL(file).href)) as { staticShellMarkup: () => string };
  return module.staticShellMarkup();
}

/**
 * The built index.html: the first read inline, right after the module scripts (so their fetches
 * have begun) and before the stylesheet (an inline script after one would wait for it), so the
 * database answers while the app's code is fetched; the content security policy allowing it by
 * hash; the build stamp; and the empty frame of every screen in the root element, so the header
 * is on screen (and its text laid out) while the app's code is still arriving.
 */
const builtShell: Plugin = {
  name: 'loopcard-built-shell',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: async (html) => {
      const [script, shell] = await Promise.all([firstReadScript(), staticShellMarkup()]);
      const hash = `sha256-${createHash('sha256').update(script).digest('base64')}`;
      const stylesheet = html.indexOf('<link rel="stylesheet"');
      if (stylesheet < 0) throw new Error('index.html has no stylesheet link to put the first read before.');
      const root = '<div id="root"></div>';
      if (!html.includes(root)) throw new Error(`index.html has no empty ${root} to put the shell in.`);
      const withScript = `${html.slice(0, stylesheet)}<script>${script}</script>\n    ${html.slice(stylesheet)}`;
      return {
        html: withScript.replace(root, `<div id="root">${shell}</div>`),
        tags: [
          { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy([hash]) }, injectTo: 'head-prepend' },
          { tag: 'meta', attrs: { name: 'loopcard-build', content: BUILD_ID }, injectTo: 'head' },
        ],
      };
    },
  },
};

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  plugins: [
    react(),
    builtShell,
    VitePWA({
      // 'prompt', never 'autoUpdate': an interviewer mid-sentence must never get a reload
      // they did not ask for. The waiting worker only takes over when the user says so.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.png'],
      manifest: {
        name: 'Loopcard — incident-review interviews',
        short_name: 'Loopcard',
        description: 'Structured production-incident interviews that work with no network.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f7f7f4',
        theme_color: '#1f4e5f',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        // Opening a .loopcard.json file from the desktop lands on the Debrief screen, which gathers it.
        file_handlers: [{ action: '/debrief', accept: { 'application/json': ['.json'] } }],
        launch_handler: { client_mode: 'focus-existing' },
        screenshots: [
          { src: '/screenshots/roles-wide.png', sizes: '1280x800', type: 'image/png', form_factor: 'wide', label: 'Roles with days open against the target' },
          { src: '/screenshots/candidate-tablet.png', sizes: '768x1024', type: 'image/png', form_factor: 'narrow', label: 'A candidate and their interview loop' },
        ],
      },
      workbox: {
        // Every built asset is precached so every screen opens with no network after one visit;
        // navigations fall back to the app shell, which routes on the client.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,ttf,webmanifest}'],
        navigateFallback: '/index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve: {
    alias: {
      html2canvas: fileURLToPath(new URL('./src/lib/pdf/unused-renderer-stub.ts', import.meta.url)),
      dompurify: fileURLToPath(new URL('./src/lib/pdf/unused-renderer-stub.ts', import.meta.url)),
      canvg: fileURLToPath(new URL('./src/lib/pdf/unused-renderer-stub.ts', import.meta.url)),
    },
  },
  // The PDF worker imports jsPDF, which splits into chunks: only ES-module workers can do that.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    rolldownOptions: {
      output: {
        // The first screen's code in as few files as the bundler allows (the entry, this and its
        // runtime): offline, each file is one more response from the service worker, and over
        // 12 alternated cold starts three files put the list on screen about 60 ms sooner than six.
        // These are the modules the roles list shares with other screens, which the bundler would
        // otherwise split into small chunks of their own.
        advancedChunks: { groups: [{ name: 'first-screen', test: FIRST_SCREEN_SHARED }] },
      },
    },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
  },
  test: {
    restoreMocks: true,
    // Two projects so that only component tests pay for jsdom (about a second per file): domain,
    // data and lib tests run in plain Node, which has Web Crypto, Blob and structuredClone itself.
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          // PBKDF2 at 600,000 rounds and the team-server stand-in take seconds on a busy two-core machine.
          testTimeout: 15_000,
          include: ['test/**/*.test.ts'],
          exclude: ['test/features/**', 'test/e2e/**', '**/node_modules/**'],
          setupFiles: ['./test/setup/console-guard.ts', './test/setup/indexeddb.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          // Rendering and typing into long forms takes seconds on a busy two-core machine.
          testTimeout: 15_000,
          include: ['test/features/**/*.test.{ts,tsx}', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**', '**/node_modules/**'],
          setupFiles: ['./test/setup/console-guard.ts', './test/setup/indexeddb.ts', './test/setup/dom.ts'],
        },
      },
    ],
  },
});

/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Nothing leaves the device: the built app may load and connect only to its own origin. Added at
 * build time only, because the dev server injects inline scripts for hot reload.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
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

/** Which build this is, stamped into index.html: a new stamp is a new app shell, so an update. */
const BUILD_ID = process.env.LOOPCARD_BUILD_ID ?? pkg.version;

const contentSecurityPolicy: Plugin = {
  name: 'loopcard-content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    { tag: 'meta', attrs: { name: 'loopcard-build', content: BUILD_ID }, injectTo: 'head' },
  ],
};

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  plugins: [
    react(),
    contentSecurityPolicy,
    VitePWA({
      // 'prompt', never 'autoUpdate': an interviewer mid-sentence must never get a reload
      // they did not ask for. The waiting worker only takes over when the user says so.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.svg', 'icons/*.png'],
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

import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { type ManifestOptions, VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };

/**
 * Nothing may leave the device: every fetch, script, style, image and worker comes from this origin.
 * 'wasm-unsafe-eval' lets libsodium compile its WebAssembly; nothing else is relaxed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-src 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'geolocation=(), interest-cohort=()',
};

/** Puts the CSP into the built page too, so a copy served by any static host keeps it. */
function cspMeta(): Plugin {
  return {
    name: 'bukti-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** The web app manifest. Discreet presets reuse it with a neutral name and icons (see discreetManifests). */
const MANIFEST = {
  id: '/',
  name: 'Bukti',
  short_name: 'Bukti',
  description: 'Keep evidence of online abuse safe and encrypted on your own device.',
  lang: 'en',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  background_color: '#f4f1ea',
  theme_color: '#124e5c',
  // The OS share sheet posts shared files and links here; the service worker seals them into the inbox.
  share_target: {
    action: '/share-target',
    method: 'POST',
    enctype: 'multipart/form-data',
    params: {
      title: 'title',
      text: 'text',
      url: 'url',
      files: [
        { name: 'files', accept: ['image/*', 'video/*', 'audio/*', 'application/pdf', 'text/*', '*/*'] },
      ],
    },
  },
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
} satisfies Partial<ManifestOptions>;

/** Neutral names and icons a survivor can pick before installing Bukti to the home screen. */
export const DISCREET_PRESETS = {
  notes: { name: 'Notes' },
  calculator: { name: 'Calculator' },
  recipes: { name: 'Recipes' },
} as const;

/** Emits manifest-<preset>.webmanifest for each discreet preset; the page links the chosen one. */
function discreetManifests(): Plugin {
  return {
    name: 'bukti-discreet-manifests',
    apply: 'build',
    generateBundle() {
      for (const [preset, { name }] of Object.entries(DISCREET_PRESETS)) {
        const manifest = {
          ...MANIFEST,
          id: `/?preset=${preset}`,
          name,
          short_name: name,
          description: name,
          theme_color: '#4a5568',
          icons: [
            { src: `icons/${preset}-192.png`, sizes: '192x192', type: 'image/png', purpose: 'any' },
            { src: `icons/${preset}-512.png`, sizes: '512x512', type: 'image/png', purpose: 'any' },
          ],
        };
        this.emitFile({
          type: 'asset',
          fileName: `manifest-${preset}.webmanifest`,
          source: JSON.stringify(manifest),
        });
      }
    },
  };
}

/**
 * Built files are named by their hash only: their names end up as keys in the Cache API (the service
 * worker's precache), where `vault.worker-….js` or `report-….js` would tell anyone what the app keeps.
 */
const NEUTRAL_NAMES = {
  entryFileNames: 'assets/[hash].js',
  chunkFileNames: 'assets/[hash].js',
  assetFileNames: 'assets/[hash][extname]',
};

/** A build id that changes with every build, so a redeploy is seen as an update by the service worker. */
const BUILD_ID = process.env.BUKTI_BUILD_ID ?? new Date().toISOString();

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    __BUILD_ID__: JSON.stringify(BUILD_ID),
  },
  build: {
    outDir: process.env.BUKTI_OUT_DIR ?? 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    // libsodium-sumo is one ~530 kB module (its WebAssembly inlined); it is loaded once and precached.
    chunkSizeWarningLimit: 1024,
    rolldownOptions: { output: NEUTRAL_NAMES },
  },
  worker: { format: 'es', rolldownOptions: { output: NEUTRAL_NAMES } },
  server: { host: '127.0.0.1', port: 5173 },
  preview: {
    host: '127.0.0.1',
    port: Number(process.env.PORT ?? 4173),
    strictPort: true,
    headers: SECURITY_HEADERS,
  },
  plugins: [
    preact(),
    cspMeta(),
    discreetManifests(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      manifestFilename: 'manifest.webmanifest',
      injectManifest: {
        globPatterns: ['**/*.{js,mjs,css,html,png,svg,ico,webmanifest,wasm,ttf,woff2,json,txt}'],
        // libsodium inlines its WebAssembly into one large module; it must be precached, not dropped.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        rollupFormat: 'iife',
      },
      manifest: MANIFEST,
    }),
  ],
});

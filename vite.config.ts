import react from '@vitejs/plugin-react';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

// The API server the dev server forwards to; the built assets are served by the API server itself.
const apiOrigin = 'http://localhost:3000';
const proxiedPaths = ['/api', '/healthz', '/readyz', '/metrics'] as const;
const proxy = Object.fromEntries(
  proxiedPaths.map((path) => [
    path,
    {
      target: apiOrigin,
      changeOrigin: false,
      // The web app's own modules under src/web/api/ are served by Vite, not the API server.
      bypass: (request: { url?: string }) => (/\.tsx?$/.test(request.url?.split('?')[0] ?? '') ? request.url : undefined),
    },
  ]),
);

// React Router publishes its warning-free production build only under dist/production (its package exports
// point every condition at the development build), so a release build asks for it by path.
const reactRouterProduction = [
  { find: /^react-router$/, replacement: fileURLToPath(new URL('node_modules/react-router/dist/production/index.mjs', import.meta.url)) },
  {
    find: /^react-router\/dom$/,
    replacement: fileURLToPath(new URL('node_modules/react-router/dist/production/dom-export.mjs', import.meta.url)),
  },
];

/**
 * Preloads the typeface (styles/fonts.css) from the page itself: a font file is otherwise asked for only
 * once text is drawn, too late for `font-display: optional`, and the first visit would show the system font.
 */
function preloadFonts(): Plugin {
  return {
    name: 'doimoi:preload-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, { bundle }) =>
        Object.keys(bundle ?? {})
          .filter((file) => file.endsWith('.woff2'))
          .sort()
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'preload', href: `/${file}`, as: 'font', type: 'font/woff2', crossorigin: '' },
            injectTo: 'head' as const,
          })),
    },
  };
}

/** The app's own entry (main.tsx), which index.html does not name: boot.ts starts it after the first paint. */
const appEntry = 'main.tsx';

/**
 * Tells boot.ts (src/web/boot.ts) where the app's entry and the modules it imports are, as a meta element
 * of index.html: the built files' names carry hashes only the bundle knows.
 */
function appScriptsForBoot(): Plugin {
  return {
    name: 'doimoi:app-scripts-for-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, { bundle }) => {
        const chunks = new Map(
          Object.values(bundle ?? {}).flatMap((output) => (output.type === 'chunk' ? [[output.fileName, output] as const] : [])),
        );
        const entry = [...chunks.values()].find((chunk) => chunk.isEntry && chunk.facadeModuleId?.endsWith(`/${appEntry}`));
        if (!entry) throw new Error(`the build has no chunk for ${appEntry}`);
        // The entry first, then every module it imports, each once: boot.ts asks for them all at once.
        const files = new Set([entry.fileName]);
        for (const file of files) for (const imported of chunks.get(file)?.imports ?? []) files.add(imported);
        return [{ tag: 'meta', attrs: { name: 'doimoi:app', content: [...files].map((file) => `/${file}`).join(' ') }, injectTo: 'head' }];
      },
    },
  };
}

/**
 * The parts of zod the web app never uses stay out of its bundle (zod's classic schemas import them, so
 * tree-shaking cannot drop them). Its JSON Schema generation (5 KB gzip) enters as functions that throw.
 * The factories (`create…`) run when a schema's Standard Schema properties are read, so they return the
 * throwing function instead of throwing. A new export in a zod release is stubbed the same way.
 */
function withoutUnusedZod(): Plugin {
  const generator = /[\\/]zod[\\/]v4[\\/]core[\\/](json-schema-processors|to-json-schema)\.js$/;
  const englishMessages = /[\\/]zod[\\/]v4[\\/]locales[\\/]en\.js$/;
  return {
    name: 'doimoi:without-unused-zod',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      // zod's English messages: the web app words every form error itself (components/form/messages.ts)
      // and shows the server's own messages, so zod falls back to its one built-in "Invalid input".
      if (englishMessages.test(id)) return 'export default function english() { return {}; }';
      if (!generator.test(id)) return null;
      const source = readFileSync(id, 'utf8');
      const names = [
        ...[...source.matchAll(/^export (?:function|const) (\w+)/gm)].map((match) => match[1]!),
        ...[...source.matchAll(/^export \{ \w+ as (\w+) \}/gm)].map((match) => match[1]!),
      ];
      return [
        "const unavailable = () => { throw new Error('zod JSON Schema generation is not part of the web app'); };",
        ...names.map((name) => `export const ${name} = ${name.startsWith('create') ? '() => unavailable' : 'unavailable'};`),
      ].join('\n');
    },
  };
}

/**
 * Writes each script, style sheet and SVG again as .br and .gz, compressed as far as brotli and gzip go:
 * the server sends these (the files never change) instead of compressing every response at a fast level.
 */
function precompress(): Plugin {
  return {
    name: 'doimoi:precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const file of Object.keys(bundle).filter((name) => /\.(js|css|svg)$/.test(name))) {
        const path = join(options.dir ?? '', file);
        const data = readFileSync(path);
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
        );
        writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

// React 19 has useSyncExternalStore: the package react-i18next imports for older Reacts is not needed.
const reactOwnSyncExternalStore = {
  find: /^use-sync-external-store\/shim$/,
  replacement: fileURLToPath(new URL('src/web/app/use-sync-external-store-shim.ts', import.meta.url)),
};

/**
 * The server's renderer of first paints (src/web/server-render.tsx) for Node: the libraries stay imports
 * of node_modules, the styles are the client build's (same class names), nothing is precompressed.
 */
const serverRenderBuild = {
  outDir: '../../dist/web-ssr',
  emptyOutDir: true,
  sourcemap: true,
  rolldownOptions: { output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' } },
};

export default defineConfig(({ mode, isSsrBuild }) => ({
  root: 'src/web',
  resolve: { alias: [...(mode === 'production' ? reactRouterProduction : []), reactOwnSyncExternalStore] },
  // Every asset is bundled and served from our own origin: no CDN, no external URL.
  base: '/',
  plugins: [withoutUnusedZod(), react(), ...(isSsrBuild ? [] : [preloadFonts(), appScriptsForBoot(), precompress()])],
  // Lightning CSS resolves the breakpoints declared once in styles/media.css (@custom-media) in every module.
  css: {
    transformer: 'lightningcss',
    lightningcss: { drafts: { customMedia: true } },
  },
  build: isSsrBuild
    ? serverRenderBuild
    : {
        outDir: '../../dist/web',
        emptyOutDir: true,
        assetsDir: 'assets',
        sourcemap: true,
        // Every browser the city supports preloads modules itself (Safari from 17, Firefox from 115): the
        // polyfill would be JavaScript every visitor downloads for none of them.
        modulePreload: { polyfill: false },
        // One style sheet for every page, linked from the HTML: a page the server rendered is drawn styled at
        // once, not when its script chunk would bring its styles (all of them are 8.5 KB gzip).
        cssCodeSplit: false,
        // ECharts (its core with the bar and line charts, drawn as SVG) is one ~560 kB chunk, loaded only by
        // the pages that draw charts; the pages every visitor opens stay far below this.
        chunkSizeWarningLimit: 600,
        rolldownOptions: {
          input: {
            index: fileURLToPath(new URL('src/web/index.html', import.meta.url)),
            main: fileURLToPath(new URL(`src/web/${appEntry}`, import.meta.url)),
          },
          output: {
            entryFileNames: 'assets/[name]-[hash].js',
            chunkFileNames: 'assets/[name]-[hash].js',
            assetFileNames: 'assets/[name]-[hash][extname]',
            // Libraries change less often than the app: separate chunks stay cached across releases.
            codeSplitting: {
              groups: [
                { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
                { name: 'router', test: /node_modules[\\/]react-router[\\/]/ },
                { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/ },
                { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/ },
                // The contracts' helpers every page's schemas build on go with zod: three tiny chunks cost more than their code.
                { name: 'zod', test: /node_modules[\\/]zod[\\/]|src[\\/]shared[\\/]contracts[\\/](common|dates|update-schema)\.ts$/ },
              ],
            },
          },
        },
      },
  server: {
    port: 5173,
    strictPort: true,
    proxy,
  },
  preview: {
    port: 4173,
    proxy,
  },
}));

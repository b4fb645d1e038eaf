// Compiles the server, the CLI and the shared contracts to dist/ file by file (no bundle, same layout
// as the sources, so paths computed from import.meta.url stay right). Transpiling only: the types are
// checked by `npm run typecheck`, which the test command runs first, so tsc does not check them twice.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const files = ['server', 'cli', 'shared'].flatMap((dir) =>
  readdirSync(join('src', dir), { recursive: true }).map((file) => join('src', dir, String(file))),
);
const entryPoints = files.filter((file) => file.endsWith('.ts') && !/\.(test|d)\.ts$/.test(file));
for (const dir of ['server', 'cli', 'shared']) rmSync(`dist/${dir}`, { recursive: true, force: true });
// Plain JavaScript modules (the PGlite worker) are loaded by their own name: copied as they are.
for (const file of files.filter((name) => name.endsWith('.mjs'))) {
  const target = join('dist', file.slice('src/'.length));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(file, target);
}
await build({
  entryPoints,
  outdir: 'dist',
  outbase: 'src',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});

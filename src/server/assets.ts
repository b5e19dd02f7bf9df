// The dashboard's files: the page, its style sheet, its script (web/src bundled into one module by
// esbuild when the server starts, in memory: nothing is downloaded and there is no build step to
// forget) and the country shapes of world-atlas, which the map draws without a tile server.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface Asset {
  type: string;
  body: Buffer;
}

const WEB_DIR = fileURLToPath(new URL('../../web/', import.meta.url));

export async function loadAssets(): Promise<Map<string, Asset>> {
  const bundle = await build({
    entryPoints: [`${WEB_DIR}src/main.ts`],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const world = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
  return new Map<string, Asset>([
    ['/', { type: 'text/html; charset=utf-8', body: readFileSync(`${WEB_DIR}index.html`) }],
    ['/style.css', { type: 'text/css; charset=utf-8', body: readFileSync(`${WEB_DIR}style.css`) }],
    ['/app.js', { type: 'text/javascript; charset=utf-8', body: Buffer.from(bundle.outputFiles[0].contents) }],
    ['/countries-110m.json', { type: 'application/json; charset=utf-8', body: readFileSync(world) }],
  ]);
}

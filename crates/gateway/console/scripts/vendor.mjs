// After `vite build`: GraphiQL and its React from node_modules into dist/graphiql/ (served at
// GET /graphql, nothing from a CDN), and axe-core for the accessibility checks of the
// browser tests (tests/e2e/vendor/, read by the test, never served).
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const nm = join(root, 'node_modules');
const out = join(root, 'dist', 'graphiql');
mkdirSync(out, { recursive: true });
for (const [from, to] of [
  ['react/umd/react.production.min.js', 'react.production.min.js'],
  ['react-dom/umd/react-dom.production.min.js', 'react-dom.production.min.js'],
  ['graphiql/graphiql.min.js', 'graphiql.min.js'],
  ['graphiql/graphiql.min.css', 'graphiql.min.css'],
]) {
  copyFileSync(join(nm, from), join(out, to));
}
copyFileSync(join(root, 'graphiql', 'index.html'), join(out, 'index.html'));
copyFileSync(join(root, 'graphiql', 'init.js'), join(out, 'init.js'));

const vendor = join(root, '..', '..', '..', 'tests', 'e2e', 'vendor');
mkdirSync(vendor, { recursive: true });
copyFileSync(join(nm, 'axe-core', 'axe.min.js'), join(vendor, 'axe.min.js'));
writeFileSync(
  join(vendor, 'README.md'),
  'Written by `npm run build` in crates/gateway/console: axe-core (MPL-2.0), injected by the\n' +
    'browser tests to check labels and contrast (WCAG 2 AA). Not served by Linli.\n',
);

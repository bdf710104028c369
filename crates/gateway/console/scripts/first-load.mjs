// What each kind of user downloads on a first visit, compressed as `linli` serves it (built
// files gzipped once at the best level, console.rs): index.html, the entry's chunks and the
// user's frame and shell with every chunk they import and Vite preloads alongside. Run after `npm run build`; prints a Markdown table for
// docs/PERFORMANCE.md.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = html.match(/src="\/console\/(assets\/[^"]+\.js)"/)[1];
const css = [...html.matchAll(/href="\/console\/(assets\/[^"]+\.css)"/g)].map((m) => m[1]);
const asset = (name) => readFileSync(join(dist, name));

/** A chunk and every chunk it imports statically, transitively. */
function closure(start, seen = new Set()) {
  if (seen.has(start)) return seen;
  seen.add(start);
  const text = asset(start).toString('utf8');
  for (const m of text.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) closure(`assets/${m[1]}`, seen);
  return seen;
}

const base = closure(entry);
// Each user's first visit: the sign-in page (or the invitation), then their frame and shell.
const visits = [
  ['Resident', ['Phone', 'SignIn', 'Resident']],
  ['Join (invitation, then resident)', ['Phone', 'Join', 'Resident']],
  ['Grid', ['Phone', 'SignIn', 'Grid']],
  ['Partner', ['Phone', 'SignIn', 'Desktop', 'Partner']],
  ['Staff', ['Phone', 'SignIn', 'Desktop', 'Staff']],
  ['District', ['Phone', 'SignIn', 'Desktop', 'District']],
];
// A lazy chunk with what Vite preloads alongside it (its chunks and their CSS), read from the
// entry's `import(`./X-hash.js`)…__vite__mapDeps([…])`.
const entryText = asset(entry).toString('utf8');
const deps = JSON.parse(entryText.match(/m\.f=(\[[^\]]*\])/)[1]);
const chunkOf = (name) => {
  const m = entryText.match(new RegExp(`import\\(\`\\./(${name}-[^\`]+\\.js)\`\\)[^;]*?__vite__mapDeps\\(\\[([\\d,]+)\\]\\)`));
  return [`assets/${m[1]}`, ...m[2].split(',').map((i) => deps[Number(i)])];
};
const kib = (n) => (n / 1024).toFixed(1);
console.log('| first visit of | files | raw KiB | gzip KiB (as served) |');
console.log('|---|---|---|---|');
for (const [who, chunks] of visits) {
  const files = new Set(['index.html', ...css, ...base, ...chunks.flatMap((c) => chunkOf(c).flatMap((f) => (f.endsWith('.js') ? [...closure(f)] : [f])))]);
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const bytes = asset(f);
    raw += bytes.length;
    gz += bytes.length > 1024 ? gzipSync(bytes, { level: 9 }).length : bytes.length;
  }
  console.log(`| ${who} | ${files.size} | ${kib(raw)} | ${kib(gz)} |`);
}

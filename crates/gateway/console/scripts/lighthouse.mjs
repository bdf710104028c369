// Lighthouse on the resident's home and course pages, as on a phone: Lighthouse's mobile
// emulation and default (simulated) throttling, Debian's Chromium, each page loaded cold with
// the resident signed in. Not part of the test command — run it against a running
// `linli serve --demo` and copy its table into docs/PERFORMANCE.md:
//
//   npm i --no-save lighthouse@13.5.0      # once; not in package.json, so CI never installs it
//   node scripts/lighthouse.mjs [http://127.0.0.1:8080] [login] [password]
//
// Prints each page's Performance and Accessibility scores and the metrics behind them, and
// exits non-zero when a page scores under the targets (Performance 90, Accessibility 95).
import { writeFileSync } from 'node:fs';
import { startFlow } from 'lighthouse';
import puppeteer from 'puppeteer-core';

const [base = 'http://127.0.0.1:8080', login = 'chen-qihui', password = 'linli-demo-2026'] = process.argv.slice(2);

async function gql(query, variables, token) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const json = await res.json();
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json.data;
}

const { login: session } = await gql(
  'mutation($l: String!, $p: String!) { login(loginName: $l, password: $p) { token expiresAt account { id displayName } } }',
  { l: login, p: password },
);
const { me } = await gql('{ me { memberships { role communitySlug } } }', {}, session.token);
const slug = me.memberships.find((m) => m.role === 'RESIDENT')?.communitySlug;
if (!slug) throw new Error(`${login} is no resident`);

/** One page, cold: a fresh Chromium (its own empty profile: no cache, no service worker). */
async function measure(name, route) {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=zh-CN'],
  });
  const page = await browser.newPage();
  // Signed in from the first byte of the page (Lighthouse clears storage before loading it).
  await page.evaluateOnNewDocument((s) => localStorage.setItem('linli.session', s), JSON.stringify({ ...session, remember: true }));
  const flow = await startFlow(page, { name: `Linli resident: ${name}` });
  await flow.navigate(`${base}/console/#/r/${slug}/${route}`, { name });
  const result = await flow.createFlowResult();
  await browser.close();
  // LIGHTHOUSE_JSON=<dir>: the whole report of each page, to see what held it back.
  if (process.env.LIGHTHOUSE_JSON) writeFileSync(`${process.env.LIGHTHOUSE_JSON}/${name}.json`, JSON.stringify(result.steps[0].lhr));
  return result.steps[0];
}

// Each page RUNS times (3 unless set), the median run by Performance reported: a single run on
// a shared 2-core machine swings by several points.
const runs = Number(process.env.RUNS ?? 3);
const steps = [];
for (const [name, route] of [['home', 'home'], ['courses', 'courses']]) {
  const all = [];
  for (let i = 0; i < runs; i += 1) all.push(await measure(name, route));
  all.sort((a, b) => a.lhr.categories.performance.score - b.lhr.categories.performance.score);
  const median = all[Math.floor(all.length / 2)];
  median.runs = all.map((s) => Math.round(s.lhr.categories.performance.score * 100)).join(', ');
  steps.push(median);
}
const ms = (v) => `${Math.round(v)} ms`;
let failed = false;
console.log('| page | Performance (median; runs) | Accessibility | FCP | LCP | TBT | CLS | transferred |');
console.log('|---|---|---|---|---|---|---|---|');
for (const step of steps) {
  const { categories, audits } = step.lhr;
  const perf = Math.round(categories.performance.score * 100);
  const a11y = Math.round(categories.accessibility.score * 100);
  failed ||= perf < 90 || a11y < 95;
  const kib = (audits['total-byte-weight'].numericValue / 1024).toFixed(1);
  console.log(`| ${step.name} | ${perf} (${step.runs}) | ${a11y} | ${ms(audits['first-contentful-paint'].numericValue)} | `
    + `${ms(audits['largest-contentful-paint'].numericValue)} | ${ms(audits['total-blocking-time'].numericValue)} | `
    + `${audits['cumulative-layout-shift'].numericValue.toFixed(3)} | ${kib} KiB |`);
  for (const [id, audit] of Object.entries(audits)) {
    if (audit.score !== null && audit.score < 1 && step.lhr.categories.accessibility.auditRefs.some((r) => r.id === id && r.weight > 0)) {
      console.log(`  accessibility: ${id} — ${audit.title}`);
    }
  }
}
process.exit(failed ? 1 : 0);

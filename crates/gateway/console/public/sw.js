// Linli's service worker (scope /console/): the console opens without a network. Built files
// are named by their content, so a cached one is always right (cache first); the page itself
// is fetched first and the last copy kept for when the network is gone. GraphQL is never
// cached here: the page keeps the answers it may show offline (the resident's timetable and
// bookings) with the account they belong to, and forgets them on signing out.
const SHELL = 'linli-shell-v1';
const ASSETS = 'linli-assets-v1';

// Installed: the page and the files it names (the entry's script and styles), so the next
// start works without a network even for files fetched before this worker took over. Pages'
// own chunks are kept as they are first used.
self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const page = await fetch('/console/');
    const html = await page.clone().text();
    await (await caches.open(SHELL)).put('/console/', page);
    // Once each: addAll refuses a list naming a file twice (the icon is named three times).
    const named = [...new Set([...html.matchAll(/(?:src|href)="(\/console\/[^"]+)"/g)].map((m) => m[1]))];
    await (await caches.open(ASSETS)).addAll(named);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== ASSETS).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith('/console/')) return;
  if (url.pathname.startsWith('/console/assets/')) {
    event.respondWith(
      caches.open(ASSETS).then(async (c) => {
        const hit = await c.match(req);
        if (hit) return hit;
        const res = await fetch(req);
        if (res.ok) c.put(req, res.clone());
        return res;
      }),
    );
  } else {
    // The page, the manifest, the icons: fresh when the network answers, else the last copy.
    const key = req.mode === 'navigate' ? '/console/' : req;
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok && (req.mode === 'navigate' || url.pathname === '/console/')) caches.open(SHELL).then((c) => c.put(key, res.clone()));
          return res;
        })
        .catch(() => caches.match(key).then((hit) => hit ?? Response.error())),
    );
  }
});

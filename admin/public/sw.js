/*
 * The app shell offline: an inspector can open the SPA in the field without a connection and draft a
 * finding into the outbox. Pages are network-first (the newest build when online, the cached shell when
 * not); hashed assets are cache-first (they never change); the API is never cached.
 */
const CACHE = 'jiandu-shell-v1';

/**
 * Every built chunk, from Vite's manifest, so any screen opens offline once the app was opened online.
 * Asked for by the page (a field role, once the app has been idle a while), not at install, so it never
 * competes with the first screens for the connection.
 */
async function precache() {
  const c = await caches.open(CACHE);
  try {
    const manifest = await (await fetch('/.vite/manifest.json', { cache: 'no-store' })).json();
    const files = new Set();
    for (const chunk of Object.values(manifest)) {
      files.add(`/${chunk.file}`);
      for (const css of chunk.css ?? []) files.add(`/${css}`);
    }
    await c.addAll([...files]);
  } catch {
    // Without the manifest, chunks are cached as they are first loaded.
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.add('/'))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'precache') event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (req.mode === 'navigate') {
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) {
            const copy = res.clone();
            void caches.open(CACHE).then((c) => c.put('/', copy));
          }
          return res;
        })
        .catch(() => caches.match('/').then((r) => r ?? Response.error())),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.match(req).then(
        (hit) =>
          hit ??
          fetch(req).then((res) => {
            if (res.ok) {
              const copy = res.clone();
              void caches.open(CACHE).then((c) => c.put(req, copy));
            }
            return res;
          }),
      ),
    );
  }
});

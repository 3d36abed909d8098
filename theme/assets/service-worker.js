// The service worker of one language's pages. Each language's sw.js, written by the build, sets
// self.outreachOffline and then loads this file:
//   cache        this build's cache, named with a hash of the files it keeps
//   cachePrefix  the start of every build's cache name for this language
//   offline      the offline page, shown for a page not saved on this phone
//   precache     what to keep on install: the home page, the help page, every quiz set, the
//                offline page, the manifest and the theme's assets, in this language only
// Pages are fetched from the network first and kept as they are read, so the reader always gets
// the newest page when there is a connection; without one, the kept copy, else the offline page.
// Files (styles, scripts, images) come from the cache first. Nothing is ever requested from another
// site: requests to other origins are left alone (and the pages' Content-Security-Policy blocks them).
"use strict";

const settings = self.outreachOffline;

// On a connection so slow it seems to hang, a page already kept is shown after this long; the
// network's answer still replaces the kept copy when it arrives.
const slowNetworkMilliseconds = 5000;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(settings.cache);
    // "reload": past the browser's HTTP cache, so the kept copies are this build's.
    await cache.addAll(settings.precache.map((url) => new Request(url, { cache: "reload" })));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith(settings.cachePrefix) && name !== settings.cache)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(page(event));
  } else {
    event.respondWith(file(event));
  }
});

/** Whether a response can be kept: a whole answer from this site, not a redirect. */
function keepable(response) {
  return response.ok && response.type === "basic" && !response.redirected && response.status === 200;
}

/** A page: the network first, kept as read; without a network, the kept copy or the offline page. */
async function page(event) {
  const cache = await caches.open(settings.cache);
  const fromNetwork = fetch(event.request).then((response) => {
    if (keepable(response)) event.waitUntil(cache.put(event.request, response.clone()));
    return response;
  });
  const kept = await cache.match(event.request, { ignoreSearch: true });
  try {
    if (!kept) return await fromNetwork;
    let timer;
    const slow = new Promise((resolve) => { timer = setTimeout(() => resolve(kept), slowNetworkMilliseconds); });
    event.waitUntil(fromNetwork.catch(() => undefined));
    const response = await Promise.race([fromNetwork, slow]);
    clearTimeout(timer);
    return response;
  } catch {
    return kept || (await cache.match(settings.offline)) || Response.error();
  }
}

/** A file: the kept copy first; else the network, kept for next time. */
async function file(event) {
  const cache = await caches.open(settings.cache);
  const kept = await cache.match(event.request);
  if (kept) return kept;
  const response = await fetch(event.request);
  if (keepable(response)) event.waitUntil(cache.put(event.request, response.clone()));
  return response;
}

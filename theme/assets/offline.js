// Registers the reader's language's service worker (sw.js, service-worker.js), from that language's
// pages only: the language chooser and 404.html register none. Kept short: quiz pages count its bytes.
const script = document.querySelector("script[data-worker][data-scope]");
if (script && "serviceWorker" in navigator) {
  const scope = new URL(script.dataset.scope, location.href).pathname;
  if (location.pathname.startsWith(scope)) {
    navigator.serviceWorker.register(script.dataset.worker, { scope }).catch(() => {});
  }
}

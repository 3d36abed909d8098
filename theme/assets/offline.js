// Registers the service worker of the reader's language (assets/service-worker.js, set up by the
// language's sw.js), so that after one visit the home page, the help page, the hotlines and the
// quiz work without a connection. Only pages inside a language's folder register it: the language
// chooser and 404.html belong to no language, and a reader should not download one they do not read.
// A module has no document.currentScript: the element is found by its data-worker attribute.
const script = document.querySelector("script[data-worker][data-scope]");
if (script && "serviceWorker" in navigator && script.dataset.worker && script.dataset.scope) {
  const scope = new URL(script.dataset.scope, location.href);
  const worker = new URL(script.dataset.worker, location.href);
  if (scope.origin === location.origin && location.pathname.startsWith(scope.pathname)) {
    navigator.serviceWorker.register(worker.pathname, { scope: scope.pathname }).catch(() => {
      // Without a worker the site works as before, online only.
    });
  }
}

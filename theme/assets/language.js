// Every page loads this (quiz pages count its bytes). Its language's service worker (sw.js), from
// that language's pages only: the language chooser and 404.html are outside every scope.
const script = document.querySelector("script[data-worker][data-scope]");
if (script && "serviceWorker" in navigator) {
  const scope = new URL(script.dataset.scope, location.href).pathname;
  if (location.pathname.startsWith(scope)) navigator.serviceWorker.register(script.dataset.worker, { scope }).catch(() => {});
}

// The language picked, for chooser.js.
for (const link of document.querySelectorAll("[data-language-choice]")) {
  link.addEventListener("click", () => {
    try { localStorage.setItem("outreach.language", link.dataset.languageChoice); } catch { /* storage disabled */ }
  });
}

// The header's search box (form-action 'none'): the query after "#" stays on the phone.
for (const box of document.querySelectorAll("[data-search-box]")) {
  box.hidden = false;
  box.onsubmit = (event) => {
    event.preventDefault();
    const q = box.q.value.trim();
    location.assign(box.action.split("#")[0] + (q ? "#q=" + encodeURIComponent(q) : ""));
  };
}

// Share sheet and copy link; LINE and Facebook are plain links, asked nothing until tapped.
for (const box of document.querySelectorAll(".share")) {
  const url = box.querySelector("input").value, [native, copy] = box.querySelectorAll("button");
  if (navigator.share) {
    native.hidden = false;
    native.onclick = () => navigator.share({ title: document.title, url }).catch(() => {});
  }
  if (navigator.clipboard) {
    copy.hidden = false;
    copy.onclick = () => navigator.clipboard.writeText(url).then(() => { box.querySelector("[role=status]").textContent = copy.dataset.done; }, () => {});
  }
}

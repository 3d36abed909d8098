// Remembers the language a reader picks, and on the language chooser (the site's front page)
// goes straight to the reader's language: the one picked before, else the browser's first match.
// Without JavaScript the chooser is an ordinary list of links.
const storageKey = "outreach.language";

function remember(code) {
  try { localStorage.setItem(storageKey, code); } catch { /* storage may be disabled */ }
}

function remembered() {
  try { return localStorage.getItem(storageKey); } catch { return null; }
}

/** The first of `preferred` (BCP 47 tags, most wanted first) that matches one of `available`. */
export function pickLanguage(preferred, available) {
  const lower = available.map((code) => code.toLowerCase());
  for (const tag of preferred) {
    const wanted = tag.toLowerCase();
    const exact = lower.indexOf(wanted);
    if (exact >= 0) return available[exact];
    const primary = wanted.split("-")[0];
    const aliases = { tl: "fil", in: "id", zh: "zh-tw" };
    const candidates = [primary, aliases[primary]].filter(Boolean);
    const partial = lower.findIndex((code) => candidates.includes(code) || candidates.includes(code.split("-")[0]));
    if (partial >= 0) return available[partial];
  }
  return null;
}

if (typeof document !== "undefined") {
  for (const link of document.querySelectorAll("[data-language-choice]")) {
    link.addEventListener("click", () => remember(link.dataset.languageChoice));
  }
  if (document.body && document.body.hasAttribute("data-language-chooser")) {
    const links = [...document.querySelectorAll("[data-language-choice]")];
    const codes = links.map((link) => link.dataset.languageChoice);
    const saved = remembered();
    const choice = codes.includes(saved) ? saved : pickLanguage(navigator.languages || [navigator.language], codes);
    const target = links[codes.indexOf(choice)];
    if (target) location.replace(target.href);
  }
}

// The header's search box (forms cannot submit: form-action 'none'); the query after "#" stays here.
for (const box of typeof document === "undefined" ? [] : document.querySelectorAll("[data-search-box]")) {
  box.hidden = false;
  box.onsubmit = (event) => {
    event.preventDefault();
    const q = box.q.value.trim();
    location.assign(box.action.split("#")[0] + (q ? "#q=" + encodeURIComponent(q) : ""));
  };
}

// Sharing: the links to LINE and Facebook work without JavaScript and ask nothing of those sites
// until tapped; here, the phone's share sheet where it has one, and "copy link", announced.
for (const box of typeof document === "undefined" ? [] : document.querySelectorAll("[data-share]")) {
  const url = box.dataset.share, native = box.querySelector("[data-share-native]"), copy = box.querySelector("[data-share-copy]");
  if (navigator.share) {
    native.hidden = false;
    native.onclick = () => navigator.share({ title: box.dataset.title, url }).catch(() => {});
  }
  if (navigator.clipboard) {
    copy.hidden = false;
    copy.onclick = () => navigator.clipboard.writeText(url).then(() => {
      box.querySelector("[role=status]").textContent = copy.dataset.done;
    }, () => {});
  }
}

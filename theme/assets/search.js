// The search page: a box over the index Pagefind builds from the finished site
// (`/pagefind/`, one index per language, chosen by the page's <html lang>).
// Nothing is fetched until the reader searches: Pagefind's script, its WebAssembly and the index
// are loaded on the first search. The query stays in the address's fragment (`#q=`), which
// browsers never send to the server, so no server log holds what a reader looked for.
// Without JavaScript the page says so and lists the sections instead.

import { searchTerms, holdsQuery, unspaced, unspacedPieces, isSpaced } from "./search-terms.js";

const form = document.querySelector("[data-search]");

/** The query in the address (`#q=passport`), or "". */
function queryInAddress() {
  const hash = location.hash.replace(/^#/, "");
  if (!hash.startsWith("q=")) return "";
  try { return decodeURIComponent(hash.slice(2).replace(/\+/g, " ")); } catch { return ""; }
}

/** Pagefind's excerpt as DOM nodes: its text, with only its <mark> elements kept. The excerpt is
 * parsed in an inert document and copied text by text, so nothing in the content can run. */
function excerptNodes(html, language) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body;
  let pieces = [];
  for (const child of parsed.firstChild ? parsed.firstChild.childNodes : []) {
    for (const grapheme of Array.from(child.textContent)) pieces.push([grapheme, child.nodeName === "MARK"]);
  }
  if (isSpaced(language)) pieces = unspacedPieces(pieces);
  const nodes = [];
  for (const [grapheme, marked] of pieces) {
    const last = nodes[nodes.length - 1];
    if (last && (last.nodeName === "MARK") === marked) {
      last.textContent += grapheme;
    } else if (marked) {
      const mark = document.createElement("mark");
      mark.textContent = grapheme;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(grapheme));
    }
  }
  return nodes;
}

if (form) {
  const input = form.querySelector("input[type=search]");
  const status = document.querySelector("[data-search-status]");
  const list = document.querySelector("[data-search-results]");
  const fallback = document.querySelector("[data-search-fallback]");
  const fallbackText = document.querySelector("[data-search-fallback-text]");
  const text = form.dataset;
  const language = document.documentElement.lang;
  let pagefind = null;
  let latest = 0;

  async function engine() {
    if (!pagefind) {
      const module = await import(`${text.bundle}pagefind.js`);
      await module.options({ baseUrl: text.baseUrl, excerptLength: 24 });
      await module.init();
      pagefind = module;
    }
    return pagefind;
  }

  async function search(query) {
    const run = ++latest;
    list.replaceChildren();
    list.hidden = true;
    if (!query.trim()) { status.textContent = ""; return; }
    status.textContent = text.textSearching;
    try {
      const found = await (await engine()).search(searchTerms(query, language));
      const pages = (await Promise.all(found.results.map((result) => result.data())))
        .filter((page) => holdsQuery(page.content || "", query, language));
      if (run !== latest) return;
      for (const page of pages) {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = page.url;
        const title = page.meta && page.meta.title ? page.meta.title : page.url;
        link.textContent = isSpaced(language) ? unspaced(title) : title;
        const excerpt = document.createElement("p");
        excerpt.append(...excerptNodes(page.excerpt || "", language));
        item.append(link, excerpt);
        list.append(item);
      }
      list.hidden = pages.length === 0;
      status.textContent = pages.length === 0 ? text.textNone
        : pages.length === 1 ? text.textOne : text.textMany.replace("{count}", String(pages.length));
      form.dataset.searchDone = String(run);
    } catch (error) {
      if (run !== latest) return;
      status.textContent = "";
      fallbackText.textContent = text.textFailed;
      fallback.hidden = false;
      form.dataset.searchFailed = "true";
    }
  }

  form.hidden = false;
  fallback.hidden = true;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    history.replaceState(null, "", input.value.trim() ? `#q=${encodeURIComponent(input.value.trim())}` : location.pathname);
    search(input.value);
  });
  const initial = queryInAddress();
  if (initial) {
    input.value = initial;
    search(initial);
  }
  window.addEventListener("hashchange", () => {
    const query = queryInAddress();
    if (query && query !== input.value) { input.value = query; search(query); }
  });
}

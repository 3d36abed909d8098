// The language chooser (the site's front page, and only it loads this): goes straight to the
// reader's language, the one picked before (language.js remembers it), else the browser's first
// match. Without JavaScript the chooser is an ordinary list of links.

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

function remembered() {
  try { return localStorage.getItem("outreach.language"); } catch { return null; }
}

if (typeof document !== "undefined" && document.body && document.body.hasAttribute("data-language-chooser")) {
  const links = [...document.querySelectorAll("[data-language-choice]")];
  const codes = links.map((link) => link.dataset.languageChoice);
  const saved = remembered();
  const choice = codes.includes(saved) ? saved : pickLanguage(navigator.languages || [navigator.language], codes);
  const target = links[codes.indexOf(choice)];
  if (target) location.replace(target.href);
}

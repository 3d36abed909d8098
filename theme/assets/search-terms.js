// Chinese, Japanese and Thai on the search page. Pagefind cuts these scripts into words one way
// when indexing and another way (the browser's Intl.Segmenter) when searching, so a word is often
// looked for in a cut the index does not have. The build therefore indexes their pages with every
// character a word of its own (SpacedText in the engine); here a query is looked up the same way,
// only the pages where the reader's words appear whole are kept, and excerpts are put back
// together. Kept apart from the page so that Node can test it.

/** Marks a space of the original between two such characters in the indexed text. */
export const ORIGINAL_SPACE = "\u3000";
const ZERO_WIDTH_SPACE = "\u200b";

const UNSPACED = /^[\u0E01-\u0E5B\u3041-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{3134F}]/u;

/** Whether pages in `language` (a BCP 47 tag) are indexed character by character. */
export function isSpaced(language) {
  return ["zh", "ja", "th"].includes(String(language || "").split("-")[0].toLowerCase());
}

function graphemes(text) {
  if (typeof Intl !== "undefined" && Intl.Segmenter) {
    return [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)].map((s) => s.segment);
  }
  return Array.from(text);
}

function isUnspaced(grapheme) {
  return UNSPACED.test(grapheme);
}

/** `text` as the index holds it: a space between neighbouring characters of those scripts. */
export function spaced(text) {
  const parts = graphemes(text);
  let result = "";
  for (let i = 0; i < parts.length; i++) {
    result += parts[i];
    if (isUnspaced(parts[i]) && i + 1 < parts.length && isUnspaced(parts[i + 1])) result += " ";
  }
  return result;
}

/** Indexed text (a list of [grapheme, marked] pairs) as it was written: the spaces added between
 * two characters removed, the original's spaces put back, and the zero-width spaces Pagefind's
 * Thai segmenter puts between the words it finds dropped. Marks follow their characters. */
export function unspacedPieces(allPieces) {
  const pieces = allPieces.filter(([grapheme]) => grapheme !== ZERO_WIDTH_SPACE);
  const result = [];
  for (let i = 0; i < pieces.length; i++) {
    const [grapheme, marked] = pieces[i];
    if (grapheme === " " && result.length && i + 1 < pieces.length
        && isUnspaced(result[result.length - 1][0]) && isUnspaced(pieces[i + 1][0])) {
      continue;
    }
    result.push([grapheme === ORIGINAL_SPACE ? " " : grapheme, marked]);
  }
  return result;
}

/** Indexed text as it was written. */
export function unspaced(text) {
  return unspacedPieces(graphemes(text).map((g) => [g, false])).map(([g]) => g).join("");
}

/** The query as Pagefind should get it for a page in `language`. */
export function searchTerms(query, language) {
  return isSpaced(language) ? spaced(query.trim()) : query.trim();
}

/** Whether a result's indexed text holds every word of the query whole (for those languages, where
 * the index matched characters only); always true in other languages. */
export function holdsQuery(content, query, language) {
  if (!isSpaced(language)) return true;
  const text = unspaced(content).toLocaleLowerCase();
  return query.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean).every((word) => text.includes(word));
}

// What is sent to Pagefind for a reader's query. Kept apart from the page so Node can test it.

/** The query as Pagefind should see it in `language` (the page's <html lang>). */
export function searchTerms(query, language) {
  return query.trim();
}

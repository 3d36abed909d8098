import Foundation

/// Builds the search index over the finished site, in the staging folder, before it replaces the
/// published one: search never points at a half-built site, and a failed index fails the build.
///
/// The engine starts no programs itself: the command line passes an indexer that runs Pagefind,
/// or none, and the build then says that search was skipped (`BuildNote.searchSkipped`).
public protocol SearchIndexer: Sendable {
    /// Indexes the complete site in `folder`, writing the index into it; returns the problems
    /// (empty when indexing succeeded).
    func index(siteFolder folder: URL) -> [String]
}

/// Something a successful build tells the person who ran it, which is neither an error nor a
/// warning about the content (so `--strict` does not stop on it).
public enum BuildNote: Hashable, Sendable, CustomStringConvertible {
    /// The site has a search page, but no indexer was given: every other page was built.
    case searchSkipped
    /// No image renderer was given: the e-poster images and preview cards were not made.
    case imagesSkipped

    /// The note as the command line prints it.
    public var description: String {
        switch self {
        case .searchSkipped:
            "note: search was skipped: Pagefind was not found, so the search pages have no index. "
                + "Install it with: python3 -m pip install 'pagefind[extended]' (make site does this)"
        case .imagesSkipped:
            "note: e-poster images and preview card images were skipped: Chromium was not found, so posters have "
                + "no PNG images and link previews show the site's icon. Install it with: sudo apt-get install chromium "
                + "(make site does this)"
        }
    }
}

import CampaignModel

/// A site built once and then kept up to date edit by edit, for `serve`.
///
/// When only the Markdown below a page's front matter changed, only that page is rendered again, in
/// every language (untranslated languages show it too), and, when it is an original, its row of the
/// translation report, which shows the original's hash; each file is replaced in place. Any other change (front matter, a
/// file added or deleted, data files, the theme) rebuilds the whole site, because titles, order and
/// data appear on other pages. Either way the output is what a full build of the same files writes.
public struct LiveSite: Sendable {
    public let options: BuildOptions
    /// The model of the published output; nil until a full build succeeds.
    private var prepared: SiteBuilder.Prepared?
    /// Where each Markdown file's page is in the model: content-relative path to group and language.
    private var pageIndex: [String: (group: Int, language: LanguageCode)] = [:]
    /// Content files whose last edit failed; they are read again with the next change.
    private var pending: Set<String> = []
    /// The translation report's rows as last rendered, and each page group's row among them, so an
    /// edit renders one row again instead of the whole report. Taken from each full build.
    private var reportRows: [String] = []
    private var reportRowOfGroup: [Int: Int] = [:]
    /// Pages per language, from the last full build (an edit of a page's text does not change it).
    private var summary: [LanguageSummary] = []

    /// A site that is built in full by the first `update`.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// What one update did.
    public struct Update: Sendable {
        /// The build's report; `filesWritten` counts only the files replaced by a page update.
        public var report: BuildReport
        /// Whether only the edited pages were rendered (false: the whole site was built).
        public var isIncremental: Bool
    }

    /// Brings the output up to date after `changedPaths` (as the watcher names them: the content or
    /// theme folder joined with a relative path) changed. Nil paths, or anything but the text of
    /// known pages, build the whole site.
    public mutating func update(changedPaths: Set<String>? = nil) async -> Update {
        if prepared != nil, let changedPaths, let relativePaths = contentPages(in: changedPaths) {
            if let update = await updatePages(relativePaths.union(pending)) { return update }
        }
        let (report, prepared) = await SiteBuilder(options: options).buildKeepingModel()
        self.prepared = prepared
        summary = report.languages
        pending = []
        pageIndex = [:]
        reportRows = prepared?.reportRows.map(\.html) ?? []
        reportRowOfGroup = [:]
        for (position, row) in (prepared?.reportRows ?? []).enumerated() { reportRowOfGroup[row.group] = position }
        if let prepared {
            for (index, group) in prepared.renderer.model.groups.enumerated() {
                for source in [group.original] + group.translations.values where source.file.relativePath.hasSuffix(".md") {
                    pageIndex[source.file.relativePath] = (index, source.language)
                }
            }
        }
        return Update(report: report, isIncremental: false)
    }

    /// The content-relative paths when every changed path is a Markdown page of the current model.
    private func contentPages(in changedPaths: Set<String>) -> Set<String>? {
        let prefix = options.contentFolder.hasSuffix("/") ? options.contentFolder : options.contentFolder + "/"
        var relativePaths: Set<String> = []
        for path in changedPaths {
            guard path.hasPrefix(prefix) else { return nil }
            let relative = String(path.dropFirst(prefix.count))
            guard pageIndex[relative] != nil else { return nil }
            relativePaths.insert(relative)
        }
        return relativePaths
    }

    /// Renders the pages whose body alone changed; nil when a change needs a full build.
    ///
    /// The model is changed in place (a copy of tens of thousands of pages would cost more than
    /// the rendering), and changed back if the edit has errors.
    private mutating func updatePages(_ relativePaths: Set<String>) async -> Update? {
        guard var prepared = self.prepared.take() else { return nil }
        defer { self.prepared = prepared }
        var times = PhaseTimes()
        let reader = FolderReader(root: options.contentFolder) { _ in true }
        var diagnostics: [Diagnostic] = []
        var undo: [(index: Int, source: PageSource)] = []
        func restore() {
            for (index, source) in undo.reversed() { prepared.renderer.replaceSource(source, ofGroup: index) }
        }
        var editedOriginals: Set<Int> = []
        for relative in relativePaths.sorted() {
            guard let (index, language) = pageIndex[relative] else { restore(); return nil }
            // A department's sections are also its activities in campaign reports: a full build
            // brings those up to date.
            if case .department(let fields) = prepared.renderer.model.groups[index].original.frontMatter.data,
               fields.reportLocation != nil {
                restore()
                return nil
            }
            let old = prepared.renderer.model.groups[index].source(for: language)
            // A file that cannot be read (deleted, not UTF-8) is left to the full build to report.
            // Same front matter, byte for byte, or else other pages may show what changed.
            guard case .success(let file) = reader.readText(relative),
                  case .success(let new) = FrontMatter.split(file.text), case .success(let before) = FrontMatter.split(old.file.text),
                  new.yaml == before.yaml, new.bodyLineOffset == before.bodyLineOffset else { restore(); return nil }
            var source = old
            source.file = file
            source.body = new.body
            undo.append((index, old))
            prepared.renderer.replaceSource(source, ofGroup: index)
            // The report's row shows the original's hash and, block by block, how much of each
            // translation lines up with it: an edit of either changes the row.
            editedOriginals.insert(index)
        }
        times.lap("read and parse edited pages")

        let renderer = prepared.renderer
        // A page kept for use offline is hashed into its language's service worker: build it all.
        let offline = Set(renderer.model.offlinePages)
        guard undo.allSatisfy({ !offline.contains($0.index) }) else { restore(); return nil }
        let weigher = PageWeigher(theme: prepared.theme, config: renderer.config)
        var files: [OutputFile] = []
        for index in Set(undo.map(\.index)).sorted() {
            for language in renderer.model.languageCodes {
                let page = renderer.render(index, in: language)
                files += page.files
                diagnostics += page.diagnostics
                for file in page.files {
                    guard case .text(let html) = file.contents,
                          let warning = weigher.check(html, at: file.path, compressedSize: Gzip.compress(html.utf8).count,
                                                      source: renderer.model.groups[index].source(for: language)) else { continue }
                    diagnostics.append(warning)
                }
            }
        }
        times.lap("render edited pages")
        // The report shows the original's hash and, from it, which translations are outdated;
        // a translation's own text appears nowhere in it.
        var rows = reportRows
        let report = TranslationReportRenderer(context: renderer.context)
        if !editedOriginals.isEmpty {
            for index in editedOriginals.sorted() {
                guard let position = reportRowOfGroup[index], position < rows.count,
                      let row = TranslationReport.row(for: renderer.model.groups[index], languages: renderer.model.languageCodes,
                                                                   ledgers: renderer.model.translationLedgers) else { continue }
                rows[position] = report.renderRow(row, diagnostics: &diagnostics)
            }
            let (file, problems) = report.render(rows: rows)
            files.append(file)
            diagnostics += problems
            times.lap("render translation report")
        }

        let sorted = Array(Set(diagnostics)).sortedByLocation()
        guard !sorted.containsErrors, !(options.strict && !sorted.isEmpty) else {
            restore()
            pending.formUnion(relativePaths)
            return Update(report: BuildReport(diagnostics: sorted, languages: [], filesWritten: 0, succeeded: false, times: times),
                          isIncremental: true)
        }
        let writer = SiteWriter(outputFolder: options.outputFolder)
        do {
            for file in files { try writer.replace(file) }
        } catch {
            return nil  // The output may now mix old and new pages: build it again in full.
        }
        times.lap("replace files")
        if !editedOriginals.isEmpty { reportRows = rows }
        pending = []
        return Update(report: BuildReport(diagnostics: sorted, languages: summary, filesWritten: files.count, succeeded: true,
                                          times: times),
                      isIncremental: true)
    }
}

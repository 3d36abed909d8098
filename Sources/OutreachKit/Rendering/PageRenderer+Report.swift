import CampaignModel
import CampaignReport

extension PageRenderer {
    /// The coordination report of `campaign` in `language`, over the campaign's period or the one
    /// given, built by `CampaignReport` from this campaign's part of the model only (so a report
    /// costs the same however large the rest of the site is).
    func report(of campaign: Campaign, in language: LanguageCode, from: CalendarDay? = nil,
                to: CalendarDay? = nil) throws(CoordinationReportBuilder.Failure) -> CoordinationReport {
        let data = model.campaignData
        let events = data.events(ofCampaign: campaign.id)
        var departmentIDs = campaign.departments
        for event in events where !departmentIDs.contains(event.department) { departmentIDs.append(event.department) }
        let builder = CoordinationReportBuilder(
            campaigns: [campaign], departments: departmentIDs.compactMap(data.department), events: events,
            figures: departmentIDs.flatMap(data.figures(ofDepartment:)),
            activities: departmentIDs.flatMap(data.activities(ofDepartment:)),
            quizzes: campaign.quizzes.compactMap { model.quizzes[$0] },
            quizStatistics: campaign.quizzes.flatMap(data.quizStatistics(ofQuiz:)))
        return try builder.build(campaign: campaign.id, from: from, to: to, language: language,
                                 fallback: config.defaultLanguage)
    }

    /// The report page's view: each department's sections rendered from their Markdown, with
    /// links resolved from the department's page, and every number and date as the reader reads them.
    func reportView(_ report: CoordinationReport, page group: PageGroup, in language: LanguageCode,
                    diagnostics: inout [Diagnostic]) -> ReportView {
        let data = context.data(for: language)
        let strings = data.strings
        func lang(_ text: CoordinationReport.Text) -> String? {
            text.language == language ? nil : text.language.rawValue
        }
        func url(_ reference: PageReference) -> String? {
            model.group(reference).map { $0.path(in: language).url(in: config) }
        }
        func partName(_ section: ReportSection) -> String {
            switch section {
            case .pillar(let pillar): strings["pillar_" + pillar.rawValue] ?? pillar.rawValue
            case .otherMeasures: strings["report_other_measures"] ?? section.name
            }
        }
        func figure(_ row: CoordinationReport.FigureRow) -> FigureView {
            FigureView(value: Self.formatted(row.value) + row.unit, label: row.label.value, lang: lang(row.label),
                       period: data.dates.format(row.period.lowerBound) + " – " + data.dates.format(row.period.upperBound))
        }
        func percentage(_ value: Double?) -> String { value.map { Self.formatted($0) + "%" } ?? "" }

        let parts = report.parts.enumerated().map { number, part in
            ReportView.Part(
                anchor: "report-" + part.section.name, number: String(number + 1), name: partName(part.section),
                departments: part.departments.map { department in
                    let page = model.group(.department(department.department))
                    let source = page?.source(for: language)
                    return ReportView.DepartmentPart(
                        anchor: "report-" + part.section.name + "-" + department.department,
                        name: department.name.value, nameLang: lang(department.name),
                        url: url(.department(department.department)),
                        activities: department.activities.map { activity in
                            let html = CommonMark.render(activity.text.value, options: .init(
                                allowsUnsafeHTML: config.allowsUnsafeHTML,
                                headingIDPrefix: "report-\(part.section.name)-\(department.department)-",
                                headingLevelShift: 2)) { link in
                                guard let source else { return nil }
                                return links.resolve(link, on: source, in: language, diagnostics: &diagnostics)
                            }.html
                            return ReportView.Activity(title: activity.title.value, lang: lang(activity.title), html: html)
                        },
                        events: department.events.map { event in
                            ReportView.EventRow(
                                isoDate: event.start.day.description,
                                date: data.dates.format(event.start.day)
                                    + (event.end.map { $0.day == event.start.day ? "" : " – " + data.dates.format($0.day) } ?? ""),
                                title: event.title.value, titleLang: lang(event.title), url: url(.event(event.id)),
                                place: event.place?.value ?? "", placeLang: event.place.flatMap(lang),
                                audience: event.audience?.value ?? "", audienceLang: event.audience.flatMap(lang),
                                participants: event.participants.map(EventViews.groupedDigits) ?? "")
                        },
                        figures: department.figures.map(figure))
                })
        }
        let figures = report.parts.flatMap { part in
            part.departments.flatMap { department in
                department.figures.map { row in
                    ReportView.FigureRow(part: partName(part.section), department: department.name.value,
                                         departmentLang: lang(department.name), figure: figure(row))
                }
            }
        }
        let quizzes = report.quizzes.map { quiz in
            ReportView.QuizRow(
                title: quiz.title.value, lang: lang(quiz.title), url: url(.quizSet(quiz.quiz, set: 1)),
                period: data.dates.format(quiz.period.lowerBound) + " – " + data.dates.format(quiz.period.upperBound),
                answers: EventViews.groupedDigits(quiz.answers), correct: EventViews.groupedDigits(quiz.correct),
                percentage: percentage(quiz.correctPercentage),
                questions: quiz.questions.map { question in
                    ReportView.QuestionRow(text: question.text.value, lang: lang(question.text),
                                           answers: EventViews.groupedDigits(question.answers),
                                           correct: EventViews.groupedDigits(question.correct),
                                           percentage: percentage(question.correctPercentage))
                })
        }
        return ReportView(
            from: report.period.lowerBound.description, fromText: data.dates.format(report.period.lowerBound),
            to: report.period.upperBound.description, toText: data.dates.format(report.period.upperBound),
            parts: parts, figures: figures, quizzes: quizzes, runningHeaderURL: Self.runningHeaderFile,
            pdf: printsPDFs ? Self.pdfName(of: group, in: language) : nil)
    }

    /// The report page of group `index` showing `report` (a period other than the campaign's, for
    /// `outreach report --format html`).
    func renderReportPage(_ index: Int, report: CoordinationReport, in language: LanguageCode,
                          diagnostics: inout [Diagnostic]) -> String {
        var (template, page, _) = view(of: index, in: language, diagnostics: &diagnostics)
        let group = model.groups[index]
        page.special = .report(reportView(report, page: group, in: language, diagnostics: &diagnostics),
                               rootPath: PrintViews.rootPath(of: group.path(in: language)), report: report)
        return context.theme.render(template, page, shared: context.data(for: language).view, recorder: TemplateRecorder(),
                                    diagnostics: &diagnostics)
    }

    /// The stylesheet next to a report page that names the report at the top of every printed page.
    static let runningHeaderFile = "running-header.css"

    /// Prints `title` in the top margin box of the report's printed pages (CSS Paged Media; a page
    /// number is at the bottom, from `report.css`). CSS has no way to take the text from the page.
    static func runningHeader(title: String) -> String {
        var escaped = ""
        for character in title.unicodeScalars {
            switch character {
            case "\\", "\"": escaped += "\\" + String(character)
            case "\n", "\r", "\u{0C}": escaped += "\\A "
            default: escaped.unicodeScalars.append(character)
            }
        }
        return "@page { @top-center { content: \"\(escaped)\"; } }\n"
    }
}

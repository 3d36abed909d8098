import Foundation
import CampaignModel

/// Builds the campaign model (departments, campaigns, events) from the pages that describe them,
/// and checks every reference between them.
struct CampaignDataBuilder {
    var config: SiteConfig
    var diagnostics: [Diagnostic] = []

    mutating func build(drafts groups: [SiteModelBuilder.Draft], quizzes: Set<String>, assets: Set<String> = []) -> CampaignData {
        var result = CampaignData()
        for group in groups {
            guard case .department(let fields) = group.original.frontMatter.data else { continue }
            result.departments.append(Department(id: group.id, name: titles(of: group), kind: fields.kind ?? .other))
            result.activities += activities(of: group, fields: fields)
        }
        let departmentIDs = Set(result.departments.map(\.id))
        let languageCodes = Set(config.languages.map(\.code))

        for group in groups {
            guard case .campaign(let fields) = group.original.frontMatter.data else { continue }
            for reference in fields.departments where !departmentIDs.contains(reference.id) {
                diagnostics.append(.error(.unknownReference(kind: "department", id: reference.id), at: reference.location))
            }
            for reference in fields.quizzes where !quizzes.contains(reference.id) {
                diagnostics.append(.error(.unknownReference(kind: "quiz", id: reference.id), at: reference.location))
            }
            var languages: [LanguageCode] = []
            for reference in fields.languages {
                if let code = LanguageCode(reference.id), languageCodes.contains(code) { languages.append(code) } else {
                    diagnostics.append(.error(.unknownLanguage(reference.id), at: reference.location))
                }
            }
            var period: ClosedRange<CalendarDay>?
            if let start = fields.start {
                let end = fields.end ?? start
                if end < start {
                    diagnostics.append(.error(.endBeforeStart(start: start.description, end: end.description),
                                              at: fields.endLocation ?? group.original.file.location()))
                } else {
                    period = start...end
                }
            }
            result.campaigns.append(Campaign(
                id: group.id, title: titles(of: group), summary: descriptions(of: group),
                pillars: fields.pillars, departments: fields.departments.map(\.id), period: period,
                audience: localized(group) { page in
                    if case .campaign(let fields) = page.frontMatter.data { fields.audience } else { nil }
                },
                languages: languages, quizzes: fields.quizzes.map(\.id)))
        }
        let campaignIDs = Set(result.campaigns.map(\.id))

        for group in groups {
            switch group.original.frontMatter.data {
            case .pillar(let pillar?):
                result.pillarPages[pillar] = group.key
            case .event(let fields):
                if let event = event(from: group, fields: fields, departments: departmentIDs, campaigns: campaignIDs) {
                    result.events.append(event)
                }
            default:
                break
            }
        }
        result.events.sort { ($0.start, $0.id) < ($1.start, $1.id) }

        let pageKeys = Set(groups.map(\.key))
        let defaultTarget = quizzes.min().map { PageReference.quizSet($0, set: 1).key } ?? "_index"
        for group in groups {
            switch group.original.frontMatter.data {
            case .poster(let fields):
                // Every reference is checked before giving up on a poster with a missing field.
                if let image = fields.image {
                    if let path = LinkResolver.normalize(image.id, from: group.original.folder), !image.id.hasPrefix("/") {
                        if !assets.contains(path) { diagnostics.append(.error(.missingImage(image.id), at: image.location)) }
                    } else {
                        diagnostics.append(.error(.pathOutsideContent(image.id), at: image.location))
                    }
                }
                let target = qrTarget(fields, campaigns: campaignIDs, pageKeys: pageKeys, fallback: defaultTarget)
                guard let paper = fields.paper, let message = fields.message else { continue }
                var messages = localized(group) { page in if case .poster(let fields) = page.frontMatter.data { fields.message } else { nil } }
                messages[group.original.language] = message
                result.posters.append(Poster(
                    id: group.id, title: titles(of: group), message: messages, paper: paper,
                    hotlines: group.original.frontMatter.hotlines.map(\.id),
                    image: fields.image.flatMap { LinkResolver.normalize($0.id, from: group.original.folder) },
                    qrTarget: target, campaign: fields.campaign?.id))
            case .pamphlet(let fields):
                let target = qrTarget(fields, campaigns: campaignIDs, pageKeys: pageKeys, fallback: defaultTarget)
                guard let format = fields.format else { continue }
                result.pamphlets.append(Pamphlet(
                    id: group.id, title: titles(of: group), format: format,
                    hotlines: group.original.frontMatter.hotlines.map(\.id), qrTarget: target, campaign: fields.campaign?.id))
            default:
                break
            }
        }
        return result
    }

    /// The sections of a department's page that its front matter's `report` places in a report
    /// part, in every language the page is written in. A page whose `##` sections do not match
    /// the list in number is an error, at the list for the original and at the file for a translation.
    private mutating func activities(of group: SiteModelBuilder.Draft, fields: DepartmentFields) -> [Activity] {
        guard let location = fields.reportLocation else { return [] }
        let pages = [group.original] + group.translations.values.sorted { $0.language < $1.language }
        var titles = Array(repeating: Localized<String>(), count: fields.report.count)
        var texts = titles
        for page in pages {
            let sections = CommonMark.sections(of: page.body)
            guard sections.count == fields.report.count else {
                let at = page.language == group.original.language
                    ? location : page.file.location(line: page.bodyLineOffset + 1)
                diagnostics.append(.error(.reportSectionsMismatch(listed: fields.report.count, found: sections.count), at: at))
                continue
            }
            for (index, section) in sections.enumerated() {
                titles[index][page.language] = section.title
                texts[index][page.language] = section.body
            }
        }
        return fields.report.indices.compactMap { index in
            guard let section = fields.report[index], titles[index][group.original.language] != nil else { return nil }
            return Activity(department: group.id, pillar: section.pillar, title: titles[index], text: texts[index])
        }
    }

    /// The page a QR code opens: as written (`help`, `quiz/health-and-safety`, `help.md`), else the
    /// campaign's page, else the first quiz, else the home page. A target that is no page is an error.
    private mutating func qrTarget(_ fields: PrintFields, campaigns: Set<String>, pageKeys: Set<String>,
                                   fallback: String) -> String {
        if let campaign = fields.campaign, !campaigns.contains(campaign.id) {
            diagnostics.append(.error(.unknownReference(kind: "campaign", id: campaign.id), at: campaign.location))
        }
        guard let qr = fields.qr else {
            if let campaign = fields.campaign, pageKeys.contains(PageReference.campaign(campaign.id).key) {
                return PageReference.campaign(campaign.id).key
            }
            return fallback
        }
        var key = qr.id.hasSuffix(".md") ? String(qr.id.dropLast(3)) : qr.id
        key = key.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        for candidate in [key, key.isEmpty ? "_index" : key + "/_index"] where pageKeys.contains(candidate) {
            return candidate
        }
        diagnostics.append(.error(.unknownReference(kind: "page", id: qr.id), at: qr.location))
        return fallback
    }

    private mutating func event(from group: SiteModelBuilder.Draft, fields: EventFields, departments: Set<String>,
                                campaigns: Set<String>) -> Event? {
        if let department = fields.department, !departments.contains(department.id) {
            diagnostics.append(.error(.unknownReference(kind: "department", id: department.id), at: department.location))
        }
        if let campaign = fields.campaign, !campaigns.contains(campaign.id) {
            diagnostics.append(.error(.unknownReference(kind: "campaign", id: campaign.id), at: campaign.location))
        }
        guard let department = fields.department, let start = fields.start, let pillar = fields.pillar,
              let kind = fields.kind else { return nil }
        let place = localized(group) { page in if case .event(let fields) = page.frontMatter.data { fields.place } else { nil } }
        let audience = localized(group) { page in if case .event(let fields) = page.frontMatter.data { fields.audience } else { nil } }
        guard let event = Event(id: group.id, title: titles(of: group), campaign: fields.campaign?.id,
                                department: department.id, start: start, end: fields.end, place: place,
                                audience: audience, participants: fields.participants, pillar: pillar, kind: kind) else {
            diagnostics.append(.error(.endBeforeStart(start: start.description, end: fields.end?.description ?? ""),
                                      at: fields.endLocation ?? group.original.file.location()))
            return nil
        }
        return event
    }

    private func titles(of group: SiteModelBuilder.Draft) -> Localized<String> {
        localized(group) { $0.frontMatter.title }
    }

    private func descriptions(of group: SiteModelBuilder.Draft) -> Localized<String> {
        localized(group) { $0.frontMatter.description }
    }

    /// A value read from the original and each translation of a page.
    private func localized(_ group: SiteModelBuilder.Draft, _ value: (PageSource) -> String?) -> Localized<String> {
        var result = Localized<String>()
        for page in [group.original] + Array(group.translations.values) {
            if let text = value(page) { result[page.language] = text }
        }
        return result
    }
}

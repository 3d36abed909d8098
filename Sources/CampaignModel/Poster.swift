/// A poster to print and put up: a headline, a key message, hotlines and a QR code.
public struct Poster: Hashable, Sendable, Identifiable {
    /// Stable id, the file name of its page.
    public var id: String
    /// The headline, in each language.
    public var title: Localized<String>
    /// The one sentence a passer-by should remember, in each language.
    public var message: Localized<String>
    public var paper: Paper
    /// Ids of the hotlines printed on it.
    public var hotlines: [String]
    /// Path of an image in the content folder, if any.
    public var image: String?
    /// Key of the page the QR code opens (`help`, `quiz/health-and-safety`), in the reader's language.
    public var qrTarget: String
    /// Id of the campaign it belongs to.
    public var campaign: String?

    public init(id: String, title: Localized<String>, message: Localized<String>, paper: Paper, hotlines: [String],
                image: String? = nil, qrTarget: String, campaign: String? = nil) {
        self.id = id
        self.title = title
        self.message = message
        self.paper = paper
        self.hotlines = hotlines
        self.image = image
        self.qrTarget = qrTarget
        self.campaign = campaign
    }
}

/// A printed sheet: ISO size and orientation.
public struct Paper: Hashable, Sendable, CustomStringConvertible {
    public enum Size: String, Hashable, Sendable, CaseIterable {
        case a3 = "A3"
        case a4 = "A4"
        case a5 = "A5"

        /// Width and height in millimetres, portrait.
        public var millimetres: (width: Int, height: Int) {
            switch self {
            case .a3: (297, 420)
            case .a4: (210, 297)
            case .a5: (148, 210)
            }
        }
    }

    public enum Orientation: String, Hashable, Sendable, CaseIterable {
        case portrait
        case landscape
    }

    public var size: Size
    public var orientation: Orientation

    public init(size: Size, orientation: Orientation = .portrait) {
        self.size = size
        self.orientation = orientation
    }

    /// Width and height of the sheet as it is read, in millimetres.
    public var millimetres: (width: Int, height: Int) {
        let portrait = size.millimetres
        return orientation == .portrait ? portrait : (portrait.height, portrait.width)
    }

    /// `A4 portrait`.
    public var description: String { "\(size.rawValue) \(orientation.rawValue)" }

    /// A class-name-safe identifier: `a4-portrait`.
    public var identifier: String { "\(size.rawValue.lowercased())-\(orientation.rawValue)" }
}

/// A folded leaflet to hand out: several sections of text, the hotlines and a QR code.
public struct Pamphlet: Hashable, Sendable, Identifiable {
    public enum Format: String, Hashable, Sendable, CaseIterable {
        /// An A4 sheet printed on both sides (landscape) and folded in three: two pages of three panels.
        case trifold
        /// A5 pages, to be printed as a folded booklet.
        case booklet
    }

    public var id: String
    public var title: Localized<String>
    public var format: Format
    public var hotlines: [String]
    public var qrTarget: String
    public var campaign: String?

    public init(id: String, title: Localized<String>, format: Format, hotlines: [String], qrTarget: String,
                campaign: String? = nil) {
        self.id = id
        self.title = title
        self.format = format
        self.hotlines = hotlines
        self.qrTarget = qrTarget
        self.campaign = campaign
    }
}

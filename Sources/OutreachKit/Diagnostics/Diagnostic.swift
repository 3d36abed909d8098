/// A problem found in a site's content or theme, with where it is and why.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Hashable, Sendable {
        case error
        case warning
    }

    /// Error or warning.
    public var severity: Severity
    /// Where the problem is.
    public var location: SourceLocation
    /// What the problem is; tests compare this rather than the message text.
    public var reason: Reason

    /// Creates a diagnostic.
    public init(_ severity: Severity, at location: SourceLocation, _ reason: Reason) {
        self.severity = severity
        self.location = location
        self.reason = reason
    }

    /// An error at `location`.
    public static func error(_ reason: Reason, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, at: location, reason)
    }

    /// A warning at `location`.
    public static func warning(_ reason: Reason, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, at: location, reason)
    }

    /// `path:line:column: error: message`, the compiler format editors understand.
    public var description: String {
        "\(location): \(severity.rawValue): \(reason.message)"
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line and column, then message, so reports read top to bottom and are stable.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { ($0.location, $0.reason.message) < ($1.location, $1.reason.message) }
    }
}

extension Diagnostic: Error {}

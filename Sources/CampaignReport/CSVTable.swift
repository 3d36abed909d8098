import Foundation

/// A table written as RFC 4180 CSV (CRLF line breaks), safe to open in a spreadsheet program.
public struct CSVTable: Hashable, Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    /// The table as CSV text.
    public var text: String {
        ([header] + rows).map { $0.map(Self.quote).joined(separator: ",") + "\r\n" }.joined()
    }

    /// Quotes a field when it holds a comma, quote or line break; a leading `=`, `+`, `-` or `@`
    /// is prefixed with `'` so spreadsheet programs do not run it as a formula.
    public static func quote(_ field: String) -> String {
        var value = field
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A position in a source file: the path as the user gave it, and a 1-based line and column; or a
/// whole file or folder (line and column 0), for something missing, where a position means nothing.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The file's path, relative to the working directory or as given on the command line.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in Unicode scalars as libyaml and editors do.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
    }

    /// A whole file or folder, without a position.
    public init(wholeFile file: String) {
        self.file = file
        self.line = 0
        self.column = 0
    }

    /// `path:line:column`, the form editors and terminals turn into links; `path` for a whole file.
    public var description: String { line == 0 ? file : "\(file):\(line):\(column)" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// The same location moved down by `lines`, for text that starts below a front matter block.
    public func shifted(byLines lines: Int) -> SourceLocation {
        SourceLocation(file: file, line: line + lines, column: column)
    }
}

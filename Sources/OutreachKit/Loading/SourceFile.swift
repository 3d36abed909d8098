/// A text file read from the content or theme folder, with the names needed to report on it.
public struct SourceFile: Hashable, Sendable {
    /// Path inside its folder, with `/` separators: `pillars/prevention.md`.
    public var relativePath: String
    /// Path as shown in diagnostics: the folder as the user named it, then `relativePath`.
    public var displayPath: String
    /// The file's text, known to be valid UTF-8, with a byte-order mark removed.
    public var text: String

    /// Creates a source file.
    public init(relativePath: String, displayPath: String, text: String) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.text = text
    }

    /// A location in this file.
    public func location(line: Int = 1, column: Int = 1) -> SourceLocation {
        SourceLocation(file: displayPath, line: line, column: column)
    }
}

/// A file copied to the site as it is (an image, a stylesheet).
public struct AssetFile: Hashable, Sendable {
    /// Path inside its folder, with `/` separators; also its path in the built site.
    public var relativePath: String
    /// Where its bytes are.
    public var source: Source

    /// A file on disk, read only when the site is written, or bytes of the built-in theme.
    public enum Source: Hashable, Sendable {
        case disk(absolutePath: String)
        case memory([UInt8])
    }

    /// Creates a reference to a file on disk.
    public init(relativePath: String, absolutePath: String) {
        self.relativePath = relativePath
        self.source = .disk(absolutePath: absolutePath)
    }

    /// Creates an asset held in memory.
    public init(relativePath: String, bytes: [UInt8]) {
        self.relativePath = relativePath
        self.source = .memory(bytes)
    }
}

import Foundation
import CQRencode

/// A QR code symbol as a plain matrix of modules, rendered to inline SVG for pages and posters.
///
/// The one place Outreach talks to libqrencode. The symbol is copied out of the C struct and freed
/// before the initializer returns, so a `QRCode` is an ordinary value and no C pointer leaves this file.
/// libqrencode guards its shared Reed-Solomon tables with a mutex, so encoding from several tasks is safe.
struct QRCode: Hashable, Sendable {
    /// How much of a symbol may be damaged or covered and still scan; higher levels make larger symbols.
    enum ErrorCorrection: Hashable, Sendable, CaseIterable {
        /// About 7% of the symbol can be restored.
        case low
        /// About 15%: the usual choice for screens and clean print.
        case medium
        /// About 25%.
        case quartile
        /// About 30%: for posters that may be torn, folded or written on.
        case high
    }

    /// Why a text could not be encoded.
    enum Error: Swift.Error, Hashable, Sendable {
        /// The text is empty; a symbol that encodes nothing is of no use to anyone.
        case empty
        /// The text contains a NUL character, where libqrencode's C-string API would silently cut it short.
        case containsNUL
        /// The text's UTF-8 bytes do not fit in the largest symbol (version 40) at the chosen level.
        case tooLong(byteCount: Int)
        /// libqrencode failed for another reason, such as running out of memory; carries its `errno`.
        case encodingFailed(errno: Int32)
    }

    /// The symbol version, 1 to 40; the smallest that holds the text at the chosen level.
    let version: Int
    /// The number of modules along each side, without the quiet zone.
    let width: Int
    /// `width × width` modules, row by row from the top left; `true` is dark.
    let modules: [Bool]

    /// Encodes the UTF-8 bytes of `text`, case-sensitively, in the smallest version that fits.
    init(encoding text: String, correction: ErrorCorrection = .medium) throws(QRCode.Error) {
        // Both are checked here because libqrencode reports an empty string only as EINVAL and
        // would encode a string with a NUL as whatever comes before it.
        guard !text.isEmpty else { throw .empty }
        guard !text.utf8.contains(0) else { throw .containsNUL }

        // The 8-bit hint keeps non-ASCII text as UTF-8 bytes instead of trying Shift-JIS Kanji mode;
        // libqrencode may still switch to numeric or alphanumeric mode for runs where that is shorter.
        // errno is read inside the closure, before anything else can overwrite it.
        let (symbol, failure) = text.withCString { pointer in
            let symbol = QRcode_encodeString(pointer, 0, correction.level, QR_MODE_8, 1)
            return (symbol, symbol == nil ? errno : 0)
        }
        guard let symbol else {
            throw failure == ERANGE ? .tooLong(byteCount: text.utf8.count) : .encodingFailed(errno: failure)
        }
        defer { QRcode_free(symbol) }

        let width = Int(symbol.pointee.width)
        // Bit 0 of each byte is the module's colour; the other bits only say which part of the
        // symbol the module belongs to, which no renderer here needs.
        let bytes = UnsafeBufferPointer(start: symbol.pointee.data, count: width * width)
        self.version = Int(symbol.pointee.version)
        self.width = width
        self.modules = bytes.map { $0 & 1 == 1 }
    }

    /// Whether the module at `row` and `column` (0-based, from the top left, quiet zone excluded) is dark.
    func isDark(row: Int, column: Int) -> Bool {
        precondition((0..<width).contains(row) && (0..<width).contains(column), "module outside the symbol")
        return modules[row * width + column]
    }

    /// The symbol as inline SVG for HTML, sized by CSS: no XML declaration and no width or height.
    ///
    /// `moduleSize` is the side of one module in SVG user units and `quietZone` the light margin in
    /// modules; scanners need at least 4. Dark modules are drawn as one path of horizontal runs, which
    /// keeps the markup small, and `crispEdges` stops anti-aliasing from blurring the gaps between them.
    /// With a `title` the image is labelled for screen readers; without one it is hidden from them, since
    /// `role="img"` without a name is an accessibility error and such a code is decoration beside its
    /// printed link.
    func svg(moduleSize: Int = 1, quietZone: Int = 4, title: String?, statesSize: Bool = false) -> String {
        precondition(moduleSize >= 1 && quietZone >= 0, "module size must be positive and quiet zone not negative")
        let side = (width + 2 * quietZone) * moduleSize
        var path = ""
        for row in 0..<width {
            var column = 0
            while column < width {
                guard isDark(row: row, column: column) else { column += 1; continue }
                let start = column
                while column < width, isDark(row: row, column: column) { column += 1 }
                let x = (start + quietZone) * moduleSize
                let y = (row + quietZone) * moduleSize
                let run = (column - start) * moduleSize
                path += "M\(x) \(y)h\(run)v\(moduleSize)h-\(run)z"
            }
        }
        let accessibility: String
        if let title, !title.isEmpty {
            accessibility = "role=\"img\" aria-label=\"\(XMLText.escape(title))\""
        } else {
            accessibility = "aria-hidden=\"true\""
        }
        // A standalone file states its size, so that viewers show it at the size it was drawn.
        let size = statesSize ? "width=\"\(side)\" height=\"\(side)\" " : ""
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" \(size)viewBox=\"0 0 \(side) \(side)\""
            + " shape-rendering=\"crispEdges\" \(accessibility)>"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/>"
            + "<path fill=\"#000\" d=\"\(path)\"/></svg>"
    }

    /// The symbol as text in the form of `qrencode -t ASCII -m <quietZone>`: `##` for a dark module,
    /// two spaces for a light one, one line per row; tests compare it with the command-line tool.
    func textRows(quietZone: Int = 4) -> [String] {
        precondition(quietZone >= 0, "quiet zone must not be negative")
        let margin = String(repeating: "  ", count: quietZone)
        let blank = String(repeating: "  ", count: width + 2 * quietZone)
        let quietRows = Array(repeating: blank, count: quietZone)
        let symbolRows = (0..<width).map { row in
            margin + (0..<width).map { isDark(row: row, column: $0) ? "##" : "  " }.joined() + margin
        }
        return quietRows + symbolRows + quietRows
    }
}

private extension QRCode.ErrorCorrection {
    var level: QRecLevel {
        switch self {
        case .low: QR_ECLEVEL_L
        case .medium: QR_ECLEVEL_M
        case .quartile: QR_ECLEVEL_Q
        case .high: QR_ECLEVEL_H
        }
    }
}

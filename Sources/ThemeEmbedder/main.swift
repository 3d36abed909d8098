import Foundation

// Writes a Swift source holding every file of a theme folder, for the EmbedTheme build plugin:
//   ThemeEmbedder <theme folder> <output .swift file>
// Files are listed in path order and stored as base64, so the output depends on the files alone
// and any bytes (images too) survive; a Swift string literal this size compiles quickly.

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: ThemeEmbedder <theme folder> <output.swift>\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL
var files: [(path: String, data: Data)] = []
if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                               options: [.skipsHiddenFiles]) {
    for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
        let path = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
        guard let data = FileManager.default.contents(atPath: url.path) else {
            FileHandle.standardError.write(Data("ThemeEmbedder: cannot read \(url.path)\n".utf8))
            exit(1)
        }
        files.append((path, data))
    }
}
files.sort { $0.path < $1.path }

var source = """
    // Generated from the theme folder by ThemeEmbedder (the EmbedTheme build plugin). Do not edit:
    // edit theme/ and build again.

    extension DefaultTheme {
        /// Every file of the default theme: its path inside the theme folder and its bytes as base64.
        public static let base64Files: [(path: String, base64: String)] = [

    """
for file in files {
    let path = file.path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    source += "        (\"\(path)\", \"\(file.data.base64EncodedString())\"),\n"
}
source += "    ]\n}\n"
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: arguments[2]), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("ThemeEmbedder: \(error)\n".utf8))
    exit(1)
}

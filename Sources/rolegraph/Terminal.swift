import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the output may assume about the terminal: how wide it is, and how wide text is on it.
enum Terminal {
    /// The width tables fit: `COLUMNS` when set to a number, else the width of the terminal on
    /// standard output, else 80 (a pipe or a file).
    static var width: Int { measuredWidth ?? 80 }

    /// `COLUMNS`, else the terminal's width; `nil` for a pipe or a file with no `COLUMNS`, where
    /// no screen limits the line and tables cut nothing (a cut role name in a saved file is a
    /// lost fact).
    static let measuredWidth: Int? = {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let value = Int(text), value > 0 { return value }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 { return Int(size.ws_col) }
        return nil
    }()

    /// The columns `text` takes on a terminal: 2 for a wide character (CJK, fullwidth forms,
    /// emoji shown as pictures), 0 for a combining mark or a zero-width character, 1 otherwise.
    /// A character is measured by its first scalar, so an emoji sequence (a flag, a family) is
    /// one wide character, as terminals draw it.
    static func displayWidth(_ text: String) -> Int {
        // Printable ASCII, which nearly every cell of a table is: one column per byte, with no
        // look-up of Unicode properties per character.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var width = 0
        for character in text {
            // A printable ASCII character is one column, with no look-up.
            if let ascii = character.asciiValue, ascii >= 0x20 && ascii < 0x7F {
                width += 1
                continue
            }
            guard let scalar = character.unicodeScalars.first else { continue }
            width += displayWidth(of: scalar, inCharacterOf: character.unicodeScalars.count)
        }
        return width
    }

    private static func displayWidth(of scalar: Unicode.Scalar, inCharacterOf scalarCount: Int) -> Int {
        let value = scalar.value
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if properties.isEmojiPresentation { return 2 }
        // An emoji written as text, turned into a picture by a variation selector (U+FE0F).
        if scalarCount > 1 && properties.isEmoji && value > 0xFF { return 2 }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}

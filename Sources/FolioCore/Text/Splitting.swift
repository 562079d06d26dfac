extension String {
    /// Foundation's `components(separatedBy:)` of a separator of ASCII (no line breaks): the
    /// pieces between its occurrences, found from the left, empty pieces kept, an occurrence
    /// counting only where it stands as whole characters (`, ` is none in `, ́`, a space with
    /// a combining accent). Found in the bytes: Foundation's call cost about a hundred thousand
    /// instructions, a reference's costliest step of reading its names.
    func components(separatedByASCII separator: StaticString) -> [String] {
        separator.withUTF8Buffer { components(separatedByASCII: $0) }
    }

    private func components(separatedByASCII bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        precondition(!bytes.isEmpty && bytes.allSatisfy { $0 < 0x80 && $0 != 0x0A && $0 != 0x0D }, "a separator beyond what the bytes tell")
        let utf8 = self.utf8
        var pieces: [String] = []
        var pieceStart = utf8.startIndex
        var index = utf8.startIndex
        while let end = utf8.index(index, offsetBy: bytes.count, limitedBy: utf8.endIndex) {
            if utf8[index..<end].elementsEqual(bytes), index.samePosition(in: self) != nil, end.samePosition(in: self) != nil {
                pieces.append(String(self[pieceStart..<index]))
                pieceStart = end
                index = end
            } else {
                index = utf8.index(after: index)
            }
        }
        pieces.append(String(self[pieceStart...]))
        return pieces
    }
}

/// A set of words of ASCII letters read from their last letter back (a trie of the reversed
/// words): which endings of a word are words of the set is told in one walk back from its end,
/// each letter a step, with no string made or hashed for each ending.
struct WordEndings: Sendable {
    /// The children of each node, 26 to a node (one for each letter), -1 where none is; node 0
    /// is the root, the empty ending.
    private var children: [Int32] = [Int32](repeating: -1, count: 26)
    /// Whether the letters from the root to the node, read back, are a word of the set.
    private var isWord: [Bool] = [false]

    /// `words`: lower-case ASCII letters.
    init(_ words: some Sequence<String>) {
        for word in words {
            var node = 0
            for byte in word.utf8.reversed() {
                precondition(UTF16.isASCIILetter(UInt16(byte)), "a word of other than ASCII letters")
                let slot = node * 26 + Int(byte | 0x20) - 0x61
                if children[slot] < 0 {
                    children[slot] = Int32(isWord.count)
                    children.append(contentsOf: repeatElement(-1, count: 26))
                    isWord.append(false)
                }
                node = Int(children[slot])
            }
            isWord[node] = true
        }
    }

    /// Where the longest ending of `word` (ASCII letters, in any case) that is a word of the set
    /// starts; nil where none is.
    func longestEnding(of word: ArraySlice<UInt16>) -> Int? {
        var longest: Int?
        forEachEnding(of: word) { longest = $0 }
        return longest
    }

    /// Calls `body` with where each ending of `word` that is a word of the set starts, the
    /// shortest first. A unit other than an ASCII letter ends the walk: no word holds it.
    func forEachEnding(of word: ArraySlice<UInt16>, _ body: (Int) -> Void) {
        var node = 0
        var index = word.endIndex
        while index > word.startIndex {
            index -= 1
            let letter = Int(word[index] | 0x20) - 0x61
            guard (0..<26).contains(letter) else { return }
            let child = Int(children[node * 26 + letter])
            guard child >= 0 else { return }
            node = child
            if isWord[node] { body(index) }
        }
    }
}

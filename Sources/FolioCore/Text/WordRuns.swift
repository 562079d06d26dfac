import CTextKernels

/// The words of a text as runs of letters: code points side by side that are each
/// `isAlphabetic` (ASCII letters, and letters beyond ASCII), nothing else between them.
///
/// The runs are found in C, 64 code points at a time as bits (`folio_word_runs`): a branch at
/// every code point of a paper, taken or not by whether it is a letter, and a call at every
/// word to count its letters, were most of the cost of passing over a paper's words. The
/// kernel treats every code point beyond ASCII as a letter; a run that holds one is read again
/// here, where only letters are kept (`don’t` is two words, `Übergänge` one).
enum WordRuns {
    /// How many runs the kernel gives at a time, into memory on the stack.
    private static let block = 256

    /// Calls `body` with each run of letters of `scalars`, in order, and whether its letters
    /// are all ASCII.
    @inline(__always)
    static func forEach(in scalars: UnsafeBufferPointer<Unicode.Scalar>, _ body: (_ range: Range<Int>, _ isASCII: Bool) -> Void) {
        guard let values = scalars.codePointValues else { return }
        precondition(scalars.count < Int(Int32.max), "a text of more than 2^31 code points, beyond what the kernel's offsets hold")
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 2 * block) { runs in
            var from = 0
            while from < scalars.count {
                var next = 0
                let found = folio_word_runs(values, scalars.count, from, runs.baseAddress!, block, &next)
                for index in 0..<found {
                    let end = runs[2 &* index &+ 1]
                    let runEnd = Int(end & 0x7FFF_FFFF), beyondASCII = end & 0x8000_0000 != 0
                    var position = Int(runs[2 &* index])
                    // One call of `body`, so that the caller's body is inlined here: a run of
                    // ASCII letters is one word; another holds code points beyond ASCII, not all
                    // of them letters, and its words are the runs of letters within it.
                    while position < runEnd {
                        var wordEnd = runEnd, isASCII = true
                        if beyondASCII {
                            while position < runEnd && !scalars[position].isAlphabetic { position += 1 }
                            guard position < runEnd else { break }
                            wordEnd = position
                            while wordEnd < runEnd && scalars[wordEnd].isAlphabetic {
                                if scalars[wordEnd].value >= 0x80 { isASCII = false }
                                wordEnd += 1
                            }
                        }
                        body(position..<wordEnd, isASCII)
                        position = wordEnd
                    }
                }
                from = next
            }
        }
    }
}

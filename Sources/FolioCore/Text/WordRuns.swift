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
    /// A run of code points that may be letters, as `folio_classified_word_runs` tells of it.
    struct Run {
        var start: Int
        var end: Int
        /// Of a run of ASCII letters (`WordShapes`); nil for a run beyond ASCII or of more than 63 letters.
        var shape: Int?
        /// `FOLIO_RUN_` flags.
        var flags: UInt32

        var range: Range<Int> { start..<end }
        var isBeyondASCII: Bool { flags & UInt32(FOLIO_RUN_BEYOND_ASCII) != 0 }
    }

    /// The runs of `scalars` with what `folio_classified_word_runs` says of each, four words a run.
    struct Classified {
        private let records: [UInt32]

        /// `long`: the fewest letters a run flagged long (`FOLIO_RUN_LONG`) has.
        init(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, long: Int) {
            guard let values = scalars.codePointValues else {
                records = []
                return
            }
            precondition(scalars.count < Int(Int32.max), "a text of more than 2^31 code points, beyond what the kernel's offsets hold")
            var records: [UInt32] = []
            var from = 0
            while from < scalars.count {
                // Room for a run in every five code points, about what a paper has: one call
                // for most texts, and a few more for a text of one-letter words.
                let room = max(64, (scalars.count - from) / 5)
                var next = 0
                let found = [UInt32](unsafeUninitializedCapacity: 4 * room) { buffer, initialized in
                    initialized = 4 * folio_classified_word_runs(values, scalars.count, from, long, buffer.baseAddress!, room, &next)
                }
                if records.isEmpty { records = found } else { records += found }
                from = next
            }
            self.records = records
        }

        var count: Int { records.count / 4 }

        /// Calls `body` with each run, in order: one pass over the records, not checked at
        /// every run (every word of a paper is one).
        @inline(__always)
        func forEach(_ body: (Run) throws -> Void) rethrows {
            try records.withUnsafeBufferPointer { records in
                guard var record = records.baseAddress else { return }
                let end = record + records.count
                while record < end {
                    let shape = record[2]
                    try body(Run(start: Int(record[0]), end: Int(record[1]), shape: shape == FOLIO_RUN_NO_SHAPE ? nil : Int(shape), flags: record[3]))
                    record += 4
                }
            }
        }
    }

    /// Calls `body` with each word of `run`: the run itself when its letters are ASCII; the
    /// runs of letters within it when it holds a code point beyond ASCII.
    @inline(__always)
    static func forEachWord(in run: Run, of scalars: UnsafeBufferPointer<Unicode.Scalar>, _ body: (_ range: Range<Int>, _ isASCII: Bool) -> Void) {
        guard run.isBeyondASCII else {
            body(run.range, true)
            return
        }
        var position = run.start
        while position < run.end {
            while position < run.end && !scalars[position].isAlphabetic { position += 1 }
            guard position < run.end else { break }
            var wordEnd = position, isASCII = true
            while wordEnd < run.end && scalars[wordEnd].isAlphabetic {
                if scalars[wordEnd].value >= 0x80 { isASCII = false }
                wordEnd += 1
            }
            body(position..<wordEnd, isASCII)
            position = wordEnd
        }
    }
}

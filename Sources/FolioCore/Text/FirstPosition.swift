import CTextKernels

/// What a scan through a paper stops at: one of a few ASCII code points (a bracket, a quote
/// mark, a full stop), and, if `beyondASCII`, every code point past ASCII.
struct ScanMarks: Sendable {
    let values: [UInt32]
    let beyondASCII: Bool

    init(_ marks: Unicode.Scalar..., beyondASCII: Bool = false) {
        precondition((1...8).contains(marks.count) && marks.allSatisfy(\.isASCII), "one to eight ASCII marks")
        values = marks.map(\.value)
        self.beyondASCII = beyondASCII
    }
}

extension WorkingText {
    /// The first position from `start` before `end` whose code point is one of `marks`, or
    /// `end`. The scans that look for a few marks pass over most of a paper: sixteen code points
    /// are looked at a time (`folio_first_mark`).
    func firstPosition(from start: Int, to end: Int, of marks: ScanMarks) -> Int {
        guard start < end else { return end }
        return scalars.withUnsafeBufferPointer { scalars in
            marks.values.withUnsafeBufferPointer { values in
                start + folio_first_mark(scalars.codePointValues! + start, end - start, values.baseAddress!, values.count, marks.beyondASCII ? 1 : 0)
            }
        }
    }
}

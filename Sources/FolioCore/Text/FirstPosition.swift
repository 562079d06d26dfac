extension WorkingText {
    /// The first position from `start` before `end` whose code point's value passes `test`, or
    /// `end`. For the scans that look for one or a few marks (a bracket, a quote mark, a full
    /// stop) through a whole paper: over the slice, each code point costs the test alone, not
    /// a bounds-checked subscript of the text as well.
    func firstPosition(from start: Int, to end: Int, where test: (UInt32) -> Bool) -> Int {
        scalars[start..<end].firstIndex { test($0.value) } ?? end
    }
}

extension WorkingText {
    /// The first position from `start` before `end` whose code point's value passes `test`, or
    /// `end`. For the scans that look for one or a few marks (a bracket, a quote mark, a full
    /// stop) through a whole paper: read through a pointer, each code point costs the test
    /// alone.
    @inline(__always)
    func firstPosition(from start: Int, to end: Int, where test: (UInt32) -> Bool) -> Int {
        scalars.withUnsafeBufferPointer { scalars in
            var position = start
            while position < end && !test(scalars[position].value) { position += 1 }
            return position
        }
    }
}

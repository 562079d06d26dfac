extension Array {
    /// `count` copies of `value`, as `init(repeating:count:)` makes them, without its cost for
    /// a small array made often: that initializer allocates through a function the standard
    /// library never specializes, which looks the array storage's type up at every call (some
    /// 450 instructions: more than filling a sentence's sets of rules and words). Appending
    /// repeated elements allocates through specialized code.
    @inlinable
    init(filledWith value: Element, count: Int) {
        self.init()
        append(contentsOf: repeatElement(value, count: count))
    }
}

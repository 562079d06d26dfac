/// The running totals an averaged perceptron needs, kept lazily: a weight row's total catches
/// up with the steps it stood unchanged only when the row changes, and once at the end.
struct WeightAverager {
    /// Weights a row holds: one per label, or one per pair of labels.
    let width: Int
    private var totals: [String: [Float]] = [:]
    private var lastUpdate: [String: Int] = [:]

    init(width: Int) {
        self.width = width
    }

    /// Adds `delta` to weight `index` of `feature`'s row in `rows`, at training step `step`.
    mutating func add(_ delta: Float, at index: Int, of feature: String, in rows: inout [String: [Float]], step: Int) {
        var row = rows[feature] ?? [Float](repeating: 0, count: width)
        catchUp(feature, row, step)
        row[index] += delta
        rows[feature] = row
    }

    private mutating func catchUp(_ feature: String, _ row: [Float], _ step: Int) {
        var total = totals[feature] ?? [Float](repeating: 0, count: width)
        let elapsed = Float(step - (lastUpdate[feature] ?? step))
        if elapsed > 0 { for index in row.indices where row[index] != 0 { total[index] += elapsed * row[index] } }
        totals[feature] = total
        lastUpdate[feature] = step
    }

    /// Each row's average over `step` steps; rows that average to nothing are left out.
    func averages(of rows: [String: [Float]], at step: Int) -> [String: [Float]] {
        var result: [String: [Float]] = [:]
        for (feature, row) in rows {
            var total = totals[feature] ?? [Float](repeating: 0, count: width)
            let elapsed = Float(step - (lastUpdate[feature] ?? step))
            for index in total.indices { total[index] += elapsed * row[index] }
            let average = total.map { $0 / Float(step) }
            if average.contains(where: { abs($0) > 0.001 }) { result[feature] = average }
        }
        return result
    }
}

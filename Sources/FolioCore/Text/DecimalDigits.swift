/// An integer in decimal as ASCII bytes, a minus sign first when it is negative, made in memory
/// lent for the call: what JSON's integers and the nodes' identifiers (`date12`) are written
/// from, without a string made for the number.
enum DecimalDigits {
    @inline(__always)
    static func withDigits<Result>(of number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        // Room for a sign and the 20 digits of any Int, written last first.
        var room: (UInt64, UInt64, UInt64) = (0, 0, 0)
        return withUnsafeMutableBytes(of: &room) { room in
            var first = room.count
            var magnitude = number.magnitude
            repeat {
                first -= 1
                room[first] = UInt8(truncatingIfNeeded: magnitude % 10) + UInt8(ascii: "0")
                magnitude /= 10
            } while magnitude > 0
            if number < 0 {
                first -= 1
                room[first] = UInt8(ascii: "-")
            }
            return body(UnsafeBufferPointer(rebasing: room.bindMemory(to: UInt8.self)[first...]))
        }
    }
}

/// Numbers known for literals (`StaticString`), found by where their bytes are: a literal's
/// bytes stay where they are while the program runs, so the same place and length is the same
/// text, and no byte need be read again. An XML tree's names are literals written at every
/// element and attribute, and hashing and comparing their bytes each time cost more than the
/// rest of making an element.
struct LiteralNumbers {
    private struct Slot {
        var address: UInt = 0
        var count = 0
        var number = 0
    }

    /// Open addressing, a power of two slots, at most half full; an address of 0 marks a free one.
    private var slots = [Slot](repeating: Slot(), count: 64)
    private var used = 0

    /// The number kept for the literal at `start` of `count` bytes, if one is.
    func number(at start: UnsafePointer<UInt8>, count: Int) -> Int? {
        let address = UInt(bitPattern: start)
        let mask = slots.count - 1
        var slot = Self.slot(of: address) & mask
        while slots[slot].address != 0 {
            if slots[slot].address == address && slots[slot].count == count { return slots[slot].number }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Keeps `number` for the literal at `start` of `count` bytes, which has none yet.
    mutating func keep(_ number: Int, at start: UnsafePointer<UInt8>, count: Int) {
        if (used + 1) * 2 > slots.count {
            let old = slots
            slots = [Slot](repeating: Slot(), count: old.count * 2)
            for slot in old where slot.address != 0 { place(slot) }
        }
        place(Slot(address: UInt(bitPattern: start), count: count, number: number))
        used += 1
    }

    private mutating func place(_ entry: Slot) {
        let mask = slots.count - 1
        var slot = Self.slot(of: entry.address) & mask
        while slots[slot].address != 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    /// Literals lie a few bytes apart: the address's low bits, past the alignment, spread them.
    private static func slot(of address: UInt) -> Int {
        Int(truncatingIfNeeded: (address >> 2) ^ (address >> 9))
    }
}

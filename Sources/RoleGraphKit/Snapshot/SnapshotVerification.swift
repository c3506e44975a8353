import Dispatch

/// What a section's values must satisfy, beyond its checksum, for the reader to use the section
/// where it lies: an index it will follow must be in bounds, an offset must not run backwards, a
/// weight a search adds up must be finite and not negative.
enum SectionCheck: Sendable {
    /// Nothing beyond the checksum (texts, numbers read one at a time through checked code).
    case none
    /// UInt64 offsets from 0 to `total`, never decreasing.
    case offsets(total: Int)
    /// UInt32 indices, each below `bound`.
    case indices(below: UInt32)
    /// Float64 weights, each finite and not negative.
    case weights
    /// Float32 weights, each finite and not negative.
    case narrowWeights
    /// Bytes, each below `bound` (palette codes; a bound of 0 admits none).
    case codes(below: Int)
    /// Float64 amounts a relation or role may state (efforts, counts, stayers), each NaN (none)
    /// or finite and not negative: what an edge list's reader accepts, and what the writers of
    /// every export format expect.
    case amounts
    /// Relation kinds, each a byte some kind is stored as.
    case kinds

    /// Why a section failing this check is refused, for the error.
    var problem: String {
        switch self {
        case .none: ""
        case .offsets: "offsets out of order or out of bounds"
        case .indices: "an index out of bounds"
        case .codes: "a weight code out of the palette"
        case .weights, .narrowWeights: "a weight negative or not finite"
        case .amounts: "an amount negative or infinite"
        case .kinds: "an unknown relation kind"
        }
    }
}

/// One section being verified piece by piece: its checksum and its values' check in one pass,
/// so each byte is read from memory once and checked while in the cache.
struct SectionVerification {
    private var checksum = SnapshotChecksum()
    private let check: SectionCheck
    /// The last offset seen (``SectionCheck/offsets(total:)``); -1 before the first.
    private var previous = -1
    private var isValid = true

    init(_ check: SectionCheck) {
        self.check = check
    }

    /// Feeds the next piece of the section.
    ///
    /// - Precondition: every piece but the last is a multiple of 32 bytes long (so of every
    ///   element size), and each starts 8-aligned.
    /// - Complexity: O(*n*) for a piece of *n* bytes. The checks are reductions (a maximum, a
    ///   minimum), which the compiler turns into vector code, not loops that branch per value.
    mutating func absorb(_ piece: UnsafeRawBufferPointer) {
        checksum.absorb(piece)
        guard isValid, piece.count > 0 else { return }
        switch check {
        case .none:
            break
        case .offsets(let total):
            // Every offset at most `total` (as unsigned, so none is negative), and none below the
            // one before it; the first is 0 and the last `total` (see `finish`).
            let offsets = piece.bindMemory(to: UInt64.self)
            var largest: UInt64 = 0, smallestStep = Int64.max
            var previous = self.previous < 0 ? offsets[0] : UInt64(self.previous)
            if self.previous < 0 && offsets[0] != 0 { isValid = false }
            for offset in offsets {
                largest = max(largest, offset)
                smallestStep = min(smallestStep, Int64(bitPattern: offset &- previous))
                previous = offset
            }
            isValid = isValid && largest <= UInt64(total) && smallestStep >= 0
            self.previous = Int(truncatingIfNeeded: previous)
        case .indices(let bound):
            var largest: UInt32 = 0
            for index in piece.bindMemory(to: UInt32.self) { largest = max(largest, index) }
            isValid = largest < bound
        case .weights:
            // Finite and not negative (nor minus zero, which no image holds): the high half of
            // the bits, as a signed number, from 0 up to below infinity's. Halves compare four at
            // a time in vector registers, where whole 64-bit numbers do not.
            var smallest = Int32.max, largest = Int32.min
            for bits in piece.bindMemory(to: UInt64.self) {
                let high = Int32(truncatingIfNeeded: bits >> 32)
                smallest = min(smallest, high)
                largest = max(largest, high)
            }
            isValid = smallest >= 0 && largest < Int32(truncatingIfNeeded: Double.infinity.bitPattern >> 32)
        case .narrowWeights:
            // Finite and not negative (nor minus zero): the bits, as an unsigned number, below
            // infinity's; the sign bit puts every negative one above.
            var largest: UInt32 = 0
            for bits in piece.bindMemory(to: UInt32.self) { largest = max(largest, bits) }
            isValid = largest < Float.infinity.bitPattern
        case .codes(let bound):
            var largest: UInt8 = 0
            for byte in piece { largest = max(largest, byte) }
            isValid = Int(largest) < bound
        case .amounts:
            // Not below zero (NaN compares false) and not infinite: two comparisons of doubles,
            // which vector registers make on any 64-bit machine.
            var bad = false
            for amount in piece.bindMemory(to: Double.self) { bad = bad || amount < 0 || amount == .infinity }
            isValid = !bad
        case .kinds:
            var largest: UInt8 = 0
            for byte in piece { largest = max(largest, byte) }
            isValid = RelationKind(code: largest) != nil
        }
    }

    /// The checksum of the whole section, and whether its values passed the check.
    ///
    /// - Complexity: O(1).
    func finish() -> (checksum: UInt64, valid: Bool) {
        guard isValid else { return (checksum.value, false) }
        if case .offsets(let total) = check { return (checksum.value, previous == total) }
        return (checksum.value, true)
    }
}

extension FileMapping {
    /// The checksum of each of `ranges`, and whether its values pass its check, read in one pass
    /// per section, on both cores when there is enough to read.
    ///
    /// The pass reads the file with `pread` into a small buffer rather than through the mapping:
    /// the copy from the page cache costs less than mapping every page (a fault per page, and
    /// dropping them again from two threads costs a TLB shootdown each time), and it leaves
    /// nothing resident, so a later use of a section maps only the pages it reads.
    ///
    /// - Returns: per section, its checksum (0 when it could not be read) and whether its values
    ///   passed (false when it could not be read).
    /// - Complexity: O(*n*) for *n* bytes in all, split by section between the threads.
    func verify(_ ranges: [Range<Int>], checks: [SectionCheck]) -> [(checksum: UInt64, valid: Bool)] {
        precondition(ranges.count == checks.count)
        let bufferSize = 1 << 18
        @Sendable func verifyAll(_ sections: [Int], into results: ResultSlots) {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 64)
            defer { buffer.deallocate() }
            for i in sections {
                var verification = SectionVerification(checks[i])
                let range = ranges[i]
                var start = range.lowerBound, failed = false
                repeat {
                    let length = min(bufferSize, range.upperBound - start)
                    let piece = UnsafeMutableRawBufferPointer(rebasing: buffer[0 ..< length])
                    guard read(into: piece, at: start) else { failed = true; break }
                    verification.absorb(UnsafeRawBufferPointer(piece))
                    start += length
                } while start < range.upperBound
                results.set(i, failed ? (0, false) : verification.finish())
            }
        }
        let results = ResultSlots(count: ranges.count)
        let total = ranges.reduce(0) { $0 + $1.count }
        guard total >= 1 << 22 else {
            verifyAll(Array(ranges.indices), into: results)
            return results.values
        }
        // Largest first, each to the thread with less so far: two threads end close together.
        var assigned: [[Int]] = [[], []], load = [0, 0]
        for i in ranges.indices.sorted(by: { ranges[$0].count > ranges[$1].count }) {
            let thread = load[0] <= load[1] ? 0 : 1
            assigned[thread].append(i)
            load[thread] += ranges[i].count
        }
        let work = assigned
        DispatchQueue.concurrentPerform(iterations: 2) { thread in verifyAll(work[thread], into: results) }
        return results.values
    }
}

/// One slot per section, each written by exactly one thread of ``FileMapping/verify(_:checks:)``
/// and read after all have joined.
private final class ResultSlots: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<(checksum: UInt64, valid: Bool)>
    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: (0, false))
    }
    deinit { slots.deallocate() }
    func set(_ i: Int, _ value: (checksum: UInt64, valid: Bool)) { slots[i] = value }
    var values: [(checksum: UInt64, valid: Bool)] { Array(slots) }
}

import Foundation
import Testing
@testable import RoleGraphKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The ledger of checked images: a load records an image that passed the full check once its
/// last change has settled; a record lets a later load of the same file skip the pass, and any
/// change to the file (a new identity), a damaged record or a record the user does not own sends
/// the load back to the full check.
///
/// Records are kept only for files on a local disk file system (ext4, XFS, Btrfs, ...): the tests
/// that need one run where the temporary directory is on such a file system, as on every Debian
/// machine whose /tmp is on its root disk; where it is not (a /tmp on tmpfs), the ledger rightly
/// keeps no record there, and those tests do not run.
@Suite struct VerifiedImageLedgerTests {
    /// Whether files in the temporary directory can be recorded.
    static let temporaryDirectoryIsTrusted: Bool = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-ledger-probe-\(UUID().uuidString)").path
        FileManager.default.createFile(atPath: path, contents: Data("x".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        var info = stat()
        return fstat(fd, &info) == 0 && FileIdentity(info, descriptor: fd).isOnTrustedFileSystem
    }()

    /// An image, and a damaged copy of it: one byte of its efforts section flipped, its checksum
    /// left as it was, which only the full check notices.
    static func images(in directory: URL) throws -> (sound: String, damaged: String) {
        let (_, image, bytes) = try SnapshotTests.indexed(SnapshotTests.small, in: directory)
        var copy = bytes
        copy[section(.efforts, of: bytes).lowerBound] ^= 0x10
        let damaged = directory.appendingPathComponent("damaged.rgx").path
        try Data(copy).write(to: URL(fileURLWithPath: damaged))
        return (image, damaged)
    }

    static func section(_ kind: SnapshotSection, of bytes: [UInt8]) -> Range<Int> {
        func u64(_ at: Int) -> Int { (0 ..< 8).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        for i in 0 ..< Int(bytes[12]) {
            let entry = SnapshotLayout.headerSize + i * SnapshotLayout.tableEntrySize
            if Int(bytes[entry]) == Int(kind.rawValue) { return u64(entry + 8) ..< u64(entry + 8) + u64(entry + 16) }
        }
        preconditionFailure("no section \(kind)")
    }

    /// The identity and header checksum of the image at `path`, as a load sees them.
    static func identity(_ path: String) throws -> (FileIdentity, UInt64) {
        let mapping = try FileMapping(path: path, maximumSize: 1 << 30)
        let header = mapping.withWhole { $0.loadUnaligned(fromByteOffset: SnapshotLayout.headerChecksumOffset, as: UInt64.self) }
        return (mapping.identity, header)
    }

    /// A ledger whose clock stands `ahead` seconds past the real one.
    static func ledger(_ directory: URL, ahead: Double) -> VerifiedImageLedger {
        VerifiedImageLedger(directory: directory.appendingPathComponent("cache/verified").path,
                            now: { VerifiedImageLedger.wallClock() + ahead })
    }

    static func records(_ ledger: VerifiedImageLedger) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: ledger.directory)) ?? []).sorted()
    }

    /// A damaged image in `directory`, a settled ledger, and a record in it forged to vouch for the
    /// damaged file (which a load then takes without the pass).
    static func forgedRecord(in directory: URL) throws -> (damaged: String, ledger: VerifiedImageLedger, record: String) {
        let (_, damaged) = try images(in: directory)
        let ledger = ledger(directory, ahead: 3600)
        let (identity, header) = try identity(damaged)
        #expect(ledger.remember(identity, header: header, checkedSince: ledger.now()))
        _ = try load(damaged, ledger)
        return (damaged, ledger, ledger.directory + "/" + records(ledger)[0])
    }

    static func load(_ path: String, _ ledger: VerifiedImageLedger?) throws -> RoleGraph {
        try SnapshotReader.load(path, options: GraphLoadOptions(), ledger: ledger).graph
    }

    @Test(.enabled(if: temporaryDirectoryIsTrusted, "the temporary directory is not on a local disk file system"))
    func aSettledImageIsRecordedOnceAndAFreshOneIsNot() throws {
        let directory = try SnapshotTests.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (image, _) = try Self.images(in: directory)
        let expected = try Self.load(image, nil)
        // Just written: its identity could still change within the file system's time grain.
        let fresh = Self.ledger(directory, ahead: 0)
        SnapshotTests.expectSame(try Self.load(image, fresh), expected)
        #expect(Self.records(fresh).isEmpty)
        // Settled: recorded, one file named by device and inode, holding one line.
        let settled = Self.ledger(directory, ahead: 3600)
        SnapshotTests.expectSame(try Self.load(image, settled), expected)
        let (identity, header) = try Self.identity(image)
        #expect(Self.records(settled) == [String(identity.device, radix: 16) + "-" + String(identity.inode, radix: 16)])
        #expect(settled.vouches(for: identity, header: header))
        #expect(!settled.vouches(for: identity, header: header ^ 1))
        // A later load through the record answers the same.
        SnapshotTests.expectSame(try Self.load(image, settled), expected)
        #expect(Self.records(settled).count == 1)
    }

    /// A damaged image is refused, and not recorded; a record that matches it (forged here, as
    /// bytes changed under the file system would leave it) lets the load skip the pass, which is
    /// what the record is for; a load without a ledger (what `validate` does) still refuses it;
    /// and the moment the file is written again, the record no longer names it.
    @Test(.enabled(if: temporaryDirectoryIsTrusted, "the temporary directory is not on a local disk file system"))
    func aRecordSkipsThePassUntilTheFileChanges() throws {
        let directory = try SnapshotTests.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (_, damaged) = try Self.images(in: directory)
        let ledger = Self.ledger(directory, ahead: 3600)
        #expect(throws: GraphLoadError.self) { try Self.load(damaged, ledger) }
        #expect(Self.records(ledger).isEmpty)
        let (identity, header) = try Self.identity(damaged)
        #expect(ledger.remember(identity, header: header, checkedSince: ledger.now()))
        _ = try Self.load(damaged, ledger)
        let error = #expect(throws: GraphLoadError.self) { try Self.load(damaged, nil) }
        #expect("\(error!)".contains("checksum of section efforts"))
        // The same bytes written again: a new change time, so a new identity.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: damaged))
        Thread.sleep(forTimeInterval: 0.05)  // past any Linux file system's time grain
        try bytes.write(to: URL(fileURLWithPath: damaged))
        let (rewritten, _) = try Self.identity(damaged)
        #expect(rewritten.inode == identity.inode)
        #expect(!ledger.vouches(for: rewritten, header: header))
        #expect(throws: GraphLoadError.self) { try Self.load(damaged, ledger) }
    }

    /// A record that is not exactly the line the ledger writes, or not a regular file, vouches
    /// for nothing.
    @Test(.enabled(if: temporaryDirectoryIsTrusted, "the temporary directory is not on a local disk file system"),
          arguments: ["", "rolegraph verified image v1\n", "garbage"])
    func aDamagedRecordVouchesForNothing(text: String) throws {
        let directory = try SnapshotTests.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (damaged, ledger, record) = try Self.forgedRecord(in: directory)
        let line = try String(contentsOfFile: record, encoding: .utf8)
        for variant in [text, line + "x", String(line.dropLast()), line.replacingOccurrences(of: "format \(SnapshotLayout.version)", with: "format \(SnapshotLayout.version + 1)")] {
            try variant.write(toFile: record, atomically: true, encoding: .utf8)
            #expect(throws: GraphLoadError.self, "\(variant)") { try Self.load(damaged, ledger) }
        }
        try FileManager.default.removeItem(atPath: record)
        try FileManager.default.createDirectory(atPath: record, withIntermediateDirectories: false)
        #expect(throws: GraphLoadError.self) { try Self.load(damaged, ledger) }
        // A FIFO, which a blocking open would wait on for ever.
        try FileManager.default.removeItem(atPath: record)
        #expect(mkfifo(record, 0o600) == 0)
        #expect(throws: GraphLoadError.self) { try Self.load(damaged, ledger) }
    }

    /// A file on tmpfs is never recorded (a page written through a shared mapping stays dirty
    /// there, so later writes to it leave the times as they were), however long it has settled.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/shm"), "no /dev/shm (tmpfs) on this machine"))
    func aFileOnTmpfsIsNeverRecorded() throws {
        let directory = try SnapshotTests.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (image, _) = try Self.images(in: directory)
        let shared = URL(fileURLWithPath: "/dev/shm/rolegraph-ledger-\(UUID().uuidString).rgx")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: image), to: shared)
        defer { try? FileManager.default.removeItem(at: shared) }
        let ledger = Self.ledger(directory, ahead: 3600)
        _ = try Self.load(shared.path, ledger)
        let (identity, header) = try Self.identity(shared.path)
        #expect(!identity.isOnTrustedFileSystem)
        #expect(Self.records(ledger).isEmpty)
        #expect(!ledger.remember(identity, header: header, checkedSince: ledger.now()))
    }

    /// The settling time outlasts the kernel's writeback of dirty pages, and a minute.
    @Test func theSettlingTimeOutlastsWriteback() {
        #expect(VerifiedImageLedger.settlingTime >= 60)
        if let text = try? String(contentsOfFile: "/proc/sys/vm/dirty_expire_centisecs", encoding: .utf8),
           let expire = Double(text.filter(\.isNumber)) {
            #expect(VerifiedImageLedger.settlingTime > expire / 100)
        }
    }

    /// Only root can give a file to another user; as anyone else the case cannot be made, and the
    /// test does not run.
    @Test(.enabled(if: geteuid() == 0, "only root can make a record another user owns"),
          .enabled(if: temporaryDirectoryIsTrusted, "the temporary directory is not on a local disk file system"))
    func aRecordOfAnotherUserVouchesForNothing() throws {
        let directory = try SnapshotTests.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (damaged, ledger, record) = try Self.forgedRecord(in: directory)
        #expect(chown(record, 4242, 4242) == 0)
        #expect(throws: GraphLoadError.self) { try Self.load(damaged, ledger) }
    }

    /// A directory that cannot be made (here, under a regular file) only means no record: every
    /// load checks in full, and none fails for it.
    @Test func aDirectoryThatCannotBeMadeOnlyMeansAFullCheck() throws {
        let directory = try SnapshotTests.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (image, damaged) = try Self.images(in: directory)
        let blocker = directory.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let ledger = VerifiedImageLedger(directory: blocker.path + "/verified",
                                         now: { VerifiedImageLedger.wallClock() + 3600 })
        _ = try Self.load(image, ledger)
        #expect(throws: GraphLoadError.self) { try Self.load(damaged, ledger) }
        let (identity, header) = try Self.identity(image)
        #expect(!ledger.remember(identity, header: header, checkedSince: ledger.now()))
    }
}

extension VerifiedImageLedgerTests {
    /// The ledger keeps its newest `capacity` records, always the one just written, and removes
    /// temporary files left a minute or more by writers that stopped before renaming theirs.
    @Test(.enabled(if: temporaryDirectoryIsTrusted, "the temporary directory is not on a local disk file system"))
    func theLedgerKeepsItsNewestRecords() throws {
        let directory = try SnapshotTests.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (image, _) = try Self.images(in: directory)
        let (identity, header) = try Self.identity(image)
        let ledger = VerifiedImageLedger(directory: directory.appendingPathComponent("verified").path, capacity: 3,
                                         now: { VerifiedImageLedger.wallClock() + 120 })
        var written: [String] = []
        for inode in UInt64(1) ... 5 {
            var other = identity
            other.inode = inode
            #expect(ledger.remember(other, header: header, checkedSince: ledger.now()))
            written.append(String(other.device, radix: 16) + "-" + String(inode, radix: 16))
            let kept = Self.records(ledger)
            #expect(kept.count == min(Int(inode), 3) && kept.contains(written.last!), "\(kept)")
        }
        // A writer's leftover, old by the ledger's clock, goes with the next write; the record of
        // the image itself is kept.
        try Data("x".utf8).write(to: URL(fileURLWithPath: ledger.directory + "/" + written[0] + ".99.tmp"))
        #expect(ledger.remember(identity, header: header, checkedSince: ledger.now()))
        #expect(Self.records(ledger).count == 3)
        #expect(!Self.records(ledger).contains { $0.hasSuffix(".tmp") })
        #expect(ledger.vouches(for: identity, header: header))
    }
}

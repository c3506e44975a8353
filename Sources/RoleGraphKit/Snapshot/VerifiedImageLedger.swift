#if canImport(Glibc)
import CFileSystem
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What identifies one version of a file on this machine: its device and inode, its size, its
/// modification and status-change times to the nanosecond, and whether its file system keeps
/// those times in a way that lets them name the bytes.
///
/// On a local disk file system, any write to a file, any `chmod`, rename or `touch`, sets its
/// status-change time (`ctime`) to the moment it happened, and no call lets a program set it
/// back; a new file under the old name has a new inode or a new `ctime`. So while these fields
/// are the same, the bytes are the same, with two exceptions that ``VerifiedImageLedger`` keeps
/// out: writes through a shared memory mapping to a page already dirty (the times change only on
/// the first write after the page was last written back), and file systems whose times are not
/// the kernel's own (network and FUSE file systems serve the server's, cached; FAT keeps no
/// `ctime`; tmpfs never writes a page back). Beyond those, only root rewriting the disk under the
/// file system, or the clock set back, can break it.
struct FileIdentity: Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: timespec
    var changed: timespec
    /// Whether the file lies on a local disk file system whose times name its bytes (see above):
    /// ext2/3/4, XFS, Btrfs, F2FS, ZFS or bcachefs on Linux; APFS or HFS+ on macOS.
    var isOnTrustedFileSystem: Bool

    /// The identity of the open file `descriptor`, whose `stat` result is `info`.
    init(_ info: stat, descriptor: Int32) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
        modified = info.st_mtimespec
        changed = info.st_ctimespec
        #else
        modified = info.st_mtim
        changed = info.st_ctim
        #endif
        isOnTrustedFileSystem = Self.trustsTimes(descriptor)
    }

    /// Whether the file system of `descriptor` is one whose times name a file's bytes.
    private static func trustsTimes(_ descriptor: Int32) -> Bool {
        var info = statfs()
        guard fstatfs(descriptor, &info) == 0 else { return false }
        #if canImport(Darwin)
        let name = withUnsafeBytes(of: info.f_fstypename) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return ["apfs", "hfs"].contains(name)
        #else
        // ext2/3/4, XFS, Btrfs, F2FS, ZFS, bcachefs (linux/magic.h and the file systems' own).
        let local: Set<UInt64> = [0xEF53, 0x5846_5342, 0x9123_683E, 0xF2F5_2010, 0x2FC1_2FC1, 0xCA45_1A4E]
        return local.contains(UInt64(UInt(bitPattern: Int(info.f_type)) & 0xFFFF_FFFF))
        #endif
    }

    /// The later of the two times, in seconds.
    var lastChange: Double {
        max(Double(modified.tv_sec) + Double(modified.tv_nsec) / 1e9, Double(changed.tv_sec) + Double(changed.tv_nsec) / 1e9)
    }
}

/// The snapshot images this user's loads have checked in full, each by its ``FileIdentity``, so
/// that a later load of the same unchanged file skips the checking pass: one small file per image
/// in a directory (`rolegraph` uses its cache directory, `$XDG_CACHE_HOME/rolegraph/verified`).
///
/// The pass reads every byte of an image to compare checksums and bounds; on a large image it is
/// most of a query's time, and it finds the same answer every time the same bytes are read. A
/// record says "this file, as identified, passed": its device, inode, size, both times, and the
/// image's header checksum (which covers every section's checksum). A file written since, in any
/// way, has another identity and is checked again; so is one whose record is missing, damaged,
/// or not owned by the user (a record in a directory others can write could vouch for a forged
/// image).
///
/// A record is only written for a file on a file system whose times name its bytes
/// (``FileIdentity/isOnTrustedFileSystem``), and whose last change is at least
/// ``settlingTime`` older than the clock at the load's start: longer than the kernel takes to
/// write a dirty page back (`vm.dirty_expire_centisecs` plus `vm.dirty_writeback_centisecs`,
/// 35 seconds by default), so a page a shared mapping wrote before the load has been written
/// back, and another write to it changes the times again; and longer than any file system's time
/// grain. (Git's index treats "racily clean" files the same way.) So the loads in the first minute
/// after `index` check the image in full.
///
/// What the record cannot see: bytes that change on the disk without a write through the file
/// system (bit rot, a failing disk, root writing the block device). `rolegraph validate` reads
/// every byte again, whatever the records say, and so does a load without a ledger (the
/// library's default). An image changed while a command reads it is outside what any check can
/// see, with or without a record (see Guides/Snapshot.md, "Limits").
///
/// Every failure to read or write a record (no directory, no permission, a full disk) only means
/// the next load checks in full: it is never an error.
struct VerifiedImageLedger: Sendable {
    /// The directory of the records.
    let directory: String
    /// The wall clock, in seconds since 1970 (injected by tests).
    let now: @Sendable () -> Double
    /// The most records kept: writing one more removes the least recently written (an image
    /// deleted or replaced long ago leaves its record behind otherwise).
    let capacity: Int

    /// How long after a file's last change its identity is trusted to name its bytes: 25 seconds
    /// more than the kernel takes to write a dirty page back, and at least a minute. Read once,
    /// by the first record written (a load a record vouches for never needs it).
    static let settlingTime = writebackDelay()

    init(directory: String, capacity: Int = 256, now: @escaping @Sendable () -> Double = VerifiedImageLedger.wallClock) {
        self.directory = directory
        self.capacity = capacity
        self.now = now
    }

    /// 25 seconds more than `vm.dirty_expire_centisecs` plus `vm.dirty_writeback_centisecs` (how
    /// long a dirty page may wait, and how often the flusher looks), and at least 60 seconds.
    ///
    /// - Complexity: O(1): two reads of `/proc/sys/vm`, where it exists.
    private static func writebackDelay() -> Double {
        func centiseconds(_ name: String) -> Double? {
            let fd = open("/proc/sys/vm/" + name, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var text = [UInt8](repeating: 0, count: 32)
            let got = text.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard got > 0 else { return nil }
            return Double(String(decoding: text.prefix(got), as: UTF8.self).filter(\.isNumber))
        }
        let writeback = (centiseconds("dirty_expire_centisecs") ?? 3000) + (centiseconds("dirty_writeback_centisecs") ?? 500)
        return max(60, writeback / 100 + 25)
    }

    /// The real time, from `CLOCK_REALTIME`: the clock file systems stamp files with.
    static func wallClock() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The record's file for `identity`: one per device and inode, so a record for an image that
    /// has been replaced is overwritten, not kept beside the new one's.
    private func recordPath(_ identity: FileIdentity) -> String {
        directory + "/" + String(identity.device, radix: 16) + "-" + String(identity.inode, radix: 16)
    }

    /// The record's contents: every field of the identity and the header checksum, on one line.
    private func record(_ identity: FileIdentity, header: UInt64) -> [UInt8] {
        let line = "rolegraph verified image v1 format \(SnapshotLayout.version) size \(identity.size) "
            + "modified \(identity.modified.tv_sec).\(identity.modified.tv_nsec) "
            + "changed \(identity.changed.tv_sec).\(identity.changed.tv_nsec) header \(String(header, radix: 16))\n"
        return Array(line.utf8)
    }

    /// Whether a record says the file of `identity`, with this header checksum, passed the full
    /// check: a regular file of this user's holding exactly the record's line, for a file on a
    /// file system whose times name its bytes.
    ///
    /// - Complexity: O(1): one `open`, `fstat` and `read` of a file of under 256 bytes.
    func vouches(for identity: FileIdentity, header: UInt64) -> Bool {
        guard identity.isOnTrustedFileSystem else { return false }
        // Not blocking: a FIFO planted at the record's path must not hang the load.
        let fd = open(recordPath(identity), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == geteuid() else { return false }
        let expected = record(identity, header: header)
        var found = [UInt8](repeating: 0, count: 256)
        let got = found.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        return got == expected.count && found.prefix(got).elementsEqual(expected)
    }

    /// Records that the file of `identity` passed the full check, unless its file system's times
    /// do not name its bytes or its last change is too recent to trust them (see
    /// ``settlingTime``): a new file beside the record, renamed
    /// over it, so a reader sees the old record or the new, never half of one.
    ///
    /// - Parameter checkedSince: the clock when the file's identity was taken.
    /// - Returns: whether a record was written (false also when writing failed).
    /// - Complexity: O(1) system calls, plus one `mkdir` per missing directory level, plus
    ///   O(*k* log *k*) for the *k* records in the directory (see ``prune(keeping:)``).
    @discardableResult
    func remember(_ identity: FileIdentity, header: UInt64, checkedSince: Double) -> Bool {
        guard identity.isOnTrustedFileSystem, checkedSince - identity.lastChange >= Self.settlingTime,
              Self.makeDirectories(directory) else { return false }
        let path = recordPath(identity), temporary = path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return false }
        let bytes = record(identity, header: header)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        prune(keeping: String(path.dropFirst(directory.count + 1)))
        return true
    }

    /// Removes the least recently written records beyond ``capacity`` (never `kept`, the one just
    /// written), and the temporary files of writers that stopped before renaming theirs (a minute
    /// old or more).
    ///
    /// - Complexity: O(*k* log *k*) for *k* files in the directory: one `stat` each, a sort.
    private func prune(keeping kept: String) {
        guard let stream = opendir(directory) else { return }
        defer { closedir(stream) }
        var records: [(time: Double, name: String)] = []
        let now = now()
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != "..", !name.hasPrefix(".") else { continue }
            var info = stat()
            guard lstat(directory + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            #if canImport(Darwin)
            let time = Double(info.st_mtimespec.tv_sec) + Double(info.st_mtimespec.tv_nsec) / 1e9
            #else
            let time = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
            #endif
            if name.hasSuffix(".tmp") {
                if now - time >= 60 { unlink(directory + "/" + name) }
            } else if name != kept {
                records.append((time, name))
            }
        }
        guard records.count >= capacity else { return }
        records.sort { ($0.time, $0.name) > ($1.time, $1.name) }
        for record in records[max(0, capacity - 1)...] { unlink(directory + "/" + record.name) }
    }

    /// Makes `path` and every missing directory above it, each readable by this user alone.
    ///
    /// - Returns: whether `path` is a directory now.
    private static func makeDirectories(_ path: String) -> Bool {
        var info = stat()
        if stat(path, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            guard makeDirectories(String(path[..<slash])) else { return false }
        }
        return mkdir(path, 0o700) == 0 || errno == EEXIST
    }
}

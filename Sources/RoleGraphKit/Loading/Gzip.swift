internal import CZlib

/// Reads gzip-compressed graph files (`moves.csv.gz`) through the system's zlib, so a large
/// transition file can be loaded as it is distributed. Every member of a multi-member file is
/// read (as `gzip -d` does), and the output is capped, so a small file cannot expand without
/// bound.
enum Gzip {
    /// Whether the bytes start with the gzip magic number.
    static func isCompressed<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Bool where Bytes.Index == Int {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The decompressed bytes.
    ///
    /// - Throws: ``GraphLoadError/invalid(_:)`` at `file:1:1` for corrupt or truncated data, or
    ///   data that decompresses to more than `limit` bytes.
    /// - Complexity: O(*n* + *m*) for *n* compressed and *m* decompressed bytes.
    static func decompress(_ bytes: [UInt8], limit: Int, file: String) throws(GraphLoadError) -> [UInt8] {
        let result: Result<[UInt8], GraphLoadError> = bytes.withUnsafeBufferPointer { input in
            var stream = z_stream()
            // 15 + 32: a window of 2^15 bytes, and a gzip or zlib header detected automatically.
            guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                return .failure(error("cannot start zlib", file))
            }
            defer { inflateEnd(&stream) }
            var output: [UInt8] = []
            output.reserveCapacity(min(limit, max(64 * 1024, input.count * 4)))
            var chunk = [UInt8](repeating: 0, count: 256 * 1024)
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                if output.count + produced > limit {
                    return .failure(.tooLarge(path: file, limit: limit))
                }
                output.append(contentsOf: chunk[0..<produced])
                switch status {
                case Z_STREAM_END:
                    // Another member may follow; anything else after the end is ignored by gzip
                    // only when it is padding, so it is read as a member too.
                    if stream.avail_in == 0 { return .success(output) }
                    if stream.next_in.pointee != 0x1F { return .success(output) }
                    guard inflateReset(&stream) == Z_OK else { return .failure(error("corrupt gzip data", file)) }
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    return .failure(error("the gzip data is truncated", file))
                default:
                    let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                    return .failure(error("corrupt gzip data (\(reason))", file))
                }
            }
        }
        return try result.get()
    }

    private static func error(_ message: String, _ file: String) -> GraphLoadError {
        .invalid([Diagnostic(.other(message), at: SourceLocation(file: file, line: 1, column: 1))])
    }
}

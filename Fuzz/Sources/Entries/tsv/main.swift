import CFuzzer
import FuzzSupport
import RoleGraphKit

// libFuzzer calls this for every input.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    fuzzOne(UnsafeRawBufferPointer(start: data, count: size), format: .tsv)
    return 0
}

// SwiftPM renames an executable's `main` to `<module>_main` (and points `main` at it), so
// libFuzzer's own `main` is not used: this entry hands control to libFuzzer's driver.
@_cdecl("fuzz_tsv_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzInput)
}

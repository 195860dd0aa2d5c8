#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension String {
  /// Whether the text's UTF-8 holds `byte` (an ASCII character): `memchr` over the contiguous
  /// bytes, the generic search's result without walking the view a byte at a time.
  public func containsByte(_ byte: UInt8) -> Bool {
    if let found = utf8.withContiguousStorageIfAvailable({ bytes in
      bytes.baseAddress.map { memchr($0, Int32(byte), bytes.count) != nil } ?? false
    }) {
      return found
    }
    return utf8.contains(byte)
  }
}

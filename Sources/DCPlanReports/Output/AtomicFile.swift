import Foundation
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes output files atomically (docs/results-format.md, "Output files"): the bytes go to a
/// temporary file in the target's folder, which is then renamed over the target, so a failed
/// or interrupted run never leaves half a file.
///
/// - A symbolic link is followed: its target is replaced, the link stays.
/// - An existing file keeps its permissions; a new one gets 0666 less the umask.
/// - A device or pipe (`-o /dev/null`, `-o /dev/stdout`) is written to as it is.
/// - Write errors (a full disk, a closed pipe) are thrown, never trapped on.
/// - A temporary file still open when SIGINT or SIGTERM arrives is removed.
public enum AtomicFile {
  /// Writes `text` (UTF-8) to `path` atomically.
  ///
  /// - Throws: ``AtomicFileError`` with a message a planner can act on.
  public static func write(_ text: String, to path: String) throws {
    try write(bytes: Array(text.utf8), to: path)
  }

  /// Writes `bytes` to `path` atomically.
  ///
  /// - Throws: ``AtomicFileError`` with a message a planner can act on.
  public static func write(bytes: [UInt8], to path: String) throws {
    try write(parts: [bytes], to: path)
  }

  /// Writes the concatenation of `parts` to `path` atomically.
  public static func write(parts: [[UInt8]], to path: String) throws {
    let writer = try Writer(path)
    for part in parts { try writer.append(part) }
    try writer.commit()
  }

  /// An output file written piece by piece and put in place at once by ``commit()`` (a
  /// device or pipe is written as the pieces come); a writer dropped without a commit
  /// removes its temporary file.
  public final class Writer {
    private let path: String
    private let target: String
    private var fd: Int32
    /// The temporary file, nil when writing a device or pipe directly.
    private let temporary: String?
    private let mode: mode_t
    private var done = false

    /// Opens `path` for writing (its temporary file next to it).
    ///
    /// - Throws: ``AtomicFileError`` when the path names a folder, a missing folder, or a
    ///   place that cannot be written.
    public init(_ path: String) throws {
      guard !path.isEmpty else { throw AtomicFileError(message: "an output file needs a name; '-o' was given an empty one") }
      self.path = path
      target = resolvedTarget(path)
      var info = stat()
      let exists = stat(target, &info) == 0
      if exists, (info.st_mode & S_IFMT) == S_IFDIR {
        throw AtomicFileError(message: "cannot write '\(path)': it is a folder; name a file")
      }
      if exists, (info.st_mode & S_IFMT) != S_IFREG {
        // A device, pipe or socket: written to directly (renaming over it would replace it).
        fd = open(target, O_WRONLY)
        guard fd >= 0 else { throw AtomicFileError(message: "cannot write '\(path)': \(reason(errno))") }
        temporary = nil
        mode = 0
        return
      }
      let folder = (target as NSString).deletingLastPathComponent
      var folderInfo = stat()
      guard stat(folder.isEmpty ? "." : folder, &folderInfo) == 0, (folderInfo.st_mode & S_IFMT) == S_IFDIR else {
        throw AtomicFileError(message: "cannot write '\(path)': the folder '\(folder)' does not exist")
      }
      let name = (target as NSString).lastPathComponent
      var template = Array(((folder.isEmpty ? "." : folder) + "/.\(name).dcplan-XXXXXX").utf8CString)
      fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
      guard fd >= 0 else {
        throw AtomicFileError(message: "cannot write '\(path)': \(reason(errno)) (creating a temporary file in '\(folder)')")
      }
      let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
      self.temporary = temporary
      // The existing file's permissions, or what a new file gets.
      mode = exists ? info.st_mode & 0o7777 : 0o666 & ~currentUmask()
      TemporaryFiles.register(temporary)
    }

    /// Appends `bytes`.
    ///
    /// - Throws: ``AtomicFileError`` on a write error (the temporary file is then removed).
    public func append(_ bytes: [UInt8]) throws {
      do {
        try writeAll(bytes, to: fd, name: path)
      } catch {
        abandon()
        throw error
      }
    }

    /// Appends `text` as UTF-8.
    public func append(_ text: String) throws { try append(Array(text.utf8)) }

    /// Puts the file in place: flushed to the device, then renamed over the target.
    public func commit() throws {
      guard !done else { return }
      guard let temporary else {
        done = true
        close(fd)
        return
      }
      _ = fchmod(fd, mode)
      guard fsync(fd) == 0 else {
        let code = errno
        abandon()
        throw AtomicFileError(message: "cannot write '\(path)': \(reason(code))")
      }
      close(fd)
      done = true
      defer { TemporaryFiles.unregister() }
      guard rename(temporary, target) == 0 else {
        let code = errno
        unlink(temporary)
        throw AtomicFileError(message: "cannot write '\(path)': \(reason(code))")
      }
    }

    /// Closes and removes the temporary file without putting it in place.
    public func abandon() {
      guard !done else { return }
      done = true
      close(fd)
      if let temporary {
        unlink(temporary)
        TemporaryFiles.unregister()
      }
    }

    deinit { abandon() }
  }

  /// Writes `bytes` to standard output, reporting a write error (a closed pipe, a full device)
  /// instead of trapping.
  public static func writeStandardOutput(_ bytes: [UInt8]) throws {
    try writeStandardOutput(parts: [bytes])
  }

  /// Writes the concatenation of `parts` to standard output, as ``writeStandardOutput(_:)``.
  public static func writeStandardOutput(parts: [[UInt8]]) throws {
    widenPipe(STDOUT_FILENO, for: parts.reduce(0) { $0 + $1.count })
    for part in parts { try writeAll(part, to: STDOUT_FILENO, name: "standard output") }
  }

  /// Megabytes into a pipe (a script reading the results) pass in far fewer turns of writer
  /// and reader when the pipe holds a megabyte instead of Linux's 64 kB; a pipe that cannot
  /// grow (another system, a lower limit) stays as it is.
  static func widenPipe(_ descriptor: Int32, for count: Int) {
    #if os(Linux)
      var info = stat()
      guard count > 1 << 16, fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFIFO else { return }
      _ = fcntl(descriptor, 1031 /* F_SETPIPE_SZ */, Int32(1 << 20))
    #endif
  }

  /// Where writing `path` lands: the final target of a chain of symbolic links (relative links
  /// are read relative to the link's folder), or `path` itself.
  public static func resolvedTarget(_ path: String) -> String {
    var current = path
    for _ in 0..<40 {
      var info = stat()
      guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = readlink(current, &buffer, Int(PATH_MAX))
      guard count > 0 else { return current }
      let link = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current = link.hasPrefix("/") ? link : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(link)
    }
    return current
  }

  /// The same file for two paths: the same device and inode where both exist, else the same
  /// resolved, standardized path.
  public static func sameFile(_ a: String, _ b: String) -> Bool {
    var x = stat()
    var y = stat()
    if stat(a, &x) == 0, stat(b, &y) == 0 { return x.st_dev == y.st_dev && x.st_ino == y.st_ino }
    let standard = { (path: String) in URL(fileURLWithPath: resolvedTarget(path)).standardizedFileURL.path }
    return standard(a) == standard(b)
  }

  private static func writeAll(_ bytes: [UInt8], to fd: Int32, name: String) throws {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { raw in Glibc.write(fd, raw.baseAddress! + offset, bytes.count - offset) }
      if written < 0 {
        if errno == EINTR { continue }
        throw AtomicFileError(message: "cannot write \(name == "standard output" ? name : "'\(name)'"): \(reason(errno))")
      }
      offset += written
    }
  }

  private static func reason(_ code: Int32) -> String {
    switch code {
    case ENOSPC: return "the device is full"
    case EPIPE: return "the reading end was closed"
    case EACCES, EPERM: return "permission denied"
    case EROFS: return "the file system is read-only"
    default: return String(cString: strerror(code))
    }
  }

  private static func currentUmask() -> mode_t {
    let mask = umask(0o022)
    umask(mask)
    return mask
  }
}

/// The temporary file being written, removed if the process is interrupted (SIGINT, SIGTERM).
enum TemporaryFiles {
  /// The path as a C string, read by the signal handler (no allocation there).
  nonisolated(unsafe) static var path: UnsafeMutablePointer<CChar>?
  nonisolated(unsafe) static var installed = false

  static func register(_ file: String) {
    if !installed {
      installed = true
      for signal in [SIGINT, SIGTERM] {
        Glibc.signal(signal) { received in
          if let path = TemporaryFiles.path { unlink(path) }
          Glibc.signal(received, SIG_DFL)
          raise(received)
        }
      }
    }
    path = strdup(file)
  }

  static func unregister() {
    let old = path
    path = nil
    free(old)
  }
}

/// Why an output file could not be written.
public struct AtomicFileError: Error, CustomStringConvertible {
  /// The reason, for stderr.
  public let message: String
  /// The reason.
  public var description: String { message }
}

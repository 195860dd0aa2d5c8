import Foundation

/// Writes output files atomically: the text goes to a temporary file in the same folder,
/// which is then renamed over the target, so a failed run never leaves half a file. A device
/// or pipe is written to directly.
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
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
      throw AtomicFileError(message: "cannot write '\(path)': the folder '\(folder)' does not exist")
    }
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
      throw AtomicFileError(message: "cannot write '\(path)': it is a folder; name a file")
    }
    // A device or pipe (`-o /dev/null`, `-o /dev/stdout`) is written to as it is: renaming a
    // file over it would replace the device.
    if let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType,
      type != .typeRegular, type != .typeSymbolicLink
    {
      guard let handle = FileHandle(forWritingAtPath: path) else {
        throw AtomicFileError(message: "cannot write '\(path)': it cannot be opened for writing")
      }
      handle.write(Data(bytes))
      try? handle.close()
      return
    }
    do {
      try Data(bytes).write(to: url, options: .atomic)
    } catch {
      throw AtomicFileError(message: "cannot write '\(path)': \(error.localizedDescription)")
    }
  }
}

/// Why an output file could not be written.
public struct AtomicFileError: Error, CustomStringConvertible {
  /// The reason, for stderr.
  public let message: String
  /// The reason.
  public var description: String { message }
}

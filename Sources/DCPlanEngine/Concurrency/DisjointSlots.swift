/// A buffer that parallel workers write to at disjoint indices only, so no lock is needed;
/// the caller keeps the buffer alive and guarantees that no two workers share an index.
struct DisjointSlots<Element>: @unchecked Sendable {
  let base: UnsafeMutablePointer<Element>?
}

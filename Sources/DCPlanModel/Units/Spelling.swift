/// Did-you-mean suggestions by edit distance, for unknown keys, units and ids.
public enum Spelling {
  /// The candidate nearest to `word`, if its edit distance is small for the word's length
  /// (at most 1 for words up to 4 characters, 2 up to 8, else 3), ties broken by list order.
  ///
  /// Case differences count as half an edit, so `gib` suggests `GiB`.
  public static func nearest(to word: String, among candidates: [String]) -> String? {
    let limit = word.count <= 4 ? 1.0 : (word.count <= 8 ? 2.0 : 3.0)
    var best: (String, Double)?
    // The distance is at least the difference in length: a word far longer than a candidate
    // is not compared letter by letter (no quadratic work on a 10 MB value).
    let length = word.count
    for candidate in candidates where candidate != word && abs(candidate.count - length) <= Int(limit) {
      let distance = editDistance(word, candidate)
      if distance <= limit, best.map({ distance < $0.1 }) ?? true {
        best = (candidate, distance)
      }
    }
    return best?.0
  }

  /// Edit distance (optimal string alignment: insertions, deletions, substitutions and
  /// transpositions of neighbours) where a substitution that only changes case costs 0.5.
  public static func editDistance(_ a: String, _ b: String) -> Double {
    let x = Array(a)
    let y = Array(b)
    if x.isEmpty { return Double(y.count) }
    if y.isEmpty { return Double(x.count) }
    var beforePrevious = [Double](repeating: 0, count: y.count + 1)
    var previous = (0...y.count).map(Double.init)
    var current = previous
    for i in 1...x.count {
      current[0] = Double(i)
      for j in 1...y.count {
        let substitution: Double
        if x[i - 1] == y[j - 1] {
          substitution = 0
        } else if x[i - 1].lowercased() == y[j - 1].lowercased() {
          substitution = 0.5
        } else {
          substitution = 1
        }
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution)
        if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
          current[j] = min(current[j], beforePrevious[j - 2] + 1)
        }
      }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[y.count]
  }
}

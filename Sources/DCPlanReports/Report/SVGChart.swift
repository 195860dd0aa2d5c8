import Foundation

/// Small SVG charts for the HTML report: lines over years, stacked bars over years, and
/// horizontal bars; self-contained markup, no script.
enum SVGChart {
  struct Series {
    let name: String
    let values: [Double]
  }

  static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
                        "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39"]
  static let width = 720.0
  static let height = 300.0
  static let left = 80.0
  static let right = 170.0
  static let top = 20.0
  static let bottom = 60.0

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }

  static func number(_ value: Double) -> String {
    let magnitude = abs(value)
    if magnitude >= 1e9 { return trim(value / 1e9) + " G" }
    if magnitude >= 1e6 { return trim(value / 1e6) + " M" }
    if magnitude >= 1e4 { return trim(value / 1e3) + " k" }
    return trim(value)
  }

  private static func trim(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  /// An axis from `low` to `high` in steps of 1, 2 or 5 × 10^k, the least of them that covers
  /// the data in at most `maxTicks` intervals (zero on a tick when the data span it).
  struct NiceAxis: Equatable {
    let low: Double
    let high: Double
    let step: Double

    init(minimum: Double, maximum: Double, maxTicks: Int = 6) {
      let lower = min(minimum, maximum)
      var upper = max(minimum, maximum)
      guard lower.isFinite, upper.isFinite else {
        (low, high, step) = (0, 1, 0.2)
        return
      }
      if upper - lower <= 0 { upper = lower + max(1, abs(lower)) }
      let rough = (upper - lower) / Double(maxTicks)
      // The power of ten at or below the rough step.
      var magnitude = 1.0
      while magnitude * 10 <= rough { magnitude *= 10 }
      while magnitude > rough { magnitude /= 10 }
      var chosen = 100 * magnitude
      for factor in [1.0, 2, 5, 10, 20, 50, 100] {
        let step = factor * magnitude
        let first = (lower / step + 1e-9).rounded(.down)
        let last = (upper / step - 1e-9).rounded(.up)
        if last - first <= Double(maxTicks) {
          chosen = step
          break
        }
      }
      step = chosen
      low = (lower / chosen + 1e-9).rounded(.down) * chosen
      high = (upper / chosen - 1e-9).rounded(.up) * chosen
    }

    /// The tick values, low to high.
    var ticks: [Double] {
      let count = Int(((high - low) / step).rounded())
      return (0...max(1, count)).map { low + Double($0) * step }
    }

    /// Tick labels in one unit for the whole axis (G, M, k or none, by its largest end), with
    /// the decimals its step needs: "0", "0.5 M", "1 M", "1.5 M".
    var labels: [String] {
      let largest = max(abs(low), abs(high))
      let (divisor, suffix) = largest >= 1e9 ? (1e9, " G") : largest >= 1e6 ? (1e6, " M") : largest >= 1e4 ? (1e3, " k") : (1, "")
      var decimals = 0
      var scaled = step / divisor
      while scaled < 0.999, decimals < 9 {
        scaled *= 10
        decimals += 1
      }
      return ticks.map { value in
        let text = MarkdownRenderer.formatNumber(value / divisor, decimals: decimals)
        return (text == "-0" || Double(text) == 0 ? "0" : text) + (abs(value) < step / 2 ? "" : suffix)
      }
    }
  }

  /// Series k's colour: its own among the first the legend names, grey for those beyond
  /// (named together in the legend's last line), so that no two named series share one.
  static func colour(_ k: Int, of count: Int) -> String {
    let named = count > palette.count ? palette.count - 1 : count
    return k < named ? palette[k] : "#bbbbbb"
  }

  /// Every how many axis labels one is written so that none overlaps the next: labels lean
  /// at 25°, so two parallel lines `slot` apart stand `slot · sin 25°` apart and need 11 px
  /// for a 10 px font; upright ones need their width (about 6.5 px a character at 11 px) and
  /// 6 px between them.
  static func labelStride(_ labels: [String], slot: Double, lean: Bool) -> Int {
    guard slot > 0, !labels.isEmpty else { return 1 }
    let needed = lean ? 11 / sin(25 * Double.pi / 180) : 6.5 * Double(labels.map(\.count).max() ?? 0) + 6
    return max(1, Int((needed / slot).rounded(.up)))
  }

  private static func frame(_ title: String, minimum: Double, maximum: Double, labels: [String], body: String, legend: [String]) -> String {
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    var svg = "<figure><figcaption>\(escape(title))</figcaption>"
    svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(escape(title))\">"
    svg += "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#fff\"/>"
    // The bounds come from ``NiceAxis``: the ticks fall on its steps.
    let axis = NiceAxis(minimum: minimum, maximum: maximum)
    for (value, label) in zip(axis.ticks, axis.labels) {
      let y = top + plotHeight * (1 - (value - minimum) / (maximum - minimum))
      svg += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(left + plotWidth)\" y2=\"\(y)\" stroke=\"#ddd\"/>"
      svg += "<text x=\"\(left - 6)\" y=\"\(y + 4)\" font-size=\"11\" text-anchor=\"end\">\(escape(label))</text>"
    }
    // Long labels (service names) lean so that they do not overlap; where even leaning ones
    // would, only every k-th is written (``labelStride(_:slot:lean:)``).
    let lean = labels.contains { $0.count > 6 } && labels.count > 4
    let every = labelStride(labels, slot: plotWidth / Double(max(1, labels.count)), lean: lean)
    for (i, label) in labels.enumerated() where i % every == 0 {
      let x = left + plotWidth * (Double(i) + 0.5) / Double(max(1, labels.count))
      let y = height - bottom + 16
      svg += lean
        ? "<text x=\"\(x)\" y=\"\(y - 4)\" font-size=\"10\" text-anchor=\"end\" transform=\"rotate(-25 \(x) \(y - 4))\">\(escape(label))</text>"
        : "<text x=\"\(x)\" y=\"\(y)\" font-size=\"11\" text-anchor=\"middle\">\(escape(label))</text>"
    }
    svg += body
    // At most 14 entries (the palette's colours), names cut to fit the margin; more series
    // than that are named in a last line, the table has them all.
    let shown = legend.count > palette.count ? palette.count - 1 : legend.count
    for (i, name) in legend.prefix(shown).enumerated() {
      let y = top + Double(i) * 18
      let fitted = name.count > 21 ? String(name.prefix(20)) + "…" : name
      svg += "<rect x=\"\(width - right + 12)\" y=\"\(y)\" width=\"12\" height=\"12\" fill=\"\(palette[i % palette.count])\"/>"
      svg += "<text x=\"\(width - right + 30)\" y=\"\(y + 10)\" font-size=\"11\"><title>\(escape(name))</title>\(escape(fitted))</text>"
    }
    if legend.count > shown {
      svg += "<text x=\"\(width - right + 12)\" y=\"\(top + Double(shown) * 18 + 10)\" font-size=\"11\" fill=\"#555\">+ \(legend.count - shown) more: see the table</text>"
    }
    return svg + "</svg></figure>"
  }

  /// Lines, one per series, over `labels` (years).
  static func lines(_ title: String, labels: [String], series: [Series], band: (low: [Double], high: [Double])? = nil) -> String {
    let all = (series.flatMap(\.values) + (band.map { $0.low + $0.high } ?? [])).filter(\.isFinite)
    let axis = NiceAxis(minimum: min(0, all.min() ?? 0), maximum: max(0, all.max() ?? 1))
    let (minimum, maximum) = (axis.low, axis.high)
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    func point(_ i: Int, _ value: Double) -> String {
      let x = left + plotWidth * (Double(i) + 0.5) / Double(max(1, labels.count))
      let y = top + plotHeight * (1 - (value - minimum) / (maximum - minimum))
      return "\(x),\(y)"
    }
    var body = ""
    if let band {
      let upper = band.high.enumerated().map { point($0.offset, $0.element) }
      let lower = band.low.enumerated().map { point($0.offset, $0.element) }.reversed()
      body += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"#1f77b4\" fill-opacity=\"0.2\"/>"
    }
    for (k, line) in series.enumerated() {
      let points = line.values.enumerated().map { point($0.offset, $0.element) }.joined(separator: " ")
      body += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(colour(k, of: series.count))\" stroke-width=\"2\"/>"
    }
    return frame(title, minimum: minimum, maximum: maximum, labels: labels, body: body, legend: series.map(\.name))
  }

  /// Bars stacked per label, one colour per series.
  static func stackedBars(_ title: String, labels: [String], series: [Series]) -> String {
    let totals = labels.indices.map { i in series.reduce(0) { $0 + max(0, $1.values[i]) } }
    let maximum = NiceAxis(minimum: 0, maximum: totals.filter(\.isFinite).max() ?? 1).high
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    let slot = plotWidth / Double(max(1, labels.count))
    var body = ""
    for i in labels.indices {
      var base = 0.0
      for (k, bar) in series.enumerated() where bar.values[i] > 0 {
        let h = plotHeight * bar.values[i] / maximum
        let y = top + plotHeight - plotHeight * base / maximum - h
        body += "<rect x=\"\(left + slot * Double(i) + slot * 0.15)\" y=\"\(y)\" width=\"\(slot * 0.7)\" height=\"\(h)\" fill=\"\(colour(k, of: series.count))\"/>"
        base += bar.values[i]
      }
    }
    return frame(title, minimum: 0, maximum: maximum, labels: labels, body: body, legend: series.map(\.name))
  }

  /// Grouped bars: for each label, one bar per series side by side.
  static func groupedBars(_ title: String, labels: [String], series: [Series]) -> String {
    let all = series.flatMap(\.values).filter(\.isFinite)
    let axis = NiceAxis(minimum: min(0, all.min() ?? 0), maximum: max(0, all.max() ?? 1))
    let (minimum, maximum) = (axis.low, axis.high)
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    let slot = plotWidth / Double(max(1, labels.count))
    let barWidth = slot * 0.8 / Double(max(1, series.count))
    func y(_ value: Double) -> Double { top + plotHeight * (1 - (value - minimum) / (maximum - minimum)) }
    var body = ""
    for i in labels.indices {
      for (k, bar) in series.enumerated() {
        let value = bar.values[i]
        let top = min(y(value), y(0))
        let h = abs(y(value) - y(0))
        body += "<rect x=\"\(left + slot * Double(i) + slot * 0.1 + barWidth * Double(k))\" y=\"\(top)\" width=\"\(barWidth)\" height=\"\(max(0.5, h))\" fill=\"\(colour(k, of: series.count))\"/>"
      }
    }
    return frame(title, minimum: minimum, maximum: maximum, labels: labels, body: body, legend: series.map(\.name))
  }
}

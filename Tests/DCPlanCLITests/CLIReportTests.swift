import DCPlanTestSupport
import Foundation
import Testing

extension CLITests {
  func chromium() -> String? {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  func screenshot(_ page: URL, to png: URL, browser: String) throws {
    _ = try run(browser, [
      "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1100,1500",
      "--screenshot=\(png.path)", page.absoluteString,
    ])
  }

  @Test("report: one self-contained HTML file with SVG charts and tables; headless Chromium renders more than a blank page")
  func report() throws {
    let folder = try temporaryFolder()
    let html = folder.appendingPathComponent("report.html")
    let outcome = try dcplan(["report", RepositoryPaths.scenario("niedersachsen-2025.yaml"), "--trials", "30", "-o", html.path, "--quiet"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let text = try String(contentsOf: html, encoding: .utf8)
    #expect(text.hasPrefix("<!DOCTYPE html>"))
    #expect(text.components(separatedBy: "<svg").count - 1 == 6)
    #expect(!text.contains("<script") && !text.contains("src=") && !text.contains("<link"))
    #expect(text.contains("Costs by category and year (EUR)") && text.contains("<table>"))
    // CI installs Chromium and sets DCPLAN_REQUIRE_CHROMIUM; elsewhere the screenshot needs one.
    let required = ProcessInfo.processInfo.environment["DCPLAN_REQUIRE_CHROMIUM"] == "1"
    guard let browser = chromium() else {
      #expect(!required, "Chromium is required here but not installed")
      return
    }
    let blank = folder.appendingPathComponent("blank.html")
    try "<!DOCTYPE html><html><body></body></html>".write(to: blank, atomically: true, encoding: .utf8)
    let shot = folder.appendingPathComponent("report.png")
    let blankShot = folder.appendingPathComponent("blank.png")
    try screenshot(html, to: shot, browser: browser)
    try screenshot(blank, to: blankShot, browser: browser)
    let size = (try FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0
    let blankSize = (try FileManager.default.attributesOfItem(atPath: blankShot.path)[.size] as? Int) ?? 0
    // A white page compresses to a few kB; charts and tables to far more.
    #expect(blankSize > 0)
    #expect(size > 10 * blankSize, "screenshot \(size) bytes, blank page \(blankSize) bytes")
  }
}

extension CLITests {
  @Test("report of 61 tenants: the tenants' chart shows the 11 largest and the others together, its labels spaced so that none overlaps")
  func reportManyTenants() throws {
    let folder = try temporaryFolder()
    let scenario = folder.appendingPathComponent("state.yaml").path
    let html = folder.appendingPathComponent("report.html")
    #expect(try dcplan(["generate", "--municipalities", "60", "--counties", "30", "--seed", "3", "-o", scenario]).status == 0)
    let outcome = try dcplan(["report", scenario, "-o", html.path, "--quiet"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let text = try String(contentsOf: html, encoding: .utf8)
    // The tenants' figure: 11 tenants and one group of the other 50 (the table keeps all 61).
    let figures = text.components(separatedBy: "<figure>")
    let tenants = try #require(figures.first { $0.contains("<figcaption>Tenants: cost, standalone cost and saving") })
    #expect(tenants.contains("the 11 largest alone and the other 50 together"))
    #expect(tenants.contains(">50 others</text>"))
    #expect(tenants.components(separatedBy: "<rect x=").count - 1 == 1 + 12 * 3 + 3)  // background, bars, legend keys
    #expect(tenants.components(separatedBy: "rotate(-25").count - 1 == 12)
  }
}

extension CLITests {
  @Test("report of 15 services with targets: the downtime chart shows the 12 with the least margin and says so")
  func reportManyServices() throws {
    let folder = try temporaryFolder()
    // The default's 7 services with a target, and 8 more office services of the Land (VK2).
    let extra = (1...8).map { "  - {id: office-\($0), tenant: land, vcpu: \(10 * $0) vCPU, ram: 40 GiB, availability_target: VK2}" }
    let scenario = folder.appendingPathComponent("many.yaml")
    try ("extends: dcplan:default\nworkloads:\n" + extra.joined(separator: "\n") + "\n").write(to: scenario, atomically: true, encoding: .utf8)
    let html = folder.appendingPathComponent("report.html")
    let outcome = try dcplan(["report", scenario.path, "-o", html.path, "--quiet"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let text = try String(contentsOf: html, encoding: .utf8)
    let figure = try #require(text.components(separatedBy: "<figure>").first { $0.contains("<figcaption>Downtime in 2025") })
    #expect(figure.contains("the 12 of 15 services with the least margin, all in the table"))
    #expect(figure.components(separatedBy: "<rect x=").count - 1 == 1 + 12 * 2 + 2)  // background, bars, legend keys
  }

  @Test("report --trials beyond --max-trial-memory-gb: the same page, its sensitivity table saying how the ranks were read")
  func reportTrialsInChunks() throws {
    let folder = try temporaryFolder()
    let scenario = RepositoryPaths.scenario("niedersachsen-2025.yaml")
    let kept = folder.appendingPathComponent("kept.html")
    let chunked = folder.appendingPathComponent("chunked.html")
    #expect(try dcplan(["report", scenario, "--trials", "1100", "-o", kept.path, "--quiet"]).status == 0)
    #expect(try dcplan(
      ["report", scenario, "--trials", "1100", "--max-trial-memory-gb", "0.000001", "-o", chunked.path, "--quiet"]).status == 0)
    let note = " (a run larger than memory: ranks exact to within their bin, docs/conventions.md)"
    let chunkedPage = try String(contentsOf: chunked, encoding: .utf8)
    #expect(chunkedPage.contains(note))
    #expect(chunkedPage.replacingOccurrences(of: note, with: "") == (try String(contentsOf: kept, encoding: .utf8)))
  }
}

extension BundledScenarios {
  /// What `extends:` names to build on the bundled default scenario.
  public static let defaultReference = "dcplan:default"
}

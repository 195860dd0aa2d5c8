#!/usr/bin/env python3
"""Writes issue 8's Monte Carlo peer problem as a dcplan scenario: 10,000 workloads over
20 sites (18 legacy rooms, 2 shared twins) and 10 years, each workload's growth drawn per
trial from a triangular distribution; servers sized with N+1 per cluster, racks, kW, energy
cost, NPV. Deterministic (no randomness in the file itself).

Usage: python3 Scripts/reference/peer_scenario.py [WORKLOADS] [SITES] [YEARS] > peer.yaml
"""
import sys

workloads = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
sites = int(sys.argv[2]) if len(sys.argv) > 2 else 20
years = int(sys.argv[3]) if len(sys.argv) > 3 else 10
legacy = sites - 2
first, last = 2020, 2020 + years - 1

out = []
w = out.append
w("version: 1")
w("scenario:")
w("  name: Monte Carlo peer problem")
w(f"  horizon: {first}..{last}")
w("  discount_rate: 3 %")
w("  seed: 1")
w("tenants:")
for t in range(legacy):
    w(f"  - {{id: t{t}, kind: municipality, employees: {500 + 37 * t}, joins_shared_dc: {first + t % years}, legacy_site: room{t}}}")
w("sites:")
for name in ("a", "b"):
    w(f"  - id: dc-{name}")
    w("    kind: shared")
    w("    load_share: 50 %")
    w("    capacity: {racks: 40, it_power: 300 kW, cooling: 300 kW}")
    w("    pue: 1.4")
    w("    modules:")
    w("      - {name: hall 2, racks: 40, it_power: 300 kW, cooling: 300 kW, capex: 2000000 EUR, lead_time: 2 years}")
for t in range(legacy):
    w(f"  - {{id: room{t}, kind: legacy, capacity: {{racks: 4, it_power: 30 kW, cooling: 30 kW}}, pue: 2.0}}")
w("workloads:")
for i in range(workloads):
    vcpu = "0.01 vCPU/employee" if i % 2 == 0 else f"{1 + i % 8} vCPU"
    w(f"  - {{id: w{i}, tenant: t{i % legacy}, vcpu: {vcpu}, ram: {4 + i % 4 * 4} GiB, storage: {0.1 + (i % 7) / 10:.1f} TiB, "
      f"growth: 8 %, storage_growth: 12 %, start_year: {first + i % 3}}}")
w("hardware:")
w("  servers:")
w("    - {id: std, cores: 32, ram: 512 GiB, typical_power: 400 W, peak_power: 600 W, price: 10000 EUR, lifetime: 5 years, per_rack: 16}")
w("  storage:")
w("    - {id: array, usable: 200 TiB, typical_power: 800 W, peak_power: 1000 W, price: 60000 EUR, lifetime: 5 years, per_rack: 8}")
w("policy: {cpu_overcommit: 4, target_utilisation: 70 %, cluster_size: 16, spares_per_cluster: 1, storage_copies: 2, site_mode: active-active, failover_share: 100 %}")
w("costs:")
w("  energy_price: 20 ct/kWh")
w("  maintenance: 10 %")
w("uncertainty:")
w("  inputs:")
w("    - {name: growth, path: 'workloads[*].growth', distribution: triangular, min: 4 %, mode: 8 %, max: 14 %}")
print("\n".join(out))

#!/usr/bin/env python3
"""Issue 8's numpy peer, to measure on this machine what dcplan's batched Monte Carlo is
compared with: 10,000 workloads over 20 sites and 10 years, 10,000 trials; a triangular
growth draw per trial and workload; per year the growth-factor matrix (trials x workloads)
times the workload-to-site matrix through BLAS; servers with N+1 per cluster, racks, kW,
energy cost, NPV; P10/P50/P90 of NPV and of the first shortfall year.

It prints the time of the whole peer and of its arithmetic floor (the products alone).
Usage: python3 Scripts/reference/mc_peer.py [TRIALS] [WORKLOADS]
"""
import sys
import time

import numpy as np

trials = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
workloads = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
sites, years, chunk = 20, 10, 1000
rng = np.random.default_rng(1)
base = 1.0 + (np.arange(workloads) % 8)                      # vCPU
placement = np.zeros((workloads, sites))
placement[np.arange(workloads), np.arange(workloads) % sites] = 1.0
vcpu_per_server, cluster, spares, per_rack, kw_per_server = 32 * 4 * 0.7, 16, 1, 16, 0.4
eur_per_kwh, pue, rate, server_eur = 0.20, 1.4, 0.03, 10_000.0
racks_standing = 40


def triangular(u, low=0.04, mode=0.08, high=0.14):
    cut = (mode - low) / (high - low)
    return np.where(u < cut, low + np.sqrt(u * (high - low) * (mode - low)),
                    high - np.sqrt((1 - u) * (high - low) * (high - mode)))


start = time.perf_counter()
floor = 0.0
npv = np.empty(trials)
first_short = np.empty(trials)
for t0 in range(0, trials, chunk):
    n = min(chunk, trials - t0)
    step = 1 + triangular(rng.random((n, workloads)))
    factor = np.ones((n, workloads))
    cost = np.zeros((n, years))
    short = np.full(n, years)
    for y in range(years):
        f0 = time.perf_counter()
        demand = (factor * base) @ placement                  # trials x sites, BLAS
        floor += time.perf_counter() - f0
        working = np.ceil(demand / vcpu_per_server)
        servers = working + spares * np.ceil(working / (cluster - spares))
        racks = np.ceil(servers / per_rack)
        kw = servers * kw_per_server
        cost[:, y] = (kw * 8760 * pue * eur_per_kwh).sum(axis=1) + server_eur * servers.sum(axis=1) / 5
        over = (racks > racks_standing).any(axis=1)
        short = np.where((short == years) & over, y, short)
        factor *= step
    npv[t0:t0 + n] = (cost / (1 + rate) ** np.arange(years)).sum(axis=1)
    first_short[t0:t0 + n] = short
p = np.percentile(npv, [10, 50, 90])
s = np.percentile(first_short, [10, 50, 90], method="inverted_cdf")
total = time.perf_counter() - start
print(f"{trials} trials x {workloads} workloads x {sites} sites x {years} years: {total:.2f} s "
      f"(products alone {floor:.2f} s); NPV P10/50/90 {p.round(0)}, first shortfall index {s}")

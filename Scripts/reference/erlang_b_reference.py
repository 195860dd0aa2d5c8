#!/usr/bin/env python3
"""Fewest Erlang B trunks, independently of dcplan: the recursion
1/B(n) = 1 + n/A * 1/B(n-1) in 60-digit decimal arithmetic, from n = 0, stopping at the first n
whose blocking B(n) <= the grade of service. Writes Tests/Fixtures/erlang-b-reference.json.

Run: python3 Scripts/reference/erlang_b_reference.py
"""
import json
import os
from decimal import Decimal, getcontext

getcontext().prec = 60

TRAFFICS = ["0.05", "0.5", "1", "2.5", "10", "36.5", "100", "250", "1000", "5000", "20000", "100000", "1000000"]
GRADES = ["0.0001", "0.001", "0.01", "0.02", "0.05", "0.1", "0.2", "0.5"]


def fewest_trunks(traffic: Decimal, grade: Decimal) -> int:
    limit = 1 / grade
    reciprocal = Decimal(1)  # 1/B(0)
    n = 0
    while reciprocal < limit:
        n += 1
        reciprocal = 1 + Decimal(n) / traffic * reciprocal
    return n


def main() -> None:
    rows = []
    for a in TRAFFICS:
        for g in GRADES:
            rows.append({"traffic": float(a), "grade_of_service": float(g), "trunks": fewest_trunks(Decimal(a), Decimal(g))})
    out = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "Fixtures", "erlang-b-reference.json")
    with open(out, "w") as f:
        json.dump(rows, f, indent=1)
        f.write("\n")
    print(f"wrote {len(rows)} cases to {os.path.normpath(out)}")


if __name__ == "__main__":
    main()

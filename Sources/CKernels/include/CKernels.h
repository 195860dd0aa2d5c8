// Inner loops of the Monte Carlo trials, in C so that they can use the wider vector units
// where the processor has them (chosen at run time; the results are the same bytes on every
// path: the same operations in the same order, no fused multiply-adds).
#ifndef DCPLAN_CKERNELS_H
#define DCPLAN_CKERNELS_H

#include <stddef.h>

/// Replaces each uniform u[i] by the triangular distribution's quantile at it:
/// p = u clamped to [1e-15, 1 − 1e-15]; p < cut ? low + √(below·p) : high − √(above·(1 − p)).
void dcplan_triangular_quantiles(double *u, size_t n, double low, double high, double cut, double below, double above);

/// For one run of `count` workloads sharing a growth: for each year y in [first, years),
/// sumsA[y] = Σ baseA[i]·scaleA[i]·f_y[i] and (if baseB) sumsB[y] likewise, where f starts at
/// initial[i] (1 if initial is NULL) in year `first` and is multiplied by step[i] each year;
/// scaleA/scaleB NULL mean 1. Four workloads per lane group, lane sums added as
/// ((l0 + l1) + l2) + l3, then the remainder workload by workload. `lanes` holds 8·years doubles.
void dcplan_segment_sums(const double *baseA, const double *baseB, const double *scaleA, const double *scaleB,
                         const double *initial, const double *step, size_t count, size_t first, size_t years,
                         double *lanes, double *sumsA, double *sumsB);

/// Writes the uniforms (x >> 11 + 0.5) · 2^-53 of the SplitMix64 stream that starts in `state`
/// (its next `n` outputs x) to u[0 ..< n]: the values SplitMix64.next() gives one by one,
/// eight at a time where the processor has 64-bit vector multiplies (AVX-512DQ).
void dcplan_splitmix_uniforms(unsigned long long state, double *u, size_t n);

/// The first index i in [0, count) with sorted[i] >= x (count if none): a lower bound whose
/// halving steps do not depend on the comparisons (conditional moves, no mispredicted branches).
size_t dcplan_lower_bound(const double *sorted, size_t count, double x);

/// The portable paths of the kernels above, whatever the processor (tests compare them
/// with the dispatched ones byte for byte).
void dcplan_triangular_quantiles_portable(double *u, size_t n, double low, double high, double cut, double below,
                                          double above);
void dcplan_splitmix_uniforms_portable(unsigned long long state, double *u, size_t n);
void dcplan_segment_sums_portable(const double *baseA, const double *baseB, const double *scaleA, const double *scaleB,
                                  const double *initial, const double *step, size_t count, size_t first, size_t years,
                                  double *lanes, double *sumsA, double *sumsB);

#endif

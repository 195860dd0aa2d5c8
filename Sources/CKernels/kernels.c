#include "CKernels.h"

// Every path must give the same bytes: no multiply-add fused into one rounding.
#pragma STDC FP_CONTRACT OFF

#include <math.h>
#include <stdint.h>

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>
#define DCPLAN_X86 1
#endif

// ---- triangular quantiles -------------------------------------------------------------

static inline double clamp_unit(double u) {
  double p = u < 1e-15 ? 1e-15 : u;
  return p > 1 - 1e-15 ? 1 - 1e-15 : p;
}

static void triangular_generic(double *u, size_t from, size_t n, double low, double high, double cut, double below,
                               double above) {
  for (size_t i = from; i < n; i++) {
    double p = clamp_unit(u[i]);
    int lower = p < cut;
    double root = sqrt(lower ? below * p : above * (1 - p));
    u[i] = lower ? low + root : high - root;
  }
}

#ifdef DCPLAN_X86
__attribute__((target("avx2"))) static void triangular_avx2(double *u, size_t n, double low, double high, double cut,
                                                             double below, double above) {
  const __m256d lo = _mm256_set1_pd(1e-15), hi = _mm256_set1_pd(1 - 1e-15), one = _mm256_set1_pd(1);
  const __m256d vcut = _mm256_set1_pd(cut), vbelow = _mm256_set1_pd(below), vabove = _mm256_set1_pd(above);
  const __m256d vlow = _mm256_set1_pd(low), vhigh = _mm256_set1_pd(high);
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    __m256d p = _mm256_loadu_pd(u + i);
    p = _mm256_blendv_pd(p, lo, _mm256_cmp_pd(p, lo, _CMP_LT_OQ));
    p = _mm256_blendv_pd(p, hi, _mm256_cmp_pd(p, hi, _CMP_GT_OQ));
    __m256d lower = _mm256_cmp_pd(p, vcut, _CMP_LT_OQ);
    __m256d x = _mm256_blendv_pd(_mm256_mul_pd(vabove, _mm256_sub_pd(one, p)), _mm256_mul_pd(vbelow, p), lower);
    __m256d root = _mm256_sqrt_pd(x);
    __m256d result = _mm256_blendv_pd(_mm256_sub_pd(vhigh, root), _mm256_add_pd(vlow, root), lower);
    _mm256_storeu_pd(u + i, result);
  }
  triangular_generic(u, i, n, low, high, cut, below, above);
}
#endif

static int has_avx2(void) {
#ifdef DCPLAN_X86
  return __builtin_cpu_supports("avx2");
#else
  return 0;
#endif
}

void dcplan_triangular_quantiles(double *u, size_t n, double low, double high, double cut, double below, double above) {
#ifdef DCPLAN_X86
  if (has_avx2()) {
    triangular_avx2(u, n, low, high, cut, below, above);
    return;
  }
#endif
  triangular_generic(u, 0, n, low, high, cut, below, above);
}

// ---- SplitMix64 uniforms ------------------------------------------------------------

#define SPLITMIX_GAMMA 0x9E3779B97F4A7C15ULL

static inline double splitmix_uniform(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  return ((double)(z >> 11) + 0.5) * 0x1.0p-53;
}

static void uniforms_generic(uint64_t state, double *u, size_t from, size_t n) {
  for (size_t i = from; i < n; i++) u[i] = splitmix_uniform(state + (uint64_t)(i + 1) * SPLITMIX_GAMMA);
}

#ifdef DCPLAN_X86
__attribute__((target("avx512f,avx512dq"))) static void uniforms_avx512(uint64_t state, double *u, size_t n) {
  const __m512i gamma8 = _mm512_set1_epi64((long long)(8 * SPLITMIX_GAMMA));
  const __m512i m1 = _mm512_set1_epi64((long long)0xBF58476D1CE4E5B9ULL);
  const __m512i m2 = _mm512_set1_epi64((long long)0x94D049BB133111EBULL);
  const __m512d half = _mm512_set1_pd(0.5), scale = _mm512_set1_pd(0x1.0p-53);
  __m512i z0 = _mm512_set_epi64((long long)(state + 8 * SPLITMIX_GAMMA), (long long)(state + 7 * SPLITMIX_GAMMA),
                                (long long)(state + 6 * SPLITMIX_GAMMA), (long long)(state + 5 * SPLITMIX_GAMMA),
                                (long long)(state + 4 * SPLITMIX_GAMMA), (long long)(state + 3 * SPLITMIX_GAMMA),
                                (long long)(state + 2 * SPLITMIX_GAMMA), (long long)(state + 1 * SPLITMIX_GAMMA));
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    __m512i z = z0;
    z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64(z, 30)), m1);
    z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64(z, 27)), m2);
    z = _mm512_xor_si512(z, _mm512_srli_epi64(z, 31));
    __m512d d = _mm512_cvtepu64_pd(_mm512_srli_epi64(z, 11));
    _mm512_storeu_pd(u + i, _mm512_mul_pd(_mm512_add_pd(d, half), scale));
    z0 = _mm512_add_epi64(z0, gamma8);
  }
  uniforms_generic(state, u, i, n);
}
#endif

void dcplan_splitmix_uniforms(unsigned long long state, double *u, size_t n) {
#ifdef DCPLAN_X86
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq")) {
    uniforms_avx512(state, u, n);
    return;
  }
#endif
  uniforms_generic(state, u, 0, n);
}

void dcplan_splitmix_uniforms_portable(unsigned long long state, double *u, size_t n) { uniforms_generic(state, u, 0, n); }

// ---- segment sums ---------------------------------------------------------------------

// Lanes: lanesA[4·y + k], lanesB[4·years + 4·y + k].
static void remainder_and_totals(const double *baseA, const double *baseB, const double *scaleA, const double *scaleB,
                                 const double *initial, const double *step, size_t from, size_t count, size_t first,
                                 size_t years, const double *lanes, double *sumsA, double *sumsB) {
  const double *lanesB = lanes + 4 * years;
  for (size_t y = 0; y < years; y++) {
    if (y < first) {
      sumsA[y] = 0;
      if (sumsB) sumsB[y] = 0;
      continue;
    }
    sumsA[y] = ((lanes[4 * y] + lanes[4 * y + 1]) + lanes[4 * y + 2]) + lanes[4 * y + 3];
    if (sumsB) sumsB[y] = ((lanesB[4 * y] + lanesB[4 * y + 1]) + lanesB[4 * y + 2]) + lanesB[4 * y + 3];
  }
  for (size_t i = from; i < count; i++) {
    double f = initial ? initial[i] : 1;
    double ba = baseA[i] * (scaleA ? scaleA[i] : 1);
    double bb = baseB ? baseB[i] * (scaleB ? scaleB[i] : 1) : 0;
    for (size_t y = first; y < years; y++) {
      sumsA[y] += ba * f;
      if (sumsB) sumsB[y] += bb * f;
      f *= step[i];
    }
  }
}

static void segment_generic(const double *baseA, const double *baseB, const double *scaleA, const double *scaleB,
                            const double *initial, const double *step, size_t count, size_t first, size_t years,
                            double *lanes, double *sumsA, double *sumsB) {
  double *lanesB = lanes + 4 * years;
  for (size_t k = 0; k < 8 * years; k++) lanes[k] = 0;
  size_t i = 0;
  for (; i + 4 <= count; i += 4) {
    double f[4], s[4], ba[4], bb[4];
    for (int k = 0; k < 4; k++) {
      f[k] = initial ? initial[i + k] : 1;
      s[k] = step[i + k];
      ba[k] = baseA[i + k] * (scaleA ? scaleA[i + k] : 1);
      bb[k] = baseB ? baseB[i + k] * (scaleB ? scaleB[i + k] : 1) : 0;
    }
    for (size_t y = first; y < years; y++) {
      for (int k = 0; k < 4; k++) {
        lanes[4 * y + k] += ba[k] * f[k];
        if (baseB) lanesB[4 * y + k] += bb[k] * f[k];
        f[k] *= s[k];
      }
    }
  }
  remainder_and_totals(baseA, baseB, scaleA, scaleB, initial, step, i, count, first, years, lanes, sumsA, sumsB);
}

#ifdef DCPLAN_X86
__attribute__((target("avx2"))) static void segment_avx2(const double *baseA, const double *baseB, const double *scaleA,
                                                         const double *scaleB, const double *initial, const double *step,
                                                         size_t count, size_t first, size_t years, double *lanes,
                                                         double *sumsA, double *sumsB) {
  double *lanesB = lanes + 4 * years;
  for (size_t k = 0; k < 8 * years; k++) lanes[k] = 0;
  const __m256d one = _mm256_set1_pd(1);
  size_t i = 0;
  for (; i + 4 <= count; i += 4) {
    __m256d f = initial ? _mm256_loadu_pd(initial + i) : one;
    __m256d s = _mm256_loadu_pd(step + i);
    __m256d ba = _mm256_mul_pd(_mm256_loadu_pd(baseA + i), scaleA ? _mm256_loadu_pd(scaleA + i) : one);
    if (baseB) {
      __m256d bb = _mm256_mul_pd(_mm256_loadu_pd(baseB + i), scaleB ? _mm256_loadu_pd(scaleB + i) : one);
      for (size_t y = first; y < years; y++) {
        _mm256_storeu_pd(lanes + 4 * y, _mm256_add_pd(_mm256_loadu_pd(lanes + 4 * y), _mm256_mul_pd(ba, f)));
        _mm256_storeu_pd(lanesB + 4 * y, _mm256_add_pd(_mm256_loadu_pd(lanesB + 4 * y), _mm256_mul_pd(bb, f)));
        f = _mm256_mul_pd(f, s);
      }
    } else {
      for (size_t y = first; y < years; y++) {
        _mm256_storeu_pd(lanes + 4 * y, _mm256_add_pd(_mm256_loadu_pd(lanes + 4 * y), _mm256_mul_pd(ba, f)));
        f = _mm256_mul_pd(f, s);
      }
    }
  }
  remainder_and_totals(baseA, baseB, scaleA, scaleB, initial, step, i, count, first, years, lanes, sumsA, sumsB);
}
#endif

void dcplan_segment_sums(const double *baseA, const double *baseB, const double *scaleA, const double *scaleB,
                         const double *initial, const double *step, size_t count, size_t first, size_t years,
                         double *lanes, double *sumsA, double *sumsB) {
#ifdef DCPLAN_X86
  if (has_avx2()) {
    segment_avx2(baseA, baseB, scaleA, scaleB, initial, step, count, first, years, lanes, sumsA, sumsB);
    return;
  }
#endif
  segment_generic(baseA, baseB, scaleA, scaleB, initial, step, count, first, years, lanes, sumsA, sumsB);
}

void dcplan_triangular_quantiles_portable(double *u, size_t n, double low, double high, double cut, double below,
                                          double above) {
  triangular_generic(u, 0, n, low, high, cut, below, above);
}

void dcplan_segment_sums_portable(const double *baseA, const double *baseB, const double *scaleA, const double *scaleB,
                                  const double *initial, const double *step, size_t count, size_t first, size_t years,
                                  double *lanes, double *sumsA, double *sumsB) {
  segment_generic(baseA, baseB, scaleA, scaleB, initial, step, count, first, years, lanes, sumsA, sumsB);
}

size_t dcplan_lower_bound(const double *sorted, size_t count, double x) {
  if (count == 0) return 0;
  size_t base = 0;
  size_t length = count;
  while (length > 1) {
    size_t half = length / 2;
    base = __builtin_unpredictable(sorted[base + half - 1] < x) ? base + half : base;
    length -= half;
  }
  return base + (sorted[base] < x);
}

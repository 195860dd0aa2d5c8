// OpenBLAS as Debian's libopenblas-dev ships it: CBLAS from <cblas.h>, LAPACK as the
// Fortran symbols inside libopenblas (Debian ships no LAPACKE header), declared here.
// Fortran passes every argument by reference; integers are 32-bit (OpenBLAS 0.3.21, LP64).
#ifndef DCPLAN_COPENBLAS_SHIM_H
#define DCPLAN_COPENBLAS_SHIM_H
#include <cblas.h>
#include <stddef.h>

/// Solves A X = B by LU with partial pivoting (column-major A, n x n; B n x nrhs).
void dgesv_(const int *n, const int *nrhs, double *a, const int *lda, int *ipiv,
            double *b, const int *ldb, int *info);

/// Least squares or minimum norm via QR/LQ (column-major). `trans` is 'N' or 'T'; the
/// trailing size_t is the Fortran hidden length of the character argument.
void dgels_(const char *trans, const int *m, const int *n, const int *nrhs, double *a,
            const int *lda, double *b, const int *ldb, double *work, const int *lwork,
            int *info, size_t trans_len);

/// Stops OpenBLAS's thread pool (its threads poll for work with sched_yield for about 0.1 s
/// after the library loads; dcplan runs OpenBLAS on the calling thread only).
int blas_thread_shutdown_(void);

#endif

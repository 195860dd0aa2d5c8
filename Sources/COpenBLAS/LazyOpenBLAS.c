// OpenBLAS, loaded the first time dcplan multiplies or solves (CLibraryLoader.h says why).
// Once loaded it runs on the calling thread only: dcplan parallelises above it, and the pool
// of threads OpenBLAS starts polls for work with sched_yield for about 0.1 s
// (../shared/PLATFORM.md); results are then independent of the thread count.
#include <pthread.h>
#include <stddef.h>

#include "CLibraryLoader.h"

// The functions below are dcplan's own, hidden from every library (OpenBLAS included).
#pragma GCC visibility push(hidden)
#include "shim.h"
#pragma GCC visibility pop

static pthread_once_t loaded = PTHREAD_ONCE_INIT;
static __typeof__(cblas_dgemm) *real_cblas_dgemm;
static __typeof__(dgesv_) *real_dgesv;
static __typeof__(dgels_) *real_dgels;
static __typeof__(openblas_set_num_threads) *real_set_num_threads;
static __typeof__(blas_thread_shutdown_) *real_thread_shutdown;

static void load(void) {
  static const char *const names[] = {"libopenblas.so.0", "libopenblas.so"};
  const char *library = "OpenBLAS (libopenblas.so.0)";
  void *handle = dcplan_open_library(names, 2, library, "this calculation (matrix algebra)",
                                     "it (Debian: apt-get install libopenblas0)");
  real_cblas_dgemm = dcplan_library_symbol(handle, "cblas_dgemm", library);
  real_dgesv = dcplan_library_symbol(handle, "dgesv_", library);
  real_dgels = dcplan_library_symbol(handle, "dgels_", library);
  real_set_num_threads = dcplan_library_symbol(handle, "openblas_set_num_threads", library);
  real_thread_shutdown = dcplan_library_symbol(handle, "blas_thread_shutdown_", library);
  real_set_num_threads(1);
  real_thread_shutdown();
}

void cblas_dgemm(OPENBLAS_CONST enum CBLAS_ORDER Order, OPENBLAS_CONST enum CBLAS_TRANSPOSE TransA,
                 OPENBLAS_CONST enum CBLAS_TRANSPOSE TransB, OPENBLAS_CONST blasint M, OPENBLAS_CONST blasint N,
                 OPENBLAS_CONST blasint K, OPENBLAS_CONST double alpha, OPENBLAS_CONST double *A,
                 OPENBLAS_CONST blasint lda, OPENBLAS_CONST double *B, OPENBLAS_CONST blasint ldb,
                 OPENBLAS_CONST double beta, double *C, OPENBLAS_CONST blasint ldc) {
  pthread_once(&loaded, load);
  real_cblas_dgemm(Order, TransA, TransB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc);
}

void dgesv_(const int *n, const int *nrhs, double *a, const int *lda, int *ipiv, double *b, const int *ldb,
            int *info) {
  pthread_once(&loaded, load);
  real_dgesv(n, nrhs, a, lda, ipiv, b, ldb, info);
}

void dgels_(const char *trans, const int *m, const int *n, const int *nrhs, double *a, const int *lda, double *b,
            const int *ldb, double *work, const int *lwork, int *info, size_t trans_len) {
  pthread_once(&loaded, load);
  real_dgels(trans, m, n, nrhs, a, lda, b, ldb, work, lwork, info, trans_len);
}

void openblas_set_num_threads(int num_threads) {
  pthread_once(&loaded, load);
  real_set_num_threads(num_threads);
}

int blas_thread_shutdown_(void) {
  pthread_once(&loaded, load);
  return real_thread_shutdown();
}

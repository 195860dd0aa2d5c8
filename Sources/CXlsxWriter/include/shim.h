// libxlsxwriter as Debian's libxlsxwriter-dev ships it: writes .xlsx workbooks (a C library
// made for this; https://libxlsxwriter.github.io).
#ifndef DCPLAN_CXLSXWRITER_SHIM_H
#define DCPLAN_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif

// libxlsxwriter, loaded the first time dcplan writes a workbook (CLibraryLoader.h says why).
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "CLibraryLoader.h"

// The functions below are dcplan's own, hidden from every library.
#pragma GCC visibility push(hidden)
#include "shim.h"
#pragma GCC visibility pop

static pthread_once_t loaded = PTHREAD_ONCE_INIT;
#define FUNCTIONS(X)                                                                                           \
  X(workbook_new) X(workbook_add_format) X(workbook_add_worksheet) X(workbook_close) X(worksheet_freeze_panes) \
  X(worksheet_set_column) X(worksheet_write_number) X(worksheet_write_string) X(format_set_bold)              \
  X(format_set_bottom) X(format_set_num_format) X(lxw_strerror)
#define POINTER(name) static __typeof__(name) *real_##name;
FUNCTIONS(POINTER)

static void load(void) {
  static const char *const names[] = {"libxlsxwriter.so.4", "libxlsxwriter.so"};
  const char *library = "libxlsxwriter (libxlsxwriter.so.4)";
  void *handle = dcplan_open_library(names, 2, library, "an Excel workbook (--format xlsx)",
                                     "it (Debian: apt-get install libxlsxwriter4)");
#define FIND(name) real_##name = dcplan_library_symbol(handle, #name, library);
  FUNCTIONS(FIND)
}

#define LOADED(name) (pthread_once(&loaded, load), real_##name)

lxw_workbook *workbook_new(const char *filename) { return LOADED(workbook_new)(filename); }
lxw_format *workbook_add_format(lxw_workbook *workbook) { return LOADED(workbook_add_format)(workbook); }
lxw_worksheet *workbook_add_worksheet(lxw_workbook *workbook, const char *sheetname) {
  return LOADED(workbook_add_worksheet)(workbook, sheetname);
}
lxw_error workbook_close(lxw_workbook *workbook) { return LOADED(workbook_close)(workbook); }
void worksheet_freeze_panes(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col) {
  LOADED(worksheet_freeze_panes)(worksheet, row, col);
}
lxw_error worksheet_set_column(lxw_worksheet *worksheet, lxw_col_t first_col, lxw_col_t last_col, double width,
                               lxw_format *format) {
  return LOADED(worksheet_set_column)(worksheet, first_col, last_col, width, format);
}
lxw_error worksheet_write_number(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, double number,
                                 lxw_format *format) {
  return LOADED(worksheet_write_number)(worksheet, row, col, number, format);
}
lxw_error worksheet_write_string(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, const char *string,
                                 lxw_format *format) {
  return LOADED(worksheet_write_string)(worksheet, row, col, string, format);
}
void format_set_bold(lxw_format *format) { LOADED(format_set_bold)(format); }
void format_set_bottom(lxw_format *format, uint8_t style) { LOADED(format_set_bottom)(format, style); }
void format_set_num_format(lxw_format *format, const char *num_format) { LOADED(format_set_num_format)(format, num_format); }
char *lxw_strerror(lxw_error error_num) { return LOADED(lxw_strerror)(error_num); }

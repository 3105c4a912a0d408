# Warnings for cxkpi's own targets only (never forced onto users of cxkpi::metrics).
add_library(cxkpi_warnings INTERFACE)
target_compile_options(cxkpi_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wold-style-cast
  -Wfloat-equal -Wnon-virtual-dtor -Wimplicit-fallthrough
  $<$<BOOL:${CXKPI_WARNINGS_AS_ERRORS}>:-Werror>)

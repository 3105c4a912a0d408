# Warnings for cxkpi's own targets only (never forced onto users of cxkpi::metrics).
add_library(cxkpi_warnings INTERFACE)
target_compile_options(cxkpi_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wold-style-cast
  -Wfloat-equal -Wnon-virtual-dtor -Wimplicit-fallthrough
  # GCC 12 reports -Wrestrict inside libstdc++'s own std::string operator+ at -O2 and up
  # (GCC bug 105651, a false positive); it says nothing about cxkpi's code.
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict>
  $<$<BOOL:${CXKPI_WARNINGS_AS_ERRORS}>:-Werror>)

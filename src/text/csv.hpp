#pragma once
// CSV cells as RFC 4180 writes them.

#include <string>
#include <string_view>

namespace cxkpi::cli {

/// A cell as RFC 4180 writes it: quoted (quotes doubled) when it holds a comma, quote or line end.
std::string csv_escape(std::string_view cell);

}  // namespace cxkpi::cli

#pragma once
// The cells of the current row as one view, so that a reader of many cells a row (the
// contact reader) needs no virtual call per cell. A CSV row without quotes is not split at
// all: its cells are cut from the input's bytes where the structural index put the
// delimiters, when asked for, so a row's unused columns cost nothing.

#include <cstddef>
#include <span>
#include <string_view>

namespace cxkpi::cli {

class RowCells {
 public:
  /// No cells: the reader gives them one at a time (TableReader::cell).
  RowCells() = default;
  /// Cells already split (a row with quotes, whose fields were unescaped).
  explicit RowCells(std::span<const std::string_view> fields) : fields_(fields.data()), count_(fields.size()) {}
  /// `count` cells of `data`: cell i is data(bounds[i], bounds[i + 1]), exclusive at both
  /// ends; bounds[i] is the delimiter before it (for cell 0, the byte before the row, where
  /// a row at offset 0 has SIZE_MAX: unsigned arithmetic makes the cell start at 0).
  RowCells(const char* data, const std::size_t* bounds, std::size_t count)
      : data_(data), bounds_(bounds), count_(count) {}

  [[nodiscard]] bool empty() const { return count_ == 0; }
  [[nodiscard]] std::size_t size() const { return count_; }
  /// Cell `i` < size().
  [[nodiscard]] std::string_view operator[](std::size_t i) const {
    if (fields_ != nullptr) return fields_[i];
    const std::size_t from = bounds_[i] + 1;
    return {data_ + from, bounds_[i + 1] - from};
  }

 private:
  const std::string_view* fields_ = nullptr;
  const char* data_ = nullptr;
  const std::size_t* bounds_ = nullptr;
  std::size_t count_ = 0;
};

}  // namespace cxkpi::cli

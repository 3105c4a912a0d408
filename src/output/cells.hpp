#pragma once
// How grids write numbers and metric headings, the same for every output model: rounded
// for people, every digit for machines.

#include <optional>
#include <string>
#include <string_view>

#include "cxkpi/result.hpp"

namespace cxkpi::cli {

class NumberCells {
 public:
  NumberCells(bool for_people, int precision) : for_people_(for_people), precision_(precision) {}

  /// For people rounded to the precision, "n/a" when null; for machines every digit, "" when null.
  [[nodiscard]] std::string number(std::optional<double> v) const;
  /// A metric's value: a whole count exactly (never 4.00), anything else as number().
  [[nodiscard]] std::string value(std::optional<double> v, Unit unit) const;
  /// yes/no for people, true/false for machines, "" when unknown.
  [[nodiscard]] std::string flag(std::optional<bool> b) const;
  [[nodiscard]] bool for_people() const { return for_people_; }
  [[nodiscard]] int precision() const { return precision_; }

 private:
  bool for_people_;
  int precision_;
};

/// Survey figures on too few answers (Result::small_n), for people: a mark after the value
/// and a footnote under the table; for programs: a small_n column of true/false.
class SmallSampleMarks {
 public:
  /// `marking`: the column holds some marked value (tables for people only).
  explicit SmallSampleMarks(bool marking) : marking_(marking) {}
  /// "62.50†" when `small`; "45.00 " beside marked cells, so that the digits stay aligned.
  [[nodiscard]] std::string cell(std::string value, bool small) const;

 private:
  bool marking_;
};

/// What follows a value on too few survey answers in a table for people.
inline constexpr std::string_view kSmallSampleMark = "†";
/// The line under a table for people that says what the mark means.
std::string small_sample_footnote(bool markdown);

/// What follows a --compare test resting on fewer than kSmallSample on a side ("no‡").
inline constexpr std::string_view kSmallTestMark = "‡";
/// The line under a table for people that says what that mark means.
std::string small_test_footnote(bool markdown);

/// What goes before a figure from the --approx sketch in a table for people: "≈13.41".
inline constexpr std::string_view kApproximateMark = "≈";
/// The line under a table for people that says what the mark means.
std::string approximate_footnote(bool markdown);

/// "aht (s)", "csat (%)", "cost-per-contact (currency)": a metric's column for people.
std::string metric_heading(std::string_view metric, Unit unit);

}  // namespace cxkpi::cli

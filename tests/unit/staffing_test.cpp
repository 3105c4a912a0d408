// Tables of intervals for erlang-c: the column map's alias table names the inputs, the calls
// fall back on offered (then contacts), and a flag stands in for a column a table lacks.
#include "compute/staffing.hpp"

#include <catch2/catch.hpp>

#include "io/column_map.hpp"

using namespace cxkpi;
using namespace cxkpi::cli;

namespace {

StaffingTable read(const std::string& csv, const IntervalFlags& flags) {
  Readers readers;
  readers.push_back(open_table(InputStream::from_memory("intervals.csv", csv), {}));
  return read_intervals(StaffingTable{}, readers, FileInputOptions{}, flags);
}

}  // namespace

TEST_CASE("the alias table names the inputs of a table of intervals", "[staffing]") {
  REQUIRE(staffing_column_of_header("Forecast Calls") == StaffingColumn::calls);
  REQUIRE(staffing_column_of_header("Volume") == StaffingColumn::calls);
  REQUIRE(staffing_column_of_header("AHT (s)") == StaffingColumn::aht);
  REQUIRE(staffing_column_of_header("Interval Length") == StaffingColumn::interval_s);
  REQUIRE(staffing_column_of_header("offered") == StaffingColumn::none);
  // The staffing names are not fields: a period table keeps such a column as a label.
  REQUIRE(role_of_header("forecast").kind == ColumnRole::Kind::label);
}

TEST_CASE("each interval is read from its named columns, the flags filling in the rest", "[staffing]") {
  const auto t = read("Interval Start,Forecast Calls,AHT (s),site\n09:00,100,180,north\n", {std::nullopt, 1800.0, {}});
  REQUIRE(t.from_table);
  REQUIRE(t.label_names == std::vector<std::string>{"site"});
  REQUIRE(t.rows.size() == 1);
  const auto& row = t.rows.front();
  REQUIRE(row.period == "09:00");
  REQUIRE(row.labels == std::vector<std::string>{"north"});
  REQUIRE(row.input->calls == Approx(100));
  REQUIRE(row.input->interval_s == Approx(1800));
  REQUIRE(row.input->aht_s == Approx(180));
  REQUIRE(row.staffing.agents == 14);
}

TEST_CASE("the calls come from offered before contacts when no column names them", "[staffing]") {
  const auto t = read("contacts,offered,aht,interval_s\n500,100,180,1800\n", {});
  REQUIRE(t.rows.front().input->calls == Approx(100));
  REQUIRE_THROWS_WITH(read("offered,aht\n100,180\n", {}), Catch::Contains("erlang-c needs column interval_s"));
  REQUIRE_THROWS_WITH(read("offered,aht,interval_s\n100,180,1800\n", {std::nullopt, 1800.0, {}}),
                      "intervals.csv: column \"interval_s\" gives interval_s; --interval is for a table without one");
}

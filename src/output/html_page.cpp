// The HTML document: one style sheet, no script, nothing fetched. Every text from the input
// (labels, file names, warnings) goes through Markup, which escapes it.
#include "output/html_page.hpp"

#include <string_view>

#include "output/markup.hpp"

namespace cxkpi::cli {
namespace {

// Printed on A4 landscape: each metric starts a page, and no chart or headline is cut in two.
constexpr std::string_view kStyle = R"(
body{font:14px/1.4 sans-serif;color:#1a1a1a;margin:24px auto;max-width:1200px;padding:0 16px}
h1{font-size:22px;margin:0}h2{font-size:18px;margin:24px 0 4px}
.subtitle{color:#555;margin:2px 0 16px}
.headline{font-size:16px;margin:4px 0}.headline .value{font-size:28px;font-weight:bold;margin-right:8px}
.change{color:#333}ul.change{margin:0 0 4px}.marks{color:#555;font-size:12px;margin:2px 0}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px;margin:8px 0}
figure{margin:0}svg{width:100%;height:auto;display:block}figcaption{font-size:12px;color:#555}
table{border-collapse:collapse;margin:8px 0;font-size:12px}
th,td{border-bottom:1px solid #ddd;padding:2px 8px;text-align:left;white-space:nowrap}
tbody th{font-weight:normal}td,th.number{text-align:right;font-variant-numeric:tabular-nums}td.note{text-align:left}
.tables{display:flex;flex-wrap:wrap;gap:0 48px;align-items:flex-start}.tables h3{margin:8px 0 0;font-size:13px}
footer{border-top:2px solid #333;margin-top:32px;color:#333}dt{font-weight:bold;margin-top:6px}
@page{size:A4 landscape;margin:12mm}
@media print{body{margin:0;max-width:none}section.metric+section,footer{break-before:page}
figure,.headline,svg{break-inside:avoid}thead{display:table-header-group}}
)";

// A label cell (period, group) is the header of its row and a number a data cell, so the
// style sheet aligns both without a class on each cell: a year of daily rows stays small.
void write_table(Markup& m, const TextTable& t) {
  m.open("table").open("thead").open("tr");
  for (std::size_t c = 0; c < t.header.size(); ++c)
    m.element("th", {{"scope", "col"}, {"class", t.kinds[c] == ColumnKind::number ? "number" : "label"}}, t.header[c]);
  m.close().close().open("tbody");
  for (const auto& row : t.rows) {
    m.open("tr");
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (t.kinds[c] == ColumnKind::label)
        m.element("th", {}, row[c]);
      else
        m.element("td", t.kinds[c] == ColumnKind::note ? Attributes{{"class", "note"}} : Attributes{}, row[c]);
    }
    m.close();
  }
  m.close().close();
}

void write_list(Markup& m, std::string_view heading, const std::vector<std::string>& items) {
  if (items.empty()) return;
  m.element("h3", {}, heading).open("ul");
  for (const auto& item : items)
    m.element("li", {}, item);
  m.close();
}

void write_section(Markup& m, const MetricSection& s) {
  m.open("section", {{"class", "metric"}, {"id", s.name}});
  m.element("h2", {}, s.heading);
  m.open("p", {{"class", "headline"}}).element("span", {{"class", "value"}}, s.total).text(s.scope);
  if (s.changes.size() == 1) m.element("span", {{"class", "change"}}, "; " + s.changes.front());
  m.close();
  if (s.changes.size() > 1) {
    m.open("ul", {{"class", "change"}});
    for (const auto& change : s.changes)
      m.element("li", {}, change);
    m.close();
  }
  for (const auto& mark : s.marks)
    m.element("p", {{"class", "marks"}}, mark);
  if (!s.charts.empty()) {
    m.open("div", {{"class", "charts"}});
    for (const auto& c : s.charts)
      m.open("figure").trusted(render_svg(c, false)).element("figcaption", {}, c.description).close();
    m.close();
  }
  // The values and what they rest on side by side, while the page is wide enough.
  m.open("div", {{"class", "tables"}}).open("div");
  write_table(m, s.table);
  m.close();
  if (!s.counts.header.empty()) {
    m.open("div").element("h3", {}, "What the values rest on");
    write_table(m, s.counts);
    m.close();
  }
  m.close();
  if (!s.distribution.header.empty()) {
    m.element("h3", {}, "How the values spread over the whole range");
    write_table(m, s.distribution);
  }
  m.close();
}

void write_footer(Markup& m, const HtmlPage& page) {
  m.open("footer").element("h2", {}, "What these figures rest on");
  write_list(m, "Input", page.inputs);
  write_list(m, "Read", page.summary);
  write_list(m, "Warnings", page.warnings);
  m.element("h3", {}, "Definitions").open("dl");
  for (const auto& s : page.sections) {
    m.element("dt", {}, s.name).element("dd", {}, s.definition);
    if (!s.notes.empty()) m.element("dd", {}, s.notes);
  }
  m.close().close();
}

}  // namespace

std::string render_html(const HtmlPage& page) {
  Markup m;
  m.trusted("<!DOCTYPE html>\n").open("html", {{"lang", "en"}}).open("head");
  m.element("meta", {{"charset", "utf-8"}});
  // The page forbids itself any script and any fetch: a browser shows it as it is even if a
  // label ever slipped past the escaping, and opening it never touches the network.
  m.element("meta",
            {{"http-equiv", "Content-Security-Policy"}, {"content", "default-src 'none'; style-src 'unsafe-inline'"}});
  m.element("title", {}, page.title);
  m.open("style").trusted(kStyle).close().close().open("body");
  m.open("header").element("h1", {}, page.title).element("p", {{"class", "subtitle"}}, page.subtitle).close();
  m.open("main");
  for (const auto& s : page.sections)
    write_section(m, s);
  if (!page.figures.header.empty()) {
    m.open("section", {{"class", "figures"}}).element("h2", {}, "Every figure");
    write_table(m, page.figures);
    m.close();
  }
  m.close();
  write_footer(m, page);
  return m.finish();
}

std::string render_first_chart(const HtmlPage& page) {
  for (const auto& s : page.sections)
    if (!s.charts.empty()) return render_svg(s.charts.front(), true) + "\n";
  return {};
}

}  // namespace cxkpi::cli

#pragma once
// Writing XML-compatible markup (the HTML report and its SVG charts): every piece of text
// and every attribute value goes through one escaping function, so a label read from a
// hostile export (<script>, quotes, control characters) is shown, never run.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cxkpi::cli {

/// `text` with & < > " ' as character references, control characters written out as a
/// terminal table writes them (escape_controls: BEL is \x07, U+0085 is \u0085) and a byte
/// that is not UTF-8 replaced by U+FFFD, so that the page always parses as XML.
std::string escape_markup(std::string_view text);

using Attributes = std::vector<std::pair<std::string_view, std::string>>;

/// Elements written in order; attribute values and text are escaped, tag names are cxkpi's own.
class Markup {
 public:
  Markup& open(std::string_view tag, const Attributes& attributes = {});
  Markup& close();
  /// <tag …>text</tag>, or <tag …/> for an empty void element or SVG shape.
  Markup& element(std::string_view tag, const Attributes& attributes, std::string_view text = {});
  Markup& text(std::string_view text);
  /// Markup cxkpi wrote itself (a chart, a style sheet): added as it is.
  Markup& trusted(std::string_view markup);
  [[nodiscard]] std::string finish();

 private:
  void start_tag(std::string_view tag, const Attributes& attributes);
  std::string out_;
  std::vector<std::string> open_;
};

}  // namespace cxkpi::cli

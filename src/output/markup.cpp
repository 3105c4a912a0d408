#include "output/markup.hpp"

#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

// Written <tag/>: HTML's void elements and SVG shapes. Any other element gets an end tag even
// when empty, since an HTML parser reads <td/> as an opening tag.
bool self_closing(std::string_view tag) {
  for (const std::string_view t : {"meta", "br", "path", "rect", "line", "circle"})
    if (t == tag) return true;
  return false;
}

std::string_view reference_for(char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&#39;";
    default:
      return {};
  }
}

bool continuation(std::string_view text, std::size_t i) {
  return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xc0U) == 0x80U;
}

// The length of the UTF-8 sequence at text[i] (a character of 2 to 4 bytes), or 0 when it is
// not one. Overlong forms and surrogates are let through: no parser chokes on them.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  const std::size_t length = lead >= 0xf0U && lead <= 0xf4U ? 4 : lead >= 0xe0U ? 3 : lead >= 0xc2U ? 2 : 0;
  for (std::size_t k = 1; k < length; ++k)
    if (!continuation(text, i + k)) return 0;
  return length;
}

}  // namespace

std::string escape_markup(std::string_view text) {
  const auto shown = escape_controls(text);  // as a terminal table shows them: \x07, \u0085
  std::string out;
  out.reserve(shown.size());
  for (std::size_t i = 0; i < shown.size();) {
    const auto c = static_cast<unsigned char>(shown[i]);
    const auto length = c < 0x80U ? 1 : utf8_length(shown, i);
    if (length == 0)
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER for a byte that is no UTF-8
    else if (const auto ref = reference_for(shown[i]); !ref.empty())
      out += ref;
    else
      out.append(shown, i, length);
    i += length == 0 ? 1 : length;
  }
  return out;
}

void Markup::start_tag(std::string_view tag, const Attributes& attributes) {
  out_ += '<';
  out_ += tag;
  for (const auto& [name, value] : attributes) {
    out_ += ' ';
    out_ += name;
    out_ += "=\"";
    out_ += escape_markup(value);
    out_ += '"';
  }
}

Markup& Markup::open(std::string_view tag, const Attributes& attributes) {
  start_tag(tag, attributes);
  out_ += '>';
  open_.emplace_back(tag);
  return *this;
}

Markup& Markup::close() {
  out_ += "</" + open_.back() + ">\n";
  open_.pop_back();
  return *this;
}

Markup& Markup::element(std::string_view tag, const Attributes& attributes, std::string_view text) {
  start_tag(tag, attributes);
  if (text.empty() && self_closing(tag)) {
    out_ += "/>";
    return *this;
  }
  out_ += '>';
  out_ += escape_markup(text);
  out_ += "</";
  out_ += tag;
  out_ += '>';
  return *this;
}

Markup& Markup::text(std::string_view text) {
  out_ += escape_markup(text);
  return *this;
}

Markup& Markup::trusted(std::string_view markup) {
  out_ += markup;
  return *this;
}

std::string Markup::finish() {
  while (!open_.empty())
    close();
  return std::move(out_);
}

}  // namespace cxkpi::cli

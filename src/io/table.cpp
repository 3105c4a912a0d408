#include "io/table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "io/csv_reader.hpp"
#include "io/encoding.hpp"
#include "io/json_reader.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

constexpr std::size_t kSniffBytes = std::size_t{1} << 16;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Whether the first non-blank byte of `head` (after a UTF-8 byte-order mark) opens an object.
bool opens_object(std::string_view head) {
  if (head.starts_with(kUtf8Bom)) head.remove_prefix(kUtf8Bom.size());
  const auto first = head.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && head[first] == '{';
}

// Reads enough to detect the format: up to 64 KiB, but no more than the first two lines once
// they are in, so that a slow pipe is not waited for (NDJSON output streams from it). Input
// that opens an object is read to the end of its second line (up to kMaxRowBytes), so that
// NDJSON whose first line is long is still told from one JSON document.
std::string read_head(InputStream& in) {
  std::string head;
  std::size_t lines = 0;
  for (;;) {
    const bool object_lines = head.size() < kMaxRowBytes && opens_object(head);
    if (lines >= 2 || (head.size() >= kSniffBytes && !object_lines)) break;
    const auto got = head.size();
    head.resize(got + kSniffBytes - got % kSniffBytes);
    const auto n = in.read(head.data() + got, head.size() - got);
    head.resize(got + n);
    if (n == 0) break;
    lines += static_cast<std::size_t>(std::count(head.data() + got, head.data() + got + n, '\n'));
  }
  // Every byte-order mark at the start is skipped: a tool that adds one to a file that has
  // one writes two, and the second would stick to the first header ("\uFEFFid" is no id).
  while (head.starts_with(kUtf8Bom))
    head.erase(0, kUtf8Bom.size());
  return head;
}

// Empties the first `n` lines of `head` (reading more as needed, and two lines past them for
// the sniffers), keeping their line ends, so that every reader numbers lines as the file does.
void blank_lines(InputStream& in, std::string& head, std::size_t n) {
  const auto newlines = [&] { return static_cast<std::size_t>(std::count(head.begin(), head.end(), '\n')); };
  for (std::size_t got = 1; got > 0 && newlines() < n + 2;) {
    const auto size = head.size();
    head.resize(size + kSniffBytes);
    got = in.read(head.data() + size, kSniffBytes);
    head.resize(size + got);
  }
  std::size_t lines = 0;
  std::size_t cut = 0;  // the first n lines, line ends included
  for (; lines < n && cut < head.size(); ++lines) {
    const auto newline = head.find('\n', cut);
    cut = newline == std::string::npos ? head.size() : newline + 1;
  }
  head.replace(0, cut, std::string(lines, '\n'));
}

// '[' starts a JSON document; '{' starts either a JSON document or NDJSON, told apart by
// whether the first line is a whole object followed by more lines.
InputFormat sniff_format(std::string_view head) {
  const auto first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return InputFormat::csv;
  if (head[first] == '[') return InputFormat::json;
  if (head[first] != '{') return InputFormat::csv;
  const auto newline = head.find('\n', first);
  if (newline == std::string_view::npos) return InputFormat::json;
  const bool first_line_is_object = nlohmann::json::accept(head.substr(first, newline - first));
  const bool more = head.find_first_not_of(" \t\r\n", newline) != std::string_view::npos;
  return first_line_is_object && more ? InputFormat::ndjson : InputFormat::json;
}

// Input that is not UTF-8 is converted whole, then read like any other. Such exports are
// small legacy files; UTF-8 input keeps streaming in chunks. Returns the encoding's name.
std::string convert_if_needed(InputStream& in, std::string& head, const ReadOptions& options) {
  Encoding from = encoding_from_bom(head);
  std::string other;  // a name only the system's iconv knows
  if (!options.encoding.empty() && from == Encoding::utf8) {
    if (const auto named = encoding_named(options.encoding))
      from = *named;
    else
      other = options.encoding;
  }
  if (from == Encoding::utf8 && other.empty()) return std::string(encoding_name(from));
  const bool utf16_bom = encoding_from_bom(head) != Encoding::utf8;
  const auto name = in.name();
  const std::string bytes = head.substr(utf16_bom ? 2 : 0) + read_all(in);
  in = InputStream::from_memory(name, other.empty() ? to_utf8(bytes, from) : iconv_to_utf8(bytes, other));
  head = read_head(in);
  return other.empty() ? std::string(encoding_name(from)) : other;
}

// A CSV report's title line above the header is skipped (unless --skip-lines said how many
// lines to skip), and the reader says so.
// A CSV whose lines end in CR alone (classic Mac OS) would be read as one long header line.
void refuse_cr_line_ends(std::string_view head, const std::string& name) {
  const auto cr = head.find('\r');
  if (cr == std::string_view::npos || cr > head.find('\n') || (cr + 1 < head.size() && head[cr + 1] == '\n')) return;
  throw cr_only_line_ends(name, 1);
}

std::unique_ptr<TableReader> open_csv(InputStream in, std::string head, const ReadOptions& options) {
  refuse_cr_line_ends(head, in.name());
  const auto title = options.skip_lines ? std::nullopt : title_line(head, options.delimiter);
  if (title) {  // the title is the first line with text: blank lines may come before it
    const auto before = head.begin() + static_cast<std::ptrdiff_t>(head.find_first_not_of("\r\n"));
    blank_lines(in, head, 1 + static_cast<std::size_t>(std::count(head.begin(), before, '\n')));
  }
  const char delimiter = options.delimiter.value_or(sniff_delimiter(head));
  auto reader = std::make_unique<CsvReader>(std::move(in), std::move(head), delimiter);
  if (title) reader->set_skipped(fmt::format("title line {} skipped", quote_value(*title)));
  if (options.skip_lines.value_or(0) > 0)
    reader->set_skipped(fmt::format("{} lines skipped (--skip-lines)", *options.skip_lines));
  return reader;
}

std::unique_ptr<TableReader> open_reader(InputStream in, std::string head, const ReadOptions& options) {
  const auto format = options.format == InputFormat::automatic ? sniff_format(head) : options.format;
  if (!options.json_path.empty() && format != InputFormat::json)
    throw Error::usage(fmt::format("--json-path picks the rows of a JSON document; {} is read as {}", in.name(),
                                   format == InputFormat::ndjson ? "NDJSON" : "CSV"));
  switch (format) {
    case InputFormat::json: {
      const std::string name = in.name();
      return make_json_reader(name, head + read_all(in), options.json_path);
    }
    case InputFormat::ndjson:
      return make_ndjson_reader(std::move(in), std::move(head));
    case InputFormat::automatic:
    case InputFormat::csv:
      break;
  }
  return open_csv(std::move(in), std::move(head), options);
}

// --columns: the input read whole, with the names as its first line. Line numbers in
// messages count that line, as the split's own header would be counted.
InputStream with_columns(InputStream in, const std::string& columns) {
  auto text = read_all(in);
  const auto end = std::min(text.find('\n'), text.size());
  auto first = std::string_view(text).substr(0, end);
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  if (first == columns) text.erase(0, std::min(end + 1, text.size()));
  return InputStream::from_memory(in.name(), columns + "\n" + text);
}

}  // namespace

std::unique_ptr<TableReader> open_table(InputStream in, const ReadOptions& options) {
  if (!options.columns.empty()) in = with_columns(std::move(in), options.columns);
  std::string head = read_head(in);
  const auto encoding = convert_if_needed(in, head, options);
  if (options.skip_lines) blank_lines(in, head, *options.skip_lines);
  if (head.find_first_not_of(" \t\r\n") == std::string::npos)
    throw Error::data(
        options.skip_lines.value_or(0) > 0
            ? fmt::format("{}: nothing follows the {} lines --skip-lines skips", in.name(), *options.skip_lines)
            : fmt::format("{}: the input is empty", in.name()));
  if (head.find('\0') != std::string::npos)
    throw Error::data(
        fmt::format("{}: the input contains NUL bytes (a binary file, or UTF-16 without a byte-order "
                    "mark: try --encoding utf-16le)",
                    in.name()));
  in.refuse_nul_bytes();
  auto reader = open_reader(std::move(in), std::move(head), options);
  reader->encoding = encoding;
  return reader;
}

}  // namespace cxkpi::cli

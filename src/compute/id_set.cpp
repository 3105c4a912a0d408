#include "compute/id_set.hpp"

#include <bit>
#include <functional>
#include <string>
#include <utility>

#include "errors.hpp"

namespace cxkpi::cli {
namespace {

constexpr std::uint64_t kHashedTag = std::uint64_t{1} << 63;
constexpr std::uint64_t kShortTextTag = std::uint64_t{1} << 62;
constexpr std::size_t kMaxWholeDigits = 18;  // below 10^18 < 2^62: the tag bits stay clear
constexpr std::size_t kMaxShortText = 7;     // 7 bytes and a length below the tag
constexpr unsigned kRowBits = 48;
constexpr std::uint64_t kRowMask = (std::uint64_t{1} << kRowBits) - 1;

// "0" or digits without a leading zero: the ids whose number is their text.
std::optional<std::uint64_t> whole_number(std::string_view id) {
  if (id.empty() || id.size() > kMaxWholeDigits || (id.size() > 1 && id.front() == '0')) return std::nullopt;
  std::uint64_t v = 0;
  for (const char c : id) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return v;
}

}  // namespace

std::uint64_t IdSet::default_hash(std::string_view id) {
  return std::hash<std::string_view>{}(id);
}

IdSet::Key IdSet::key_of(std::string_view id) const {
  if (const auto v = whole_number(id)) return {*v};
  if (id.size() <= kMaxShortText) {
    std::uint64_t bits = kShortTextTag | (static_cast<std::uint64_t>(id.size()) << 56);
    for (std::size_t i = 0; i < id.size(); ++i)
      bits |= static_cast<std::uint64_t>(static_cast<unsigned char>(id[i])) << (8 * i);
    return {bits};
  }
  auto bits = kHashedTag | hash_(id);
  if (bits == Table::kEmpty) --bits;  // still a hashed key; the text tells ids apart
  return {bits};
}

std::uint64_t IdSet::pack(RowPlace place) {
  if (place.row > kRowMask || place.input >= (std::uint32_t{1} << (64 - kRowBits)))
    throw Error::data("too many inputs or rows to check ids for repeats (at most 65535 inputs of 2^48 rows)");
  return (std::uint64_t{place.input} << kRowBits) | place.row;
}

RowPlace IdSet::unpack(std::uint64_t packed) {
  return {static_cast<std::uint32_t>(packed >> kRowBits), packed & kRowMask};
}

// --- the table -------------------------------------------------------------------------

std::size_t IdSet::Table::slot_of(std::uint64_t key) const {
  // Fibonacci hashing spreads keys that count up (whole-number ids) over the slots.
  const auto bits = static_cast<unsigned>(std::countr_zero(keys_.size()));
  return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> (64 - bits));
}

std::uint64_t* IdSet::Table::find(std::uint64_t key) {
  return const_cast<std::uint64_t*>(std::as_const(*this).find(key));
}

const std::uint64_t* IdSet::Table::find(std::uint64_t key) const {
  if (size_ == 0) return nullptr;
  const auto mask = keys_.size() - 1;
  for (auto i = slot_of(key);; i = (i + 1) & mask) {
    if (keys_[i] == key) return &values_[i];
    if (keys_[i] == kEmpty) return nullptr;
  }
}

std::pair<std::uint64_t*, bool> IdSet::Table::emplace(std::uint64_t key, std::uint64_t value) {
  if ((size_ + 1) * 10 > keys_.size() * 7) grow();  // at most 70 % full
  const auto mask = keys_.size() - 1;
  for (auto i = slot_of(key);; i = (i + 1) & mask) {
    if (keys_[i] == key) return {&values_[i], false};
    if (keys_[i] == kEmpty) {
      keys_[i] = key;
      values_[i] = value;
      ++size_;
      return {&values_[i], true};
    }
  }
}

void IdSet::Table::grow() {
  auto keys = std::exchange(keys_, std::vector<std::uint64_t>(std::max<std::size_t>(16, 2 * keys_.size()), kEmpty));
  auto values = std::exchange(values_, std::vector<std::uint64_t>(keys_.size()));
  size_ = 0;
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (keys[i] != kEmpty) emplace(keys[i], values[i]);
}

// --- lookups and additions ---------------------------------------------------------------

std::optional<std::uint64_t> IdSet::lookup_run(std::uint64_t id) const {
  if (open_.holds(id)) return open_.place + (id - open_.first);
  auto it = runs_.upper_bound(id);
  if (it == runs_.begin()) return std::nullopt;
  --it;
  if (!it->second.holds(id)) return std::nullopt;
  return it->second.place + (id - it->second.first);
}

std::optional<std::uint64_t> IdSet::lookup(std::string_view id, Key key) const {
  // The table first: it holds whole numbers that runs do not, and --dedupe last's later rows
  // of an id that a run holds.
  if (const auto* value = table_.find(key.bits)) {
    if (!key.hashed()) return *value;
    const auto& t = texts_[*value];
    if (text(t) == id) return t.place;
    if (const auto it = collided_.find(std::string(id)); it != collided_.end()) return it->second;
    return std::nullopt;
  }
  if (key.whole()) return lookup_run(key.bits);
  return std::nullopt;
}

void IdSet::add_to_table(std::string_view id, Key key, std::uint64_t place) {
  if (!key.hashed()) {
    table_.emplace(key.bits, place);
    if (key.whole()) {
      least_whole_ = std::min(least_whole_, key.bits);
      most_whole_ = std::max(most_whole_, key.bits);
    }
    return;
  }
  if (table_.emplace(key.bits, texts_.size()).second) {
    texts_.push_back({place, arena_.size(), static_cast<std::uint32_t>(id.size())});
    arena_.append(id);
  } else {
    collided_.emplace(std::string(id), place);  // another id has this hash
  }
}

void IdSet::close_open_run() {
  if (open_.length >= kMinRunLength) {
    runs_.emplace(open_.first, open_);
  } else {
    for (std::uint64_t k = 0; k < open_.length; ++k)
      add_to_table({}, {open_.first + k}, open_.place + k);
  }
  open_ = {};
}

void IdSet::add_new(std::string_view id, Key key, std::uint64_t place) {
  if (!key.whole()) return add_to_table(id, key, place);
  if (open_.extended_by(key.bits, place)) {
    ++open_.length;
    return;
  }
  close_open_run();
  open_ = {key.bits, place, 1};
}

void IdSet::replace(std::string_view id, Key key, std::uint64_t place) {
  auto* value = table_.find(key.bits);
  if (value == nullptr) return add_to_table(id, key, place);  // held by a run: the table overrides it
  if (!key.hashed()) {
    *value = place;
  } else if (auto& t = texts_[*value]; text(t) == id) {
    t.place = place;
  } else {
    collided_[std::string(id)] = place;
  }
}

bool IdSet::extends_open_run(Key key, std::uint64_t place) const {
  if (!key.whole() || !open_.extended_by(key.bits, place)) return false;
  // The next id of the open run is new when it is above every whole number held elsewhere.
  const bool above_table = least_whole_ > most_whole_ || key.bits > most_whole_;
  // Runs hold disjoint ranges, so the one that starts last ends last.
  const bool above_runs = runs_.empty() || key.bits >= runs_.rbegin()->second.first + runs_.rbegin()->second.length;
  return above_table && above_runs;
}

namespace {
// Increments a decimal number written in `digits` (no sign, no leading zero).
void increment_decimal(std::string& digits) {
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (*it != '9') {
      ++*it;
      return;
    }
    *it = '0';
  }
  digits.insert(digits.begin(), '1');
}
}  // namespace

std::optional<RowPlace> IdSet::insert(std::string_view id, RowPlace place) {
  const auto packed = pack(place);
  // The common case, ids numbered one per row: the text of the open run's next id.
  if (!next_text_.empty() && id == next_text_ && packed == open_.place + open_.length) {
    ++open_.length;
    increment_decimal(next_text_);
    if (next_text_.size() > kMaxWholeDigits) next_text_.clear();  // past what key_of reads as a number
    return std::nullopt;
  }
  const auto key = key_of(id);
  if (extends_open_run(key, packed)) {
    ++open_.length;
    expect_next_of_open_run();
    return std::nullopt;
  }
  if (const auto earlier = lookup(id, key)) return unpack(*earlier);
  add_new(id, key, packed);
  expect_next_of_open_run();
  return std::nullopt;
}

// Keeps next_text_ when the open run's next id would extend it (extends_open_run's test,
// done once here instead of on every row), else clears it.
void IdSet::expect_next_of_open_run() {
  next_text_.clear();
  if (open_.length == 0) return;
  const auto next = open_.first + open_.length;
  if (!extends_open_run({next}, open_.place + open_.length)) return;
  auto text = std::to_string(next);
  if (text.size() <= kMaxWholeDigits) next_text_ = std::move(text);  // key_of reads it as the number
}

void IdSet::assign(std::string_view id, RowPlace place) {
  const auto key = key_of(id);
  if (lookup(id, key))
    replace(id, key, pack(place));
  else
    add_new(id, key, pack(place));
  expect_next_of_open_run();
}

std::optional<RowPlace> IdSet::find(std::string_view id) const {
  const auto place = lookup(id, key_of(id));
  return place ? std::optional(unpack(*place)) : std::nullopt;
}

// --- absorbing a later block -------------------------------------------------------------

bool IdSet::may_hold_any(const Run& run) const {
  const auto last = run.first + run.length - 1;
  const auto overlaps = [&](const Run& r) { return r.length > 0 && r.first <= last && run.first < r.first + r.length; };
  if (overlaps(open_)) return true;
  if (auto it = runs_.upper_bound(last); it != runs_.begin() && overlaps(std::prev(it)->second)) return true;
  return least_whole_ <= last && run.first <= most_whole_;
}

bool IdSet::absorb_entry(std::string_view id, Key key, std::uint64_t place) {
  if (lookup(id, key)) return true;
  add_new(id, key, place);
  return false;
}

bool IdSet::absorb_run(const Run& run) {
  if (!may_hold_any(run)) {
    if (open_.extended_by(run.first, run.place)) {
      open_.length += run.length;
    } else {
      close_open_run();
      open_ = run;
    }
    return false;
  }
  bool repeated = false;  // some id of the run may be here: one by one, exactly
  for (std::uint64_t k = 0; k < run.length; ++k)
    repeated |= absorb_entry({}, {run.first + k}, run.place + k);
  return repeated;
}

bool IdSet::absorb(IdSet&& later) {
  later.close_open_run();
  bool repeated = false;
  for (const auto& [first, run] : later.runs_)
    repeated |= absorb_run(run);
  later.table_.for_each([&](std::uint64_t bits, std::uint64_t value) {
    const Key key{bits};
    if (key.hashed()) {
      const auto& t = later.texts_[value];
      repeated |= absorb_entry(later.text(t), key, t.place);
    } else {
      repeated |= absorb_entry({}, key, value);
    }
  });
  for (const auto& [id, place] : later.collided_)
    repeated |= absorb_entry(id, key_of(id), place);
  expect_next_of_open_run();
  return repeated;
}

std::size_t IdSet::size() const {
  std::size_t n = open_.length + table_.size() + collided_.size();
  for (const auto& [first, run] : runs_)
    n += run.length;
  return n;
}

std::size_t IdSet::bytes() const {
  constexpr std::size_t kMapNode = 64;  // a std::map or unordered_map node with its key, about
  return table_.capacity() * 2 * sizeof(std::uint64_t) + texts_.capacity() * sizeof(Text) + arena_.capacity() +
         (runs_.size() + collided_.size()) * kMapNode;
}

}  // namespace cxkpi::cli

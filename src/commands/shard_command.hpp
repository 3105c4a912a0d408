#pragma once
#include <cstdint>
#include <memory>
#include <string_view>

#include "commands/command.hpp"

namespace cxkpi::cli {

/// `cxkpi shard LOG --key COL --shards N`: the rows split by a stable hash of one column.
std::unique_ptr<Command> make_shard_command(CLI::App& parent);

/// CRC-32 (IEEE 802.3, as zlib's crc32) of `bytes`.
std::uint32_t crc32_of(std::string_view bytes);

}  // namespace cxkpi::cli

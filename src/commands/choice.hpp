#pragma once
// A flag that takes one word out of a fixed list and sets an enum from it.

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace cxkpi::cli {

template <typename Enum>
using Choices = std::vector<std::pair<std::string, Enum>>;

template <typename Enum>
CLI::Option* add_choice(CLI::App& app, const std::string& flag, Choices<Enum> choices, std::function<void(Enum)> set,
                        const std::string& help) {
  std::vector<std::string> words;
  for (const auto& [word, value] : choices)
    words.push_back(word);
  auto* option = app.add_option_function<std::string>(
      flag,
      [choices, set](const std::string& given) {
        for (const auto& [word, value] : choices)
          if (word == given) set(value);
      },
      help);
  // transform, not check: the value given becomes the listed word, so MEAN means mean.
  return option->transform(CLI::IsMember(words, CLI::ignore_case));
}

}  // namespace cxkpi::cli

#include "cli/args.hpp"

#include <charconv>
#include <iostream>
#include <stdexcept>

namespace kg::cli {

Args::Args(std::string usage, std::string summary)
    : usage_(std::move(usage)), summary_(std::move(summary)) {
  flag("help", "show this help", "h");
}

Args& Args::option(std::string name, std::string value_name, std::string help, bool repeatable,
                   std::string short_name) {
  specs_.push_back({std::move(name), std::move(short_name), std::move(value_name), std::move(help),
                    true, repeatable});
  return *this;
}

Args& Args::flag(std::string name, std::string help, std::string short_name) {
  specs_.push_back({std::move(name), std::move(short_name), {}, std::move(help), false, false});
  return *this;
}

Args& Args::positional(std::string name, std::string help) {
  positional_help_.emplace_back(std::move(name), std::move(help));
  return *this;
}

const Args::Spec* Args::find(std::string_view name) const {
  for (const Spec& spec : specs_)
    if (spec.name == name || (!spec.short_name.empty() && spec.short_name == name)) return &spec;
  return nullptr;
}

bool Args::parse(const std::vector<std::string>& arguments) {
  bool only_positionals = false;
  for (size_t i = 0; i < arguments.size(); ++i) {
    const std::string& argument = arguments[i];
    if (only_positionals || argument.size() < 2 || argument[0] != '-') {
      positionals_.push_back(argument);
      continue;
    }
    if (argument == "--") {
      only_positionals = true;
      continue;
    }
    std::string name = argument.substr(argument[1] == '-' ? 2 : 1);
    std::optional<std::string> inline_value;
    if (size_t equals = name.find('='); equals != std::string::npos) {
      inline_value = name.substr(equals + 1);
      name.resize(equals);
    }
    const Spec* spec = find(name);
    if (!spec) throw UsageError("unknown option '" + argument + "' (see --help)");
    if (spec->name == "help") {
      std::cout << help();
      return false;
    }
    std::vector<std::string>& slot = given_[spec->name];
    if (!spec->takes_value) {
      if (inline_value) throw UsageError("option --" + spec->name + " takes no value");
      slot.emplace_back();
      continue;
    }
    if (!inline_value) {
      if (i + 1 >= arguments.size())
        throw UsageError("option --" + spec->name + " needs a value " + spec->value_name);
      inline_value = arguments[++i];
    }
    if (!spec->repeatable && !slot.empty())
      throw UsageError("option --" + spec->name + " given more than once");
    slot.push_back(*inline_value);
  }
  return true;
}

bool Args::has(std::string_view name) const {
  return given_.count(name) != 0;
}

std::optional<std::string> Args::value(std::string_view name) const {
  auto found = given_.find(name);
  if (found == given_.end() || found->second.empty()) return std::nullopt;
  return found->second.back();
}

std::vector<std::string> Args::values(std::string_view name) const {
  auto found = given_.find(name);
  return found == given_.end() ? std::vector<std::string>{} : found->second;
}

std::optional<long> Args::integer(std::string_view name, long minimum, long maximum) const {
  auto text = value(name);
  if (!text) return std::nullopt;
  long number = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), number);
  if (error != std::errc() || end != text->data() + text->size() || number < minimum ||
      number > maximum)
    throw UsageError("option --" + std::string(name) + " needs an integer from " +
                     std::to_string(minimum) + " to " + std::to_string(maximum) + ", not '" +
                     *text + "'");
  return number;
}

std::string Args::help() const {
  std::string out = "usage: " + usage_ + "\n\n" + summary_ + "\n";
  if (!positional_help_.empty()) {
    out += "\narguments:\n";
    for (const auto& [name, text] : positional_help_) {
      std::string left = "  " + name;
      left.resize(std::max<size_t>(left.size() + 2, 26), ' ');
      out += left + text + "\n";
    }
  }
  out += "\noptions:\n";
  for (const Spec& spec : specs_) {
    std::string left = "  ";
    if (!spec.short_name.empty()) left += "-" + spec.short_name + ", ";
    left += "--" + spec.name;
    if (spec.takes_value) left += " " + spec.value_name;
    left.resize(std::max<size_t>(left.size() + 2, 26), ' ');
    out += left + spec.help + (spec.repeatable ? " (repeatable)" : "") + "\n";
  }
  return out;
}

}  // namespace kg::cli

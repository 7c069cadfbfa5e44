// kg-datagen: writes the benchmark's synthetic knowledge graph.
//   kg-datagen --triples 1m [--seed 42] [--format nt|ttl] [--out FILE]
// Sizes take a k or m suffix (thousands, millions). The output depends only on the options.
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

#include "emitter.hpp"
#include "generator.hpp"

namespace {

constexpr const char* kUsage =
    "usage: kg-datagen --triples N[k|m] [--seed S] [--format nt|ttl] [--out FILE]\n";

std::uint64_t parse_count(std::string_view text) {
  std::uint64_t factor = 1;
  if (!text.empty() && (text.back() == 'k' || text.back() == 'K')) factor = 1'000;
  if (!text.empty() && (text.back() == 'm' || text.back() == 'M')) factor = 1'000'000;
  if (factor != 1) text.remove_suffix(1);
  std::size_t used = 0;
  const std::uint64_t value = std::stoull(std::string(text), &used);
  if (used != text.size() || text.empty()) throw std::invalid_argument("not a count");
  return value * factor;
}

struct Call {
  kg::bench::Options options;
  kg::bench::Syntax syntax = kg::bench::Syntax::kNTriples;
  std::string out;
};

Call parse(int argc, char** argv) {
  Call call;
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (i + 1 >= argc) throw std::invalid_argument("missing value");
    const std::string_view value = argv[++i];
    if (flag == "--triples") {
      call.options.triples = parse_count(value);
    } else if (flag == "--seed") {
      call.options.seed = parse_count(value);
    } else if (flag == "--format" && (value == "nt" || value == "ttl")) {
      call.syntax = value == "nt" ? kg::bench::Syntax::kNTriples : kg::bench::Syntax::kTurtle;
    } else if (flag == "--out") {
      call.out = value;
    } else {
      throw std::invalid_argument("bad argument");
    }
  }
  return call;
}

}  // namespace

int main(int argc, char** argv) {
  Call call;
  try {
    call = parse(argc, argv);
  } catch (const std::exception&) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  std::FILE* out = call.out.empty() ? stdout : std::fopen(call.out.c_str(), "wb");
  if (out == nullptr) {
    std::fprintf(stderr, "kg-datagen: cannot write %s: %s\n", call.out.c_str(),
                 std::strerror(errno));
    return 1;
  }
  {
    kg::bench::Emitter emitter(out, call.syntax, call.options.triples);
    kg::bench::generate(call.options, emitter);
  }
  const bool failed = std::ferror(out) != 0;
  if (out != stdout && std::fclose(out) != 0) return 1;
  return failed ? 1 : 0;
}

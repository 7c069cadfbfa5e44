// A small seeded random source whose output is the same on every platform and standard
// library: std::uniform_int_distribution and friends are implementation-defined, so the
// generator draws from its own splitmix64 and does its own scaling.
#pragma once

#include <cstdint>

namespace kg::bench {

class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  // Uniform in [0, 1), from the top 53 bits.
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  // Uniform in [0, n); n > 0. The modulo bias is below 2^-40 for the sizes used here.
  std::uint64_t below(std::uint64_t n) { return next() % n; }

  // Uniform in [low, high].
  int between(int low, int high) { return low + static_cast<int>(below(high - low + 1)); }

  bool chance(double p) { return unit() < p; }

  // A rank in [0, n) drawn so that low ranks are far likelier: rank = floor(n * u^2) gives
  // rank r a probability of about 1 / (2 sqrt(n r)), a power law whose degree distribution
  // has a heavy tail (a few prolific people and works, most with one or two links). u * u is
  // exact IEEE arithmetic, so the result does not depend on the math library.
  std::uint64_t skewed(std::uint64_t n) {
    const double u = unit();
    const auto rank = static_cast<std::uint64_t>(static_cast<double>(n) * u * u);
    return rank < n ? rank : n - 1;
  }

 private:
  std::uint64_t state_;
};

}  // namespace kg::bench

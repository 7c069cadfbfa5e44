// Names and titles in English, Russian (Cyrillic) and Korean (Hangul), made from small word
// tables so that every index has a fixed, mostly unique name whatever the seed and scale:
// the query mix looks entities up by label, and needs the same label at every scale.
#pragma once

#include <cstdint>
#include <string>

namespace kg::bench {

struct Names {
  std::string en, ru, ko;
};

// "Kim Min-jun" / "Ким Мин Джун" / "김민준", with a number appended past the first 12,500.
Names person_name(std::uint64_t index);
// Another spelling of the same person's name, as a skos:altLabel ("Min-jun Kim").
std::string person_alias(std::uint64_t index);
// A given name alone, for characters ("Seo-yeon").
std::string character_name(std::uint64_t index);
// "Red Garden" / "Красный сад" / "붉은 정원", numbered past the first 320.
Names title(std::uint64_t index);

}  // namespace kg::bench

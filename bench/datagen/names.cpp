#include "names.hpp"

#include <array>
#include <string_view>

namespace kg::bench {
namespace {

// One word in the three languages.
struct Word {
  std::string_view en, ru, ko;
};

constexpr std::array<Word, 20> kFamily{{
    {"Kim", "Ким", "김"},  {"Lee", "Ли", "이"},   {"Park", "Пак", "박"},  {"Choi", "Чхве", "최"},
    {"Jung", "Чон", "정"}, {"Kang", "Кан", "강"}, {"Cho", "Чо", "조"},    {"Yoon", "Юн", "윤"},
    {"Jang", "Чан", "장"}, {"Lim", "Лим", "임"},  {"Han", "Хан", "한"},   {"Oh", "О", "오"},
    {"Seo", "Со", "서"},   {"Shin", "Син", "신"}, {"Kwon", "Квон", "권"}, {"Hwang", "Хван", "황"},
    {"Ahn", "Ан", "안"},   {"Song", "Сон", "송"}, {"Yoo", "Ю", "유"},     {"Hong", "Хон", "홍"},
}};

constexpr std::array<Word, 25> kGiven{{
    {"min", "мин", "민"},  {"jun", "джун", "준"},  {"seo", "со", "서"},   {"yeon", "ён", "연"},
    {"ji", "джи", "지"},   {"woo", "у", "우"},     {"hyun", "хён", "현"}, {"soo", "су", "수"},
    {"young", "ён", "영"}, {"jin", "джин", "진"},  {"ho", "хо", "호"},    {"eun", "ын", "은"},
    {"sung", "сон", "성"}, {"hee", "хи", "희"},    {"jae", "дже", "재"},  {"won", "вон", "원"},
    {"ha", "ха", "하"},    {"yu", "ю", "유"},      {"na", "на", "나"},    {"bin", "бин", "빈"},
    {"tae", "тхэ", "태"},  {"kyung", "кён", "경"}, {"dong", "дон", "동"}, {"sang", "сан", "상"},
    {"mi", "ми", "미"},
}};

// Russian adjectives in the masculine, to agree with the nouns below.
constexpr std::array<Word, 16> kAdjectives{{
    {"Red", "Красный", "붉은"},
    {"Silent", "Тихий", "조용한"},
    {"Last", "Последний", "마지막"},
    {"Golden", "Золотой", "황금"},
    {"Hidden", "Скрытый", "숨겨진"},
    {"Broken", "Разбитый", "부서진"},
    {"Endless", "Бесконечный", "끝없는"},
    {"Midnight", "Полуночный", "한밤의"},
    {"Winter", "Зимний", "겨울"},
    {"Distant", "Далёкий", "먼"},
    {"Wild", "Дикий", "야생의"},
    {"Secret", "Тайный", "비밀의"},
    {"Blue", "Синий", "푸른"},
    {"Lost", "Потерянный", "잃어버린"},
    {"Burning", "Горящий", "불타는"},
    {"Second", "Второй", "두 번째"},
}};

constexpr std::array<Word, 20> kNouns{{
    {"Garden", "сад", "정원"},   {"Road", "путь", "길"},     {"Dream", "сон", "꿈"},
    {"City", "город", "도시"},   {"Wind", "ветер", "바람"},  {"Fire", "огонь", "불"},
    {"Rain", "дождь", "비"},     {"Island", "остров", "섬"}, {"Voice", "голос", "목소리"},
    {"Forest", "лес", "숲"},     {"Train", "поезд", "기차"}, {"Bridge", "мост", "다리"},
    {"Dance", "танец", "춤"},    {"Snow", "снег", "눈"},     {"Knight", "рыцарь", "기사"},
    {"Season", "сезон", "계절"}, {"Storm", "шторм", "폭풍"}, {"Witness", "свидетель", "증인"},
    {"Ocean", "океан", "바다"},  {"Castle", "замок", "성"},
}};

// Upper-cases the first letter of an ASCII romanisation or of a Cyrillic word (two bytes in
// UTF-8: а..п are D0 B0..BF, р..я are D1 80..8F, ё is D1 91).
std::string capitalised(std::string_view word) {
  std::string out(word);
  if (out.empty()) return out;
  const auto first = static_cast<unsigned char>(out[0]);
  if (first < 0x80) {
    if (out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
  }
  auto second = static_cast<unsigned char>(out[1]);
  if (first == 0xD0 && second >= 0xB0) {
    out[1] = static_cast<char>(second - 0x20);  // а..п → А..П
  } else if (first == 0xD1 && second <= 0x8F) {
    out[0] = static_cast<char>(0xD0);
    out[1] = static_cast<char>(second + 0x20);  // р..я → Р..Я
  } else if (first == 0xD1 && second == 0x91) {
    out[0] = static_cast<char>(0xD0);
    out[1] = static_cast<char>(0x81);  // ё → Ё
  }
  return out;
}

// " 2", " 3", … for the generation-th reuse of a name (nothing for the first).
std::string suffix(std::uint64_t generation) {
  std::string text;
  if (generation > 0) text.append(" ").append(std::to_string(generation + 1));
  return text;
}

constexpr std::uint64_t kPersonNames = kFamily.size() * kGiven.size() * kGiven.size();
constexpr std::uint64_t kTitles = kAdjectives.size() * kNouns.size();

struct PersonParts {
  const Word& family;
  const Word& first;
  const Word& second;
  std::string suffix;
};

// A bijection from [0, kPersonNames) to (family, first, second); the given names are shifted
// by the other digits so that neighbouring indices do not share them ("Kim Min-min").
PersonParts person_parts(std::uint64_t index) {
  const std::uint64_t n = index % kPersonNames;
  const std::uint64_t a = n % kFamily.size();
  const std::uint64_t b = n / kFamily.size() % kGiven.size();
  const std::uint64_t c = n / kFamily.size() / kGiven.size();
  return {kFamily[a], kGiven[(b + a) % kGiven.size()],
          kGiven[(c + 3 * a + 7 * b + 1) % kGiven.size()], suffix(index / kPersonNames)};
}

}  // namespace

Names person_name(std::uint64_t index) {
  const PersonParts p = person_parts(index);
  Names names;
  names.en = std::string(p.family.en) + " " + capitalised(p.first.en) + "-" +
             std::string(p.second.en) + p.suffix;
  names.ru = std::string(p.family.ru) + " " + capitalised(p.first.ru) + " " +
             capitalised(p.second.ru) + p.suffix;
  names.ko =
      std::string(p.family.ko) + std::string(p.first.ko) + std::string(p.second.ko) + p.suffix;
  return names;
}

std::string person_alias(std::uint64_t index) {
  const PersonParts p = person_parts(index);
  return capitalised(p.first.en) + "-" + std::string(p.second.en) + " " + std::string(p.family.en) +
         p.suffix;
}

std::string character_name(std::uint64_t index) {
  const Word& first = kGiven[index % kGiven.size()];
  const Word& second = kGiven[(index / kGiven.size() + 7) % kGiven.size()];
  return capitalised(first.en) + "-" + std::string(second.en);
}

Names title(std::uint64_t index) {
  const std::uint64_t n = index % kTitles;
  const Word& adjective = kAdjectives[n % kAdjectives.size()];
  const Word& noun = kNouns[n / kAdjectives.size()];
  const std::string tail = suffix(index / kTitles);
  return {std::string(adjective.en) + " " + std::string(noun.en) + tail,
          std::string(adjective.ru) + " " + std::string(noun.ru) + tail,
          std::string(adjective.ko) + " " + std::string(noun.ko) + tail};
}

}  // namespace kg::bench

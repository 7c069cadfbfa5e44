#include "generator.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include "names.hpp"
#include "random.hpp"

namespace kg::bench {
namespace {

enum Job { kDirector, kActor, kWriter, kProducer, kCinematographer, kMusician, kJobs };

// schema:jobTitle of each job, in English.
constexpr std::array<std::string_view, kJobs> kJobTitle{
    "director", "actor", "screenwriter", "producer", "cinematographer", "singer"};

// Person i has job kJobOfSlot[i % 20]. Each job's people are spread over all indices, and the
// most prolific of each job (pool rank 0, see Random::skewed) has a small, fixed index:
// person_1 directs the most works and person_4 acts in the most, at every scale and seed.
constexpr std::array<Job, 20> kJobOfSlot{
    kDirector, kDirector, kDirector,        kActor,    kActor,    kActor,   kActor,
    kActor,    kActor,    kActor,           kActor,    kWriter,   kWriter,  kWriter,
    kProducer, kProducer, kCinematographer, kMusician, kMusician, kMusician};

enum Kind { kFilm, kSeries, kSong, kAlbum, kMusicVideo, kKinds };

struct KindInfo {
  std::string_view schema_class;
  int percent;  // share of all works
};
constexpr std::array<KindInfo, kKinds> kKindInfo{{{"Movie", 30},
                                                  {"TVSeries", 12},
                                                  {"MusicRecording", 33},
                                                  {"MusicAlbum", 10},
                                                  {"MusicVideoObject", 15}}};

struct Category {
  std::string_view en, ru, ko;
  Kind kind;  // the works it is given for
  Job job;    // the credit it is given to
};
constexpr std::array<Category, 10> kCategories{{
    {"Best Picture", "Лучший фильм", "작품상", kFilm, kProducer},
    {"Best Director", "Лучший режиссёр", "감독상", kFilm, kDirector},
    {"Best Actor", "Лучшая мужская роль", "남우주연상", kFilm, kActor},
    {"Best Screenplay", "Лучший сценарий", "각본상", kFilm, kWriter},
    {"Best Cinematography", "Лучшая операторская работа", "촬영상", kFilm, kCinematographer},
    {"Best Drama Series", "Лучший драматический сериал", "드라마 작품상", kSeries, kProducer},
    {"Best Actor in a Series", "Лучшая роль в сериале", "드라마 연기상", kSeries, kActor},
    {"Song of the Year", "Песня года", "올해의 노래", kSong, kMusician},
    {"Album of the Year", "Альбом года", "올해의 앨범", kAlbum, kMusician},
    {"Best Music Video", "Лучший музыкальный клип", "최우수 뮤직비디오", kMusicVideo, kDirector},
}};

// The rdfs:subClassOf edges of ontology/kg.ttl among the classes the data uses: up to three
// levels, so that rdf:type/rdfs:subClassOf* has work to do.
struct SubClass {
  Iri sub, super;
};
constexpr std::array<SubClass, 18> kSubClasses{{
    {{Ns::kProv, "Agent"}, {Ns::kSchema, "Thing"}},
    {{Ns::kSchema, "Person"}, {Ns::kProv, "Agent"}},
    {{Ns::kSchema, "Organization"}, {Ns::kProv, "Agent"}},
    {{Ns::kSchema, "MusicGroup"}, {Ns::kSchema, "Organization"}},
    {{Ns::kSchema, "CreativeWork"}, {Ns::kSchema, "Thing"}},
    {{Ns::kSchema, "Movie"}, {Ns::kSchema, "CreativeWork"}},
    {{Ns::kSchema, "TVSeries"}, {Ns::kSchema, "CreativeWork"}},
    {{Ns::kSchema, "MusicRecording"}, {Ns::kSchema, "CreativeWork"}},
    {{Ns::kSchema, "MusicAlbum"}, {Ns::kSchema, "CreativeWork"}},
    {{Ns::kSchema, "MusicVideoObject"}, {Ns::kSchema, "CreativeWork"}},
    {{Ns::kSchema, "Event"}, {Ns::kSchema, "Thing"}},
    {{Ns::kKg, "AwardCeremony"}, {Ns::kSchema, "Event"}},
    {{Ns::kKg, "AwardWin"}, {Ns::kSchema, "Event"}},
    {{Ns::kKg, "AwardCategory"}, {Ns::kSchema, "Thing"}},
    {{Ns::kSchema, "PerformanceRole"}, {Ns::kSchema, "Thing"}},
    {{Ns::kKg, "Performance"}, {Ns::kSchema, "PerformanceRole"}},
    {{Ns::kSchema, "InteractionCounter"}, {Ns::kSchema, "Thing"}},
    {{Ns::kKg, "ViewCount"}, {Ns::kSchema, "InteractionCounter"}},
}};

constexpr Iri kType{Ns::kRdf, "type"};
constexpr Iri kSubClassOf{Ns::kRdfs, "subClassOf"};

constexpr Iri kg(std::string_view local) {
  return {Ns::kKg, local};
}
constexpr Iri schema(std::string_view local) {
  return {Ns::kSchema, local};
}
Iri kgd(const std::string& local) {
  return {Ns::kKgd, local};
}

std::string id(std::string_view kind, std::uint64_t n) {
  return std::string(kind) + "_" + std::to_string(n);
}

struct Date {
  int year, month, day;
};

std::string iso(const Date& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
  return text;
}

// A release year between 1950 and 2025, recent years likelier (as in real catalogues).
Date release_date(Random& rng) {
  return {2025 - static_cast<int>(rng.skewed(76)), rng.between(1, 12), rng.between(1, 28)};
}

// An xsd:dateTime with one of several time-zone offsets (the seed graph always writes one;
// KST is +09:00), so that comparisons must normalise them.
std::string date_time(Random& rng, const Date& date) {
  static constexpr std::array<const char*, 5> kZones{"+09:00", "+00:00", "-05:00", "+01:00",
                                                     "+03:00"};
  char text[40];
  std::snprintf(text, sizeof text, "%sT%02d:%02d:00%s", iso(date).c_str(), rng.between(0, 23),
                rng.between(0, 3) * 15, kZones[rng.below(kZones.size())]);
  return text;
}

std::string minutes_seconds(Random& rng, int min_minutes, int max_minutes) {
  return "PT" + std::to_string(rng.between(min_minutes, max_minutes)) + "M" +
         std::to_string(rng.between(0, 59)) + "S";
}

class Generator {
 public:
  Generator(const Options& options, Emitter& out);
  void run();

 private:
  void ontology();
  void ceremony(std::uint64_t c);
  void category(std::size_t c);
  void group(std::uint64_t g);
  void person(std::uint64_t i);
  void work(std::uint64_t j);
  void film(const std::string& work);
  void series(const std::string& work);
  std::string song(const std::string& work, std::uint64_t j);
  void album(const std::string& work, std::uint64_t j);
  void music_video(const std::string& work, std::uint64_t j, const Date& released);
  void credit(const std::string& work, Job job, std::string_view predicate, int count);
  void cast(const std::string& work, int count);
  void artist(const std::string& work, const std::string& who);
  void views(const std::string& work, std::uint64_t j, std::uint64_t most);
  void maybe_win(const std::string& work, Kind kind, int year);
  void labels(const std::string& subject, const Names& names, const std::string& alias);
  void literal(const std::string& subject, Iri predicate, const std::string& value,
               std::string_view xsd_type);

  std::uint64_t pick(Job job) { return person_of(job, rng_.skewed(pool_[job])); }
  std::uint64_t person_of(Job job, std::uint64_t rank) const;
  std::string some_artist();
  // A recent entry of a list (tracks and videos refer to recent works).
  template <typename T>
  const T& recent(const std::vector<T>& list) {
    return list[list.size() - 1 - rng_.skewed(list.size())];
  }

  Emitter& out_;
  Random rng_;
  std::uint64_t people_, groups_, ceremonies_;
  std::array<std::uint64_t, kJobs> pool_{};                // people per job
  std::array<std::vector<int>, kJobs> slots_;              // the slots of kJobOfSlot per job
  std::array<std::vector<std::uint64_t>, kJobs> credits_;  // of the work being written
  std::vector<std::uint64_t> albums_;
  std::vector<std::pair<std::uint64_t, std::string>> songs_;  // work index, artist id
  std::uint64_t wins_ = 0, performances_ = 0;
};

Generator::Generator(const Options& options, Emitter& out)
    : out_(out),
      rng_(options.seed),
      // One person per 16 triples: with the skewed picks most people get one to three credits.
      people_(std::max<std::uint64_t>(60, options.triples / 16)),
      groups_(std::max<std::uint64_t>(2, people_ / 60)),
      ceremonies_(std::max<std::uint64_t>(3, options.triples / 250'000)) {
  for (int slot = 0; slot < 20; ++slot) {
    const Job job = kJobOfSlot[slot];
    slots_[job].push_back(slot);
    pool_[job] += people_ / 20 + (static_cast<std::uint64_t>(slot) < people_ % 20 ? 1 : 0);
  }
}

void Generator::run() {
  ontology();
  for (std::size_t c = 0; c < kCategories.size() && !out_.full(); ++c)
    category(c);
  for (std::uint64_t c = 0; c < ceremonies_ && !out_.full(); ++c)
    ceremony(c);
  for (std::uint64_t g = 0; g < groups_ && !out_.full(); ++g)
    group(g);
  for (std::uint64_t i = 0; i < people_ && !out_.full(); ++i)
    person(i);
  for (std::uint64_t j = 0; !out_.full(); ++j)
    work(j);
}

void Generator::ontology() {
  for (const SubClass& edge : kSubClasses)
    out_.triple(edge.sub, kSubClassOf, edge.super);
}

// An award ceremony in the ontology's sense: the recurring event and the awards it gives.
void Generator::ceremony(std::uint64_t c) {
  const std::string ceremony = id("ceremony", c + 1);
  Names names = title(c * 37 + 5);
  names.en += " Awards";
  names.ru = "Премия «" + names.ru + "»";
  names.ko += " 시상식";
  out_.triple(kgd(ceremony), kType, kg("AwardCeremony"));
  labels(ceremony, names, "");
}

void Generator::category(std::size_t c) {
  const std::string category = id("category", c + 1);
  const Category& info = kCategories[c];
  out_.triple(kgd(category), kType, kg("AwardCategory"));
  labels(category, {std::string(info.en), std::string(info.ru), std::string(info.ko)}, "");
}

void Generator::group(std::uint64_t g) {
  const std::string group = id("group", g + 1);
  out_.triple(kgd(group), kType, schema("MusicGroup"));
  labels(group, title(g * 11 + 100'003), "");
}

void Generator::person(std::uint64_t i) {
  const std::string person = id("person", i + 1);
  const Job job = kJobOfSlot[i % 20];
  out_.triple(kgd(person), kType, schema("Person"));
  labels(person, person_name(i), rng_.chance(0.25) ? person_alias(i) : "");
  out_.triple(kgd(person), schema("jobTitle"), Literal{kJobTitle[job], "en"});
  // Friendships mostly point at better-known people (lower indices); a few the other way, so
  // the graph has cycles that transitive paths must handle.
  std::uint64_t previous = i;
  for (int n = rng_.chance(0.4) ? rng_.between(1, 2) : 0; n > 0 && i > 0; --n) {
    const std::uint64_t other = rng_.chance(0.03) ? rng_.below(people_) : rng_.skewed(i);
    if (other == i || other == previous) continue;
    previous = other;
    out_.triple(kgd(person), kg("friendOf"), kgd(id("person", other + 1)));
  }
  if (job == kMusician && rng_.chance(0.7)) {
    out_.triple(kgd(person), schema("memberOf"), kgd(id("group", rng_.skewed(groups_) + 1)));
  }
}

void Generator::work(std::uint64_t j) {
  for (auto& credits : credits_)
    credits.clear();
  int roll = static_cast<int>(rng_.below(100));
  int kind = 0;
  while (roll >= kKindInfo[kind].percent)
    roll -= kKindInfo[kind++].percent;

  const std::string work = id("work", j + 1);
  const Date released = release_date(rng_);
  const Names names = title(j);
  out_.triple(kgd(work), kType, schema(kKindInfo[kind].schema_class));
  labels(work, names,
         rng_.chance(0.2) ? names.en + " (" + std::to_string(released.year) + ")" : "");
  literal(work, kg("releasedOn"), iso(released), "date");
  switch (kind) {
    case kFilm:
      film(work);
      break;
    case kSeries:
      series(work);
      break;
    case kSong:
      songs_.emplace_back(j, song(work, j));
      break;
    case kAlbum:
      album(work, j);
      break;
    default:
      music_video(work, j, released);
  }
  maybe_win(work, static_cast<Kind>(kind), released.year);
}

void Generator::film(const std::string& work) {
  credit(work, kDirector, "directed", rng_.chance(0.1) ? 2 : 1);
  credit(work, kWriter, "wrote", rng_.between(1, 2));
  credit(work, kProducer, "produced", rng_.between(1, 2));
  if (rng_.chance(0.7)) credit(work, kCinematographer, "cinematographerOf", 1);
  cast(work, rng_.between(2, 8));
  const int minutes = rng_.between(80, 180);
  literal(work, schema("duration"),
          "PT" + std::to_string(minutes / 60) + "H" + std::to_string(minutes % 60) + "M",
          "duration");
}

void Generator::series(const std::string& work) {
  credit(work, kDirector, "directed", rng_.between(1, 2));
  credit(work, kWriter, "wrote", rng_.between(1, 3));
  credit(work, kProducer, "produced", 1);
  cast(work, rng_.between(3, 10));
  literal(work, schema("duration"), "PT" + std::to_string(rng_.between(30, 70)) + "M", "duration");
}

// Returns the artist's id, for the song's music videos.
std::string Generator::song(const std::string& work, std::uint64_t j) {
  const std::string who = some_artist();
  artist(work, who);
  credit(work, kMusician, "wrote", rng_.between(1, 2));
  if (rng_.chance(0.3)) credit(work, kWriter, "wrote", 1);
  credit(work, kProducer, "produced", 1);
  literal(work, schema("duration"), minutes_seconds(rng_, 2, 5), "duration");
  if (rng_.chance(0.5)) views(work, j, 1'000'000'000);
  if (!albums_.empty() && rng_.chance(0.7)) {
    out_.triple(kgd(work), schema("inAlbum"), kgd(id("work", recent(albums_) + 1)));
  }
  return who;
}

void Generator::album(const std::string& work, std::uint64_t j) {
  artist(work, some_artist());
  credit(work, kProducer, "produced", 1);
  literal(work, schema("duration"), minutes_seconds(rng_, 30, 70), "duration");
  albums_.push_back(j);
}

// A music video has the day (kg:releasedOn) and, as the seed graph's do, the instant of its
// premiere (kg:releasedAt, with a time zone).
void Generator::music_video(const std::string& work, std::uint64_t j, const Date& released) {
  literal(work, kg("releasedAt"), date_time(rng_, released), "dateTime");
  if (!songs_.empty()) {
    const auto& [song, who] = recent(songs_);
    out_.triple(kgd(work), kg("musicVideoOf"), kgd(id("work", song + 1)));
    artist(work, who);
  }
  credit(work, kDirector, "directed", 1);
  cast(work, rng_.between(0, 2));
  literal(work, schema("duration"), minutes_seconds(rng_, 3, 5), "duration");
  views(work, j, 2'000'000'000);
}

// Credits `count` distinct people of one job with `person predicate work`.
void Generator::credit(const std::string& work, Job job, std::string_view predicate, int count) {
  auto& credited = credits_[job];
  for (int n = 0; n < count; ++n) {
    const std::uint64_t who = pick(job);
    if (std::find(credited.begin(), credited.end(), who) != credited.end()) continue;
    credited.push_back(who);
    out_.triple(kgd(id("person", who + 1)), kg(predicate), kgd(work));
  }
}

// Actors star in the work; some of them with a named role (a kg:Performance).
void Generator::cast(const std::string& work, int count) {
  const std::size_t before = credits_[kActor].size();
  credit(work, kActor, "starredIn", count);
  for (std::size_t n = before; n < credits_[kActor].size(); ++n) {
    if (!rng_.chance(0.4)) continue;
    const std::string role = id("performance", ++performances_);
    out_.triple(kgd(role), kType, kg("Performance"));
    out_.triple(kgd(role), kg("performanceBy"), kgd(id("person", credits_[kActor][n] + 1)));
    out_.triple(kgd(role), kg("performanceIn"), kgd(work));
    out_.triple(kgd(role), schema("characterName"), Literal{character_name(performances_), "en"});
  }
}

std::string Generator::some_artist() {
  return rng_.chance(0.6) ? id("group", rng_.skewed(groups_) + 1)
                          : id("person", pick(kMusician) + 1);
}

void Generator::artist(const std::string& work, const std::string& who) {
  out_.triple(kgd(work), schema("byArtist"), kgd(who));
}

// A view count is an n-ary kg:ViewCount (schema:InteractionCounter) hanging off the work.
void Generator::views(const std::string& work, std::uint64_t j, std::uint64_t most) {
  const std::string counter = id("views", j + 1);
  out_.triple(kgd(work), schema("interactionStatistic"), kgd(counter));
  out_.triple(kgd(counter), kType, kg("ViewCount"));
  literal(counter, schema("userInteractionCount"), std::to_string(rng_.skewed(most)), "integer");
}

// Some works win an award in one of their kind's categories, for one of their credits: an
// n-ary kg:AwardWin (winner, work, ceremony, category, year, count).
void Generator::maybe_win(const std::string& work, Kind kind, int year) {
  if (!rng_.chance(0.07)) return;
  std::vector<std::size_t> fitting;
  for (std::size_t c = 0; c < kCategories.size(); ++c) {
    if (kCategories[c].kind == kind && !credits_[kCategories[c].job].empty()) fitting.push_back(c);
  }
  if (fitting.empty()) return;
  const std::size_t category = fitting[rng_.below(fitting.size())];
  const std::string winner = id("person", credits_[kCategories[category].job].front() + 1);
  const std::string win = id("win", ++wins_);
  out_.triple(kgd(winner), kg("wonAward"), kgd(win));
  out_.triple(kgd(win), kType, kg("AwardWin"));
  out_.triple(kgd(win), kg("forWork"), kgd(work));
  out_.triple(kgd(win), kg("atCeremony"), kgd(id("ceremony", rng_.skewed(ceremonies_) + 1)));
  out_.triple(kgd(win), kg("awardCategory"), kgd(id("category", category + 1)));
  literal(win, kg("eventYear"), std::to_string(year + 1), "gYear");
  literal(win, kg("awardCount"), std::to_string(rng_.chance(0.9) ? 1 : rng_.between(2, 3)),
          "integer");
}

// Preferred names as the converter writes them (rdfs:label and skos:prefLabel, one per
// language): English always, Russian and Korean for some; an English alias if given.
void Generator::labels(const std::string& subject, const Names& names, const std::string& alias) {
  const auto name = [&](const std::string& text, std::string_view lang) {
    out_.triple(kgd(subject), {Ns::kRdfs, "label"}, Literal{text, lang});
    out_.triple(kgd(subject), {Ns::kSkos, "prefLabel"}, Literal{text, lang});
  };
  name(names.en, "en");
  if (rng_.chance(0.35)) name(names.ru, "ru");
  if (rng_.chance(0.5)) name(names.ko, "ko");
  if (!alias.empty()) out_.triple(kgd(subject), {Ns::kSkos, "altLabel"}, Literal{alias, "en"});
}

void Generator::literal(const std::string& subject, Iri predicate, const std::string& value,
                        std::string_view xsd_type) {
  out_.triple(kgd(subject), predicate, Literal{value, {}, xsd_type});
}

std::uint64_t Generator::person_of(Job job, std::uint64_t rank) const {
  const auto& slots = slots_[job];
  return rank / slots.size() * 20 + slots[rank % slots.size()];
}

}  // namespace

void generate(const Options& options, Emitter& out) {
  Generator generator(options, out);
  generator.run();
  out.finish();
}

}  // namespace kg::bench

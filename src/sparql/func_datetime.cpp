#include "sparql/func_datetime.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace kg::sparql {

namespace {

constexpr int64_t kSecondsPerDay = 86400;
constexpr int64_t kMaxYear = 999'999'999;  // keeps every instant well inside Decimal's range
constexpr int64_t kFourteenHours = 14 * 3600;

int64_t floor_divide(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

bool is_leap_year(int64_t year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int days_in_month(int64_t year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (year 0 is 1 BCE, as in XSD 1.1),
// counting years from March so that the leap day comes last.
int64_t days_from_civil(int64_t year, int month, int day) {
  int64_t march_year = month <= 2 ? year - 1 : year;
  int64_t era = floor_divide(march_year, 400);
  int64_t year_of_era = march_year - era * 400;
  int64_t month_from_march = (month + 9) % 12;
  int64_t day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
  int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

void civil_from_days(int64_t days, int64_t& year, int& month, int& day) {
  days += 719468;
  int64_t era = floor_divide(days, 146097);
  int64_t day_of_era = days - era * 146097;
  int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  int64_t month_from_march = (5 * day_of_year + 2) / 153;
  day = int(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  month = int(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
  year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
}

// A cursor over a lexical form.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}
  bool done() const { return pos_ == text_.size(); }
  bool accept(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) return ++pos_, true;
    return false;
  }
  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  // Exactly `count` digits.
  std::optional<int> fixed(int count) {
    int value = 0;
    for (int i = 0; i < count; ++i) {
      char c = peek();
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + (c - '0');
      ++pos_;
    }
    return value;
  }
  std::string_view digits() {
    size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9')
      ++pos_;
    return text_.substr(start, pos_ - start);
  }
  size_t position() const { return pos_; }
  std::string_view from(size_t start) const { return text_.substr(start, pos_ - start); }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

std::optional<int64_t> parse_year(Scanner& in) {
  bool negative = in.accept('-');
  std::string_view digits = in.digits();
  if (digits.size() < 4 || digits.size() > 9 || (digits.size() > 4 && digits[0] == '0'))
    return std::nullopt;
  int64_t year = 0;
  for (char c : digits)
    year = year * 10 + (c - '0');
  return negative ? -year : year;
}

struct Date {
  int64_t year;
  int month, day;
};

std::optional<Date> parse_date_part(Scanner& in) {
  auto year = parse_year(in);
  if (!year || !in.accept('-')) return std::nullopt;
  auto month = in.fixed(2);
  if (!month || !in.accept('-') || *month < 1 || *month > 12) return std::nullopt;
  auto day = in.fixed(2);
  if (!day || *day < 1 || *day > days_in_month(*year, *month)) return std::nullopt;
  return Date{*year, *month, *day};
}

// hh:mm:ss(.s+)? as seconds since midnight; 24:00:00 is allowed and gives 86400.
std::optional<Decimal> parse_time_part(Scanner& in) {
  auto hour = in.fixed(2);
  if (!hour || !in.accept(':')) return std::nullopt;
  auto minute = in.fixed(2);
  if (!minute || !in.accept(':') || *minute > 59) return std::nullopt;
  size_t start = in.position();
  if (!in.fixed(2)) return std::nullopt;
  if (in.accept('.') && in.digits().empty()) return std::nullopt;
  auto second = Decimal::parse(in.from(start));
  if (!second || *second >= Decimal::from_integer(60)) return std::nullopt;
  if (*hour > 24 || (*hour == 24 && (*minute != 0 || !second->is_zero()))) return std::nullopt;
  return second->add(Decimal::from_integer(*hour * 3600 + *minute * 60));
}

bool parse_timezone(Scanner& in, DateTimeValue& value) {
  if (in.done()) return true;
  if (in.accept('Z')) {
    value.has_timezone = true;
    return in.done();
  }
  int sign = in.accept('+') ? 1 : in.accept('-') ? -1 : 0;
  if (sign == 0) return false;
  auto hours = in.fixed(2);
  if (!hours || !in.accept(':')) return false;
  auto minutes = in.fixed(2);
  if (!minutes || *minutes > 59 || *hours > 14 || (*hours == 14 && *minutes != 0)) return false;
  value.has_timezone = true;
  value.timezone_minutes = int16_t(sign * (*hours * 60 + *minutes));
  return in.done();
}

Decimal day_start(const Date& date) {
  return Decimal::from_integer(days_from_civil(date.year, date.month, date.day) * kSecondsPerDay);
}

std::string two_digits(int64_t value) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d", int(value));
  return buffer;
}

std::string format_year(int64_t year) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%s%04lld", year < 0 ? "-" : "",
                static_cast<long long>(year < 0 ? -year : year));
  return buffer;
}

std::string format_seconds(const Decimal& second) {
  std::string text = two_digits(int64_t(second.integral_part()));
  if (second.is_integral()) return text;
  std::string fraction = second.to_canonical();
  return text + fraction.substr(fraction.find('.'));
}

}  // namespace

PartialOrder order_of(int comparison) {
  return comparison < 0   ? PartialOrder::Less
         : comparison > 0 ? PartialOrder::Greater
                          : PartialOrder::Equal;
}

Decimal DateTimeValue::utc_seconds() const {
  if (!has_timezone) return seconds;
  return *seconds.subtract(Decimal::from_integer(int64_t(timezone_minutes) * 60));
}

std::optional<DateTimeValue> parse_temporal(TemporalType type, std::string_view lexical) {
  Scanner in(lexical);
  DateTimeValue value;
  std::optional<Date> date;
  if (type != TemporalType::Time) {
    date = parse_date_part(in);
    if (!date || date->year > kMaxYear || date->year < -kMaxYear) return std::nullopt;
    value.seconds = day_start(*date);
  }
  if (type == TemporalType::DateTime && !in.accept('T')) return std::nullopt;
  if (type != TemporalType::Date) {
    auto time = parse_time_part(in);
    if (!time) return std::nullopt;
    // A time of 24:00:00 is the next midnight; as an xsd:time it is midnight itself.
    if (type == TemporalType::Time && *time == Decimal::from_integer(kSecondsPerDay))
      time = Decimal();
    value.seconds = *value.seconds.add(*time);
  }
  if (!parse_timezone(in, value)) return std::nullopt;
  return value;
}

Decimal wrap_to_day(const Decimal& seconds) {
  Int128 whole = seconds.floor().integral_part();
  Int128 days = whole / kSecondsPerDay - (whole % kSecondsPerDay < 0 ? 1 : 0);
  return *seconds.subtract(*Decimal::from_scaled(days * kSecondsPerDay * Decimal::kScale));
}

std::optional<DateTimeValue> add_duration(const DateTimeValue& value,
                                          const DurationValue& duration) {
  DateTimeValue result = value;
  if (duration.months != 0) {
    CivilTime civil = civil_time(value);
    int64_t months = civil.year * 12 + (civil.month - 1) + duration.months;
    int64_t year = floor_divide(months, 12);
    int month = int(months - year * 12) + 1;
    if (year > kMaxYear || year < -kMaxYear) return std::nullopt;
    int day = std::min(civil.day, days_in_month(year, month));
    Decimal start = Decimal::from_integer(days_from_civil(year, month, day) * kSecondsPerDay);
    result.seconds = *start.add(wrap_to_day(value.seconds));
  }
  auto shifted = result.seconds.add(duration.seconds);
  constexpr int64_t kLimit = kMaxYear * 366 * kSecondsPerDay;
  if (!shifted || shifted->abs() > Decimal::from_integer(kLimit)) return std::nullopt;
  result.seconds = *shifted;
  return result;
}

CivilTime civil_time(const DateTimeValue& value) {
  Decimal whole = value.seconds.floor();
  auto seconds = int64_t(whole.integral_part());
  int64_t days = floor_divide(seconds, kSecondsPerDay);
  int64_t in_day = seconds - days * kSecondsPerDay;
  CivilTime civil;
  civil_from_days(days, civil.year, civil.month, civil.day);
  civil.hour = int(in_day / 3600);
  civil.minute = int(in_day / 60 % 60);
  civil.second = *Decimal::from_integer(in_day % 60).add(*value.seconds.subtract(whole));
  return civil;
}

std::string format_timezone(const DateTimeValue& value) {
  if (!value.has_timezone) return "";
  if (value.timezone_minutes == 0) return "Z";
  int minutes = value.timezone_minutes < 0 ? -value.timezone_minutes : value.timezone_minutes;
  return std::string(value.timezone_minutes < 0 ? "-" : "+") + two_digits(minutes / 60) + ':' +
         two_digits(minutes % 60);
}

std::string format_temporal(TemporalType type, const DateTimeValue& value) {
  CivilTime civil = civil_time(value);
  std::string date =
      format_year(civil.year) + '-' + two_digits(civil.month) + '-' + two_digits(civil.day);
  std::string time =
      two_digits(civil.hour) + ':' + two_digits(civil.minute) + ':' + format_seconds(civil.second);
  switch (type) {
    case TemporalType::DateTime:
      return date + 'T' + time + format_timezone(value);
    case TemporalType::Date:
      return date + format_timezone(value);
    case TemporalType::Time:
      return time + format_timezone(value);
  }
  return {};
}

std::optional<DateTimeValue> convert_temporal(TemporalType from, TemporalType to,
                                              const DateTimeValue& value) {
  if (from == to) return value;
  DateTimeValue result = value;
  Decimal time_of_day = wrap_to_day(value.seconds);
  if (from == TemporalType::DateTime && to == TemporalType::Date) {
    result.seconds = *value.seconds.subtract(time_of_day);
  } else if (from == TemporalType::DateTime && to == TemporalType::Time) {
    result.seconds = time_of_day;
  } else if (from != TemporalType::Date || to != TemporalType::DateTime) {
    return std::nullopt;
  }
  return result;
}

PartialOrder compare_temporal(const DateTimeValue& a, const DateTimeValue& b) {
  if (a.has_timezone == b.has_timezone) {
    auto order = a.utc_seconds() <=> b.utc_seconds();
    return order_of(order < 0 ? -1 : order > 0 ? 1 : 0);
  }
  bool flipped = !a.has_timezone;
  const DateTimeValue& zoned = flipped ? b : a;
  const DateTimeValue& local = flipped ? a : b;
  Decimal margin = Decimal::from_integer(kFourteenHours);
  Decimal instant = zoned.utc_seconds();
  PartialOrder order = PartialOrder::Indeterminate;
  if (instant < *local.seconds.subtract(margin)) order = PartialOrder::Less;
  if (instant > *local.seconds.add(margin)) order = PartialOrder::Greater;
  if (flipped && order == PartialOrder::Less) return PartialOrder::Greater;
  if (flipped && order == PartialOrder::Greater) return PartialOrder::Less;
  return order;
}

// ---------------------------------------------------------------------------------------------
// Durations

namespace {

struct DurationParts {
  std::optional<int64_t> years, months, days, hours, minutes;
  std::optional<Decimal> seconds;
};

std::optional<int64_t> small_number(std::string_view digits) {
  if (digits.empty() || digits.size() > 15) return std::nullopt;
  int64_t value = 0;
  for (char c : digits)
    value = value * 10 + (c - '0');
  return value;
}

// Reads "<number><designator>" items in the order the designators are listed.
bool parse_items(Scanner& in, std::string_view designators, DurationParts& parts, bool time) {
  size_t next = 0;
  while (!in.done() && in.peek() != 'T') {
    size_t start = in.position();
    std::string_view digits = in.digits();
    bool fraction = time && in.accept('.');
    if (fraction && in.digits().empty()) return false;
    size_t designator = designators.find(in.peek(), next);
    if (digits.empty() || designator == std::string_view::npos) return false;
    std::string_view number = in.from(start);
    in.accept(designators[designator]);
    next = designator + 1;
    char which = designators[designator];
    if (which == 'S') {
      parts.seconds = Decimal::parse(number);
      if (!parts.seconds) return false;
      continue;
    }
    if (fraction) return false;
    auto value = small_number(number);
    if (!value) return false;
    std::optional<int64_t>* slot = time           ? (which == 'H' ? &parts.hours : &parts.minutes)
                                   : which == 'Y' ? &parts.years
                                   : which == 'M' ? &parts.months
                                                  : &parts.days;
    *slot = value;
  }
  return true;
}

}  // namespace

std::optional<DurationValue> parse_duration(DurationType type, std::string_view lexical) {
  Scanner in(lexical);
  bool negative = in.accept('-');
  if (!in.accept('P')) return std::nullopt;
  DurationParts parts;
  std::string_view date_designators = type == DurationType::DayTime     ? "D"
                                      : type == DurationType::YearMonth ? "YM"
                                                                        : "YMD";
  if (!parse_items(in, date_designators, parts, false)) return std::nullopt;
  bool has_time = in.accept('T');
  if (has_time && type == DurationType::YearMonth) return std::nullopt;
  if (has_time) {
    if (in.done() || !parse_items(in, "HMS", parts, true)) return std::nullopt;
  }
  if (!in.done()) return std::nullopt;
  if (!parts.years && !parts.months && !parts.days && !parts.hours && !parts.minutes &&
      !parts.seconds)
    return std::nullopt;
  if (has_time && !parts.hours && !parts.minutes && !parts.seconds) return std::nullopt;
  DurationValue value;
  value.months = parts.years.value_or(0) * 12 + parts.months.value_or(0);
  int64_t whole_seconds = parts.days.value_or(0) * kSecondsPerDay + parts.hours.value_or(0) * 3600 +
                          parts.minutes.value_or(0) * 60;
  auto seconds = parts.seconds.value_or(Decimal()).add(Decimal::from_integer(whole_seconds));
  if (!seconds) return std::nullopt;
  value.seconds = *seconds;
  if (negative) {
    value.months = -value.months;
    value.seconds = value.seconds.negate();
  }
  return value;
}

std::string format_duration(DurationType type, const DurationValue& value) {
  bool negative = value.months < 0 || value.seconds.is_negative();
  int64_t months = value.months < 0 ? -value.months : value.months;
  Decimal seconds = value.seconds.abs();
  std::string text = negative ? "-P" : "P";
  if (months / 12 != 0) text += std::to_string(months / 12) + 'Y';
  if (months % 12 != 0) text += std::to_string(months % 12) + 'M';
  if (type == DurationType::YearMonth) return months == 0 ? "P0M" : text;
  auto whole = int64_t(seconds.integral_part());
  Decimal fraction = *seconds.subtract(Decimal::from_integer(whole));
  if (whole / kSecondsPerDay != 0) text += std::to_string(whole / kSecondsPerDay) + 'D';
  std::string time;
  if (whole / 3600 % 24 != 0) time += std::to_string(whole / 3600 % 24) + 'H';
  if (whole / 60 % 60 != 0) time += std::to_string(whole / 60 % 60) + 'M';
  Decimal second = *Decimal::from_integer(whole % 60).add(fraction);
  if (!second.is_zero()) time += second.to_xpath_string() + 'S';
  if (!time.empty()) text += 'T' + time;
  if (months == 0 && seconds.is_zero()) return "PT0S";
  return text;
}

PartialOrder compare_durations(DurationType a_type, const DurationValue& a, DurationType b_type,
                               const DurationValue& b) {
  if (a_type == b_type && a_type == DurationType::YearMonth)
    return order_of(a.months < b.months ? -1 : a.months > b.months ? 1 : 0);
  if (a_type == b_type && a_type == DurationType::DayTime) {
    auto order = a.seconds <=> b.seconds;
    return order_of(order < 0 ? -1 : order > 0 ? 1 : 0);
  }
  return a == b ? PartialOrder::Equal : PartialOrder::Unordered;
}

std::string current_datetime_lexical() {
  using namespace std::chrono;
  auto millis = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
  DateTimeValue now;
  now.seconds = *Decimal::from_scaled(Int128(millis) * (Decimal::kScale / 1000));
  now.has_timezone = true;
  return format_temporal(TemporalType::DateTime, now);
}

}  // namespace kg::sparql

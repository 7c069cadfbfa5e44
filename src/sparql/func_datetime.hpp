// XSD date, time and duration values: parsing their lexical forms, canonical forms, the
// fields SPARQL extracts (YEAR() ... TZ()) and the XSD order with and without time zones.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sparql/func_decimal.hpp"

namespace kg::sparql {

// The outcome of comparing two values that may be incomparable: NaN compares unordered;
// two dates or times of which only one has a time zone may be indeterminate (XSD §3.2.7.4).
enum class PartialOrder : int8_t { Less, Equal, Greater, Unordered, Indeterminate };

PartialOrder order_of(int comparison);  // <0, 0, >0

// A dateTime, date or time: the seconds since 1970-01-01T00:00:00 of the local (written)
// time, for a time the seconds since midnight; with the time zone offset when one is given.
struct DateTimeValue {
  Decimal seconds;
  int16_t timezone_minutes = 0;
  bool has_timezone = false;

  // The instant in UTC; local times are taken as UTC.
  Decimal utc_seconds() const;
};

enum class TemporalType : uint8_t { DateTime, Date, Time };

std::optional<DateTimeValue> parse_temporal(TemporalType type, std::string_view lexical);
std::string format_temporal(TemporalType type, const DateTimeValue& value);
// Casts between the three (XPath §19.1.8-9): dateTime to date or time keeps the time zone, a
// date becomes the dateTime at its midnight; a time cannot become a date or dateTime.
std::optional<DateTimeValue> convert_temporal(TemporalType from, TemporalType to,
                                              const DateTimeValue& value);
// The XSD order: indeterminate when one side lacks a time zone and the two lie within 14
// hours of each other.
PartialOrder compare_temporal(const DateTimeValue& a, const DateTimeValue& b);

// "Z", "+05:30", "-08:00"; "" without a time zone.
std::string format_timezone(const DateTimeValue& value);

struct DurationValue;

// dateTime or date + duration as XSD 1.1 Appendix E adds them: the months first, with the
// day pinned to the length of the month reached, then the seconds. nullopt when the result
// leaves the supported years.
std::optional<DateTimeValue> add_duration(const DateTimeValue& value,
                                          const DurationValue& duration);
// The seconds since midnight, wrapped into one day (for xsd:time arithmetic).
Decimal wrap_to_day(const Decimal& seconds);

struct CivilTime {
  int64_t year = 0;
  int month = 1, day = 1, hour = 0, minute = 0;
  Decimal second;
};
CivilTime civil_time(const DateTimeValue& value);

// A duration: months and seconds, which XSD keeps apart because months vary in length.
struct DurationValue {
  int64_t months = 0;
  Decimal seconds;

  friend bool operator==(const DurationValue&, const DurationValue&) = default;
};

enum class DurationType : uint8_t { Duration, DayTime, YearMonth };

std::optional<DurationValue> parse_duration(DurationType type, std::string_view lexical);
std::string format_duration(DurationType type, const DurationValue& value);
// Only durations of the same restricted type are ordered (XPath op:yearMonthDuration-less-than
// and op:dayTimeDuration-less-than); general durations only compare for equality.
PartialOrder compare_durations(DurationType a_type, const DurationValue& a, DurationType b_type,
                               const DurationValue& b);

// The current time as an xsd:dateTime lexical form in UTC, with milliseconds.
std::string current_datetime_lexical();

}  // namespace kg::sparql

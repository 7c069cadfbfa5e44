#include "path/lookup.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "util/error.hpp"

namespace kg::path {

namespace {

using rdf::NodeRef;

bool is_dropped(UChar32 c) {
  return u_ispunct(c) || u_isUWhiteSpace(c) || u_charType(c) == U_NON_SPACING_MARK ||
         u_charType(c) == U_CONTROL_CHAR;
}

// Code points of the normalised key, for edit distances.
std::u32string normalized_code_points(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  const icu::Normalizer2* decompose = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) throw Error("Unicode normalisation data is missing (ICU)");
  icu::UnicodeString folded = fold->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                                  text.data(), static_cast<int32_t>(text.size()))),
                                              status);
  icu::UnicodeString split = decompose->normalize(folded, status);
  if (U_FAILURE(status)) return {};
  std::u32string out;
  for (int32_t i = 0; i < split.length(); i = split.moveIndex32(i, 1)) {
    UChar32 c = split.char32At(i);
    if (!is_dropped(c)) out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

std::string to_utf8(const std::u32string& code_points) {
  icu::UnicodeString text;
  for (char32_t c : code_points)
    text.append(static_cast<UChar32>(c));
  std::string out;
  return text.toUTF8String(out);
}

size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string quoted(std::string_view text) {
  return "'" + std::string(text) + "'";
}

bool names_node(const rdf::Store& store, NodeRef node) {
  return store.contains(node, {}, {}, {}) || store.contains({}, {}, node, {});
}

std::optional<std::string> as_iri(std::string_view text, const rdf::PrefixMap& prefixes) {
  if (text.size() > 2 && text.front() == '<' && text.back() == '>')
    return std::string(text.substr(1, text.size() - 2));
  if (text.starts_with("http://") || text.starts_with("https://") || text.starts_with("urn:"))
    return std::string(text);
  if (text.find_first_of(" \t") != std::string_view::npos) return std::nullopt;
  return prefixes.expand(text);
}

// Every (entity, label) pair the label predicates state.
class LabelIndex {
 public:
  explicit LabelIndex(const rdf::Store& store) {
    for (std::string_view iri : label_predicate_iris())
      if (NodeRef predicate = find_predicate(store, iri))
        for (const rdf::Quad& quad : store.match({}, predicate, {}, {}))
          if (quad.object.is_literal()) labels_.emplace_back(quad.subject, quad.object);
  }

  template <typename Matches>
  std::set<NodeRef> entities_where(Matches matches) const {
    std::set<NodeRef> found;
    for (const auto& [entity, label] : labels_)
      if (matches(label.value())) found.insert(entity);
    return found;
  }

  // Up to three entities whose labels are near the text: within a few edits, or containing it.
  std::vector<std::pair<NodeRef, std::string>> near(std::string_view text) const {
    std::u32string wanted = normalized_code_points(text);
    size_t allowed = std::max<size_t>(1, wanted.size() / 3);
    std::map<NodeRef, std::pair<size_t, std::string>> best;
    for (const auto& [entity, label] : labels_) {
      std::u32string key = normalized_code_points(label.value());
      size_t gap =
          key.size() > wanted.size() ? key.size() - wanted.size() : wanted.size() - key.size();
      size_t distance = allowed + 1;
      if (!wanted.empty() && key.find(wanted) != std::u32string::npos)
        distance = allowed;
      else if (gap <= allowed)
        distance = edit_distance(wanted, key);
      if (distance > allowed) continue;
      auto [slot, added] = best.try_emplace(entity, distance, std::string(label.value()));
      if (!added && distance < slot->second.first)
        slot->second = {distance, std::string(label.value())};
    }
    std::vector<std::tuple<size_t, std::string, NodeRef>> ranked;
    for (const auto& [entity, scored] : best)
      ranked.emplace_back(scored.first, scored.second, entity);
    std::sort(ranked.begin(), ranked.end());
    std::vector<std::pair<NodeRef, std::string>> out;
    for (size_t i = 0; i < ranked.size() && i < 3; ++i)
      out.emplace_back(std::get<2>(ranked[i]), std::get<1>(ranked[i]));
    return out;
  }

 private:
  std::vector<std::pair<NodeRef, NodeRef>> labels_;
};

[[noreturn]] void ambiguous(std::string_view text, const std::set<NodeRef>& candidates,
                            Labeler& labeler) {
  std::vector<std::string> listed;
  for (NodeRef candidate : candidates)
    listed.push_back(labeler.short_name(candidate) + " (" + labeler.label(candidate) + ")");
  std::sort(listed.begin(), listed.end());
  std::string message = "ambiguous entity " + quoted(text) + ": it names ";
  for (size_t i = 0; i < listed.size(); ++i)
    message += (i ? ", " : "") + listed[i];
  throw Error(message + "; give one of these IRIs instead");
}

[[noreturn]] void unknown(std::string_view text, const LabelIndex& labels, Labeler& labeler) {
  std::string message = "unknown entity " + quoted(text) + ": no IRI or label matches it";
  auto suggestions = labels.near(text);
  for (size_t i = 0; i < suggestions.size(); ++i)
    message += (i ? ", " : "; did you mean ") + quoted(suggestions[i].second) + " (" +
               labeler.short_name(suggestions[i].first) + ")";
  throw Error(message + (suggestions.empty() ? "" : "?"));
}

}  // namespace

std::string normalize_name(std::string_view text) {
  return to_utf8(normalized_code_points(text));
}

NodeRef resolve_entity(rdf::Store& store, std::string_view text, Labeler& labeler) {
  if (auto iri = as_iri(text, labeler.prefixes())) {
    NodeRef node = store.world().iri(*iri);
    if (names_node(store, node)) return node;
    throw Error("unknown entity " + quoted(text) + ": no triple mentions <" + *iri + ">");
  }
  LabelIndex labels(store);
  auto exact = labels.entities_where([&](std::string_view label) { return label == text; });
  if (exact.size() == 1) return *exact.begin();
  if (exact.size() > 1) ambiguous(text, exact, labeler);
  std::string key = normalize_name(text);
  auto loose = labels.entities_where(
      [&](std::string_view label) { return !key.empty() && normalize_name(label) == key; });
  if (loose.size() == 1) return *loose.begin();
  if (loose.size() > 1) ambiguous(text, loose, labeler);
  unknown(text, labels, labeler);
}

NodeRef resolve_predicate(const rdf::Store& store, std::string_view text,
                          const rdf::PrefixMap& prefixes) {
  auto iri = as_iri(text, prefixes);
  if (!iri) throw Error("unknown predicate " + quoted(text) + ": give an IRI or prefixed name");
  NodeRef predicate = find_predicate(store, *iri);
  if (!predicate)
    throw Error("unknown predicate " + quoted(text) + ": no triple uses <" + *iri + ">");
  return predicate;
}

}  // namespace kg::path

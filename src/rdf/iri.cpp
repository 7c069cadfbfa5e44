#include "rdf/iri.hpp"

#include <optional>

namespace kg::rdf {

namespace {

struct IriParts {
  std::optional<std::string_view> scheme, authority, query, fragment;
  std::string_view path;
};

bool is_scheme_char(char c, bool first) {
  bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (first) return letter;
  return letter || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

IriParts split(std::string_view iri) {
  IriParts parts;
  if (size_t fragment = iri.find('#'); fragment != std::string_view::npos) {
    parts.fragment = iri.substr(fragment + 1);
    iri = iri.substr(0, fragment);
  }
  if (size_t query = iri.find('?'); query != std::string_view::npos) {
    parts.query = iri.substr(query + 1);
    iri = iri.substr(0, query);
  }
  if (has_iri_scheme(iri)) {
    size_t colon = iri.find(':');
    parts.scheme = iri.substr(0, colon);
    iri = iri.substr(colon + 1);
  }
  if (iri.starts_with("//")) {
    size_t end = iri.find('/', 2);
    if (end == std::string_view::npos) end = iri.size();
    parts.authority = iri.substr(2, end - 2);
    iri = iri.substr(end);
  }
  parts.path = iri;
  return parts;
}

// RFC 3986 §5.2.4.
std::string remove_dot_segments(std::string_view input) {
  std::string output;
  while (!input.empty()) {
    if (input.starts_with("../")) {
      input.remove_prefix(3);
    } else if (input.starts_with("./")) {
      input.remove_prefix(2);
    } else if (input.starts_with("/./")) {
      input.remove_prefix(2);
    } else if (input == "/.") {
      input = "/";
    } else if (input.starts_with("/../") || input == "/..") {
      input = input.size() == 3 ? std::string_view("/") : input.substr(3);
      size_t last = output.rfind('/');
      output.erase(last == std::string::npos ? 0 : last);
    } else if (input == "." || input == "..") {
      input = {};
    } else {
      size_t next = input.find('/', 1);
      if (next == std::string_view::npos) next = input.size();
      output.append(input.substr(0, next));
      input.remove_prefix(next);
    }
  }
  return output;
}

std::string merge_paths(const IriParts& base, std::string_view reference_path) {
  if (base.authority && base.path.empty()) return "/" + std::string(reference_path);
  size_t last = base.path.rfind('/');
  if (last == std::string_view::npos) return std::string(reference_path);
  return std::string(base.path.substr(0, last + 1)) + std::string(reference_path);
}

std::string join(const IriParts& parts, const std::string& path) {
  std::string out;
  if (parts.scheme) out.append(*parts.scheme).append(":");
  if (parts.authority) out.append("//").append(*parts.authority);
  out += path;
  if (parts.query) out.append("?").append(*parts.query);
  if (parts.fragment) out.append("#").append(*parts.fragment);
  return out;
}

}  // namespace

bool has_iri_scheme(std::string_view reference) {
  size_t colon = reference.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i)
    if (!is_scheme_char(reference[i], i == 0)) return false;
  return true;
}

std::string resolve_iri(std::string_view base, std::string_view reference) {
  if (has_iri_scheme(reference) || base.empty()) return std::string(reference);
  IriParts ref = split(reference);
  IriParts base_parts = split(base);
  IriParts target;
  target.scheme = base_parts.scheme;
  target.fragment = ref.fragment;
  std::string path;
  if (ref.authority) {
    target.authority = ref.authority;
    path = remove_dot_segments(ref.path);
    target.query = ref.query;
  } else {
    target.authority = base_parts.authority;
    if (ref.path.empty()) {
      path = std::string(base_parts.path);
      target.query = ref.query ? ref.query : base_parts.query;
    } else {
      path = remove_dot_segments(ref.path.starts_with('/') ? std::string(ref.path)
                                                           : merge_paths(base_parts, ref.path));
      target.query = ref.query;
    }
  }
  return join(target, path);
}

}  // namespace kg::rdf

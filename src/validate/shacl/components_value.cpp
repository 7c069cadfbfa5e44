// Components that judge each value node by itself: value type (§4.1), value range (§4.3),
// string-based (§4.4) and sh:in / sh:hasValue (§4.8).
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "rdf/term.hpp"
#include "rdf/vocabulary.hpp"
#include "validate/shacl/components.hpp"
#include "validate/shacl/literals.hpp"
#include "validate/shacl/validator.hpp"

namespace kg::validate::shacl {

using rdf::NodeRef;

namespace {

// ---------------------------------------------------------------------------------------------
// Value type

ConstraintPtr make_class(const ShapesGraph& shapes, const Shape&, NodeRef cls) {
  return each_value(shapes.vocab().sh("ClassConstraintComponent"),
                    [cls](NodeRef value, Validator& validator) {
                      return validator.data().is_instance_of(value, cls, validator.vocab());
                    });
}

ConstraintPtr make_datatype(const ShapesGraph& shapes, const Shape& shape, NodeRef datatype) {
  if (!datatype.is_iri()) shapes.ill_formed(shape.node, "has a sh:datatype that is not an IRI");
  return each_value(shapes.vocab().sh("DatatypeConstraintComponent"), [datatype](NodeRef value,
                                                                                 Validator&) {
    return value.is_literal() && value.datatype_iri() == datatype.value() && is_well_formed(value);
  });
}

ConstraintPtr make_node_kind(const ShapesGraph& shapes, const Shape& shape, NodeRef kind) {
  struct Allowed {
    std::string_view name;
    bool iri, blank, literal;
  };
  static constexpr Allowed kKinds[] = {
      {"IRI", true, false, false},
      {"BlankNode", false, true, false},
      {"Literal", false, false, true},
      {"BlankNodeOrIRI", true, true, false},
      {"BlankNodeOrLiteral", false, true, true},
      {"IRIOrLiteral", true, false, true},
  };
  for (const Allowed& allowed : kKinds) {
    if (kind != shapes.vocab().sh(allowed.name)) continue;
    return each_value(
        shapes.vocab().sh("NodeKindConstraintComponent"), [allowed](NodeRef value, Validator&) {
          return (value.is_iri() && allowed.iri) || (value.is_blank() && allowed.blank) ||
                 (value.is_literal() && allowed.literal);
        });
  }
  shapes.ill_formed(shape.node, "has an unknown sh:nodeKind " + kind.to_ntriples());
}

// ---------------------------------------------------------------------------------------------
// Value range: each value must compare as stated with the bound; incomparable values fail.

// sh:minExclusive, sh:minInclusive (the bound is the lower one), sh:maxExclusive and
// sh:maxInclusive.
template <Comparison comparison, bool bound_is_lower>
ConstraintPtr make_range(const ShapesGraph& shapes, const Shape&, NodeRef bound) {
  std::string component = std::string(bound_is_lower ? "Min" : "Max") +
                          (comparison == Comparison::Less ? "Exclusive" : "Inclusive") +
                          "ConstraintComponent";
  return each_value(shapes.vocab().sh(component), [bound](NodeRef value, Validator&) {
    return bound_is_lower ? comparison_holds(bound, comparison, value)
                          : comparison_holds(value, comparison, bound);
  });
}

// ---------------------------------------------------------------------------------------------
// String-based: on the string form of IRIs and literals; blank nodes always fail.

size_t code_points(std::string_view utf8) {
  return std::count_if(utf8.begin(), utf8.end(),
                       [](char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; });
}

ConstraintPtr make_min_length(const ShapesGraph& shapes, const Shape& shape, NodeRef length) {
  size_t minimum = static_cast<size_t>(shapes.integer(shape.node, length));
  return each_value(shapes.vocab().sh("MinLengthConstraintComponent"),
                    [minimum](NodeRef value, Validator&) {
                      return !value.is_blank() && code_points(value.value()) >= minimum;
                    });
}

ConstraintPtr make_max_length(const ShapesGraph& shapes, const Shape& shape, NodeRef length) {
  size_t maximum = static_cast<size_t>(shapes.integer(shape.node, length));
  return each_value(shapes.vocab().sh("MaxLengthConstraintComponent"),
                    [maximum](NodeRef value, Validator&) {
                      return !value.is_blank() && code_points(value.value()) <= maximum;
                    });
}

ConstraintPtr make_pattern(const ShapesGraph& shapes, const Shape& shape, NodeRef expression) {
  NodeRef flags = shapes.single_value(shape.node, shapes.vocab().sh("flags"));
  if (!expression.is_literal() || (flags && !flags.is_literal()))
    shapes.ill_formed(shape.node, "has a sh:pattern or sh:flags that is not a string");
  auto pattern = std::make_shared<const Pattern>(expression.value(), flags ? flags.value() : "");
  return each_value(shapes.vocab().sh("PatternConstraintComponent"),
                    [pattern](NodeRef value, Validator&) {
                      return !value.is_blank() && pattern->matches(value.value());
                    });
}

// RFC 4647 basic filtering, as SPARQL's langMatches.
bool language_matches(std::string_view tag, std::string_view range) {
  if (tag.empty()) return false;
  if (range == "*") return true;
  std::string lower_tag = rdf::lowercase_ascii(tag), lower_range = rdf::lowercase_ascii(range);
  return lower_tag == lower_range ||
         (lower_tag.starts_with(lower_range) && lower_tag[lower_range.size()] == '-');
}

ConstraintPtr make_language_in(const ShapesGraph& shapes, const Shape& shape, NodeRef list) {
  std::vector<std::string> ranges;
  for (NodeRef range : shapes.list(shape.node, list)) {
    if (!range.is_literal()) shapes.ill_formed(shape.node, "has a sh:languageIn non-literal");
    ranges.emplace_back(range.value());
  }
  return each_value(shapes.vocab().sh("LanguageInConstraintComponent"),
                    [ranges](NodeRef value, Validator&) {
                      return std::any_of(ranges.begin(), ranges.end(), [&](const auto& range) {
                        return language_matches(value.language(), range);
                      });
                    });
}

// Reports once per language tag that more than one value node carries (no sh:value).
class UniqueLangConstraint : public Constraint {
 public:
  explicit UniqueLangConstraint(NodeRef component) : component_(component) {}

  void check(const FocusContext& context, Validator&) const override {
    std::vector<std::string_view> order;
    std::unordered_map<std::string_view, size_t> uses;
    for (NodeRef value : context.values) {
      std::string_view language = value.language();
      if (language.empty()) continue;
      if (uses[language]++ == 0) order.push_back(language);
    }
    for (std::string_view language : order)
      if (uses[language] > 1) context.report(component_, {});
  }

 private:
  NodeRef component_;
};

ConstraintPtr make_unique_lang(const ShapesGraph& shapes, const Shape&, NodeRef flag) {
  if (!shapes.is_true(flag)) return nullptr;
  return std::make_unique<UniqueLangConstraint>(shapes.vocab().sh("UniqueLangConstraintComponent"));
}

// ---------------------------------------------------------------------------------------------
// sh:in and sh:hasValue

ConstraintPtr make_in(const ShapesGraph& shapes, const Shape& shape, NodeRef list) {
  std::vector<NodeRef> members = shapes.list(shape.node, list);
  std::unordered_set<NodeRef> allowed(members.begin(), members.end());
  return each_value(shapes.vocab().sh("InConstraintComponent"),
                    [allowed](NodeRef value, Validator&) { return allowed.contains(value); });
}

// One result without sh:value when no value node is the required one.
class HasValueConstraint : public Constraint {
 public:
  HasValueConstraint(NodeRef component, NodeRef required)
      : component_(component), required_(required) {}

  void check(const FocusContext& context, Validator&) const override {
    if (std::find(context.values.begin(), context.values.end(), required_) == context.values.end())
      context.report(component_, {});
  }

 private:
  NodeRef component_, required_;
};

ConstraintPtr make_has_value(const ShapesGraph& shapes, const Shape&, NodeRef required) {
  return std::make_unique<HasValueConstraint>(shapes.vocab().sh("HasValueConstraintComponent"),
                                              required);
}

}  // namespace

void add_value_components(std::vector<ComponentParameter>& table) {
  table.insert(table.end(), {
                                {"class", make_class},
                                {"datatype", make_datatype},
                                {"nodeKind", make_node_kind},
                                {"minExclusive", make_range<Comparison::Less, true>},
                                {"minInclusive", make_range<Comparison::LessOrEqual, true>},
                                {"maxExclusive", make_range<Comparison::Less, false>},
                                {"maxInclusive", make_range<Comparison::LessOrEqual, false>},
                                {"minLength", make_min_length},
                                {"maxLength", make_max_length},
                                {"pattern", make_pattern},
                                {"languageIn", make_language_in},
                                {"uniqueLang", make_unique_lang},
                                {"in", make_in},
                                {"hasValue", make_has_value},
                            });
}

}  // namespace kg::validate::shacl

// Checks the seed records against the ontology and turns them into quads.
#include <algorithm>
#include <set>

#include "convert/convert.hpp"
#include "convert/seeds.hpp"
#include "rdf/datatypes.hpp"
#include "rdf/prefixes.hpp"
#include "rdf/reader.hpp"
#include "rdf/vocabulary.hpp"
#include "util/atomic_file.hpp"
#include "util/error.hpp"
#include "validate/ontology.hpp"
#include "validate/terms.hpp"

namespace kg::convert {

namespace {

namespace terms = validate::terms;

constexpr std::string_view kDctermsTitle = "http://purl.org/dc/terms/title";
constexpr std::string_view kDctermsLanguage = "http://purl.org/dc/terms/language";
constexpr std::string_view kDctermsPublisher = "http://purl.org/dc/terms/publisher";
constexpr std::string_view kDctermsIssued = "http://purl.org/dc/terms/issued";
constexpr std::string_view kDctermsDescription = "http://purl.org/dc/terms/description";
constexpr std::string_view kSchemaUrl = "http://schema.org/url";
constexpr std::string_view kSchemaName = "http://schema.org/name";
constexpr std::string_view kSchemaHeadline = "http://schema.org/headline";
constexpr std::string_view kSchemaInLanguage = "http://schema.org/inLanguage";
constexpr std::string_view kSchemaPublisher = "http://schema.org/publisher";
constexpr std::string_view kSchemaDatePublished = "http://schema.org/datePublished";
constexpr std::string_view kDctermsSource = "http://purl.org/dc/terms/source";

// Where in which seed file a value is, for messages.
struct Where {
  const std::string& file;
  std::string pointer;
};

[[noreturn]] void fail(const Where& where, const std::string& message) {
  throw Error(SourceLocation{where.file, 0, 0, where.pointer}, message);
}

class GraphBuilder {
 public:
  GraphBuilder(const SeedInputs& inputs, const Seeds& seeds)
      : inputs_(inputs),
        seeds_(seeds),
        store_(std::make_unique<rdf::Store>()),
        world_(store_->world()),
        prefixes_(rdf::PrefixMap::standard()) {}

  BuiltGraph build() {
    load_ontology();
    index_records();
    for (const SourceRecord& source : seeds_.sources)
      add_source(source);
    for (const EntityRecord& entity : seeds_.entities)
      add_entity(entity);
    for (const FactRecord& fact : seeds_.facts)
      add_fact(fact);
    BuiltGraph built{std::move(store_), {}};
    built.summary = summarize(*built.store);
    return built;
  }

 private:
  // ---- the ontology ----------------------------------------------------------------------

  void load_ontology() {
    ontology_name_ = display_name(inputs_.ontology_file, inputs_.display_root);
    std::error_code ignored;
    if (!std::filesystem::is_regular_file(inputs_.ontology_file, ignored))
      throw Error(SourceLocation{ontology_name_, 0, 0, {}}, "missing file");
    rdf::ParseOptions options;
    options.syntax = rdf::Syntax::Turtle;
    options.base_iri = rdf::file_iri(inputs_.ontology_file);
    options.graph = ontology_graph_ = world_.iri(rdf::vocab::kOntologyGraph);
    rdf::PrefixMap declared;
    options.prefixes = &declared;
    rdf::parse_string(*store_, read_file(inputs_.ontology_file), ontology_name_, options);
    // The project's prefixes win; the ontology may add its own.
    for (const auto& [prefix, iri] : declared.entries())
      if (!prefixes_.find(prefix)) prefixes_.set(prefix, iri);
    ontology_ = validate::Ontology::read(*store_, ontology_graph_);
    entities_graph_ = world_.iri(rdf::vocab::kEntitiesGraph);
  }

  std::string expand(const Where& where, const std::string& prefixed_name) const {
    if (prefixed_name.find(':') == std::string::npos)
      fail(where, "'" + prefixed_name + "' is not a prefixed name like kg:directed");
    auto iri = prefixes_.expand(prefixed_name);
    if (!iri)
      fail(where, "unknown prefix '" + prefixed_name.substr(0, prefixed_name.find(':')) +
                      ":' in '" + prefixed_name + "'");
    return *iri;
  }

  std::string resolve_class(const Where& where, const std::string& name) const {
    std::string iri = expand(where, name);
    if (!ontology_.declares_class(iri))
      fail(where, "unknown class '" + name + "': not declared in " + ontology_name_);
    return iri;
  }

  std::string resolve_property(const Where& where, const std::string& name) const {
    std::string iri = expand(where, name);
    if (!ontology_.declares_property(iri))
      fail(where, "unknown property '" + name + "': not declared in " + ontology_name_);
    return iri;
  }

  std::string resolve_datatype(const Where& where, const std::string& name) const {
    std::string iri = expand(where, name);
    if (!ontology_.knows_datatype(iri))
      fail(where, "unknown datatype '" + name + "': not an XSD datatype nor declared in " +
                      ontology_name_);
    return iri;
  }

  // The first candidate the ontology declares; the first one if it declares none (the
  // validator then reports it as undeclared).
  std::string_view choose_property(std::initializer_list<std::string_view> candidates) const {
    for (std::string_view candidate : candidates)
      if (ontology_.declares_property(candidate)) return candidate;
    return *candidates.begin();
  }

  // The datatype the ontology gives a property's values, if its range is a datatype.
  std::optional<std::string> range_datatype(std::string_view property) const {
    for (const validate::TypeConstraint& range : ontology_.ranges(property))
      for (const std::string& allowed : range.any_of)
        if (ontology_.is_datatype(allowed) && allowed != terms::kRdfsLiteral) return allowed;
    return std::nullopt;
  }

  std::string name(std::string_view iri) const {
    return prefixes_.abbreviate(iri).value_or("<" + std::string(iri) + ">");
  }

  // ---- nodes -----------------------------------------------------------------------------

  rdf::NodeRef iri(std::string_view value) { return world_.iri(value); }
  rdf::NodeRef entity(const std::string& id) { return iri(std::string(rdf::vocab::kKgData) + id); }
  rdf::NodeRef source(const std::string& id) {
    return iri(std::string(rdf::vocab::kKgSource) + id);
  }
  rdf::NodeRef claim(const std::string& fact_id, const std::string& source_id) {
    return iri(std::string(rdf::vocab::kKgClaim) + fact_id + "-" + source_id);
  }
  rdf::NodeRef text(const std::string& value, const std::string& language) {
    return world_.literal(value, {}, language);
  }

  void add(rdf::NodeRef subject, std::string_view predicate, rdf::NodeRef object,
           rdf::NodeRef graph) {
    store_->insert(subject, iri(predicate), object, graph);
  }

  // ---- records ---------------------------------------------------------------------------

  void index_records() {
    for (const SourceRecord& source : seeds_.sources)
      sources_[source.id] = &source;
    for (const FactRecord& fact : seeds_.facts)
      facts_[fact.id] = &fact;
    for (const EntityRecord& entity : seeds_.entities) {
      std::vector<std::string>& types = entity_types_[entity.id];
      for (size_t i = 0; i < entity.types.size(); ++i)
        types.push_back(resolve_class(
            {seeds_.entities_file, entity.at + "/types/" + std::to_string(i)}, entity.types[i]));
    }
  }

  const SourceRecord& known_source(const Where& where, const std::string& id) const {
    auto found = sources_.find(id);
    if (found == sources_.end())
      fail(where, "unknown source '" + id + "': not in " + seeds_.sources_file);
    return *found->second;
  }

  void add_source(const SourceRecord& record) {
    rdf::NodeRef node = source(record.id);
    add(node, rdf::vocab::kRdfType, iri(terms::kKgSourceDocument), entities_graph_);
    std::string_view title = choose_property({kDctermsTitle, kSchemaHeadline, kSchemaName});
    add(node, title, title_literal(title, record), entities_graph_);
    std::string_view language = choose_property({kDctermsLanguage, kSchemaInLanguage});
    add(node, language, typed_by_range(language, record.language), entities_graph_);
    if (record.publisher) {
      std::string_view publisher = choose_property({kDctermsPublisher, kSchemaPublisher});
      add(node, publisher, typed_by_range(publisher, *record.publisher), entities_graph_);
    }
    if (record.url) {
      std::string_view url = choose_property({kSchemaUrl, kDctermsSource});
      add(node, url, range_datatype(url) ? typed_by_range(url, *record.url) : iri(*record.url),
          entities_graph_);
    }
    if (record.published) {
      std::string_view published = choose_property({kDctermsIssued, kSchemaDatePublished});
      bool is_date = rdf::is_valid_lexical_form(rdf::vocab::kXsdDate, *record.published);
      add(node, published,
          world_.literal(*record.published,
                         is_date ? rdf::vocab::kXsdDate : rdf::vocab::kXsdDateTime),
          entities_graph_);
    }
  }

  rdf::NodeRef title_literal(std::string_view property, const SourceRecord& record) {
    if (range_datatype(property) == std::string(rdf::vocab::kXsdString))
      return world_.literal(record.title);
    return text(record.title, record.language);
  }

  // A literal of the datatype the property's range names, or a simple literal.
  rdf::NodeRef typed_by_range(std::string_view property, const std::string& lexical) {
    return world_.literal(lexical, range_datatype(property).value_or(""));
  }

  void add_entity(const EntityRecord& record) {
    rdf::NodeRef node = entity(record.id);
    for (const std::string& type : entity_types_[record.id])
      add(node, rdf::vocab::kRdfType, iri(type), entities_graph_);
    for (const auto& [language, label] : record.labels) {
      add(node, terms::kRdfsLabel, text(label, language), entities_graph_);
      add(node, terms::kSkosPrefLabel, text(label, language), entities_graph_);
    }
    std::string_view description =
        choose_property({terms::kSchemaDescription, kDctermsDescription, terms::kRdfsComment});
    for (const auto& [language, value] : record.descriptions)
      add(node, description, text(value, language), entities_graph_);
    for (const AliasRecord& alias : record.aliases)
      add_alias(node, alias);
  }

  // An alias quoted from sources belongs to their graphs; a curator's alias to the entities.
  void add_alias(rdf::NodeRef entity_node, const AliasRecord& alias) {
    rdf::NodeRef label = text(alias.text, alias.language);
    if (alias.sources.empty()) add(entity_node, terms::kSkosAltLabel, label, entities_graph_);
    for (size_t i = 0; i < alias.sources.size(); ++i) {
      known_source({seeds_.entities_file, alias.at + "/sources/" + std::to_string(i)},
                   alias.sources[i]);
      add(entity_node, terms::kSkosAltLabel, label, source(alias.sources[i]));
    }
  }

  // ---- facts -----------------------------------------------------------------------------

  Where at(const FactRecord& fact, const std::string& field) const {
    return {seeds_.facts_file, fact.at + field};
  }

  const std::vector<std::string>& known_entity(const Where& where, const std::string& id,
                                               std::string_view hint = {}) const {
    auto found = entity_types_.find(id);
    if (found == entity_types_.end())
      fail(where,
           "unknown entity '" + id + "': not in " + seeds_.entities_file + std::string(hint));
    return found->second;
  }

  void add_fact(const FactRecord& fact) {
    const std::vector<std::string>& subject_types =
        known_entity(at(fact, "/subject"), fact.subject);
    std::string predicate = resolve_property(at(fact, "/predicate"), fact.predicate);
    check_domain(fact, predicate, subject_types);
    rdf::NodeRef object = fact_object(fact, predicate);
    check_conflicts(fact);
    std::set<std::string> seen_sources;
    for (size_t i = 0; i < fact.statements.size(); ++i) {
      const Statement& statement = fact.statements[i];
      Where where = at(fact, "/sources/" + std::to_string(i) + "/source");
      const SourceRecord& stated_in = known_source(where, statement.source);
      if (!seen_sources.insert(statement.source).second)
        fail(where, "source '" + statement.source + "' listed twice for fact " + fact.id);
      add_claim(fact, entity(fact.subject), iri(predicate), object, statement, stated_in);
    }
  }

  void check_domain(const FactRecord& fact, const std::string& predicate,
                    const std::vector<std::string>& subject_types) const {
    for (const validate::TypeConstraint& domain : ontology_.domains(predicate))
      if (!ontology_.admits_resource(domain, subject_types))
        fail(at(fact, "/subject"), "'" + fact.subject + "' is " + describe(subject_types) +
                                       ", but " + fact.predicate + " applies to " +
                                       domain.describe(prefixes_));
  }

  std::string describe(const std::vector<std::string>& types) const {
    std::string text = "a ";
    for (size_t i = 0; i < types.size(); ++i)
      text += (i ? ", " : "") + name(types[i]);
    return text;
  }

  rdf::NodeRef fact_object(const FactRecord& fact, const std::string& predicate) {
    auto ranges = ontology_.ranges(predicate);
    if (fact.object.entity) {
      std::string hint;
      if (range_datatype(predicate))
        hint =
            " (" + fact.predicate + " takes a literal: write {\"value\": ..., \"datatype\": ...})";
      const auto& types = known_entity(at(fact, "/object"), *fact.object.entity, hint);
      for (const validate::TypeConstraint& range : ranges)
        if (!ontology_.admits_resource(range, types))
          fail(at(fact, "/object"), "'" + *fact.object.entity + "' is " + describe(types) +
                                        ", but " + fact.predicate + " takes " +
                                        range.describe(prefixes_));
      return entity(*fact.object.entity);
    }
    rdf::NodeRef literal = fact_literal(fact);
    for (const validate::TypeConstraint& range : ranges)
      if (!ontology_.admits_literal(range, literal.datatype_iri(), literal.value()))
        fail(at(fact, "/object"), literal_mismatch(fact, literal, range));
    return literal;
  }

  rdf::NodeRef fact_literal(const FactRecord& fact) {
    const FactObject& object = fact.object;
    if (object.language) return text(object.value, *object.language);
    if (!object.datatype) return world_.literal(object.value);
    std::string datatype = resolve_datatype(at(fact, "/object/datatype"), *object.datatype);
    if (!rdf::is_valid_lexical_form(datatype, object.value))
      fail(at(fact, "/object/value"), "'" + object.value + "' is not a valid " + *object.datatype);
    return world_.literal(object.value, datatype);
  }

  std::string literal_mismatch(const FactRecord& fact, rdf::NodeRef literal,
                               const validate::TypeConstraint& range) const {
    std::string range_name = range.describe(prefixes_);
    bool wants_stamp = std::find(range.any_of.begin(), range.any_of.end(),
                                 terms::kXsdDateTimeStamp) != range.any_of.end();
    if (wants_stamp && literal.datatype_iri() == rdf::vocab::kXsdDateTime)
      return "'" + std::string(literal.value()) + "' has no time zone, which " + fact.predicate +
             " (range " + range_name + ") requires";
    return fact.predicate + " takes " + range_name + ", not a literal of " +
           name(literal.datatype_iri());
  }

  // Disagreeing facts must name each other.
  void check_conflicts(const FactRecord& fact) const {
    for (size_t i = 0; i < fact.conflicts_with.size(); ++i) {
      Where where = at(fact, "/conflicts_with/" + std::to_string(i));
      const std::string& other_id = fact.conflicts_with[i];
      auto other = facts_.find(other_id);
      if (other == facts_.end()) fail(where, "unknown fact '" + other_id + "'");
      if (other_id == fact.id) fail(where, "a fact cannot conflict with itself");
      const auto& back = other->second->conflicts_with;
      if (std::find(back.begin(), back.end(), fact.id) == back.end())
        fail(where, "fact " + other_id + " does not name " + fact.id +
                        " in its conflicts_with; conflicts go both ways");
    }
  }

  void add_claim(const FactRecord& fact, rdf::NodeRef subject, rdf::NodeRef predicate,
                 rdf::NodeRef object, const Statement& statement, const SourceRecord& stated_in) {
    rdf::NodeRef graph = source(stated_in.id);
    store_->insert(subject, predicate, object, graph);
    rdf::NodeRef node = claim(fact.id, stated_in.id);
    add(node, rdf::vocab::kRdfType, iri(terms::kKgClaim), graph);
    add(node, terms::kRdfSubject, subject, graph);
    add(node, terms::kRdfPredicate, predicate, graph);
    add(node, terms::kRdfObject, object, graph);
    add(node, terms::kKgEvidence, text(statement.evidence, stated_in.language), graph);
    add(node, terms::kKgStatedIn, graph, graph);
    if (fact.note) add(node, terms::kSkosNote, text(*fact.note, "en"), graph);
    for (const std::string& other_id : fact.conflicts_with)
      for (const Statement& other : facts_.at(other_id)->statements)
        add(node, terms::kKgConflictsWith, claim(other_id, other.source), graph);
    ++claims_;
  }

  // ---- summary ---------------------------------------------------------------------------

  BuildSummary summarize(const rdf::Store& store) const {
    BuildSummary summary;
    summary.sources = seeds_.sources.size();
    summary.entities = seeds_.entities.size();
    summary.facts = seeds_.facts.size();
    summary.claims = claims_;
    for (const auto& [id, types] : entity_types_)
      for (const std::string& type : types)
        ++summary.entities_by_class[name(type)];
    for (rdf::NodeRef graph : store.named_graphs())
      summary.quads_per_graph.emplace_back(graph.value(), store.graph_size(graph));
    summary.total_quads = store.size();
    return summary;
  }

  const SeedInputs& inputs_;
  const Seeds& seeds_;
  std::unique_ptr<rdf::Store> store_;
  rdf::World& world_;
  rdf::PrefixMap prefixes_;
  std::string ontology_name_;
  validate::Ontology ontology_;
  rdf::NodeRef ontology_graph_, entities_graph_;
  std::map<std::string, const SourceRecord*> sources_;
  std::map<std::string, const FactRecord*> facts_;
  std::map<std::string, std::vector<std::string>> entity_types_;  // id -> class IRIs
  size_t claims_ = 0;
};

}  // namespace

BuiltGraph build_graph(const SeedInputs& inputs) {
  Seeds seeds = read_seeds(inputs.seeds_dir, inputs.display_root);
  return GraphBuilder(inputs, seeds).build();
}

}  // namespace kg::convert

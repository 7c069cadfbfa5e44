#include "path/sparql_service.hpp"

#include <charconv>
#include <map>
#include <optional>

#include "path/lookup.hpp"
#include "path/search.hpp"
#include "rdf/vocabulary.hpp"
#include "util/error.hpp"

namespace kg::path {

namespace {

using rdf::NodeRef;
using sparql::Op;
using sparql::PatternTerm;
using sparql::TriplePattern;

enum class Output { PathId, Step, Subject, Predicate, Object, Direction, Hops };

const std::map<std::string_view, Output> kOutputs = {
    {"pathId", Output::PathId},       {"step", Output::Step},     {"subject", Output::Subject},
    {"predicate", Output::Predicate}, {"object", Output::Object}, {"direction", Output::Direction},
    {"hops", Output::Hops},
};

[[noreturn]] void fail(const std::string& message) {
  throw Error("SERVICE kg:paths: " + message);
}

void collect_triples(const Op& op, std::vector<TriplePattern>& triples) {
  switch (op.kind) {
    case Op::Kind::Bgp:
      triples.insert(triples.end(), op.triples.begin(), op.triples.end());
      return;
    case Op::Kind::Join:
    case Op::Kind::Service:
      for (const auto& child : op.children)
        collect_triples(*child, triples);
      return;
    default:
      fail("the pattern may hold only triples of the form [] kg:PARAMETER VALUE");
  }
}

bool same_position(const PatternTerm& a, const PatternTerm& b) {
  if (a.is_variable() != b.is_variable()) return false;
  return a.is_variable() ? a.variable() == b.variable() : a.term() == b.term();
}

struct Request {
  std::optional<rdf::Term> start, end;
  PathOptions options;
  ViewOptions view;
  std::map<Output, PatternTerm> outputs;
};

const rdf::Term& constant(const TriplePattern& triple, std::string_view parameter) {
  if (triple.object.is_variable())
    fail("kg:" + std::string(parameter) +
         " needs a constant: the service does not see the outer query's bindings");
  return triple.object.term();
}

size_t integer(const TriplePattern& triple, std::string_view parameter, size_t minimum) {
  const std::string& text = constant(triple, parameter).value;
  size_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < minimum)
    fail("kg:" + std::string(parameter) + " needs an integer of at least " +
         std::to_string(minimum) + ", not '" + text + "'");
  return value;
}

bool boolean(const TriplePattern& triple, std::string_view parameter) {
  const std::string& text = constant(triple, parameter).value;
  if (text == "true" || text == "1") return true;
  if (text == "false" || text == "0") return false;
  fail("kg:" + std::string(parameter) + " needs true or false, not '" + text + "'");
}

void read_parameter(std::string_view name, const TriplePattern& triple, rdf::Store& store,
                    Request& request) {
  if (auto output = kOutputs.find(name); output != kOutputs.end()) {
    request.outputs.insert_or_assign(output->second, triple.object);
  } else if (name == "start" || name == "end") {
    (name == "start" ? request.start : request.end) = constant(triple, name);
  } else if (name == "maxHops") {
    request.options.max_hops = integer(triple, name, 0);
  } else if (name == "via") {
    request.options.via.push_back(store.world().intern(constant(triple, name)));
  } else if (name == "directed") {
    request.options.directed = boolean(triple, name);
  } else if (name == "includeTypes") {
    request.view.include_types = boolean(triple, name);
  } else if (name == "all") {
    if (boolean(triple, name)) request.options.mode = PathMode::AllShortest;
  } else if (name == "k") {
    request.options.k = integer(triple, name, 1);
    request.options.mode = PathMode::KShortest;
  } else if (name == "maxPaths") {
    request.options.max_paths = integer(triple, name, 1);
  } else {
    fail("unknown parameter kg:" + std::string(name));
  }
}

Request read_request(const Op& pattern, rdf::Store& store) {
  std::vector<TriplePattern> triples;
  collect_triples(pattern, triples);
  if (triples.empty()) fail("the pattern is empty; it needs at least kg:start and kg:end");
  Request request;
  for (const TriplePattern& triple : triples) {
    if (!same_position(triple.subject, triples.front().subject))
      fail("every triple of the pattern must have the same subject");
    if (triple.predicate.is_variable() || !triple.predicate.term().is_iri() ||
        !triple.predicate.term().value.starts_with(rdf::vocab::kKg))
      fail("every predicate must be a kg: parameter such as kg:start");
    read_parameter(std::string_view(triple.predicate.term().value).substr(rdf::vocab::kKg.size()),
                   triple, store, request);
  }
  if (!request.start || !request.end) fail("both kg:start and kg:end are required");
  if (request.options.mode == PathMode::AllShortest && request.options.k > 1)
    fail("kg:all and kg:k cannot be combined");
  return request;
}

NodeRef resolve(rdf::Store& store, const rdf::Term& term, Labeler& labeler) {
  if (term.is_literal()) return resolve_entity(store, term.value, labeler);
  if (term.is_iri()) return resolve_entity(store, "<" + term.value + ">", labeler);
  fail("kg:start and kg:end take an IRI or a label, not a blank node");
}

// Puts value in the row where the pattern has a variable; where it has a constant, the row
// survives only if the two agree (so constants in output positions filter, as in any BGP).
bool bind_output(std::vector<NodeRef>& row, const Request& request, Output output, NodeRef value,
                 rdf::World& world) {
  auto position = request.outputs.find(output);
  if (position == request.outputs.end()) return true;
  if (!position->second.is_variable()) return world.intern(position->second.term()) == value;
  NodeRef& slot = row[position->second.variable().id];
  if (slot && !(slot == value)) return false;
  slot = value;
  return true;
}

NodeRef integer_node(rdf::World& world, size_t value) {
  return world.literal(std::to_string(value), rdf::vocab::kXsdInteger);
}

}  // namespace

std::vector<std::vector<NodeRef>> answer_path_service(const Op& pattern, const sparql::Query& query,
                                                      const sparql::Dataset& dataset,
                                                      GraphCache& cache) {
  if (!dataset.store) fail("the query has no dataset");
  rdf::Store& store = *dataset.store;
  rdf::World& world = store.world();
  Request request = read_request(pattern, store);
  rdf::PrefixMap prefixes = rdf::PrefixMap::standard();
  for (const auto& [prefix, iri] : query.prefixes.entries())
    prefixes.set(prefix, iri);
  Labeler labeler(store, prefixes);
  NodeRef from = resolve(store, *request.start, labeler);
  NodeRef to = resolve(store, *request.end, labeler);

  auto graph = cache.get(store, request.view);
  PathResult result = find_paths(*graph, from, to, request.options);
  std::vector<std::vector<NodeRef>> rows;
  for (size_t p = 0; p < result.paths.size(); ++p) {
    const Path& path = result.paths[p];
    for (size_t i = 0; i < path.steps.size(); ++i) {
      const Step& step = path.steps[i];
      std::vector<NodeRef> row(query.variables.size());
      bool kept = bind_output(row, request, Output::PathId, integer_node(world, p + 1), world) &&
                  bind_output(row, request, Output::Step, integer_node(world, i + 1), world) &&
                  bind_output(row, request, Output::Subject, step.subject, world) &&
                  bind_output(row, request, Output::Predicate, step.predicate, world) &&
                  bind_output(row, request, Output::Object, step.object, world) &&
                  bind_output(row, request, Output::Direction,
                              world.literal(step.forward ? "forward" : "backward"), world) &&
                  bind_output(row, request, Output::Hops, integer_node(world, path.hops()), world);
      if (kept) rows.push_back(std::move(row));
    }
  }
  return rows;
}

void register_path_service(sparql::ExecOptions& options) {
  auto cache = std::make_shared<GraphCache>();
  options.services[std::string(kPathServiceIri)] =
      [cache](const Op& pattern, const sparql::Query& query, const sparql::Dataset& dataset) {
        return answer_path_service(pattern, query, dataset, *cache);
      };
}

}  // namespace kg::path

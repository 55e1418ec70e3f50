// W3C test-suite manifest reader (library target hamlet_w3c_manifest), shared by the RDF
// syntax/eval runners and the SPARQL syntax/evaluation runners.
//
// Contract:
// - Files are identified as /work/shared/w3c/README.md describes: the file at
//   <w3c_root>/<rel> has the IRI kTestsBase + <rel>. Each manifest is parsed (Turtle, via
//   Serd/Sord) with its own IRI as base, so relative IRIs in it become such IRIs; IRIs under
//   kTestsBase are mapped back to local paths (Value::path) — nothing else touches the disk.
// - ReadManifest reads one manifest, follows mf:include lists recursively (each manifest at
//   most once), and returns the entries of every mf:entries RDF list, in list order, manifests
//   depth-first in include order.
// - Per entry: the test IRI, its rdf:type (first one when several), mf:name, rdfs:comment,
//   approval (dawgt:approval or rdft:approval IRI), mf:action, mf:result, mf:requires,
//   mf:resultCardinality, and every property generically in `properties`.
// - A Value is an IRI (with its local path when it names a file of the suite), a literal
//   (lexical form, datatype, language), or a blank node whose own properties are exposed as
//   a multimap predicate IRI -> Value (recursively: qt:query, qt:data, qt:graphData,
//   ut:request, ut:data, ut:graphData [ ut:graph ; rdfs:label ], qt:serviceData,
//   sd:entailmentRegime, ...). RDF lists are not expanded (mf:entries / mf:include aside).
// - Errors (unreadable file, Turtle syntax error) are collected in Manifest::errors; reading
//   goes on with the other manifests.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hamlet::w3c {

inline constexpr std::string_view kTestsBase = "https://w3c.github.io/rdf-tests/";

inline constexpr std::string_view kMf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
inline constexpr std::string_view kQt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";
inline constexpr std::string_view kUt = "http://www.w3.org/2009/sparql/tests/test-update#";
inline constexpr std::string_view kDawgt = "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#";
inline constexpr std::string_view kRdft = "http://www.w3.org/ns/rdftest#";
inline constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kRdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kSd = "http://www.w3.org/ns/sparql-service-description#";

struct Node;

struct Value {
  enum class Kind { kIri, kLiteral, kBlank };
  Kind kind = Kind::kIri;
  std::string iri;                   // kIri
  std::string path;                  // kIri under kTestsBase: local file path; empty otherwise
  std::string lexical;               // kLiteral
  std::string datatype;              // kLiteral (empty for simple literals)
  std::string lang;                  // kLiteral
  std::shared_ptr<const Node> node;  // kBlank

  bool is_file() const { return kind == Kind::kIri && !path.empty(); }
  // IRI, lexical form, or "_:" for blank nodes.
  std::string ToString() const;
};

struct Node {
  std::multimap<std::string, Value> properties;  // predicate IRI -> value

  std::vector<const Value*> All(std::string_view predicate) const;
  const Value* First(std::string_view predicate) const;
};

struct Entry {
  std::string iri;
  std::string type;
  std::string name;
  std::string comment;
  std::string approval;
  std::string manifest;  // local path of the manifest that lists the entry
  std::optional<Value> action;
  std::optional<Value> result;
  std::vector<std::string> requires_;  // mf:requires IRIs
  std::string result_cardinality;      // mf:resultCardinality IRI
  Node properties;                     // every property of the entry

  // Local name of the type IRI ("PositiveSyntaxTest11") and of the test IRI ("agg01").
  std::string TypeName() const;
  std::string ShortName() const;
};

struct Manifest {
  std::vector<Entry> entries;
  std::vector<std::string> manifests;  // local paths read, in order
  std::vector<std::string> errors;
};

// manifest_path may be absolute or relative to w3c_root.
Manifest ReadManifest(const std::string& w3c_root, const std::string& manifest_path);

// <w3c_root>/<rel> <-> kTestsBase + <rel>. IriToPath returns "" for IRIs outside the suite.
std::string PathToIri(const std::string& w3c_root, const std::string& path);
std::string IriToPath(const std::string& w3c_root, std::string_view iri);

// Whole file as a string; nullopt when it cannot be read.
std::optional<std::string> ReadFile(const std::string& path);

}  // namespace hamlet::w3c

// Helpers for the writer round-trip tests: the project's knowledge graph as quads, running
// an external reader, and reading its N-Triples / N-Quads output back with our reader.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "io/reader.h"
#include "io/writer.h"
#include "rdf/term.h"

namespace hamlet::io::testing {

struct Corpus {
  std::vector<rdf::Quad> quads;
  PrefixList prefixes;
  size_t files = 0;
};

inline rdf::Quad Own(const rdf::QuadView& q) {
  return rdf::Quad{rdf::Term::FromView(q.subject), rdf::Term::FromView(q.predicate),
                   rdf::Term::FromView(q.object), rdf::Term::FromView(q.graph)};
}

inline Status ReadInto(const std::string& path, Syntax syntax, std::vector<rdf::Quad>* out,
                       const std::string& blank_prefix = "", PrefixList* prefixes = nullptr) {
  ReadOptions o;
  o.syntax = syntax;
  o.blank_prefix = blank_prefix;
  if (prefixes != nullptr) {
    o.on_prefix = [prefixes](std::string_view n, std::string_view iri) {
      prefixes->emplace_back(std::string(n), std::string(iri));
    };
  }
  return ReadFile(path, o, [out](const rdf::QuadView& q) {
    out->push_back(Own(q));
    return Status::Ok();
  });
}

// data/*.trig and ontology/*.ttl, in file order, with every prefix they declare (first
// declaration of a name wins in the writers). Each file has its own blank-node scope.
inline Result<Corpus> LoadKnowledgeGraph() {
  namespace fs = std::filesystem;
  Corpus c;
  std::vector<fs::path> files;
  for (const char* dir : {"ontology", "data"}) {
    for (const auto& e : fs::directory_iterator(fs::path(HAMLET_SOURCE_DIR) / dir)) {
      auto ext = e.path().extension();
      if (ext == ".trig" || (ext == ".ttl" && std::string(dir) == "ontology")) {
        files.push_back(e.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    auto syntax = SyntaxFromPath(p.string());
    if (!syntax.ok()) return syntax.status();
    HAMLET_RETURN_IF_ERROR(ReadInto(p.string(), *syntax, &c.quads,
                                    "f" + std::to_string(c.files++) + "_", &c.prefixes));
  }
  return c;
}

// The triples of `quads` (graphs dropped), as RDF/XML holds them.
inline std::vector<rdf::Quad> Triples(std::vector<rdf::Quad> quads) {
  for (auto& q : quads) q.graph = rdf::Term();
  return quads;
}

// Both independent readers (jsonld-streaming-parser, rapper) lowercase language tags, as
// RDF 1.1 allows (tags compare case-insensitively); the exact-output tests check that the
// writers keep the case.
inline std::vector<rdf::Quad> LowercaseLanguages(std::vector<rdf::Quad> quads) {
  for (auto& q : quads) {
    if (q.object.lang().empty()) continue;
    std::string lang = q.object.lang();
    for (char& c : lang) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    q.object = rdf::Term::LangLiteral(q.object.value(), lang);
  }
  return quads;
}

inline bool HaveCommand(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

struct Shell {
  int exit_code = -1;
  std::string err;
};

// Runs `cmd` with the shell; standard error is captured.
inline Shell RunShell(const std::string& cmd, const std::string& scratch_dir) {
  std::string err = scratch_dir + "/stderr.txt";
  int status = std::system((cmd + " 2>" + err).c_str());
  Shell r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  std::ifstream in(err, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  r.err = ss.str();
  return r;
}

// Hand-written statements that exercise escaping, language tags, datatypes, blank nodes,
// CURIE pitfalls and namespace splitting. `xml_safe` leaves out what RDF/XML cannot hold
// (U+0000 and other control characters).
inline std::vector<rdf::Quad> TrickyQuads(bool xml_safe) {
  using rdf::Term;
  const std::string ex = "http://ex.org/", xsd = "http://www.w3.org/2001/XMLSchema#";
  const Term type = Term::Iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  const Term a = Term::Iri(ex + "a?x=1&y='2'"), p = Term::Iri(ex + "p"), q = Term::Iri(ex + "q");
  const Term g1 = Term::Iri(ex + "g1"), g2 = Term::Blank("g2"), g3 = Term::Iri("urn:graph:3");
  const Term b1 = Term::Blank("b1"), odd_blank = Term::Blank("1odd"), hx = Term::Blank("hxab");
  std::vector<rdf::Quad> v = {
      {a, type, Term::Iri(ex + "C"), {}},
      {a, p, Term::Literal("plain"), {}},
      {a, q, b1, {}},
      {a, p, Term::Literal("with \"quotes\" & <tags> ]]> and \\ backslash"), {}},
      {a, p, Term::Literal("line1\nline2\r\nline3\ttab\r"), {}},
      {a,
       p,
       Term::Literal(
           "\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80 \xE2\x80\xA8 \xE2\x80\xA9"),
       {}},
      {a, p, Term::Literal(""), {}},
      {a, p, Term::Literal("   "), {}},
      {a, p, Term::LangLiteral("hello", "en-GB"), {}},
      {a, p, Term::LangLiteral("", "fr"), {}},
      {a, p, Term::Literal("01", xsd + "integer"), {}},
      {a, p, Term::Literal("1e0", xsd + "double"), {}},
      {a, p, Term::Literal("true", xsd + "boolean"), {}},
      {a, p, Term::Literal("x", ex + "dt"), {}},
      {a,
       p,
       Term::Literal("<b>x</b>", "http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral"),
       {}},
      {a, type, Term::Iri(ex + "D"), {}},
      {a, q, Term::Iri(ex + "//double-slash"), {}},
      {a, q, Term::Iri("urn:isbn:0451450523"), {}},
      {a, q, Term::Iri(ex + "urn#thing"), {}},
      {a, Term::Iri(ex + "v1/123abc"), Term::Literal("split after the digits"), {}},
      {a, Term::Iri("http://other.example/vocab#knows"), Term::Iri(ex + "b"), {}},
      {a, Term::Iri(ex + "ns_local"), Term::Literal("prefix without a gen-delim"), {}},
      {a, p, Term::Literal("back to p after other predicates"), {}},
      {b1, Term::Iri(ex + "name"), Term::Literal("blank"), {}},
      {b1, type, Term::Blank("b2"), {}},
      {b1, type, Term::Literal("a literal type"), {}},
      {b1, type, Term::Iri(ex + "C"), {}},
      {odd_blank, p, hx, {}},
      {hx, p, odd_blank, {}},
      {Term::Iri("urn:isbn:0451450523"), p, Term::Literal("subject with a prefix-like scheme"), {}},
      {a, p, Term::Literal("in g1"), g1},
      {b1, p, Term::Literal("blank shared with the default graph"), g1},
      {a, p, Term::Literal("in a blank graph"), g2},
      {Term::Iri(ex + "urn#x"), p, Term::Iri("urn:y"), g3},
      {Term::Iri(ex + "c"), p, Term::Literal("back in the default graph"), {}},
      {a, p, Term::Literal("g1 again, after other graphs"), g1},
  };
  if (!xml_safe) {
    static constexpr char kControls[] = "nul \0 bell \x07 esc \x1B del \x7F";
    v.push_back({a, p, Term::Literal(std::string(kControls, sizeof kControls - 1)), {}});
  }
  return v;
}

inline PrefixList TrickyPrefixes() {
  return {{"ex", "http://ex.org/"},
          {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
          {"xsd", "http://www.w3.org/2001/XMLSchema#"},
          {"urn", "http://ex.org/urn#"},
          {"isbn", "urn:isbn:"},
          {"", "http://empty.example/"},
          {"bad name", "http://bad.example/"},
          {"ex", "http://duplicate.example/"},
          {"ex2", "http://ex.org/ns_"}};
}

}  // namespace hamlet::io::testing

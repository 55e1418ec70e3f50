#include "io/writer.h"

#include <serd/serd.h>

#include "io/writer_impl.h"
#include "rdf/utf8.h"
#include "rdf/vocab.h"

namespace hamlet::io {

namespace {

// Not serd_node_from_substring: it stops at the first NUL, and literals may contain U+0000.
SerdNode MakeNode(SerdType type, std::string_view s) {
  SerdNode n = SERD_NODE_NULL;
  n.buf = reinterpret_cast<const uint8_t*>(s.data());
  n.n_bytes = s.size();
  n.type = type;
  unsigned flags = 0;
  for (char c : s) {
    if (c == '\n' || c == '\r') flags |= SERD_HAS_NEWLINE;
    if (c == '"') flags |= SERD_HAS_QUOTE;
  }
  n.n_chars = rdf::utf8::CountCodePoints(s);
  n.flags = static_cast<SerdNodeFlags>(flags);
  return n;
}

SerdNode ToNode(const rdf::TermView& t) {
  switch (t.kind) {
    case rdf::TermKind::kIri:
      return MakeNode(SERD_URI, t.value);
    case rdf::TermKind::kBlank:
      return MakeNode(SERD_BLANK, t.value);
    case rdf::TermKind::kLiteral:
      return MakeNode(SERD_LITERAL, t.value);
    case rdf::TermKind::kNone:
      break;
  }
  return SERD_NODE_NULL;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// True when `lexical` is exactly a Turtle token of `datatype` that reads back as the same
// literal: INTEGER ([+-]?[0-9]+), DECIMAL ([+-]?[0-9]*.[0-9]+), BooleanLiteral (true, false).
// For any other datatype the answer does not matter: Serd writes only these three bare.
bool IsTurtleToken(std::string_view lexical, std::string_view datatype) {
  if (datatype == rdf::vocab::kXsdBoolean) return lexical == "true" || lexical == "false";
  bool integer = datatype == rdf::vocab::kXsdInteger;
  if (!integer && datatype != rdf::vocab::kXsdDecimal) return true;
  if (!lexical.empty() && (lexical[0] == '+' || lexical[0] == '-')) lexical.remove_prefix(1);
  if (integer) return AllDigits(lexical);
  size_t dot = lexical.find('.');
  if (dot == std::string_view::npos) return false;
  return (dot == 0 || AllDigits(lexical.substr(0, dot))) && AllDigits(lexical.substr(dot + 1));
}

// Serd writes N-Triples, N-Quads, Turtle and TriG.
class SerdQuadWriter final : public QuadWriter {
 public:
  SerdQuadWriter(Syntax syntax, FILE* out, const PrefixList& prefixes)
      : syntax_(syntax), out_(out), env_(serd_env_new(nullptr)) {
    SerdSyntax ss = SERD_NTRIPLES;
    unsigned style = SERD_STYLE_BULK;
    bool curied = syntax == Syntax::kTurtle || syntax == Syntax::kTriG;
    switch (syntax) {
      case Syntax::kNQuads:
        ss = SERD_NQUADS;
        break;
      case Syntax::kTurtle:
        ss = SERD_TURTLE;
        break;
      case Syntax::kTriG:
        ss = SERD_TRIG;
        break;
      case Syntax::kNTriples:
      case Syntax::kJsonLd:  // not handed to Serd (see Create)
      case Syntax::kRdfXml:
        ss = SERD_NTRIPLES;
        break;
    }
    if (curied) style |= SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED;
    writer_ =
        serd_writer_new(ss, static_cast<SerdStyle>(style), env_, nullptr, serd_file_sink, out);
    if (curied) {
      for (const auto& [name, iri] : prefixes) {
        SerdNode n = MakeNode(SERD_LITERAL, name);
        SerdNode u = MakeNode(SERD_URI, iri);
        serd_writer_set_prefix(writer_, &n, &u);
      }
    }
  }
  ~SerdQuadWriter() override {
    if (writer_ != nullptr) serd_writer_free(writer_);
    serd_env_free(env_);
  }

  Status Write(const rdf::QuadView& q) override {
    HAMLET_RETURN_IF_ERROR(internal::CheckUtf8(q));
    SerdNode s = ToNode(q.subject), p = ToNode(q.predicate), o = ToNode(q.object);
    SerdNode g = SERD_NODE_NULL, dt = SERD_NODE_NULL, lang = SERD_NODE_NULL;
    bool with_graph = HasGraphs(syntax_) && !q.graph.is_none();
    if (with_graph) g = ToNode(q.graph);
    if (q.object.kind == rdf::TermKind::kLiteral) {
      if (!q.object.lang.empty()) {
        lang = MakeNode(SERD_LITERAL, q.object.lang);
      } else if (!q.object.datatype.empty() && q.object.datatype != rdf::vocab::kXsdString) {
        dt = DatatypeNode(q.object.datatype, q.object.value);
      }
    }
    SerdStatus st = serd_writer_write_statement(writer_, 0, with_graph ? &g : nullptr, &s, &p, &o,
                                                dt.buf != nullptr ? &dt : nullptr,
                                                lang.buf != nullptr ? &lang : nullptr);
    if (st != SERD_SUCCESS) {
      return Status::IoError(std::string("cannot write statement: ") +
                             reinterpret_cast<const char*>(serd_strerror(st)));
    }
    return Status::Ok();
  }

  // In Turtle and TriG Serd writes every xsd:integer and xsd:boolean literal bare (42,
  // true), and every xsd:decimal one holding a '.', without checking the lexical form:
  // "abc"^^xsd:integer came out as `abc`, "1"^^xsd:boolean as the integer `1`. Serd spots
  // these datatypes by strcmp on the datatype's buffer but writes the IRI from its length,
  // so a byte after the IRI (before the NUL) stops the bare form and changes nothing else.
  // The writer tests check the output, should a Serd release work otherwise.
  SerdNode DatatypeNode(std::string_view datatype, std::string_view lexical) {
    datatype_.assign(datatype);
    if (!IsTurtleToken(lexical, datatype)) datatype_.push_back('!');
    return MakeNode(SERD_URI, std::string_view(datatype_).substr(0, datatype.size()));
  }

  Status Finish() override {
    serd_writer_finish(writer_);
    serd_writer_free(writer_);
    writer_ = nullptr;
    return internal::FlushOutput(out_);
  }

 private:
  Syntax syntax_;
  FILE* out_;
  SerdEnv* env_;
  SerdWriter* writer_ = nullptr;
  std::string datatype_;  // the datatype of the statement being written, NUL-terminated
};

}  // namespace

namespace internal {

Status CheckUtf8(const rdf::QuadView& q) {
  const std::pair<const char*, const rdf::TermView*> terms[] = {{"subject", &q.subject},
                                                                {"predicate", &q.predicate},
                                                                {"object", &q.object},
                                                                {"graph", &q.graph}};
  for (const auto& [role, t] : terms) {
    for (std::string_view part : {t->value, t->datatype, t->lang}) {
      if (auto bad = rdf::utf8::FindInvalid(part)) {
        return Status::InvalidInput(
            std::string("the ") + role + " of a statement holds invalid UTF-8 (" +
            rdf::utf8::Describe(bad->problem) + " at byte " + std::to_string(bad->offset) +
            " of '" + std::string(part.substr(0, bad->offset)) + "...')");
      }
    }
  }
  return Status::Ok();
}

Status WriteAll(FILE* out, std::string_view text) {
  if (text.empty()) return Status::Ok();
  if (std::fwrite(text.data(), 1, text.size(), out) != text.size()) {
    return Status::IoError("cannot write output");
  }
  return Status::Ok();
}

Status FlushOutput(FILE* out) {
  if (std::fflush(out) != 0 || std::ferror(out)) return Status::IoError("cannot write output");
  return Status::Ok();
}

}  // namespace internal

std::unique_ptr<QuadWriter> QuadWriter::Create(Syntax syntax, FILE* out,
                                               const PrefixList& prefixes) {
  switch (syntax) {
    case Syntax::kJsonLd:
      return internal::NewJsonLdWriter(out, prefixes);
    case Syntax::kRdfXml:
      return internal::NewRdfXmlWriter(out, prefixes);
    case Syntax::kNTriples:
    case Syntax::kNQuads:
    case Syntax::kTurtle:
    case Syntax::kTriG:
      break;
  }
  return std::make_unique<SerdQuadWriter>(syntax, out, prefixes);
}

Status WriteToString(Syntax syntax, const std::vector<rdf::Quad>& quads, const PrefixList& prefixes,
                     std::string* out) {
  char* buf = nullptr;
  size_t len = 0;
  FILE* mem = open_memstream(&buf, &len);
  if (mem == nullptr) return Status::IoError("cannot open a memory stream");
  Status first;
  {
    auto w = QuadWriter::Create(syntax, mem, prefixes);
    for (const auto& q : quads) {
      Status s = w->Write(
          rdf::QuadView{q.subject.view(), q.predicate.view(), q.object.view(), q.graph.view()});
      if (first.ok()) first = s;
    }
    Status s = w->Finish();
    if (first.ok()) first = s;
  }
  std::fclose(mem);
  out->assign(buf, len);
  std::free(buf);
  return first;
}

std::string WriteToString(Syntax syntax, const std::vector<rdf::Quad>& quads,
                          const PrefixList& prefixes) {
  std::string out;
  (void)WriteToString(syntax, quads, prefixes, &out);
  return out;
}

}  // namespace hamlet::io

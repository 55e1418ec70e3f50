#include "io/writer.h"

#include <serd/serd.h>

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
  size_t chars = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++chars;  // count code points, not continuation bytes
    if (c == '\n' || c == '\r') flags |= SERD_HAS_NEWLINE;
    if (c == '"') flags |= SERD_HAS_QUOTE;
  }
  n.n_chars = chars;
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

}  // namespace

struct QuadWriter::Impl {
  Syntax syntax;
  FILE* out = nullptr;
  SerdEnv* env = nullptr;
  SerdWriter* writer = nullptr;
  bool failed = false;
  ~Impl() {
    if (writer != nullptr) serd_writer_free(writer);
    if (env != nullptr) serd_env_free(env);
  }
};

QuadWriter::QuadWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
QuadWriter::~QuadWriter() = default;

std::unique_ptr<QuadWriter> QuadWriter::Create(Syntax syntax, FILE* out,
                                               const PrefixList& prefixes) {
  auto impl = std::make_unique<Impl>();
  impl->syntax = syntax;
  impl->out = out;
  impl->env = serd_env_new(nullptr);
  SerdSyntax ss = SERD_NTRIPLES;
  unsigned style = SERD_STYLE_BULK;
  switch (syntax) {
    case Syntax::kNTriples:
      ss = SERD_NTRIPLES;
      break;
    case Syntax::kNQuads:
      ss = SERD_NQUADS;
      break;
    case Syntax::kTurtle:
      ss = SERD_TURTLE;
      style |= SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED;
      break;
    case Syntax::kTriG:
      ss = SERD_TRIG;
      style |= SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED;
      break;
  }
  impl->writer =
      serd_writer_new(ss, static_cast<SerdStyle>(style), impl->env, nullptr, serd_file_sink, out);
  if (syntax == Syntax::kTurtle || syntax == Syntax::kTriG) {
    for (const auto& [name, iri] : prefixes) {
      SerdNode n = MakeNode(SERD_LITERAL, name);
      SerdNode u = MakeNode(SERD_URI, iri);
      serd_writer_set_prefix(impl->writer, &n, &u);
    }
  }
  return std::unique_ptr<QuadWriter>(new QuadWriter(std::move(impl)));
}

Status QuadWriter::Write(const rdf::QuadView& q) {
  SerdNode s = ToNode(q.subject), p = ToNode(q.predicate), o = ToNode(q.object);
  SerdNode g = SERD_NODE_NULL, dt = SERD_NODE_NULL, lang = SERD_NODE_NULL;
  bool with_graph = HasGraphs(impl_->syntax) && !q.graph.is_none();
  if (with_graph) g = ToNode(q.graph);
  if (q.object.kind == rdf::TermKind::kLiteral) {
    if (!q.object.lang.empty()) {
      lang = MakeNode(SERD_LITERAL, q.object.lang);
    } else if (!q.object.datatype.empty() && q.object.datatype != rdf::vocab::kXsdString) {
      dt = MakeNode(SERD_URI, q.object.datatype);
    }
  }
  SerdStatus st = serd_writer_write_statement(impl_->writer, 0, with_graph ? &g : nullptr, &s, &p,
                                              &o, dt.buf != nullptr ? &dt : nullptr,
                                              lang.buf != nullptr ? &lang : nullptr);
  if (st != SERD_SUCCESS) {
    impl_->failed = true;
    return Status::IoError(std::string("cannot write statement: ") +
                           reinterpret_cast<const char*>(serd_strerror(st)));
  }
  return Status::Ok();
}

Status QuadWriter::Finish() {
  serd_writer_finish(impl_->writer);
  serd_writer_free(impl_->writer);
  impl_->writer = nullptr;
  if (std::fflush(impl_->out) != 0 || std::ferror(impl_->out)) {
    return Status::IoError("cannot write output");
  }
  return Status::Ok();
}

std::string WriteToString(Syntax syntax, const std::vector<rdf::Quad>& quads,
                          const PrefixList& prefixes) {
  char* buf = nullptr;
  size_t len = 0;
  FILE* mem = open_memstream(&buf, &len);
  {
    auto w = QuadWriter::Create(syntax, mem, prefixes);
    for (const auto& q : quads) {
      (void)w->Write(
          rdf::QuadView{q.subject.view(), q.predicate.view(), q.object.view(), q.graph.view()});
    }
    (void)w->Finish();
  }
  std::fclose(mem);
  std::string out(buf, len);
  std::free(buf);
  return out;
}

}  // namespace hamlet::io

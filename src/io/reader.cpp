#include "io/reader.h"

#include <serd/serd.h>

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "io/input_guard.h"
#include "io/locate.h"
#include "rdf/check.h"
#include "rdf/iri.h"
#include "rdf/utf8.h"

namespace hamlet::io {

namespace {

// Serd reads its input in pages of this size. Larger pages cost memory per reader and
// delay the first callback; 64 KiB measured ~3% faster than Serd's 4 KiB default.
constexpr size_t kReadPageBytes = 64 * 1024;

SerdSyntax ToSerd(Syntax s) {
  switch (s) {
    case Syntax::kNTriples:
      return SERD_NTRIPLES;
    case Syntax::kNQuads:
      return SERD_NQUADS;
    case Syntax::kTurtle:
      return SERD_TURTLE;
    case Syntax::kTriG:
      return SERD_TRIG;
    case Syntax::kJsonLd:
    case Syntax::kRdfXml:
      break;  // rejected by CheckReadable before Serd sees them
  }
  return SERD_NTRIPLES;
}

Status CheckReadable(Syntax s) {
  if (IsReadable(s)) return Status::Ok();
  std::string what = s == Syntax::kJsonLd ? "JSON-LD" : "RDF/XML";
  // A file named .rdf or .xml may well hold Turtle: point at --format too.
  return Status::InvalidArgument("reading " + what +
                                 " is not supported; Hamlet writes it only: convert the input to "
                                 "N-Triples, N-Quads, Turtle or TriG (if it is one of those "
                                 "already, use --format)");
}

std::string_view View(const SerdNode* n) {
  return std::string_view(reinterpret_cast<const char*>(n->buf), n->n_bytes);
}

struct Source {
  FILE* file = nullptr;
  std::string_view text;  // when reading from memory
  size_t text_pos = 0;
  std::atomic<uint64_t>* bytes_read = nullptr;
  uint64_t total = 0;
  InputGuard guard;  // sees every byte before Serd does; stops the input at a problem
  bool ended = false;
};

size_t SourceRead(void* buf, size_t size, size_t nmemb, void* stream) {
  auto* src = static_cast<Source*>(stream);
  if (src->ended) return 0;
  size_t want = size * nmemb;
  size_t got = 0;
  if (src->file != nullptr) {
    got = std::fread(buf, 1, want, src->file);
  } else {
    got = std::min(want, src->text.size() - src->text_pos);
    std::memcpy(buf, src->text.data() + src->text_pos, got);
    src->text_pos += got;
  }
  if (got == 0) {
    src->guard.Finish();
  } else {
    // Serd gets the bytes before a problem and then the end of the input; ReadSource
    // reports the problem.
    got = src->guard.Check(std::string_view(static_cast<const char*>(buf), got));
  }
  src->ended = got == 0 || src->guard.failed();
  src->total += got;
  if (src->bytes_read != nullptr) src->bytes_read->store(src->total, std::memory_order_relaxed);
  return got;
}

int SourceError(void* stream) {
  auto* src = static_cast<Source*>(stream);
  return src->file != nullptr ? std::ferror(src->file) : 0;
}

// Owns what resolving the IRIs of one statement allocated.
struct Expanded {
  SerdNode nodes[5];
  int n = 0;
  std::string resolved[5];
  int r = 0;
  ~Expanded() {
    for (int i = 0; i < n; ++i) serd_node_free(&nodes[i]);
  }
};

struct ReaderState {
  const ReadOptions* options;
  const QuadSink* sink;
  SerdEnv* env;  // prefixes only; the base IRI is resolved here, per RFC 3986
  std::string name;
  std::string base;
  bool line_oriented;  // N-Triples / N-Quads: every IRI must be absolute
  Status status;       // first error (syntax, semantic, or from the sink)
  // Where Serd's syntax error is (0 when status is not one), to compare with the guard's.
  size_t error_line = 0, error_column = 0;
  // For errors found after Serd moved on: what to look for to report a position.
  LineMatcher locate;
};

// Records a semantic error; its position is looked up once reading has stopped.
void Fail(ReaderState* st, std::string message, LineMatcher locate) {
  if (!st->status.ok()) return;
  st->status = Status::InvalidInput(std::move(message));
  st->locate = std::move(locate);
}

SerdStatus OnError(void* handle, const SerdError* e) {
  auto* st = static_cast<ReaderState*>(handle);
  if (!st->status.ok()) return SERD_SUCCESS;
  char buf[1024];
  va_list args;
  va_copy(args, *e->args);
  int n = std::vsnprintf(buf, sizeof buf, e->fmt, args);
  va_end(args);
  std::string msg(buf, n > 0 ? std::min<size_t>(n, sizeof buf - 1) : 0);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  // Serd's columns are 0-based, except on line 1, which Serd (0.30) starts at column 1;
  // people and editors count from 1.
  st->error_line = e->line;
  st->error_column = e->line == 1 ? e->col : e->col + 1;
  st->status = Status::InvalidInput(st->name + ":" + std::to_string(st->error_line) + ":" +
                                    std::to_string(st->error_column) + ": " + msg);
  return SERD_SUCCESS;
}

SerdStatus OnBase(void* handle, const SerdNode* uri) {
  auto* st = static_cast<ReaderState*>(handle);
  st->base = rdf::ResolveIri(st->base, View(uri));
  return SERD_SUCCESS;
}

SerdStatus OnPrefix(void* handle, const SerdNode* name, const SerdNode* uri) {
  auto* st = static_cast<ReaderState*>(handle);
  std::string iri = rdf::ResolveIri(st->base, View(uri));
  SerdStatus s = serd_env_set_prefix_from_strings(st->env, name->buf,
                                                  reinterpret_cast<const uint8_t*>(iri.c_str()));
  if (st->options->on_prefix) st->options->on_prefix(View(name), iri);
  return s;
}

// Resolves a URI or CURIE node to an absolute IRI. Returns false and records the error.
bool ResolveIri(ReaderState* st, const SerdNode* n, Expanded* ex, std::string_view* out) {
  std::string_view text = View(n);
  if (n->type == SERD_URI) {
    if (rdf::HasScheme(text)) {
      *out = text;
      return true;
    }
    if (st->line_oriented) {
      Fail(st, "relative IRI <" + std::string(text) + "> is not allowed in N-Triples / N-Quads",
           MatchToken("<" + std::string(text) + ">"));
      return false;
    }
    if (st->base.empty()) {
      Fail(st, "relative IRI <" + std::string(text) + "> with no base IRI to resolve it against",
           MatchToken("<" + std::string(text) + ">"));
      return false;
    }
    std::string& r = ex->resolved[ex->r++];
    r = rdf::ResolveIri(st->base, text);
    *out = r;
    return true;
  }
  SerdNode e = serd_env_expand_node(st->env, n);
  if (e.buf == nullptr) {
    size_t colon = text.find(':');
    if (colon == std::string_view::npos) {
      Fail(st,
           "'" + std::string(text) +
               "' is not a term here (expected an IRI, a prefixed name, "
               "a blank node or a literal)",
           MatchToken(std::string(text)));
    } else {
      Fail(st,
           "undefined prefix '" + std::string(text.substr(0, colon + 1)) + "' in '" +
               std::string(text) + "'",
           MatchToken(std::string(text)));
    }
    return false;
  }
  ex->nodes[ex->n++] = e;
  *out = View(&e);
  return true;
}

bool ToTerm(ReaderState* st, const SerdNode* n, Expanded* ex, rdf::TermView* t) {
  switch (n->type) {
    case SERD_URI:
    case SERD_CURIE:
      t->kind = rdf::TermKind::kIri;
      if (!ResolveIri(st, n, ex, &t->value)) return false;
      break;
    case SERD_BLANK:
      t->kind = rdf::TermKind::kBlank;
      t->value = View(n);
      return true;
    case SERD_LITERAL:
      t->kind = rdf::TermKind::kLiteral;
      t->value = View(n);
      break;
    default:
      Fail(st, "unexpected node type", nullptr);
      return false;
  }
  if (!st->options->validate_terms) return true;
  LineMatcher locate;
  if (Status v = ValidateTerm(*t, &locate); !v.ok()) {
    Fail(st, v.message(), std::move(locate));
    return false;
  }
  return true;
}

SerdStatus OnStatement(void* handle, SerdStatementFlags, const SerdNode* graph,
                       const SerdNode* subject, const SerdNode* predicate, const SerdNode* object,
                       const SerdNode* datatype, const SerdNode* lang) {
  auto* st = static_cast<ReaderState*>(handle);
  Expanded ex;
  rdf::QuadView q;
  if (!ToTerm(st, subject, &ex, &q.subject) || !ToTerm(st, predicate, &ex, &q.predicate) ||
      !ToTerm(st, object, &ex, &q.object)) {
    return SERD_ERR_BAD_SYNTAX;
  }
  if (graph != nullptr && graph->buf != nullptr && graph->n_bytes > 0) {
    if (!ToTerm(st, graph, &ex, &q.graph)) return SERD_ERR_BAD_SYNTAX;
  }
  if (q.object.kind == rdf::TermKind::kLiteral) {
    if (lang != nullptr && lang->buf != nullptr) {
      q.object.lang = View(lang);
    } else if (datatype != nullptr && datatype->buf != nullptr) {
      if (!ResolveIri(st, datatype, &ex, &q.object.datatype)) return SERD_ERR_BAD_SYNTAX;
    }
  }
  Status s = (*st->sink)(q);
  if (!s.ok()) {
    if (st->status.ok()) st->status = std::move(s);
    return SERD_ERR_BAD_ARG;  // any error status stops the reader
  }
  return SERD_SUCCESS;
}

// When the guard stopped the input, Serd saw an early end, and a syntax error at or after
// that point is only its consequence. Errors of statements and of the sink come from text
// Serd had fully read, before the point.
bool ErrorBeforeGuard(const ReaderState& st, const InputGuard& guard) {
  if (st.status.ok()) return false;
  if (st.error_line == 0) return true;
  return std::pair(st.error_line, st.error_column) < std::pair(guard.line(), guard.column());
}

// `path` is the file to search for error positions ("" when reading from memory or stdin).
Status ReadSource(Source* src, const std::string& name, const std::string& path,
                  const ReadOptions& options, const QuadSink& sink) {
  ReaderState st{&options,
                 &sink,
                 serd_env_new(nullptr),
                 name,
                 options.base_iri,
                 options.syntax == Syntax::kNTriples || options.syntax == Syntax::kNQuads,
                 Status::Ok(),
                 0,
                 0,
                 nullptr};
  SerdReader* reader =
      serd_reader_new(ToSerd(options.syntax), &st, nullptr, OnBase, OnPrefix, OnStatement, nullptr);
  serd_reader_set_strict(reader, true);
  serd_reader_set_error_sink(reader, OnError, &st);
  if (!options.blank_prefix.empty()) {
    serd_reader_add_blank_prefix(reader,
                                 reinterpret_cast<const uint8_t*>(options.blank_prefix.c_str()));
  }
  SerdStatus rs =
      serd_reader_read_source(reader, SourceRead, SourceError, src,
                              reinterpret_cast<const uint8_t*>(name.c_str()), kReadPageBytes);
  serd_reader_free(reader);
  serd_env_free(st.env);
  // Serd may stop at the end of the last page without asking for more: the guard still
  // has to hear that the input ended (an IRI left open there is its to report).
  bool at_end =
      src->file != nullptr ? std::feof(src->file) != 0 : src->text_pos == src->text.size();
  if (!src->ended && at_end) src->guard.Finish();
  if (src->guard.failed() && !ErrorBeforeGuard(st, src->guard)) {
    return Status::InvalidInput(name + ":" + std::to_string(src->guard.line()) + ":" +
                                std::to_string(src->guard.column()) + ": " + src->guard.message());
  }
  if (!st.status.ok()) {
    if (!st.locate) return st.status;
    std::optional<TextPosition> pos;
    if (!path.empty()) {
      pos = FindInFile(path, st.locate);
    } else if (src->file == nullptr) {
      pos = FindInText(src->text, st.locate);
    }
    std::string where =
        pos ? name + ":" + std::to_string(pos->line) + ":" + std::to_string(pos->column) : name;
    return Status::InvalidInput(where + ": " + st.status.message());
  }
  if (rs > SERD_FAILURE) {
    return Status::InvalidInput(name + ": could not be read (" +
                                reinterpret_cast<const char*>(serd_strerror(rs)) + ")");
  }
  return Status::Ok();
}

}  // namespace

Status ValidateTerm(const rdf::TermView& t, std::function<size_t(std::string_view)>* locate) {
  // The guard rejected ill-formed UTF-8 in the bytes of the document, but Serd decodes
  // \u escapes without checking them: \uD800 arrives here as ED A0 80.
  for (std::string_view s : {t.value, t.datatype}) {
    auto bad = rdf::utf8::FindInvalid(s);
    if (!bad) continue;
    if (bad->problem == rdf::utf8::Problem::kSurrogate) {
      if (locate != nullptr) *locate = MatchSurrogateEscape();
      return Status::InvalidInput(
          "an escape encodes a UTF-16 surrogate code point, which is not a character");
    }
    return Status::InvalidInput(std::string("a term holds invalid UTF-8: ") +
                                rdf::utf8::Describe(bad->problem));
  }
  std::string_view iri = t.kind == rdf::TermKind::kIri ? t.value : t.datatype;
  if (t.kind == rdf::TermKind::kIri ||
      (t.kind == rdf::TermKind::kLiteral && t.lang.empty() && !iri.empty())) {
    if (Status c = rdf::CheckAbsoluteIri(iri); !c.ok()) {
      if (locate != nullptr) *locate = MatchToken(std::string(iri));
      return c;
    }
  }
  return Status::Ok();
}

std::string FileIri(const std::string& path) {
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(path, ec);
  std::string p = ec ? path : abs.lexically_normal().string();
  std::string out = "file://";
  for (unsigned char c : p) {
    if (std::isalnum(c) || std::strchr("/-._~", c) != nullptr) {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out.append(buf);
    }
  }
  return out;
}

Status ReadFile(const std::string& path, const ReadOptions& options, const QuadSink& sink,
                const std::string& display_name) {
  HAMLET_RETURN_IF_ERROR(CheckReadable(options.syntax));
  std::string name = !display_name.empty() ? display_name : (path == "-" ? "<stdin>" : path);
  Source src;
  src.bytes_read = options.bytes_read;
  std::unique_ptr<FILE, int (*)(FILE*)> owned(nullptr, std::fclose);
  if (path == "-") {
    src.file = stdin;
  } else {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
      int err = errno;
      if (err == ENOENT) return Status::NotFound(path + ": no such file");
      return Status::IoError(path + ": cannot open (" + std::strerror(err) + ")");
    }
    owned.reset(f);
    src.file = f;
  }
  return ReadSource(&src, name, path == "-" ? "" : path, options, sink);
}

Status ReadString(std::string_view text, const std::string& name, const ReadOptions& options,
                  const QuadSink& sink) {
  HAMLET_RETURN_IF_ERROR(CheckReadable(options.syntax));
  Source src;
  src.text = text;
  src.bytes_read = options.bytes_read;
  return ReadSource(&src, name, "", options, sink);
}

Result<std::vector<rdf::Quad>> ReadAllQuads(const std::string& path, const ReadOptions& options) {
  std::vector<rdf::Quad> out;
  Status s = ReadFile(path, options, [&](const rdf::QuadView& q) {
    out.push_back(rdf::Quad{rdf::Term::FromView(q.subject), rdf::Term::FromView(q.predicate),
                            rdf::Term::FromView(q.object), rdf::Term::FromView(q.graph)});
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace hamlet::io

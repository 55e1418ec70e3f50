// Issue 12: what the reader must refuse before Serd sees it (a NUL byte, ill-formed UTF-8,
// nesting deep enough to overflow Serd's stack, an IRI left open), always with a position.
#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "io/input_guard.h"
#include "io/reader.h"
#include "support/temp_dir.h"

namespace hamlet::io {
namespace {

struct Outcome {
  Status status;
  size_t quads = 0;
};

Outcome Read(std::string_view text, Syntax syntax) {
  ReadOptions o;
  o.syntax = syntax;
  Outcome out;
  out.status = ReadString(text, "doc", o, [&](const rdf::QuadView&) {
    ++out.quads;
    return Status::Ok();
  });
  return out;
}

const char* kLine = "<http://e.x/a> <http://e.x/p> <http://e.x/o> .\n";
const char* kQuadLine = "<http://e.x/a> <http://e.x/p> <http://e.x/o> <http://e.x/g> .\n";

TEST(InputGuard, NulByteIsAnErrorInEverySyntax) {
  for (Syntax syntax : {Syntax::kNTriples, Syntax::kNQuads, Syntax::kTurtle, Syntax::kTriG}) {
    const char* line = syntax == Syntax::kNQuads ? kQuadLine : kLine;
    std::string text = std::string(line) + std::string(1, '\0') + "\n" + line;
    Outcome r = Read(text, syntax);
    ASSERT_FALSE(r.status.ok()) << SyntaxName(syntax) << " read " << r.quads << " quads";
    EXPECT_EQ(r.status.code(), Status::Code::kInvalidInput);
    EXPECT_EQ(r.status.message().rfind("doc:2:1: a NUL byte", 0), 0u) << r.status.message();
  }
}

TEST(InputGuard, NulByteInAnIriOrACommentIsAnError) {
  Outcome r = Read(std::string(kLine) + "<http://e.x/a> <http://e.x/p> <http://e.x/" +
                       std::string(1, '\0') + "> .\n",
                   Syntax::kNTriples);
  EXPECT_EQ(r.status.message().rfind("doc:2:43: a NUL byte outside a string", 0), 0u)
      << r.status.message();
  r = Read(std::string(kLine) + "# a comment " + std::string(1, '\0') + "\n" + kLine,
           Syntax::kTurtle);
  EXPECT_EQ(r.status.message().rfind("doc:2:13: a NUL byte", 0), 0u) << r.status.message();
  r = Read("<http://e.x/a> <http://e.x/p> \"\"" + std::string(1, '\0') + " .\n", Syntax::kTurtle);
  EXPECT_EQ(r.status.message().rfind("doc:1:33: a NUL byte", 0), 0u) << r.status.message();
}

// The grammars allow U+0000 in strings as it is, and so does Serd (W3C *_ascii_boundaries).
TEST(InputGuard, NulByteInsideAStringIsACharacter) {
  std::string nul(1, '\0');
  for (std::string object : {"\"a" + nul + "b\"", "'a" + nul + "b'", "\"\"\"a" + nul + "b\"\"\"",
                             "'''a" + nul + "b'''", "\"" + nul + "\""}) {
    Outcome r = Read("<http://e.x/a> <http://e.x/p> " + object + " .\n" + kLine, Syntax::kTurtle);
    EXPECT_TRUE(r.status.ok()) << r.status.message();
    EXPECT_EQ(r.quads, 2u) << object;
  }
  Outcome r = Read("<http://e.x/a> <http://e.x/p> \"a\\u0000b\" .\n", Syntax::kNTriples);
  EXPECT_TRUE(r.status.ok()) << r.status.message();
}

TEST(InputGuard, NulByteInAFileLeavesNoQuadUnreported) {
  testing::TempDir tmp;
  std::string path =
      tmp.Write("n.nq", std::string(kQuadLine) + std::string(1, '\0') + "\n" + kQuadLine);
  ReadOptions o;
  o.syntax = Syntax::kNQuads;
  Status s = ReadFile(path, o, [](const rdf::QuadView&) { return Status::Ok(); });
  EXPECT_EQ(s.message().rfind(path + ":2:1: a NUL byte", 0), 0u) << s.message();
}

TEST(InputGuard, IllFormedUtf8NamesLineColumnAndBytes) {
  struct Case {
    std::string bytes;
    std::string message;
  } cases[] = {
      {"\xC0\xAF", "doc:2:34: invalid UTF-8 (bytes C0 AF): an overlong encoding"},
      {"\xF4\x90\x80\x80", "doc:2:34: invalid UTF-8 (bytes F4 90 80 80): a code point above"},
      {"\xED\xA0\x80", "doc:2:34: invalid UTF-8 (bytes ED A0 80): an encoded UTF-16 surrogate"},
      {"\xBF", "doc:2:34: invalid UTF-8 (byte BF): a continuation byte"},
      {"\xE2\x82z", "doc:2:34: invalid UTF-8 (bytes E2 82 7A): a sequence cut short"},
  };
  for (Syntax syntax : {Syntax::kNTriples, Syntax::kTurtle}) {
    for (const auto& c : cases) {
      Outcome r = Read(
          std::string(kLine) + "<http://e.x/a> <http://e.x/p> \"ab" + c.bytes + "\" .\n", syntax);
      EXPECT_EQ(r.status.message().rfind(c.message, 0), 0u) << r.status.message();
    }
  }
  Outcome r = Read("<http://e.x/\xC0\xAF> <http://e.x/p> <http://e.x/o> .\n", Syntax::kNTriples);
  EXPECT_EQ(r.status.message().rfind("doc:1:13: invalid UTF-8", 0), 0u) << r.status.message();
  r = Read(std::string(kLine) + "# caf\xC3", Syntax::kTurtle);
  EXPECT_EQ(r.status.message(),
            "doc:2:6: invalid UTF-8 (byte C3): a sequence cut short by the end of the input");
}

// Serd reads in pages of 64 KiB: a character split between two pages is still one character,
// and an ill-formed one split that way is still found where it starts.
TEST(InputGuard, Utf8AcrossPageBoundaries) {
  for (size_t shift = 0; shift < 4; ++shift) {
    std::string text = "<http://e.x/a> <http://e.x/p> \"";
    text.append(65536 - text.size() - shift, 'x');
    std::string good = text + "\xF0\x9F\x98\x80\" .\n";
    Outcome r = Read(good, Syntax::kNTriples);
    EXPECT_TRUE(r.status.ok()) << shift << ": " << r.status.message();
    EXPECT_EQ(r.quads, 1u);
    std::string bad = text + "\xF0\x9F\x98z\" .\n";
    r = Read(bad, Syntax::kNTriples);
    EXPECT_EQ(r.status.message().rfind("doc:1:" + std::to_string(65536 - shift + 1) +
                                           ": invalid UTF-8 (bytes F0 9F 98 7A)",
                                       0),
              0u)
        << shift << ": " << r.status.message();
  }
}

// Serd may hand over any number of bytes at a time; one byte at a time is the worst case for
// the characters and strings the guard follows across chunks.
TEST(InputGuard, SameVerdictOneByteAtATime) {
  auto feed = [](std::string_view text) {
    InputGuard g;
    for (size_t i = 0; i < text.size() && !g.failed(); ++i) g.Check(text.substr(i, 1));
    if (!g.failed()) g.Finish();
    return g;
  };
  InputGuard ok = feed("<http://e.x/\xC3\xA9> <http://e.x/p> \"\xF0\x9F\x98\x80 [\" , '''(''' .\n");
  EXPECT_FALSE(ok.failed()) << ok.message();
  InputGuard bad = feed("<http://e.x/a> <http://e.x/p> \"\xF0\x9F\x98\" .\n");
  ASSERT_TRUE(bad.failed());
  EXPECT_EQ(bad.line(), 1u);
  EXPECT_EQ(bad.column(), 32u);
  EXPECT_EQ(bad.message(), "invalid UTF-8 (bytes F0 9F 98 22): a sequence cut short");
  InputGuard deep = feed("<a> <b> " + std::string(InputGuard::kMaxNesting + 1, '['));
  ASSERT_TRUE(deep.failed());
  EXPECT_EQ(deep.column(), 9 + InputGuard::kMaxNesting);
}

std::string Nested(size_t depth, const char* open, const char* close) {
  std::string text = "@prefix e: <http://e.x/> .\ne:s e:p ";
  for (size_t i = 0; i < depth; ++i) text += open;
  text += "e:o";
  for (size_t i = 0; i < depth; ++i) text += close;
  return text + " .\n";
}

TEST(InputGuard, DeepNestingIsAnErrorNotACrash) {
  for (size_t depth : {20000u, 50000u}) {
    for (Syntax syntax : {Syntax::kTurtle, Syntax::kTriG}) {
      Outcome r = Read(Nested(depth, "[ e:p ", " ]"), syntax);
      EXPECT_EQ(r.status.message().rfind("doc:2:6009: too deeply nested: more than 1000", 0), 0u)
          << r.status.message();
      r = Read(Nested(depth, "( ", " )"), syntax);
      EXPECT_EQ(r.status.message().rfind("doc:2:2009: too deeply nested", 0), 0u)
          << r.status.message();
    }
  }
}

// The loader parses on a thread of its own; the limit must hold there too, with room to
// spare: a thread with a quarter of the default stack parses the deepest input allowed.
TEST(InputGuard, NestingUpToTheLimitParsesOnASmallThreadStack) {
  std::string deepest = Nested(InputGuard::kMaxNesting, "[ e:p ", " ]");
  std::string too_deep = Nested(InputGuard::kMaxNesting + 1, "[ e:p ", " ]");
  Outcome ok, refused;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 2 << 20);
  struct Job {
    std::string* deepest;
    std::string* too_deep;
    Outcome* ok;
    Outcome* refused;
  } job{&deepest, &too_deep, &ok, &refused};
  pthread_t t;
  ASSERT_EQ(pthread_create(
                &t, &attr,
                [](void* p) -> void* {
                  auto* j = static_cast<Job*>(p);
                  *j->ok = Read(*j->deepest, Syntax::kTurtle);
                  *j->refused = Read(*j->too_deep, Syntax::kTurtle);
                  return nullptr;
                },
                &job),
            0);
  pthread_join(t, nullptr);
  pthread_attr_destroy(&attr);
  EXPECT_TRUE(ok.status.ok()) << ok.status.message();
  EXPECT_EQ(ok.quads, InputGuard::kMaxNesting + 1);
  EXPECT_NE(refused.status.message().find("too deeply nested"), std::string::npos);
}

TEST(InputGuard, BracketsInStringsIrisAndCommentsDoNotCount) {
  std::string many(3000, '[');
  std::string text = "@prefix e: <http://e.x/> .\n# " + many + "\ne:s e:p \"" + many + "\", '" +
                     many + "', \"\"\"" + many + "\"\"\", '''" + many + "\\''''" + ", \"\\\"" +
                     many + "\", \"\", <http://e.x/" + std::string(3000, '(') +
                     "> ; e:q e:a\\(b .\n";
  Outcome r = Read(text, Syntax::kTurtle);
  EXPECT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.quads, 8u);
  // Closed brackets do not add up either.
  std::string flat = "@prefix e: <http://e.x/> .\n";
  for (int i = 0; i < 3000; ++i) flat += "e:s e:p [ e:p ( e:o ) ] .\n";
  r = Read(flat, Syntax::kTurtle);
  EXPECT_TRUE(r.status.ok()) << r.status.message();
}

TEST(InputGuard, UnterminatedIriSaysSo) {
  Outcome r = Read("<http://e.x/a> <http://e.x/p> <http://e.x/o", Syntax::kNTriples);
  EXPECT_EQ(r.status.message(),
            "doc:1:31: unterminated IRI: this '<' has no '>' before the end of the input");
  r = Read(std::string(kLine) + "<http://e.x/a> <http://e.x/p> <http://e.x/o\n", Syntax::kTurtle);
  EXPECT_EQ(r.status.message(),
            "doc:2:31: unterminated IRI: this '<' has no '>' before the end of the line");
}

// Serd starts line 1 at column 1 and the other lines at 0; the reader evens that out.
TEST(InputGuard, SerdColumnsOnTheFirstLine) {
  Outcome r = Read("<http://s> <http://p> \"open .\n", Syntax::kNTriples);
  EXPECT_EQ(r.status.message(), "doc:1:30: line end in short string");
}

}  // namespace
}  // namespace hamlet::io

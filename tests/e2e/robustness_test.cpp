// Issue 12 as a user meets it: malformed bytes in a file stop the load with FILE:LINE:COL,
// exit code 1 and the store as it was; nothing crashes.
#include <gtest/gtest.h>

#include <string>

#include "support/run_command.h"
#include "support/temp_dir.h"

namespace hamlet::testing {
namespace {

class LoadRobustness : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = "--store " + tmp_.Sub("db");
    ASSERT_EQ(RunHamlet(store_ + " load -q " +
                        tmp_.Write("ok.nt", "<http://e.x/k> <http://e.x/p> \"kept\" .\n"))
                  .exit_code,
              0);
  }
  // Loads `content` as file `name`; expects a refusal naming `where` and an unchanged store.
  void ExpectRefused(const std::string& name, const std::string& content, const std::string& where,
                     const std::string& what) {
    std::string path = tmp_.Write(name, content);
    auto r = RunHamlet(store_ + " load " + path);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find(path + ":" + where + ": " + what), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("the store is unchanged"), std::string::npos) << r.err;
    auto e = RunHamlet(store_ + " export --format nq");
    EXPECT_EQ(e.out, "<http://e.x/k> <http://e.x/p> \"kept\" .\n");
  }
  TempDir tmp_;
  std::string store_;
};

TEST_F(LoadRobustness, NulByteInNQuads) {
  std::string q = "<http://e.x/a> <http://e.x/p> <http://e.x/o> <http://e.x/g> .\n";
  ExpectRefused("n.nq", q + std::string(1, '\0') + "\n" + q, "2:1", "a NUL byte");
}

TEST_F(LoadRobustness, NulByteInTurtle) {
  ExpectRefused("n.ttl", std::string("<http://e.x/a> <http://e.x/p> <http://e.x/o> .\n  \0\n", 51),
                "2:3", "a NUL byte");
}

TEST_F(LoadRobustness, IllFormedUtf8) {
  std::string head = "<http://e.x/a> <http://e.x/p> \"";
  ExpectRefused("o.nt", head + "\xC0\xAF\" .\n", "1:32", "invalid UTF-8 (bytes C0 AF)");
  ExpectRefused("l.nt", head + "\xF4\x90\x80\x80\" .\n", "1:32", "invalid UTF-8 (bytes F4 90");
  ExpectRefused("s.nt", head + "\xED\xA0\x80\" .\n", "1:32", "invalid UTF-8 (bytes ED A0 80)");
}

TEST_F(LoadRobustness, DeepNestingIsRefusedWithoutACrash) {
  std::string text = "@prefix e: <http://e.x/> .\ne:s e:p ";
  for (int i = 0; i < 20000; ++i) text += "[ e:p ";
  ExpectRefused("deep.ttl", text + "e:o" + std::string(20000, ']') + " .\n", "2:6009",
                "too deeply nested");
  std::string coll = "@prefix e: <http://e.x/> .\ne:s e:p " + std::string(50000, '(');
  ExpectRefused("deep.trig", coll + std::string(50000, ')') + " .\n", "2:1009",
                "too deeply nested");
}

TEST_F(LoadRobustness, UnterminatedIriAtTheEnd) {
  ExpectRefused("u.nt", "<http://e.x/a> <http://e.x/p> <http://e.x/o", "1:31", "unterminated IRI");
}

// Issue 12 (3): an export in Turtle or TriG loads back as the same literals.
TEST(ExportRoundTrip, TypedLiteralsKeepTheirExactLexicalForm) {
  TempDir tmp;
  std::string data = tmp.Write("lit.ttl",
                               "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
                               "<http://e.x/s> <http://e.x/p> \"abc\"^^xsd:integer, "
                               "\"1\"^^xsd:boolean, \" 42 \"^^xsd:integer,"
                               " 42, \"1.5e3\"^^xsd:decimal, 1.5, true, \"5.\"^^xsd:decimal .\n");
  ASSERT_EQ(RunHamlet("--store " + tmp.Sub("a") + " load -q " + data).exit_code, 0);
  auto original = RunHamlet("--store " + tmp.Sub("a") + " export --format nq");
  ASSERT_EQ(original.exit_code, 0);
  for (const char* format : {"ttl", "trig"}) {
    std::string out = tmp.Sub(std::string("out.") + format);
    ASSERT_EQ(RunHamlet("--store " + tmp.Sub("a") + " export --format " + format + " -o " + out)
                  .exit_code,
              0);
    std::string reloaded = tmp.Sub(std::string("b-") + format);
    auto load = RunHamlet("--store " + reloaded + " load -q " + out);
    ASSERT_EQ(load.exit_code, 0) << load.err << Slurp(out);
    EXPECT_EQ(RunHamlet("--store " + reloaded + " export --format nq").out, original.out)
        << Slurp(out);
  }
}

}  // namespace
}  // namespace hamlet::testing

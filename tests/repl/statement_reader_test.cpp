// Cutting input lines into statements: the parser decides, with look-ahead when more input
// is already waiting (scripts, pastes).
#include "repl/statement_reader.h"

#include <gtest/gtest.h>

#include <deque>

namespace hamlet::repl {
namespace {

using Kind = InputItem::Kind;

// Lines from a list. `pending`: whether they count as already waiting (a script) or as typed
// one at a time by a person.
class ListSource : public LineSource {
 public:
  ListSource(std::deque<std::string> lines, bool pending)
      : lines_(std::move(lines)), pending_(pending) {}
  Outcome Read(bool, std::string* line) override {
    if (lines_.empty()) return Outcome::kEnd;
    if (lines_.front() == "<Ctrl-C>") {
      lines_.pop_front();
      return Outcome::kInterrupted;
    }
    *line = lines_.front();
    lines_.pop_front();
    return Outcome::kLine;
  }
  bool Pending() override { return pending_ && !lines_.empty(); }

 private:
  std::deque<std::string> lines_;
  bool pending_;
};

struct Fixture {
  Fixture(std::deque<std::string> lines, bool pending)
      : source(std::move(lines), pending),
        reader(&source, [this]() -> const io::PrefixList& { return prefixes; }) {}
  io::PrefixList prefixes = {{"ex", "http://ex.org/"}};
  ListSource source;
  StatementReader reader;
};

TEST(StatementReader, MultiLineStatementEndsWhenTheParserSaysSo) {
  Fixture f({"SELECT ?s", "WHERE {", "  ?s ?p ?o", "}", ".help"}, false);
  InputItem a = f.reader.Next();
  ASSERT_EQ(a.kind, Kind::kStatement);
  EXPECT_EQ(a.text, "SELECT ?s\nWHERE {\n  ?s ?p ?o\n}");
  EXPECT_EQ(a.first_line, 1u);
  InputItem b = f.reader.Next();
  EXPECT_EQ(b.kind, Kind::kDotCommand);
  EXPECT_EQ(b.text, ".help");
  EXPECT_EQ(f.reader.Next().kind, Kind::kEnd);
}

TEST(StatementReader, TypedByHandACompleteQueryRunsAtOnce) {
  Fixture f({"SELECT * { ?s ?p ?o }", "LIMIT 5"}, false);
  EXPECT_EQ(f.reader.Next().kind, Kind::kStatement);
  InputItem b = f.reader.Next();
  EXPECT_EQ(b.kind, Kind::kSyntaxError) << "LIMIT alone is not a query";
}

TEST(StatementReader, WaitingLinesThatContinueAStatementJoinIt) {
  Fixture f({"SELECT ?c (COUNT(*) AS ?n) WHERE { ?s a ?c }", "GROUP BY ?c", "LIMIT 5",
             "SELECT * { ?s ?p ?o }", "ASK {}"},
            true);
  InputItem a = f.reader.Next();
  ASSERT_EQ(a.kind, Kind::kStatement);
  EXPECT_EQ(a.text, "SELECT ?c (COUNT(*) AS ?n) WHERE { ?s a ?c }\nGROUP BY ?c\nLIMIT 5");
  InputItem b = f.reader.Next();
  ASSERT_EQ(b.kind, Kind::kStatement);
  EXPECT_EQ(b.text, "SELECT * { ?s ?p ?o }");
  EXPECT_EQ(b.first_line, 4u);
  InputItem c = f.reader.Next();
  ASSERT_EQ(c.kind, Kind::kStatement);
  EXPECT_EQ(c.first_line, 5u);
  EXPECT_EQ(f.reader.Next().kind, Kind::kEnd);
}

TEST(StatementReader, SemicolonEndsAStatementWithoutLookAhead) {
  Fixture f({"SELECT * { ?s ?p ?o } ;", "LIMIT 5"}, true);
  InputItem a = f.reader.Next();
  ASSERT_EQ(a.kind, Kind::kStatement);
  EXPECT_TRUE(a.check.terminated);
  EXPECT_EQ(f.reader.Next().kind, Kind::kSyntaxError);
}

TEST(StatementReader, AfterAnErrorTheRestOfAWaitingStatementIsSkipped) {
  Fixture f({"SELECT * WHERE {", "  ?s ?p ?o . . }", "  ?x ?y ?z }", "LIMIT 3", "",
             ".prefix a: <http://a/>", "ASK {}"},
            true);
  InputItem a = f.reader.Next();
  ASSERT_EQ(a.kind, Kind::kSyntaxError);
  EXPECT_EQ(a.first_line, 1u);
  EXPECT_EQ(a.check.error->line, 2u);
  InputItem b = f.reader.Next();
  EXPECT_EQ(b.kind, Kind::kDotCommand) << "a dot-command is never skipped";
  EXPECT_EQ(b.skipped_lines, 2u);
  EXPECT_EQ(f.reader.Next().kind, Kind::kStatement);
}

TEST(StatementReader, TypedByHandAfterAnErrorNothingIsSkipped) {
  Fixture f({"SELECT * { . }", "LIMIT 3"}, false);
  EXPECT_EQ(f.reader.Next().kind, Kind::kSyntaxError);
  InputItem b = f.reader.Next();
  EXPECT_EQ(b.kind, Kind::kSyntaxError);
  EXPECT_EQ(b.text, "LIMIT 3");
}

TEST(StatementReader, CtrlCDropsThePartialStatement) {
  Fixture f({"SELECT * {", "<Ctrl-C>", "ASK {}"}, false);
  EXPECT_EQ(f.reader.Next().kind, Kind::kInterrupted);
  EXPECT_TRUE(f.reader.buffer().empty());
  InputItem b = f.reader.Next();
  ASSERT_EQ(b.kind, Kind::kStatement);
  EXPECT_EQ(b.text, "ASK {}");
}

TEST(StatementReader, InputEndingInsideAStatement) {
  Fixture f({"SELECT * {", "  ?s ?p ?o"}, true);
  InputItem a = f.reader.Next();
  ASSERT_EQ(a.kind, Kind::kUnfinished);
  ASSERT_TRUE(a.check.error);
  EXPECT_NE(a.check.error->message.find("found end of input"), std::string::npos);
}

TEST(StatementReader, ExplainSpansLinesUntilItsQueryIsComplete) {
  Fixture f({".explain SELECT * {", "?s ?p ?o }"}, false);
  InputItem a = f.reader.Next();
  ASSERT_EQ(a.kind, Kind::kDotCommand);
  EXPECT_EQ(a.text, ".explain SELECT * {\n?s ?p ?o }");
}

TEST(StatementReader, CommentsAndBlankLinesBetweenStatements) {
  Fixture f({"", "# which graphs?", "", "SELECT DISTINCT ?g { GRAPH ?g {} }"}, true);
  InputItem a = f.reader.Next();
  ASSERT_EQ(a.kind, Kind::kStatement);
  EXPECT_EQ(a.first_line, 4u);
  EXPECT_EQ(f.reader.Next().kind, Kind::kEnd);
}

}  // namespace
}  // namespace hamlet::repl

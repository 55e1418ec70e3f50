// The parser deciding when a statement is complete, with the session's prefixes in front.
#include "repl/statement.h"

#include <gtest/gtest.h>

namespace hamlet::repl {
namespace {

const io::PrefixList kPrefixes = {{"ex", "http://example.org/"},
                                  {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"}};

TEST(Statement, CompleteQueryUsesSessionPrefixes) {
  auto c = CheckStatement("SELECT * WHERE { ?s a ex:Thing }\n", kPrefixes);
  EXPECT_EQ(c.state, InputState::kComplete);
  EXPECT_FALSE(c.is_update);
  EXPECT_EQ(c.text, "SELECT * WHERE { ?s a ex:Thing }\n");
}

TEST(Statement, OpenBraceOrMissingClauseWaitsForMoreLines) {
  EXPECT_EQ(CheckStatement("SELECT * WHERE {\n", kPrefixes).state, InputState::kIncomplete);
  EXPECT_EQ(CheckStatement("SELECT * WHERE { ?s ?p ?o\n", kPrefixes).state,
            InputState::kIncomplete);
  EXPECT_EQ(CheckStatement("SELECT ?x\n", kPrefixes).state, InputState::kIncomplete);
  EXPECT_EQ(CheckStatement("SELECT * { ?s ?p ?o } LIMIT\n", kPrefixes).state,
            InputState::kIncomplete);
  EXPECT_EQ(CheckStatement("PREFIX a: <http://a/>\n", kPrefixes).state, InputState::kIncomplete);
  EXPECT_EQ(CheckStatement("SELECT * { ?s ?p \"\"\"two\nlines\n", kPrefixes).state,
            InputState::kIncomplete);
}

TEST(Statement, IncompleteReportsWhatWasExpectedAtTheLastCharacter) {
  auto c = CheckStatement("SELECT * WHERE {\n  ?s ?p ?o\n\n", kPrefixes);
  ASSERT_EQ(c.state, InputState::kIncomplete);
  ASSERT_TRUE(c.error);
  EXPECT_EQ(c.error->line, 2u);
  EXPECT_EQ(c.error->column, 11u);
  EXPECT_EQ(c.error->line_text, "  ?s ?p ?o");
  EXPECT_NE(c.error->message.find("opened at line 1"), std::string::npos) << c.error->message;
}

TEST(Statement, ErrorPositionsAreInTheUsersText) {
  auto c = CheckStatement("SELECT * WHERE {\n  ?s ?p ?o . . }\n", kPrefixes);
  ASSERT_EQ(c.state, InputState::kError);
  ASSERT_TRUE(c.error);
  EXPECT_EQ(c.error->line, 2u);
  EXPECT_EQ(c.error->column, 14u);
  EXPECT_EQ(c.error->line_text, "  ?s ?p ?o . . }");
  // The prologue line in front must not shift the line named in the message.
  EXPECT_NE(c.error->message.find("opened at line 1"), std::string::npos) << c.error->message;
  EXPECT_EQ(c.error->ToString(),
            "line 2, column 14: expected '}' to close the group opened at line 1, found '.'\n"
            "  ?s ?p ?o . . }\n             ^");
}

TEST(Statement, UndeclaredPrefixIsAnErrorNotIncomplete) {
  auto c = CheckStatement("SELECT * { ?s a nope:X }\n", kPrefixes);
  ASSERT_EQ(c.state, InputState::kError);
  EXPECT_EQ(c.error->line, 1u);
  EXPECT_EQ(c.error->column, 17u);
}

TEST(Statement, SemicolonEndsACompleteStatementOnly) {
  auto done = CheckStatement("SELECT * { ?s ?p ?o } ;\n", kPrefixes);
  EXPECT_EQ(done.state, InputState::kComplete);
  EXPECT_TRUE(done.terminated);
  EXPECT_EQ(done.text, "SELECT * { ?s ?p ?o } ");
  // Inside a group ';' continues the subject's predicate-object list.
  EXPECT_EQ(CheckStatement("SELECT * { ?s ex:p ?o ;\n", kPrefixes).state, InputState::kIncomplete);
}

TEST(Statement, DeclaredPrefixesAreReturned) {
  auto c = CheckStatement("PREFIX new: <http://new.example/>\nASK { ?s a new:X }", kPrefixes);
  ASSERT_EQ(c.state, InputState::kComplete);
  bool found = false;
  for (const auto& [name, iri] : c.prefixes) found |= name == "new" && iri == "http://new.example/";
  EXPECT_TRUE(found);
}

TEST(Statement, UpdatesAreRecognised) {
  auto c = CheckStatement("INSERT DATA { ex:a ex:b ex:c }", kPrefixes);
  EXPECT_EQ(c.state, InputState::kComplete);
  EXPECT_TRUE(c.is_update);
  EXPECT_EQ(CheckStatement("INSERT DATA {\n", kPrefixes).state, InputState::kIncomplete);
}

TEST(Statement, BlankAndComments) {
  EXPECT_EQ(CheckStatement("  \n# just a comment\n", kPrefixes).state, InputState::kEmpty);
  EXPECT_TRUE(IsBlank("# c\n\t\n"));
  EXPECT_FALSE(IsBlank("# c\nSELECT"));
}

TEST(Statement, LongStrings) {
  EXPECT_TRUE(EndsInsideLongString("SELECT * { ?s ?p \"\"\"abc\n"));
  EXPECT_FALSE(EndsInsideLongString("SELECT * { ?s ?p \"\"\"abc\"\"\" }"));
  EXPECT_FALSE(EndsInsideLongString("SELECT * { <http://x#\"\"\"> ?p \"a\" }"));
  EXPECT_FALSE(EndsInsideLongString("# \"\"\" in a comment\n"));
}

TEST(Statement, ShiftErrorLinesMovesMessageToo) {
  auto c = CheckStatement("SELECT * WHERE {\n ?s ?p ?o . . }", kPrefixes);
  ASSERT_TRUE(c.error);
  ShiftErrorLines(&*c.error, 10);
  EXPECT_EQ(c.error->line, 12u);
  EXPECT_NE(c.error->message.find("opened at line 11"), std::string::npos) << c.error->message;
}

}  // namespace
}  // namespace hamlet::repl

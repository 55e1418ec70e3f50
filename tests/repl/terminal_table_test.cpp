// Terminal tables: widths that fit the screen, cut cells, shortened IRIs.
#include "repl/terminal_table.h"

#include "io/writer.h"

#include <gtest/gtest.h>

#include <sstream>

namespace hamlet::repl {
namespace {

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(TerminalTable, ShortIriPicksTheLongestNamespaceWithAValidLocalName) {
  io::PrefixList p = {{"ex", "http://ex.org/"}, {"exa", "http://ex.org/a/"}};
  EXPECT_EQ(ShortIri("http://ex.org/a/b", p), "exa:b");
  EXPECT_EQ(ShortIri("http://ex.org/x", p), "ex:x");
  EXPECT_EQ(ShortIri("http://ex.org/x?y=1", p), "<http://ex.org/x?y=1>");
  EXPECT_EQ(ShortIri("http://other.org/", p), "<http://other.org/>");
}

TEST(TerminalTable, DisplayTerm) {
  io::PrefixList p = {{"xsd", "http://www.w3.org/2001/XMLSchema#"}};
  EXPECT_EQ(DisplayTerm(std::nullopt, p), "");
  EXPECT_EQ(DisplayTerm(rdf::Term::Literal("4", "http://www.w3.org/2001/XMLSchema#integer"), p),
            "4");
  EXPECT_EQ(
      DisplayTerm(rdf::Term::Literal("2020-01-01", "http://www.w3.org/2001/XMLSchema#date"), p),
      "\"2020-01-01\"^^xsd:date");
  EXPECT_EQ(DisplayTerm(rdf::Term::LangLiteral("Wallonie", "fr"), p), "\"Wallonie\"@fr");
  EXPECT_EQ(DisplayTerm(rdf::Term::Literal("two\nlines"), p), "\"two\\nlines\"");
  EXPECT_EQ(DisplayTerm(rdf::Term::Blank("b0"), p), "_:b0");
}

TEST(TerminalTable, TruncateCountsCodePoints) {
  EXPECT_EQ(Truncate("abcdef", 4), "abc\xE2\x80\xA6");
  EXPECT_EQ(Truncate("abc", 4), "abc");
  EXPECT_EQ(Truncate("\xC3\xA9\xC3\xA9\xC3\xA9", 2), "\xC3\xA9\xE2\x80\xA6");
  EXPECT_EQ(DisplayWidth("Belgium \xE2\x80\x93 Wallonia"), 18u);
}

TEST(TerminalTable, FitColumnsCutsTheWidestFirst) {
  EXPECT_EQ(FitColumns({5, 10}, 20), (std::vector<size_t>{5, 10}));
  // 5 + 40 + 50 = 95 > 60: the narrow one keeps 5, the others share 55.
  auto w = FitColumns({5, 40, 50}, 60);
  EXPECT_EQ(w[0], 5u);
  EXPECT_EQ(w[0] + w[1] + w[2], 60u);
  EXPECT_LE(w[1] > w[2] ? w[1] - w[2] : w[2] - w[1], 1u);
  // Not even the minimums fit: minimums.
  EXPECT_EQ(FitColumns({30, 30, 30}, 10, 6), (std::vector<size_t>{6, 6, 6}));
}

TEST(TerminalTable, RenderFitsTheWidthAndCutsWithEllipsis) {
  std::vector<std::vector<std::string>> rows = {
      {"o:be-wal-adn", std::string(100, 'x')},
      {"o:de-bmel", "Federal Ministry of Food and Agriculture"}};
  TableLayout layout;
  layout.width = 60;
  std::string t = RenderTable({"?body", "?name"}, rows, layout);
  auto lines = Lines(t);
  ASSERT_EQ(lines.size(), 6u) << t;
  for (const auto& l : lines) EXPECT_EQ(DisplayWidth(l), 60u) << l;
  EXPECT_EQ(lines[0], "+--------------+-------------------------------------------+");
  EXPECT_EQ(lines[1], "| ?body        | ?name                                     |");
  EXPECT_NE(lines[3].find("x\xE2\x80\xA6 |"), std::string::npos) << lines[3];
  EXPECT_NE(lines[4].find("Federal Ministry of Food and Agriculture"), std::string::npos);
}

TEST(TerminalTable, NoWidthKeepsNaturalWidths) {
  TableLayout layout;
  std::string t = RenderTable({"?a"}, {{"hello"}}, layout);
  EXPECT_EQ(t, "+-------+\n| ?a    |\n+-------+\n| hello |\n+-------+\n");
  EXPECT_EQ(RenderTable({"?a"}, {}, layout), "+----+\n| ?a |\n+----+\n");
}

TEST(TerminalTable, ResultTableShortensIris) {
  io::PrefixList p = {{"nuts", "http://data.europa.eu/nuts/code/"}};
  std::string t = RenderResultTable(
      {"t"}, {{rdf::Term::Iri("http://data.europa.eu/nuts/code/BE3")}}, p, TableLayout{});
  EXPECT_NE(t.find("| nuts:BE3 |"), std::string::npos) << t;
}

}  // namespace
}  // namespace hamlet::repl

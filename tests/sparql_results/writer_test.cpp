// The writers produce exactly the expected text for a sample result set.
#include "sparql/results/writer.h"

#include <cstdio>

#include <gtest/gtest.h>

#include "sparql_results/sample.h"

namespace hamlet::sparql::results {
namespace {

std::string Write(Format f, const ResultSet& rs, const WriterOptions& o = {}) {
  auto s = WriteToString(f, rs, o);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? *s : std::string();
}

TEST(ResultWriter, Json) {
  EXPECT_EQ(Write(Format::kJson, testing::Sample()),
            R"({
  "head": {
    "vars": ["s", "o", "n"]
  },
  "results": {
    "bindings": [
      {"s": {"type": "uri", "value": "http://ex.org/a"}, "o": {"type": "literal", "value": "hello, \"world\"", "xml:lang": "en"}, "n": {"type": "literal", "value": "42", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}},
      {"s": {"type": "bnode", "value": "b1"}, "n": {"type": "literal", "value": "line1\nline2"}},
      {"s": {"type": "uri", "value": "http://ex.org/b"}, "o": {"type": "literal", "value": "1.0e6", "datatype": "http://www.w3.org/2001/XMLSchema#double"}, "n": {"type": "literal", "value": "a<b&c", "datatype": "http://ex.org/dt"}}
    ]
  }
}
)");
  EXPECT_EQ(Write(Format::kJson, ResultSet::Boolean(false)),
            "{\n  \"head\": {},\n  \"boolean\": false\n}\n");
}

TEST(ResultWriter, JsonEmptyAndControlCharacters) {
  ResultSet rs;
  rs.variables = {"x"};
  EXPECT_EQ(Write(Format::kJson, rs),
            "{\n  \"head\": {\n    \"vars\": [\"x\"]\n  },\n  \"results\": {\n    \"bindings\": "
            "[\n    ]\n  }\n}\n");
  rs.rows.push_back({rdf::Term::Literal(std::string("a\x01\\b\t", 5))});
  EXPECT_NE(Write(Format::kJson, rs).find(R"("value": "a\u0001\\b\t")"), std::string::npos);
}

TEST(ResultWriter, Xml) {
  EXPECT_EQ(Write(Format::kXml, testing::Sample()),
            R"(<?xml version="1.0"?>
<sparql xmlns="http://www.w3.org/2005/sparql-results#">
  <head>
    <variable name="s"/>
    <variable name="o"/>
    <variable name="n"/>
  </head>
  <results>
    <result>
      <binding name="s"><uri>http://ex.org/a</uri></binding>
      <binding name="o"><literal xml:lang="en">hello, "world"</literal></binding>
      <binding name="n"><literal datatype="http://www.w3.org/2001/XMLSchema#integer">42</literal></binding>
    </result>
    <result>
      <binding name="s"><bnode>b1</bnode></binding>
      <binding name="n"><literal>line1
line2</literal></binding>
    </result>
    <result>
      <binding name="s"><uri>http://ex.org/b</uri></binding>
      <binding name="o"><literal datatype="http://www.w3.org/2001/XMLSchema#double">1.0e6</literal></binding>
      <binding name="n"><literal datatype="http://ex.org/dt">a&lt;b&amp;c</literal></binding>
    </result>
  </results>
</sparql>
)");
  EXPECT_EQ(Write(Format::kXml, ResultSet::Boolean(true)),
            "<?xml version=\"1.0\"?>\n<sparql "
            "xmlns=\"http://www.w3.org/2005/sparql-results#\">\n  <head/>\n  "
            "<boolean>true</boolean>\n</sparql>\n");
}

TEST(ResultWriter, Csv) {
  EXPECT_EQ(Write(Format::kCsv, testing::Sample()),
            "s,o,n\r\n"
            "http://ex.org/a,\"hello, \"\"world\"\"\",42\r\n"
            "_:b1,,\"line1\nline2\"\r\n"
            "http://ex.org/b,1.0e6,a<b&c\r\n");
}

TEST(ResultWriter, Tsv) {
  EXPECT_EQ(Write(Format::kTsv, testing::Sample()),
            "?s\t?o\t?n\n"
            "<http://ex.org/a>\t\"hello, \\\"world\\\"\"@en\t42\n"
            "_:b1\t\t\"line1\\nline2\"\n"
            "<http://ex.org/b>\t1.0e6\t\"a<b&c\"^^<http://ex.org/dt>\n");
  // Numbers are bare only when the lexical form reads back as the same term.
  EXPECT_EQ(TsvCell(rdf::Term::Literal("01", std::string(rdf::vocab::kXsdInteger))), "01");
  EXPECT_EQ(TsvCell(rdf::Term::Literal("1.", std::string(rdf::vocab::kXsdDecimal))),
            "\"1.\"^^<http://www.w3.org/2001/XMLSchema#decimal>");
  EXPECT_EQ(TsvCell(rdf::Term::Literal("2", std::string(rdf::vocab::kXsdDouble))),
            "\"2\"^^<http://www.w3.org/2001/XMLSchema#double>");
  EXPECT_EQ(TsvCell(rdf::Term::Literal("true", std::string(rdf::vocab::kXsdBoolean))), "true");
}

TEST(ResultWriter, Table) {
  WriterOptions o;
  o.prefixes = {{"ex", "http://ex.org/"}, {"exa", "http://ex.org/a"}};
  o.max_cell_width = 12;
  EXPECT_EQ(Write(Format::kTable, testing::Sample(), o),
            "+------+--------------+--------------+\n"
            "| ?s   | ?o           | ?n           |\n"
            "+------+--------------+--------------+\n"
            "| exa: | \"hello, \\\"w\xE2\x80\xA6 | 42           |\n"
            "| _:b1 |              | \"line1\\nlin\xE2\x80\xA6 |\n"
            "| ex:b | 1.0e6        | \"a<b&c\"^^ex\xE2\x80\xA6 |\n"
            "+------+--------------+--------------+\n"
            "3 rows\n");
  ResultSet one;
  one.variables = {"x"};
  one.rows.push_back({rdf::Term::Iri("http://other.org/z y")});
  o.max_cell_width = 0;
  EXPECT_EQ(Write(Format::kTable, one, o),
            "+-----------------------------+\n"
            "| ?x                          |\n"
            "+-----------------------------+\n"
            "| <http://other.org/z\\u0020y> |\n"
            "+-----------------------------+\n"
            "1 row\n");
}

TEST(ResultWriter, ProtocolErrors) {
  std::string out;
  auto w = CreateWriter(Format::kJson, Output(&out));
  EXPECT_FALSE(w->Row({}).ok());
  ASSERT_TRUE(w->Start({"a"}).ok());
  EXPECT_EQ(w->Row({}).code(), Status::Code::kInvalidArgument);
  EXPECT_FALSE(w->WriteBoolean(true).ok());
  EXPECT_TRUE(w->Finish().ok());
  EXPECT_FALSE(w->Finish().ok());
  EXPECT_FALSE(FormatFromName("yaml").ok());
  EXPECT_EQ(*FormatFromName("srj"), Format::kJson);
}

TEST(ResultWriter, WritesToFile) {
  FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  auto w = CreateWriter(Format::kCsv, Output(f));
  ASSERT_TRUE(WriteResultSet(testing::Sample(), w.get()).ok());
  std::rewind(f);
  std::string text;
  char buf[256];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
  std::fclose(f);
  EXPECT_EQ(text, Write(Format::kCsv, testing::Sample()));
}

}  // namespace
}  // namespace hamlet::sparql::results

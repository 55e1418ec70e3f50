// Streaming writers of SPARQL query results: SPARQL 1.1 Query Results JSON and XML, CSV and
// TSV (SPARQL 1.1 Query Results CSV and TSV Formats), and an aligned text table for terminals.
//
// Protocol: for SELECT call Start(variables) once, Row(row) per solution (row[i] is the value
// of variables[i], std::nullopt = unbound; REQUIRES row.size() == variables.size()), then
// Finish() once. For ASK call WriteBoolean(value) once instead (it writes the whole document,
// no Finish needed). Calls out of this order return InvalidArgument. Output goes to a FILE*
// (not owned; must outlive the writer) or appends to a std::string (not owned).
//
// Formats, exactly:
//  * json: {"head": {"vars": [...]}, "results": {"bindings": [...]}} with one binding object
//    per line; terms {"type": "uri"|"bnode"|"literal", "value": ..., "xml:lang"/"datatype"};
//    xsd:string literals carry no datatype. ASK: {"head": {}, "boolean": true}.
//  * xml: <sparql xmlns="http://www.w3.org/2005/sparql-results#"> with <head>, <results>;
//    & < > " escaped, CR written as &#xD; so that parsers keep it; other C0 control
//    characters (not representable in XML 1.0) are written as &#x..; character references.
//  * csv: header of variable names; IRIs bare, literals by lexical form, blank nodes _:label,
//    unbound empty; fields with , " CR or LF quoted ("" for a quote); CRLF line ends.
//    ASK (not defined by the spec): "_askResult" CRLF "true" CRLF.
//  * tsv: header ?x<TAB>?y; terms in N-Triples syntax, except literals of xsd:integer,
//    xsd:decimal, xsd:double and xsd:boolean whose lexical form is a Turtle number/boolean
//    token, which are written bare (4, 5.5, 1.0e6, true); LF line ends. ASK: "?_askResult".
//  * table: holds the first 1,000 rows to size the columns, then streams (later cells are cut
//    to those widths with "…"); prints a box of columns sized to content,
//    IRIs shortened with the prefix list, cells longer than max_cell_width code points cut
//    with "…", and a footer "N rows" (or "1 row"). ASK prints "true"/"false" and newline.
//
// Thread safety: one writer per thread.
#pragma once

#include <cstddef>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rdf/status.h"
#include "rdf/term.h"
#include "sparql/results/result_set.h"

namespace hamlet::sparql::results {

enum class Format { kJson, kXml, kCsv, kTsv, kTable };

// "json"/"srj", "xml"/"srx", "csv", "tsv", "table". InvalidArgument otherwise.
Result<Format> FormatFromName(std::string_view name);
std::string_view FormatName(Format f);
// The media type (application/sparql-results+json, ..., text/plain for the table).
std::string_view FormatMediaType(Format f);

// Where a writer sends bytes: a FILE* or a string (appended to). Not owned.
class Output {
 public:
  explicit Output(FILE* file) : file_(file) {}
  explicit Output(std::string* str) : str_(str) {}
  Status Write(std::string_view bytes);
  Status Flush();

 private:
  FILE* file_ = nullptr;
  std::string* str_ = nullptr;
};

struct WriterOptions {
  // Table: (prefix name, namespace IRI) pairs used to shorten IRIs as name:local.
  std::vector<std::pair<std::string, std::string>> prefixes;
  // Table: cells longer than this many code points are cut and end in "…". 0 = no limit.
  size_t max_cell_width = 60;
  // Table: print the "N rows" footer.
  bool row_count_footer = true;
};

class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  virtual Status Start(const std::vector<std::string>& variables) = 0;
  virtual Status Row(const std::vector<std::optional<rdf::Term>>& row) = 0;
  virtual Status Finish() = 0;
  virtual Status WriteBoolean(bool value) = 0;
};

std::unique_ptr<ResultWriter> CreateWriter(Format format, Output out,
                                           const WriterOptions& options = {});

// Writes a whole result set (SELECT or ASK) with `writer`.
Status WriteResultSet(const ResultSet& rs, ResultWriter* writer);
// Convenience: the whole document as a string.
Result<std::string> WriteToString(Format format, const ResultSet& rs,
                                  const WriterOptions& options = {});

// Term renderings shared by the writers (exposed for the executor and tests):
// the CSV field text of a term (before quoting) and the TSV cell.
std::string CsvCell(const std::optional<rdf::Term>& t);
std::string TsvCell(const std::optional<rdf::Term>& t);

}  // namespace hamlet::sparql::results

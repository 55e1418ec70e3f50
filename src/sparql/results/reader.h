// Readers of SPARQL query results, for conformance runners and tests: SPARQL Query Results
// XML (.srx), JSON (.srj), TSV and CSV, and result sets written as RDF graphs in the
// result-set vocabulary (rs: = http://www.w3.org/2001/sw/DataAccess/tests/result-set#).
//
// Every reader returns InvalidInput with a message naming `name` (a file name) on malformed
// input; no exception escapes. Whole documents are read into memory (test-sized inputs).
//
//  * .srx: any XML parser-valid document; comments ignored; <result/> with no binding is a
//    row of unbound cells; whitespace inside <literal> is kept; xml:lang and datatype;
//    <boolean>. Element names may carry a namespace prefix (it is ignored).
//  * .srj: head.vars, results.bindings; type uri / bnode / literal / typed-literal,
//    "xml:lang", "datatype"; "boolean". Variables bound in rows but missing from head.vars
//    are an error.
//  * .tsv: header ?x<TAB>?y (a leading '$' or no sigil accepted); cells in Turtle term
//    syntax (<iri>, _:b, "x", 'x', "x"@en, "x"^^<dt>, bare integers / decimals / doubles /
//    true / false typed as xsd:integer / decimal / double / boolean); empty cell = unbound.
//    CRLF or LF line ends; empty lines are skipped when there are two or more columns (with
//    one column an empty line is a row with the cell unbound). A header-only "?_askResult" document
//    is not recognised as ASK.
//  * .csv: RFC 4180 text (quoted fields, "" inside quotes, CRLF or LF). CSV has no types:
//    each non-empty cell becomes a literal of xsd:string with the cell text, except cells
//    that start with "_:" which become blank nodes; empty cells are unbound. Compare it with
//    CsvProjection(actual) (compare.h).
//  * rs: graph: the node typed rs:ResultSet (or the only subject of rs:resultVariable /
//    rs:solution / rs:boolean); variables in order of the rs:resultVariable triples as read;
//    rs:index (if every solution has one) orders the rows and sets ResultSet::ordered.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rdf/status.h"
#include "rdf/term.h"
#include "sparql/results/result_set.h"

namespace hamlet::sparql::results {

Result<ResultSet> ParseSrx(std::string_view text, const std::string& name = "<srx>");
Result<ResultSet> ParseSrj(std::string_view text, const std::string& name = "<srj>");
Result<ResultSet> ParseTsv(std::string_view text, const std::string& name = "<tsv>");
Result<ResultSet> ParseCsv(std::string_view text, const std::string& name = "<csv>");

// A result set from the quads of an RDF document in the rs: vocabulary. NotFound when the
// graph holds no result set (then it is a plain CONSTRUCT/DESCRIBE graph).
Result<ResultSet> ResultSetFromGraph(const std::vector<rdf::Quad>& quads,
                                     const std::string& name = "<graph>");
// True when `quads` contain a result set in the rs: vocabulary.
bool IsResultSetGraph(const std::vector<rdf::Quad>& quads);

// Parses one Turtle term as written in a TSV cell (see above). Exposed for tests.
Result<rdf::Term> ParseTurtleTerm(std::string_view cell);

// Reads a result file, choosing the format by extension: .srx .srj .tsv .csv, or .ttl .nt
// (an rs: graph, read with io::ReadAllQuads with `base_iri` as base; empty base = the file's
// file: IRI). .rdf is not readable (Serd has no RDF/XML); pass the N-Triples copy under
// shared/w3c/derived/ instead. NotFound when the file does not exist.
Result<ResultSet> ReadResultFile(const std::string& path, const std::string& base_iri = {});

}  // namespace hamlet::sparql::results

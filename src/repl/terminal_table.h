// Result tables for a terminal: the shared renderer of sparql/results/table.h, fitted to the
// terminal's width (columns that fit, long cells cut with "…", IRIs shortened with the
// session's prefixes), and the text helpers of rdf/text.h the REPL uses.
#pragma once

#include "rdf/text.h"
#include "sparql/results/table.h"

namespace hamlet::repl {

using rdf::DisplayWidth;
using rdf::ShortIri;
using rdf::Truncate;
using sparql::results::DisplayTerm;
using sparql::results::FitColumns;
using sparql::results::RenderResultTable;
using sparql::results::RenderTable;
using sparql::results::TableLayout;

}  // namespace hamlet::repl

// Writes a prepared query's answer as it is computed: SELECT / ASK through a result writer
// (JSON, XML, CSV, TSV, table), CONSTRUCT / DESCRIBE through an RDF writer. Rows are decoded
// one batch at a time, so memory stays flat however long the answer is.
//
// Errors: the query's (timeout, budget, store) or the writer's (IoError when the output
// fails); what was written before the error stays written. `rows` (may be null) receives the
// number of solutions or triples written.
#pragma once

#include <cstdint>

#include "io/writer.h"
#include "sparql/engine/query_engine.h"
#include "sparql/results/writer.h"

namespace hamlet::sparql {

// REQUIRES: query.form() is SELECT or ASK.
Status WriteSolutions(PreparedQuery& query, results::ResultWriter* writer, uint64_t* rows);
// REQUIRES: query.form() is CONSTRUCT or DESCRIBE.
Status WriteTriples(PreparedQuery& query, io::QuadWriter* writer, uint64_t* triples);

}  // namespace hamlet::sparql
